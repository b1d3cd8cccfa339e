// The documents an ACT operation hands out, in SEND's order (DOMAIN.md 10.1 "Documents handed out"),
// each with its availability (DOMAIN.md 13).
import type { LocalizedText } from '../labels/status-labels.js';
import { legalFactTitleOf } from '../labels/timeline-labels.js';
import type { DerivedNotification, IsoInstant, LegalFact, LegalFactType, Notification } from '../model/types.js';
import { addDays24h, formatInstant, formatRomeDate, tryParseInstant } from '../time/index.js';
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

/** The attestation's title (DOMAIN.md 6); DIGITAL_DELIVERY of the failure workflow is the AMR. */
function legalFactTitle(fact: LegalFact): LocalizedText {
  return legalFactTitleOf(fact, fact.elementId.startsWith('DIGITAL_FAILURE_WORKFLOW') ? 'DIGITAL_FAILURE_WORKFLOW' : undefined);
}

/**
 * Titles a clerk can tell apart: attestations that would read the same (two registered-letter
 * receipts of two attempts, a receipt's several attachments) get their Europe/Rome day, and an
 * ordinal when the day is shared too ("Ricevuta della raccomandata del 03/12/2026 (2 di 2)").
 */
function distinctTitles(facts: readonly LegalFact[]): LocalizedText[] {
  const titles = facts.map(legalFactTitle);
  const count = (list: readonly LocalizedText[]) => {
    const n = new Map<string, number>();
    for (const t of list) n.set(t.it, (n.get(t.it) ?? 0) + 1);
    return n;
  };
  const plain = count(titles);
  const dated = titles.map((t, k) => {
    if (plain.get(t.it)! < 2) return t;
    const [y, m, d] = formatRomeDate(tryParseInstant(facts[k]!.at)).split('-');
    const day = `${d}/${m}/${y}`;
    return { it: `${t.it} del ${day}`, en: `${t.en}, ${day}` };
  });
  const total = count(dated);
  const seen = new Map<string, number>();
  return dated.map((t) => {
    const of = total.get(t.it)!;
    if (of < 2) return t;
    const k = (seen.get(t.it) ?? 0) + 1;
    seen.set(t.it, k);
    return { it: `${t.it} (${k} di ${of})`, en: `${t.en} (${k} of ${of})` };
  });
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
  const titles = distinctTitles(facts);
  facts.forEach((fact, k) => {
    docs.push({ kind: 'LEGAL_FACT', title: titles[k]!, legalFactId: fact.id, legalFactType: fact.type, ...factAvailability });
  });
  return docs;
}
