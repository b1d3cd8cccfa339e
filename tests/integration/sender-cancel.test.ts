// Cancellation by the sender (DOMAIN.md 4.2, 5 rows 40-41) through the real HTTP host: the
// timeline gains the two elements, the status becomes CANCELLED, the request is queued for SEND,
// and the desk's ACT rule then refuses the notification (DOMAIN.md 13).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkActInquiry, formatInstant, parseInstant } from '../../core/index.js';
import type { NotificationView, SenderCancelView, SenderDetailView } from '../../electron/api/contract/index.js';
import { NOW, recentCase, startSenderHost, type SenderHost } from './sender-support.js';

const delivering = recentCase('cancel-delivering', 'PEC_FIRST_TRY', 0.02);
const refused = recentCase('cancel-refused', 'REFUSED', 3);
const inFlight = recentCase('cancel-in-flight', 'IN_PROGRESS', 1);
let h: SenderHost;

beforeAll(async () => {
  h = await startSenderHost([delivering, refused, inFlight]);
});
afterAll(async () => h?.close());

describe('sender cancellation', () => {
  it('cancels: two timeline elements at the host time, status CANCELLED, request in the outbox', async () => {
    const iun = delivering.notification.iun;
    const before = await h.api<SenderDetailView>('sender.detail', { iun });
    expect(before.data.cancellable).toBe(true);
    const r = await h.api<SenderCancelView>('sender.cancel', { iun });
    expect(r.error).toBeUndefined();
    expect(r.data.status).toBe('CANCELLED');
    expect(r.data.statusLabel.it).toBe('Annullata');
    const after = await h.api<SenderDetailView>('sender.detail', { iun });
    const tail = after.data.timeline.slice(-2);
    expect(tail.map((t) => t.category)).toEqual(['NOTIFICATION_CANCELLATION_REQUEST', 'NOTIFICATION_CANCELLED']);
    expect(tail.every((t) => parseInstant(t.at) === parseInstant(NOW))).toBe(true);
    expect(after.data.cancellable).toBe(false);
    const outbox = await h.host.ctx.store.outbox.due(parseInstant(NOW) + 1);
    expect(outbox.map((m) => [m.kind, m.payload])).toContainEqual(['send.cancelNotification', { iun }]);
  });

  it('a recipient not reached when the sender cancelled reads "stopped", not "in progress" (detail and lookup)', async () => {
    const iun = inFlight.notification.iun;
    const before = await h.api<SenderDetailView>('sender.detail', { iun });
    expect(before.data.recipients.map((r) => [r.outcome, r.outcomeLabel.it])).toEqual([['IN_PROGRESS', 'In corso']]);
    expect((await h.api<SenderCancelView>('sender.cancel', { iun })).error).toBeUndefined();
    const after = await h.api<SenderDetailView>('sender.detail', { iun });
    expect(after.data.recipients.map((r) => [r.outcome, r.outcomeLabel.it])).toEqual([['IN_PROGRESS', 'Interrotta: notifica annullata']]);
    const lookup = await h.api<NotificationView>('notifications.getByIun', { iun });
    expect(lookup.data.recipients.map((r) => r.outcomeLabel.it)).toEqual(['Interrotta: notifica annullata']);
  });

  it('the desk then refuses the notification (ACT inquiry: cancelled)', async () => {
    const record = await h.host.ctx.store.notifications.getByIun(delivering.notification.iun);
    const result = checkActInquiry({
      notification: record!.notification, derived: record!.derived, recipientTaxId: delivering.notification.recipients[0]!.taxId,
      now: formatInstant(parseInstant(NOW)), printCountForRecipient: 0, printLimit: 10,
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.code).toBe('NOTIFICATION_CANCELLED');
  });

  it('refuses to cancel twice, or a refused notification, and records nothing', async () => {
    const again = await h.api('sender.cancel', { iun: delivering.notification.iun });
    expect(again.error?.code).toBe('SENDER_NOTIFICATION_NOT_CANCELLABLE');
    expect(again.status).toBe(422);
    const count = await h.host.ctx.store.timelineElements.countByIun(refused.notification.iun);
    const r = await h.api('sender.cancel', { iun: refused.notification.iun });
    expect(r.error?.code).toBe('SENDER_NOTIFICATION_NOT_CANCELLABLE');
    expect(r.error?.message).toContain('Rifiutata');
    expect(await h.host.ctx.store.timelineElements.countByIun(refused.notification.iun)).toBe(count);
  });

  it('writes an audit entry naming the IUN only', async () => {
    const entries = await h.host.ctx.store.knex('audit_log').select();
    const text = JSON.stringify(entries);
    expect(text).toContain('sender.cancel');
    expect(text).toContain(delivering.notification.iun);
    expect(text).not.toContain(delivering.notification.recipients[0]!.taxId);
  });
});
