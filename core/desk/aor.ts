// AOR eligibility: the notifications whose AAR a recipient found unreachable can still print at the
// desk by tax code alone (DOMAIN.md 1 "AOR", 10 step 2, 10.1 "AOR").
import type { DerivedNotification, IsoInstant, Notification, TimelineElementInput } from '../model/types.js';
import { findRecipientIndex, normaliseTaxId } from './act-inquiry.js';
import { availabilityLimits } from './printable-documents.js';
import { formatInstant, tryParseInstant } from '../time/index.js';

export interface AorRecord {
  notification: Notification;
  derived: DerivedNotification;
  /** The timeline as stored (needed for NOTIFICATION_RADD_RETRIEVED, which derivation ignores). */
  timeline: readonly TimelineElementInput[];
}

export interface AorCandidate {
  iun: string;
  recipientIndex: number;
  senderDenomination: string;
  subject: string;
  sentAt: IsoInstant;
  /** Business time of the recipient's COMPLETELY_UNREACHABLE, when present in the timeline. */
  unreachableAt: IsoInstant | null;
  /** Last instant the AAR can be printed (refinement + 10 years), null when not refined yet. */
  aarAvailableUntil: IsoInstant | null;
}

function elementAt(timeline: readonly TimelineElementInput[], category: string, recipientIndex: number): TimelineElementInput | undefined {
  return timeline.find((e) => e.category === category && e.recipientIndex === recipientIndex);
}

function candidateOf(record: AorRecord, recipientTaxId: string, nowMs: number): AorCandidate | null {
  const { notification, derived, timeline } = record;
  if (derived.status === 'CANCELLED' || derived.status === 'REFUSED' || derived.status === 'IN_VALIDATION') return null;
  const recipientIndex = findRecipientIndex(notification, recipientTaxId);
  const state = derived.perRecipient[recipientIndex];
  if (recipientIndex < 0 || !state || state.outcome !== 'UNREACHABLE') return null;
  // SEND drops a failed paper notification from the list once the recipient views it: no longer pending.
  if (state.viewedAt !== null) return null;
  if (elementAt(timeline, 'NOTIFICATION_RADD_RETRIEVED', recipientIndex)) return null;
  const aarUntil = availabilityLimits(state.refinementDate).aarUntil;
  if (aarUntil !== null && nowMs > aarUntil) return null;
  const unreachable = elementAt(timeline, 'COMPLETELY_UNREACHABLE', recipientIndex);
  return {
    iun: notification.iun,
    recipientIndex,
    senderDenomination: notification.senderDenomination,
    subject: notification.subject,
    sentAt: notification.sentAt,
    unreachableAt: unreachable ? unreachable.at : null,
    aarAvailableUntil: aarUntil === null ? null : formatInstant(aarUntil),
  };
}

/**
 * The pending notifications of a tax code for an AOR operation: that recipient's outcome is
 * UNREACHABLE (COMPLETELY_UNREACHABLE), not yet retrieved by AOR, not viewed, not cancelled, AAR still
 * available. Ordered by deposit time, then IUN.
 */
export function selectAorNotifications(
  input: { recipientTaxId: string; records: readonly AorRecord[] },
  now: IsoInstant,
): AorCandidate[] {
  const nowMs = tryParseInstant(now);
  const taxId = normaliseTaxId(input.recipientTaxId);
  return input.records
    .map((r) => candidateOf(r, taxId, nowMs))
    .filter((c): c is AorCandidate => c !== null)
    .sort((a, b) => tryParseInstant(a.sentAt) - tryParseInstant(b.sentAt) || a.iun.localeCompare(b.iun));
}
