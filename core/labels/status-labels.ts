// UI labels of the notification statuses, DOMAIN.md 3. Labels are domain data (they depend on
// the refinement of the recipients), so the renderer receives them already chosen.
import type { DerivedNotification, NotificationStatus, RecipientState } from '../model/types.js';

export interface LocalizedText {
  it: string;
  en: string;
}

const LABELS: Record<NotificationStatus, LocalizedText> = {
  IN_VALIDATION: { it: 'In validazione', en: 'Being validated' },
  ACCEPTED: { it: 'Depositata', en: 'Deposited' },
  REFUSED: { it: 'Rifiutata', en: 'Refused' },
  DELIVERING: { it: 'Invio in corso', en: 'Delivering' },
  DELIVERED: { it: 'Consegnata', en: 'Delivered' },
  VIEWED: { it: 'Perfezionata per presa visione', en: 'Viewed' },
  EFFECTIVE_DATE: { it: 'Perfezionata per decorrenza termini', en: 'Effective (term lapsed)' },
  UNREACHABLE: { it: 'Destinatario irreperibile', en: 'Recipient unreachable' },
  CANCELLED: { it: 'Annullata', en: 'Cancelled' },
  RETURNED_TO_SENDER: { it: 'Restituita al mittente', en: 'Returned to sender' },
};

const VIEWED_AFTER_TERM: LocalizedText = { it: 'Visualizzata', en: 'Viewed (after term)' };

/** The label of a status as such (lists, filters, history). */
export function statusLabel(status: NotificationStatus): LocalizedText {
  return LABELS[status];
}

/**
 * The label of a notification's current status. VIEWED reads "Perfezionata per presa visione" when
 * a recipient was refined by viewing, "Visualizzata" when every viewer had already been refined by
 * term (DOMAIN.md 3).
 */
export function currentStatusLabel(derived: Pick<DerivedNotification, 'status' | 'perRecipient'>): LocalizedText {
  if (derived.status !== 'VIEWED') return LABELS[derived.status];
  const refinedByViewing = derived.perRecipient.some((r) => r.refinedBy === 'VIEWING');
  return refinedByViewing ? LABELS.VIEWED : VIEWED_AFTER_TERM;
}

/**
 * A notification's status history with each entry's label: each status as such, VIEWED as the
 * current status reads it ("Visualizzata" when every viewer had already been refined by term), so
 * that the history and the header badge name the same view alike.
 */
export function labelledStatusHistory(
  derived: Pick<DerivedNotification, 'statusHistory' | 'perRecipient'>,
): { status: NotificationStatus; label: LocalizedText; activeFrom: string }[] {
  const viewed = currentStatusLabel({ status: 'VIEWED', perRecipient: derived.perRecipient });
  return derived.statusHistory.map((h) => ({ status: h.status, label: h.status === 'VIEWED' ? viewed : LABELS[h.status], activeFrom: h.activeFrom }));
}

/** The label of one recipient's own view state, as that recipient sees it (DOMAIN.md 3, VIEWED row). */
export function recipientViewLabel(r: Pick<RecipientState, 'viewedAt' | 'refinedBy'>): LocalizedText | null {
  if (r.viewedAt === null) return null;
  return r.refinedBy === 'VIEWING' ? LABELS.VIEWED : VIEWED_AFTER_TERM;
}
