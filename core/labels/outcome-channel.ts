// Which channel a recipient's outcome went through (DOMAIN.md 7, 12): the sender's dashboard
// splits digital from paper deliveries. A digital failure counts as digital: the workflow was
// digital and ended with the AMR; the simple registered letter that follows only carries the AAR
// (DOMAIN.md 7.2) and does not change the outcome.
import type { NotificationStatus, RecipientOutcome } from '../model/types.js';
import type { LocalizedText } from './status-labels.js';

export type DeliveryChannel = 'DIGITAL' | 'ANALOG' | 'NONE';

const CHANNEL: Readonly<Record<RecipientOutcome, DeliveryChannel>> = {
  DIGITAL_DELIVERED: 'DIGITAL',
  DIGITAL_FAILED: 'DIGITAL',
  ANALOG_DELIVERED: 'ANALOG',
  UNREACHABLE: 'ANALOG',
  DECEASED: 'ANALOG',
  IN_PROGRESS: 'NONE',
  NOT_SENT: 'NONE',
};

export const OUTCOME_LABELS: Readonly<Record<RecipientOutcome, LocalizedText>> = {
  IN_PROGRESS: { it: 'In corso', en: 'In progress' },
  DIGITAL_DELIVERED: { it: 'Consegnata al domicilio digitale', en: 'Delivered to the digital domicile' },
  DIGITAL_FAILED: { it: 'Mancato recapito digitale', en: 'Digital delivery failed' },
  ANALOG_DELIVERED: { it: 'Consegnata per posta', en: 'Delivered by post' },
  UNREACHABLE: { it: 'Irreperibile', en: 'Unreachable' },
  DECEASED: { it: 'Deceduto', en: 'Deceased' },
  NOT_SENT: { it: 'Non inviata', en: 'Not sent' },
};

/** The channel of a recipient outcome: DIGITAL, ANALOG, or NONE while nothing ended. */
export function deliveryChannelOf(outcome: RecipientOutcome): DeliveryChannel {
  return CHANNEL[outcome];
}

const STOPPED_BY_CANCELLATION: LocalizedText = { it: 'Interrotta: notifica annullata', en: 'Stopped: notification cancelled' };

/**
 * Label of a recipient outcome (DOMAIN.md 12). A recipient whose workflow had not ended when the
 * sender cancelled (outcome IN_PROGRESS, status CANCELLED: nothing more will happen) is not shown
 * as "in progress" to the office.
 */
export function outcomeLabel(outcome: RecipientOutcome, status?: NotificationStatus): LocalizedText {
  if (outcome === 'IN_PROGRESS' && status === 'CANCELLED') return STOPPED_BY_CANCELLATION;
  return OUTCOME_LABELS[outcome];
}
