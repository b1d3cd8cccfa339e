// The documents an ACT operation hands out, in SEND's order (DOMAIN.md 10.1 "Documents handed out"),
// each with its availability (DOMAIN.md 13).
import type { LocalizedText } from '../labels/status-labels.js';
import type { DerivedNotification, IsoInstant, LegalFact, LegalFactType, Notification } from '../model/types.js';
import { addDays24h, formatInstant, tryParseInstant } from '../time/index.js';
import { addRomeYears } from './days.js';

/** Acts and their attachments: 120 days after the recipient's refinement (DOMAIN.md 13). */
export const ACTS_AVAILABLE_DAYS = 120;
/** AAR: 10 years after refinement; legal facts: treated as 10 years too (DOMAIN.md 13, unconfirmed). */
export const AAR_AVAILABLE_YEARS = 10;
export const LEGAL_FACTS_AVAILABLE_YEARS = 10;

export type PrintableDocumentKind = 'COVER_PAGE' | 'ACT' | 'PAYMENT_NOTICE' | 'AAR' | 'LEGAL_FACT';

export interface PrintableDocument {
  kind: PrintableDocumentKind;
  title: LocalizedText;
  /** ACT: index in notification.documents. PAYMENT_NOTICE: index in the recipient's payments. */
  index?: number;
  legalFactId?: string;
  legalFactType?: LegalFactType;
  contentType?: string;
  sha256?: string;
  available: boolean;
  /** Last instant it can be printed; null while the recipient is not refined (no limit yet). */
  availableUntil: IsoInstant | null;
}

const LEGAL_FACT_TITLES: Record<LegalFactType, LocalizedText> = {
  SENDER_ACK: { it: 'Attestazione di presa in carico', en: 'Acceptance attestation' },
  DIGITAL_DELIVERY: { it: 'Attestazione di avvenuta consegna digitale', en: 'Digital delivery attestation' },
  RECIPIENT_ACCESS: { it: 'Attestazione di avvenuto accesso', en: 'Access attestation' },
  ANALOG_FAILURE_DELIVERY: { it: 'Deposito di avvenuta ricezione', en: 'Deposit of receipt notice' },
  PEC_RECEIPT: { it: 'Ricevuta PEC', en: 'PEC receipt' },
  ANALOG_DELIVERY: { it: 'Ricevuta della raccomandata', en: 'Registered letter receipt' },
  NOTIFICATION_CANCELLED: { it: 'Attestazione di annullamento', en: 'Cancellation attestation' },
};
const AMR_TITLE: LocalizedText = { it: 'Avviso di mancato recapito digitale (AMR)', en: 'Digital non-delivery notice (AMR)' };

function legalFactTitle(fact: LegalFact): LocalizedText {
  // DIGITAL_DELIVERY produced by DIGITAL_FAILURE_WORKFLOW is the AMR (DOMAIN.md 6).
  if (fact.type === 'DIGITAL_DELIVERY' && fact.elementId.startsWith('DIGITAL_FAILURE_WORKFLOW')) return AMR_TITLE;
  return LEGAL_FACT_TITLES[fact.type];
}

interface Limits {
  actsUntil: number | null;
  aarUntil: number | null;
  legalFactsUntil: number | null;
}

/** Availability limits from the refinement date; no refinement yet means no limit (DOMAIN.md 13). */
export function availabilityLimits(refinementDate: IsoInstant | null): Limits {
  if (refinementDate === null) return { actsUntil: null, aarUntil: null, legalFactsUntil: null };
  const refined = tryParseInstant(refinementDate);
  return {
    // "N days" as N x 24 h, like the refinement terms of DOMAIN.md 8.1.
    actsUntil: addDays24h(refined, ACTS_AVAILABLE_DAYS),
    aarUntil: addRomeYears(refined, AAR_AVAILABLE_YEARS),
    legalFactsUntil: addRomeYears(refined, LEGAL_FACTS_AVAILABLE_YEARS),
  };
}

function availability(until: number | null, now: number): Pick<PrintableDocument, 'available' | 'availableUntil'> {
  if (until === null) return { available: true, availableUntil: null };
  return { available: now <= until, availableUntil: formatInstant(until) };
}

/**
 * The list for one recipient: cover page, acts, that recipient's payment notices, the AAR, then the
 * legal-fact attestations (notification level first, then the recipient's, in their order) without
 * PEC receipts, which SEND does not hand out at a desk.
 */
export function buildPrintableDocuments(
  notification: Notification,
  derived: DerivedNotification,
  recipientIndex: number,
  now: IsoInstant,
): PrintableDocument[] {
  const recipient = derived.perRecipient[recipientIndex];
  const limits = availabilityLimits(recipient?.refinementDate ?? null);
  const nowMs = tryParseInstant(now);
  const acts = availability(limits.actsUntil, nowMs);
  const docs: PrintableDocument[] = [
    { kind: 'COVER_PAGE', title: { it: 'Frontespizio', en: 'Cover page' }, available: true, availableUntil: null },
  ];
  notification.documents.forEach((d, index) => {
    docs.push({ kind: 'ACT', title: { it: d.title, en: d.title }, index, contentType: d.contentType, sha256: d.digests.sha256, ...acts });
  });
  (notification.recipients[recipientIndex]?.payments ?? []).forEach((p, index) => {
    const title = { it: `Avviso di pagamento pagoPA ${p.noticeCode}`, en: `pagoPA payment notice ${p.noticeCode}` };
    docs.push({ kind: 'PAYMENT_NOTICE', title, index, ...acts });
  });
  const aarTitle = { it: 'Avviso di avvenuta ricezione (AAR)', en: 'Notice of receipt (AAR)' };
  docs.push({ kind: 'AAR', title: aarTitle, ...availability(limits.aarUntil, nowMs) });
  const facts = [...derived.notificationLegalFacts, ...(recipient?.legalFacts ?? [])].filter((f) => f.type !== 'PEC_RECEIPT');
  const factAvailability = availability(limits.legalFactsUntil, nowMs);
  for (const fact of facts) {
    docs.push({ kind: 'LEGAL_FACT', title: legalFactTitle(fact), legalFactId: fact.id, legalFactType: fact.type, ...factAvailability });
  }
  return docs;
}
