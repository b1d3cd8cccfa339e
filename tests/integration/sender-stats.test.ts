// The sender dashboard's daily counters on both backends: whatever path writes notifications,
// recipients and timeline elements (import, element-by-element appends, out-of-order rebuilds,
// cancellation, deletion), the counters equal a recomputation from the rows.
import { describe, expect } from 'vitest';
import { makeDemoCase, romeDayNumber, parseInstant, type SimulationPath, type TimelineElementInput } from '../../core/index.js';
import { demoScenarios } from '../../db/seed/demo-scenarios.js';
import type { Store } from '../../db/store.js';
import { storeBackends, useBackend } from '../support/store-backends.js';

const PATHS: SimulationPath[] = ['PEC_FIRST_TRY', 'PEC_FAIL_SECOND_CYCLE', 'DIGITAL_FAILURE_RS', 'ANALOG_890_DELIVERED', 'GIACENZA_EXPIRED', 'UNREACHABLE', 'VIEWED_AT_RADD', 'REFUSED', 'CANCELLED', 'DECEASED'];

/** Sum of a counter over every day and sender (over every key unless one is given). */
async function counter(s: Store, metric: string, key?: string): Promise<number> {
  const q = s.knex('sender_daily').where({ metric });
  if (key !== undefined) q.andWhere('k', key);
  const r = await q.sum<{ c: number | string | null }[]>({ c: 'n' });
  return Number(r[0]?.c ?? 0);
}

