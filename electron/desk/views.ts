// The desk log as the screens see it: state chips of DOMAIN.md 10.1, people, documents with
// checksums and ticks, and what may be done next.
import {
  codedMessage, IDENTITY_DOCUMENT_LABELS, isErrorCode, shownParams,
  type CodedMessage, type ErrorCode, type IdentityDocumentType, type Locale, type LocalizedText, type TransactionState,
} from '../../core/index.js';
import type { DeskDocumentRecord, DeskIdentityDocument, DeskOperationRecord } from '../../db/repositories/desk-queries.js';
import type { RaddTransaction } from '../../db/repositories/radd-transactions-repo.js';
import type { Identification } from '../api/contract/desk.js';
import type { DeskDocumentView, DeskHistoryItem, DeskIdentityDocumentView, DeskInquiryView, DeskNameView, DeskTransactionView } from '../api/contract/desk-views.js';
import type { InquiryResult } from './inquiry.js';
import { toPreview } from './plan.js';
import { hexToBase64 } from '../../db/files.js';
import { isPurgedScanRef, type StoredScanRef } from '../../db/repositories/scan-retention-repo.js';

/** A scan as stored, or what is left of it after the data-retention purge (no key, the date and setting). */
function scanRefView(x: StoredScanRef): DeskTransactionView['scans'][number] {
  const base = { role: x.role, contentType: x.contentType, bytes: x.bytes };
  return isPurgedScanRef(x) ? { ...base, sha256: null, purgedAt: x.purgedAt, retentionDays: x.retentionDays } : { ...base, sha256: x.sha256, purgedAt: null, retentionDays: null };
}

/** DOMAIN.md 10.1 status chips ("Iniziata", "Completata", "Annullata", "Errore"); DRAFT is a start not yet resolved. */
const STATE_LABELS: Record<TransactionState, LocalizedText> = {
  DRAFT: { it: 'In preparazione', en: 'Being prepared' },
  STARTED: { it: 'Iniziata', en: 'Started' },
  COMPLETED: { it: 'Completata', en: 'Completed' },
  ABORTED: { it: 'Annullata', en: 'Aborted' },
  ERROR: { it: 'Errore', en: 'Error' },
};

export const stateLabel = (s: TransactionState): LocalizedText => STATE_LABELS[s];

const produced = (d: DeskDocumentRecord) => d.printedAt !== null || d.downloadedAt !== null;

export function documentView(d: DeskDocumentRecord): DeskDocumentView {
  return {
    position: d.position, key: d.key, kind: d.kind, iun: d.iun, title: d.title, sha256: d.sha256,
    printedAt: d.printedAt, downloadedAt: d.downloadedAt, handedOverAt: d.handedOverAt, canHandOver: produced(d),
  };
}

/** Every document printed or downloaded and ticked as handed over (DOMAIN.md 10.1 "Ho finito"). */
export function allHandedOver(docs: readonly DeskDocumentRecord[]): boolean {
  return docs.length > 0 && docs.every((d) => produced(d) && d.handedOverAt !== null);
}

function identityView(d: DeskIdentityDocument | null): DeskIdentityDocumentView | null {
  if (!d) return null;
  const label = IDENTITY_DOCUMENT_LABELS[d.type as IdentityDocumentType] ?? { it: d.type, en: d.type };
  return { ...d, typeLabel: label };
}

