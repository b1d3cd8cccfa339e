import { currentStatusLabel, DomainError, labelledStatusHistory, outcomeLabel, recipientViewLabel, type DerivedNotification, type Notification } from '../../../core/index.js';
import type { NotificationView } from '../contract/views.js';
import type { HandlersOf } from './types.js';
import type { notificationsContract } from '../contract/notifications.js';

/** The screen's view of a stored notification: labels and per-recipient state already computed. */
export function toNotificationView(notification: Notification, derived: DerivedNotification): NotificationView {
  return {
    iun: notification.iun,
    sentAt: notification.sentAt,
    senderDenomination: notification.senderDenomination,
    senderTaxId: notification.senderTaxId,
    subject: notification.subject,
    paProtocolNumber: notification.paProtocolNumber ?? null,
    status: derived.status,
    statusLabel: currentStatusLabel(derived),
    statusHistory: labelledStatusHistory(derived),
    recipients: notification.recipients.map((r, i) => {
      const state = derived.perRecipient[i];
      const outcome = state?.outcome ?? 'IN_PROGRESS';
      return {
        recipientIndex: i,
        denomination: r.denomination,
        taxId: r.taxId,
        recipientType: r.recipientType,
        outcome,
        outcomeLabel: outcomeLabel(outcome, derived.status),
        viewedAt: state?.viewedAt ?? null,
        refinementDate: state?.refinementDate ?? null,
        refinedBy: state?.refinedBy ?? null,
        viewLabel: state ? recipientViewLabel(state) : null,
      };
    }),
  };
}

export const notificationsHandlers = {
  'notifications.getByIun': async ({ iun }, ctx) => {
    const record = await ctx.store.notifications.getByIun(iun);
    // DOMAIN.md 13: a notification still IN_VALIDATION is not found.
    if (!record || record.derived.status === 'IN_VALIDATION') throw new DomainError('NOTIFICATION_NOT_FOUND', { iun });
    return toNotificationView(record.notification, record.derived);
  },
} satisfies HandlersOf<typeof notificationsContract>;
