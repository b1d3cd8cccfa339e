// What an operation hands out, as rows of the desk record (DOMAIN.md 10.1 "Documents handed out":
// cover page, acts, AAR, attestations; AOR: cover page and one AAR per notification), and how a
// notification looks in the results (status label, refinement, amount due).
import {
  currentStatusLabel,
  tryParseInstant,
  type DerivedNotification,
  type IsoInstant,
  type LocalizedText,
  type Notification,
  type PrintableDocument,
} from '../../core/index.js';
import type { DeskDocumentRecord } from '../../db/repositories/desk-queries.js';
import type { DeskDocumentPreview, DeskNotificationItem } from '../api/contract/desk-views.js';

export const COVER_TITLE: LocalizedText = { it: 'Frontespizio', en: 'Cover page' };
const AAR_TITLE: LocalizedText = { it: 'Avviso di avvenuta ricezione (AAR)', en: 'Notice of receipt (AAR)' };

const REFINEMENT_LABELS = {
  TERM: { it: 'Perfezionata per decorrenza termini', en: 'Effective by lapse of time' },
  VIEWING: { it: 'Perfezionata per presa visione', en: 'Effective by viewing' },
  NONE: { it: 'Non ancora perfezionata', en: 'Not yet effective' },
} as const satisfies Record<string, LocalizedText>;

/** One row of the plan, before it has a position. */
export type PlannedDocument = Omit<DeskDocumentRecord, 'position' | 'sha256' | 'printedAt' | 'downloadedAt' | 'handedOverAt'> & {
  available: boolean;
  availableUntil: string | null;
};

function planned(p: Omit<PlannedDocument, 'available' | 'availableUntil'>, available = true, availableUntil: string | null = null): PlannedDocument {
  return { ...p, available, availableUntil };
}

export const coverPlan = (): PlannedDocument => planned({ key: 'COVER', kind: 'COVER_PAGE', iun: null, recipientIndex: null, docIndex: null, legalFactId: null, title: COVER_TITLE });

/** The ACT plan from the core's printable list; payment notices have no printed form here yet. */
export function actPlan(iun: string, recipientIndex: number, documents: readonly PrintableDocument[]): PlannedDocument[] {
  const out: PlannedDocument[] = [];
  for (const d of documents) {
    const base = { iun, recipientIndex, docIndex: null, legalFactId: null, title: d.title };
    if (d.kind === 'COVER_PAGE') out.push(coverPlan());
    else if (d.kind === 'ACT') out.push(planned({ ...base, key: `ACT:${iun}:${d.index ?? 0}`, kind: 'ACT', docIndex: d.index ?? 0 }, d.available, d.availableUntil));
    else if (d.kind === 'AAR') out.push(planned({ ...base, key: `AAR:${iun}:${recipientIndex}`, kind: 'AAR' }, d.available, d.availableUntil));
    else if (d.kind === 'LEGAL_FACT' && d.legalFactId) {
      out.push(planned({ ...base, key: `LF:${d.legalFactId}`, kind: 'LEGAL_FACT', legalFactId: d.legalFactId }, d.available, d.availableUntil));
    }
  }
  return out;
}

/** AOR: the cover page, then the AAR of every notification collected (DOMAIN.md 10.1 "AOR"). */
export function aorPlan(items: ReadonlyArray<{ iun: string; recipientIndex: number }>): PlannedDocument[] {
  return [
    coverPlan(),
    ...items.map((i) => planned({ key: `AAR:${i.iun}:${i.recipientIndex}`, kind: 'AAR', iun: i.iun, recipientIndex: i.recipientIndex, docIndex: null, legalFactId: null, title: AAR_TITLE })),
  ];
}

/** Only what may be handed out becomes a row of the operation, numbered in order. */
export function toRecords(plan: readonly PlannedDocument[]): DeskDocumentRecord[] {
  return plan
    .filter((p) => p.available)
    .map(({ available: _a, availableUntil: _u, ...p }, position) => ({ ...p, position, sha256: null, printedAt: null, downloadedAt: null, handedOverAt: null }));
}

export function toPreview(plan: readonly PlannedDocument[]): DeskDocumentPreview[] {
  return plan.map((p) => ({ key: p.key, kind: p.kind, iun: p.iun, title: p.title, available: p.available, availableUntil: p.availableUntil }));
}

/**
 * A notification as the results list shows it to the identified recipient. The engine gives the
 * term date S as refinement date as soon as the workflow ends; until S has passed it is only the
 * expected date (DOMAIN.md 8.1), so the label says "not yet effective".
 */
export function notificationItem(n: Notification, derived: DerivedNotification, recipientIndex: number, now: IsoInstant): DeskNotificationItem {
  const r = n.recipients[recipientIndex];
  const state = derived.perRecipient[recipientIndex];
  const refined = state?.refinementDate != null && tryParseInstant(state.refinementDate) <= tryParseInstant(now) ? state.refinedBy : null;
  const payments = (r?.payments ?? []).map((p) => ({ noticeCode: p.noticeCode, amountCents: p.amountCents ?? null, dueDate: p.dueDate ?? null }));
  const amounts = payments.map((p) => p.amountCents).filter((a): a is number => a !== null);
  return {
    iun: n.iun,
    recipientIndex,
    recipientDenomination: r?.denomination ?? '',
    senderDenomination: n.senderDenomination,
    senderTaxId: n.senderTaxId,
    subject: n.subject,
    sentAt: n.sentAt,
    status: derived.status,
    statusLabel: currentStatusLabel(derived),
    refinementDate: state?.refinementDate ?? null,
    refinedBy: refined ?? null,
    refinementLabel: REFINEMENT_LABELS[refined ?? 'NONE'],
    amountDueCents: amounts.length > 0 ? amounts.reduce((a, b) => a + b, 0) : null,
    payments,
  };
}