/** An operation as a screen sees it; `locale` is the request's, for the message of an error reason. */
export function transactionView(
  tx: RaddTransaction,
  desk: { record: DeskOperationRecord; documents: DeskDocumentRecord[] } | undefined,
  locale: Locale,
  repeated = false,
): DeskTransactionView {
  const s = tx.start;
  const r = desk?.record;
  const docs = desk?.documents ?? [];
  const evidenceChecksum = s.checksum ?? (r?.evidenceSha256 ? hexToBase64(r.evidenceSha256) : null);
  return {
    operationId: tx.operationId,
    operationType: s.operationType,
    state: tx.state,
    stateLabel: stateLabel(tx.state),
    iuns: tx.iuns,
    recipient: { taxId: s.recipientTaxId, recipientType: s.recipientType, denomination: r?.recipientDenomination ?? null },
    delegate: s.delegateTaxId ? { taxId: s.delegateTaxId, delegateType: r?.delegateType ?? 'PF', denomination: r?.delegateDenomination ?? null, mandateId: r?.mandateId ?? null } : null,
    identity: { recipient: identityView(r?.identity.recipient ?? null), delegate: identityView(r?.identity.delegate ?? null) },
    deskId: r?.deskId ?? null,
    operatorId: r?.operatorId ?? null,
    startedAt: tx.startedAt,
    completedAt: tx.completedAt,
    abortedAt: tx.abortedAt,
    abortReason: tx.abortReason,
    errorReason: tx.state === 'ERROR' ? storedReason(tx.errorReason, locale) : null,
    documents: docs.map(documentView),
    scans: (r?.scans ?? []).map(scanRefView),
    evidenceChecksum,
    bundleFileId: r?.bundleSha256 ?? null,
    receiptFileId: r?.receiptSha256 ?? null,
    receiptPrintedAt: r?.receiptPrintedAt ?? null,
    receiptPrints: r?.receiptPrints ?? 0,
    completedBy: r?.completedByDesk ? { deskId: r.completedByDesk, operatorId: r.completedByOperator ?? '' } : null,
    canComplete: tx.state === 'STARTED' && allHandedOver(docs),
    repeated,
  };
}

/**
 * An operation's error reason as stored (error_reason): a catalogue code with the params its
 * message shows, as JSON text, so that every reader renders it in the language of now, never the
 * words of the day it failed in one language.
 */
export function reasonToStore(code: ErrorCode, params: Record<string, string | number> = {}): string {
  return JSON.stringify({ code, params: shownParams(code, params) });
}

/** The code and params of a stored reason written by reasonToStore, or null for any other text. */
function storedCode(text: string): { code: ErrorCode; params: Record<string, string | number> } | null {
  if (!text.startsWith('{')) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (!parsed || typeof parsed !== 'object') return null;
  const { code, params } = parsed as { code?: unknown; params?: unknown };
  if (typeof code !== 'string' || !isErrorCode(code)) return null;
  const values = params && typeof params === 'object' ? Object.entries(params) : [];
  const kept = values.filter((kv): kv is [string, string | number] => typeof kv[1] === 'string' || typeof kv[1] === 'number');
  return { code, params: Object.fromEntries(kept) };
}

/**
 * A stored error reason as a screen shows it: a code written by reasonToStore becomes its message
 * in the request's language with the params it shows (the screen renders it again in the UI
 * language); the plain text older versions stored is shown as it is (code '', which no catalogue
 * holds).
 */
export function storedReason(reason: string | null, locale: Locale): CodedMessage | null {
  if (reason === null || reason.trim() === '') return null;
  const coded = storedCode(reason.trim());
  return coded ? codedMessage(coded.code, locale, coded.params) : { code: '', message: reason };
}

export function historyItem(tx: RaddTransaction, deskId: string | null, locale: Locale, nameDesk: (deskId: string) => DeskNameView): DeskHistoryItem {
  return {
    operationId: tx.operationId,
    operationType: tx.start.operationType,
    state: tx.state,
    stateLabel: stateLabel(tx.state),
    iuns: tx.iuns,
    recipientTaxId: tx.start.recipientTaxId,
    recipientType: tx.start.recipientType,
    delegateTaxId: tx.start.delegateTaxId,
    startedAt: tx.startedAt,
    completedAt: tx.completedAt,
    abortedAt: tx.abortedAt,
    abortReason: tx.abortReason,
    errorReason: tx.state === 'ERROR' ? storedReason(tx.errorReason, locale) : null,
    deskId,
    desk: deskId === null ? null : nameDesk(deskId),
  };
}

/** desk.inquiry's answer: the notifications found, what will be handed out, the acts' availability. */
export function inquiryView(result: InquiryResult, id: Identification, printLimit: number): DeskInquiryView {
  const first = result.items[0]?.item;
  return {
    mode: result.mode,
    recipient: { taxId: id.recipientTaxId, recipientType: id.recipientType, denomination: first?.recipientDenomination ?? id.recipientDenomination ?? null },
    delegate: result.delegate ? { taxId: result.delegate.taxId, delegateType: result.delegate.delegateType, denomination: result.delegate.denomination, mandateId: result.delegate.mandate?.mandateId ?? null } : null,
    notifications: result.items.map((i) => i.item),
    documents: toPreview(result.plan),
    actsNoLongerAvailable: result.plan.some((p) => p.kind === 'ACT' && !p.available),
    printCount: result.printCount,
    printLimit: result.mode === 'ACT' ? printLimit : 0,
  };
}
