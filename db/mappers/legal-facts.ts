// legal_facts rows from a DerivedNotification (DOMAIN.md 6): notification-level and per-recipient.
import type { DerivedNotification, LegalFact } from '../../core/index.js';

export const LEGAL_FACT_COLUMNS = ['iun', 'id', 'type', 'element_id', 'recipient_index', 'at', 'file_ref'] as const;

/** Every legal fact of a derived notification, notification-level first. */
export function legalFactsOf(d: DerivedNotification): LegalFact[] {
  return [...d.notificationLegalFacts, ...d.perRecipient.flatMap((r) => r.legalFacts)];
}

export function legalFactRows(iun: string, d: DerivedNotification): unknown[][] {
  return legalFactsOf(d).map((f) => [iun, f.id, f.type, f.elementId, f.recipientIndex ?? null, f.at, null]);
}
