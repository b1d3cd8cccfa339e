// Cancellation by the sender (DOMAIN.md 4.2 CANCELLED rows, 5 rows 40-41): allowed only from the
// statuses the transition table moves to CANCELLED; the two elements go through the timeline write
// path (derived state in the same transaction) and the request is queued for SEND.
import { currentStatusLabel, DomainError, findTransition, formatInstant, type Locale } from '../../core/index.js';
import type { StoreScope } from '../../db/store.js';
import type { SenderCancelView } from '../api/contract/sender-views.js';
import { assertInScope } from './scope.js';

/** Outbox kind of a cancellation request (SEND: PUT /delivery-push/v2.0/notifications/cancel/{iun}). */
export const CANCEL_OUTBOX_KIND = 'send.cancelNotification';

export async function cancelNotification(store: StoreScope, iun: string, opts: { scope: string | undefined; nowMs: number; locale: Locale }): Promise<SenderCancelView> {
  const record = await store.notifications.getByIun(iun);
  if (!record) throw new DomainError('NOTIFICATION_NOT_FOUND', { iun });
  assertInScope(record.notification, opts.scope);
  const { derived, notification } = record;
  if (!findTransition(derived.status, 'NOTIFICATION_CANCELLED', notification.recipients.length)) {
    throw new DomainError('SENDER_NOTIFICATION_NOT_CANCELLABLE', { iun, status: currentStatusLabel(derived)[opts.locale] });
  }
  const at = formatInstant(opts.nowMs);
  const result = await store.timeline.appendElements(iun, [
    { category: 'NOTIFICATION_CANCELLATION_REQUEST', at, details: {} },
    { category: 'NOTIFICATION_CANCELLED', at, details: {} },
  ]);
  // `<kind>:<key>` as the sync engine keys its outbox (electron/sync/store-sync-store.ts).
  await store.outbox.enqueue({ kind: CANCEL_OUTBOX_KIND, payload: { iun }, createdAt: at, dedupeKey: `${CANCEL_OUTBOX_KIND}:${iun}` });
  return { iun, status: result.derived.status, statusLabel: currentStatusLabel(result.derived) };
}