describe.each(storeBackends())('sender daily counters on $name', (backend) => {
  const test = useBackend(backend);

  test('a bulk import gives the counters a recomputation from the rows gives', async () => {
    const s = await backend.newStore();
    const cases = PATHS.flatMap((p, i) => [makeDemoCase(`stats-${i}`, p), makeDemoCase(`stats-b-${i}`, [p === 'REFUSED' || p === 'CANCELLED' ? 'PEC_FIRST_TRY' : p, 'ANALOG_AR_DELIVERED'])]);
    await s.timeline.importNotifications(cases.map((c) => ({ notification: c.notification, elements: c.timeline })));
    expect(await s.senderStats.statsDrift()).toEqual([]);
    // Independent of the triggers: the status counters equal a GROUP BY of the notifications.
    const byStatus = await s.knex('notifications').groupBy('status').select('status').count<{ status: string; c: number | string }[]>({ c: '*' });
    for (const r of byStatus) expect(await counter(s, 'status', r.status)).toBe(Number(r.c));
    expect(await counter(s, 'sent')).toBe(cases.length);
    await s.close();
  });

  test('after a bulk import the row triggers count again: an import re-importing stored IUNs and a later append stay exact', async () => {
    const s = await backend.newStore();
    const cases = PATHS.slice(0, 4).map((p, i) => makeDemoCase(`stats-switch-${i}`, p));
    await s.timeline.importNotifications(cases.slice(0, 2).map((c) => ({ notification: c.notification, elements: c.timeline.slice(0, 3) })));
    // Two already stored (skipped, must not count twice) and two new ones in one batch.
    await s.timeline.importNotifications(cases.map((c) => ({ notification: c.notification, elements: c.timeline.slice(0, 3) })));
    expect(await counter(s, 'sent')).toBe(cases.length);
    // Outside an import the triggers count: the rest of every timeline, appended.
    for (const c of cases) await s.timeline.appendElements(c.notification.iun, c.timeline.slice(3));
    expect(await counter(s, 'delivered')).toBeGreaterThan(0);
    expect(await s.senderStats.statsDrift()).toEqual([]);
    await s.close();
  });

  test('an import that fails leaves neither rows nor counters, and the triggers switched on', async () => {
    const s = await backend.newStore();
    const ok = makeDemoCase('stats-fail-ok', 'PEC_FIRST_TRY');
    const bad = makeDemoCase('stats-fail-bad', 'PEC_FIRST_TRY');
    // A recipient tax id longer than its column on PostgreSQL / a NOT NULL violation on SQLite.
    const broken = { ...bad.notification, recipients: [{ ...bad.notification.recipients[0]!, denomination: null as unknown as string }] };
    await expect(s.timeline.importNotifications([{ notification: ok.notification, elements: ok.timeline }, { notification: broken, elements: bad.timeline }])).rejects.toThrow();
    expect(await s.notifications.count()).toBe(0);
    expect(await counter(s, 'sent')).toBe(0);
    await s.timeline.importNotifications([{ notification: ok.notification }]);
    await s.timeline.appendElements(ok.notification.iun, ok.timeline);
    expect(await counter(s, 'sent')).toBe(1);
    expect(await s.senderStats.statsDrift()).toEqual([]);
    await s.close();
  });

  test('deposits just after Rome midnight count on that Rome day, in winter and in summer time', async () => {
    const s = await backend.newStore();
    const times = ['2026-03-10T00:30:00+01:00', '2026-07-01T00:30:00+02:00', '2026-10-25T02:30:00+01:00', '2026-03-29T23:59:59+02:00'];
    const cases = times.map((t, i) => makeDemoCase(`stats-midnight-${i}`, 'IN_PROGRESS', { sentAt: t }));
    await s.timeline.importNotifications(cases.map((c) => ({ notification: c.notification })));
    const days = (await s.knex('sender_daily').where({ metric: 'sent' }).orderBy('day').select('day')).map((r) => Number(r.day));
    // Day numbers of the Rome calendar dates written in the instants (UTC date of the local date).
    const expected = times.map((t) => Date.UTC(Number(t.slice(0, 4)), Number(t.slice(5, 7)) - 1, Number(t.slice(8, 10))) / 86_400_000).sort((a, b) => a - b);
    expect(days).toEqual(expected);
    expect(days).toEqual(times.map((t) => romeDayNumber(parseInstant(t))).sort((a, b) => a - b));
    await s.close();
  });

  test('element-by-element appends, out of order, keep the counters exact at every step', async () => {
    const s = await backend.newStore();
    for (const [i, sc] of demoScenarios.entries()) {
      await s.timeline.importNotifications([{ notification: sc.notification }]);
      const order: TimelineElementInput[] = sc.events.flatMap((e, j, all) => (j % 2 === 0 ? [all[j + 1], e].filter((x): x is TimelineElementInput => x !== undefined) : []));
      for (const [j, e] of order.entries()) {
        await s.timeline.appendElements(sc.notification.iun, [e]);
        if ((i + j) % 7 === 0) expect(await s.senderStats.statsDrift()).toEqual([]);
      }
    }
    expect(await s.senderStats.statsDrift()).toEqual([]);
    expect(await counter(s, 'sent')).toBe(demoScenarios.length);
    await s.close();
  });

  test('a cancellation moves the notification from its status counter to CANCELLED on its deposit day', async () => {
    const s = await backend.newStore();
    const c = makeDemoCase('stats-cancel', 'PEC_FIRST_TRY');
    await s.timeline.importNotifications([{ notification: c.notification, elements: c.timeline }]);
    const before = (await s.notifications.statusOf(c.notification.iun))!;
    const day = romeDayNumber(parseInstant(c.notification.sentAt));
    const at = c.timeline[c.timeline.length - 1]!.at;
    await s.timeline.appendElements(c.notification.iun, [
      { category: 'NOTIFICATION_CANCELLATION_REQUEST', at, details: {} },
      { category: 'NOTIFICATION_CANCELLED', at, details: {} },
    ]);
    expect(await s.notifications.statusOf(c.notification.iun)).toBe('CANCELLED');
    const rows = await s.knex('sender_daily').where({ metric: 'status', day: day }).select('k', 'n');
    expect(Number(rows.find((r) => r.k === 'CANCELLED')?.n)).toBe(1);
    expect(Number(rows.find((r) => r.k === before)?.n ?? 0)).toBe(0);
    expect(await s.senderStats.statsDrift()).toEqual([]);
    await s.close();
  });

  test('deleting a notification removes everything it counted, its recipients and timeline included', async () => {
    const s = await backend.newStore();
    const a = makeDemoCase('stats-del-a', 'PEC_FIRST_TRY');
    const b = makeDemoCase('stats-del-b', 'ANALOG_890_DELIVERED');
    await s.timeline.importNotifications([a, b].map((c) => ({ notification: c.notification, elements: c.timeline })));
    await s.knex('notifications').where('iun', a.notification.iun).delete();
    expect(await s.senderStats.statsDrift()).toEqual([]);
    expect(await counter(s, 'sent')).toBe(1);
    expect(await counter(s, 'delivered')).toBe(1);
    await s.close();
  });

  test('a rebuild after losing the counters restores them', async () => {
    const s = await backend.newStore();
    const c = makeDemoCase('stats-rebuild', 'DIGITAL_FAILURE_RS');
    await s.timeline.importNotifications([{ notification: c.notification, elements: c.timeline }]);
    const before = await s.knex('sender_daily').orderBy(['day', 'sender_tax_id', 'metric', 'k']).select();
    await s.knex('sender_daily').delete();
    expect((await s.senderStats.statsDrift()).length).toBeGreaterThan(0);
    await s.senderStats.rebuildStats();
    expect(await s.knex('sender_daily').orderBy(['day', 'sender_tax_id', 'metric', 'k']).select()).toEqual(before);
    expect(await counter(s, 'digital_ko')).toBeGreaterThan(0);
    await s.close();
  });
});
