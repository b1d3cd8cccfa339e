// The desk log as the screens see it: state chips of DOMAIN.md 10.1, people, documents with
// checksums and ticks, and what may be done next.
import {
  IDENTITY_DOCUMENT_LABELS, type CodedMessage, type IdentityDocumentType, type LocalizedText, type TransactionState,
} from '../../core/index.js';
import type { DeskDocumentRecord, DeskIdentityDocument, DeskOperationRecord } from '../../db/repositories/desk-queries.js';
import type { RaddTransaction } from '../../db/repositories/radd-transactions-repo.js';
import type { Identification } from '../api/contract/desk.js';
import type { DeskDocumentView, DeskHistoryItem, DeskIdentityDocumentView, DeskInquiryView, DeskTransactionView } from '../api/contract/desk-views.js';
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

export function transactionView(
  tx: RaddTransaction,
  desk: { record: DeskOperationRecord; documents: DeskDocumentRecord[] } | undefined,
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
    errorReason: tx.errorReason,
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
 * A stored error reason as a screen shows it: the words written when the operation failed
 * (printing.ts writes them in the clerk's language), with no catalogue code to render again.
 */
export function storedReason(reason: string | null): CodedMessage | null {
  return reason === null || reason.trim() === '' ? null : { code: '', message: reason };
}

export function historyItem(tx: RaddTransaction, deskId: string | null): DeskHistoryItem {
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
    errorReason: tx.state === 'ERROR' ? storedReason(tx.errorReason) : null,
    deskId,
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
