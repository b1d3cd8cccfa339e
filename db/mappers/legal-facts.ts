// legal_facts rows from a DerivedNotification (DOMAIN.md 6): notification-level and per-recipient.
import type { DerivedNotification, LegalFact } from '../../core/index.js';

export const LEGAL_FACT_COLUMNS = ['iun', 'id', 'type', 'element_id', 'recipient_index', 'at', 'file_ref'] as const;

/** Every legal fact of a derived notification, notification-level first. */
export function legalFactsOf(d: DerivedNotification): LegalFact[] {
  return [...d.notificationLegalFacts, ...d.perRecipient.flatMap((r) => r.legalFacts)];
}

/** A row of LEGAL_FACT_COLUMNS; `key`: the notification's IUN, or its nid for an insert keyed by nid. */
export function legalFactTuple(key: string | number, f: LegalFact): unknown[] {
  return [key, f.id, f.type, f.elementId, f.recipientIndex ?? null, f.at, null];
}

export function legalFactRows(iun: string, d: DerivedNotification): unknown[][] {
  return legalFactsOf(d).map((f) => legalFactTuple(iun, f));
}
