// The sender queries on both backends (SQLite and PostgreSQL): the same filters, pages, keyset
// batches, counters and short lists give the same answers, checked against the deposited cases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../db/store.js';
import { storeBackends } from '../support/store-backends.js';
import { importCases, NOW, OTHER_SENDER, standardCases } from './sender-cases.js';

const cases = standardCases();
const byNewest = [...cases].sort((a, b) => Date.parse(b.notification.sentAt) - Date.parse(a.notification.sentAt) || (a.notification.iun < b.notification.iun ? 1 : -1));

describe.each(storeBackends())('sender queries on $name', (backend) => {
  let s: Store;
  beforeAll(async () => {
    if (backend.skipReason) return;
    await backend.setup();
    s = await backend.newStore();
    await importCases(s, cases);
  });
  afterAll(async () => {
    if (backend.skipReason) return;
    await s.close();
    await backend.teardown();
  });
  const test = backend.skipReason ? it.skip : it;

  test('pages newest first with the total, several statuses merged in date order', async () => {
    const all = await s.senderQueries.page({ offset: 0, limit: 200 });
    expect(all.items.map((r) => r.iun)).toEqual(byNewest.map((c) => c.notification.iun));
    expect(all.total).toBe(cases.length);
    const statuses = ['EFFECTIVE_DATE', 'VIEWED', 'CANCELLED', 'UNREACHABLE'] as const;
    const expected = all.items.filter((r) => (statuses as readonly string[]).includes(r.status)).map((r) => r.iun);
    const merged = await s.senderQueries.page({ statuses, offset: 1, limit: 3 });
    expect(merged.items.map((r) => r.iun)).toEqual(expected.slice(1, 4));
    expect(merged.total).toBe(expected.length);
  });

  test('a protocol number or IUN beginning, with a date window, finds its rows', async () => {
    const from = Date.parse(NOW) - 40 * 86_400_000;
    const target = cases.find((c) => Date.parse(c.notification.sentAt) >= from)!.notification;
    expect((await s.senderQueries.page({ fromMs: from, protocol: target.paProtocolNumber!.slice(0, -1), offset: 0, limit: 50 })).items.map((r) => r.iun)).toContain(target.iun);
    expect((await s.senderQueries.page({ fromMs: from, iun: target.iun.slice(0, 10), offset: 0, limit: 50 })).items.map((r) => r.iun)).toEqual([target.iun]);
  });

  test('a protocol number typed in any letter case finds it (offices write them in capitals)', async () => {
    const target = cases.find((c) => /[A-Z]/.test(c.notification.paProtocolNumber ?? ''))!.notification;
    const protocol = target.paProtocolNumber!;
    expect(await s.senderQueries.count({ protocol: protocol.toLowerCase() })).toBe(1);
    const typed = protocol.slice(0, -1).toLowerCase();
    const expected = cases.filter((c) => (c.notification.paProtocolNumber ?? '').toUpperCase().startsWith(typed.toUpperCase())).map((c) => c.notification.iun).sort();
    expect((await s.senderQueries.page({ protocol: typed, offset: 0, limit: 200 })).items.map((r) => r.iun).sort()).toEqual(expected);
  });

  test('keyset batches cover the filter exactly once, newest first', async () => {
    const seen: string[] = [];
    let after = null;
    do {
      const b = await s.senderQueries.batch({ senderTaxId: OTHER_SENDER.taxId }, after, 1);
      seen.push(...b.rows.map((r) => r.iun));
      after = b.next;
    } while (after);
    expect(seen).toEqual(byNewest.filter((c) => c.notification.senderTaxId === OTHER_SENDER.taxId).map((c) => c.notification.iun));
  });

  test('daily counters, refinements due, latest in statuses, senders and groups', async () => {
    const daily = await s.senderQueries.daily({ fromDay: 0, toDay: 100_000 });
    expect(daily.filter((d) => d.metric === 'sent').reduce((a, d) => a + d.n, 0)).toBe(cases.length);
    const due = await s.senderQueries.refinementsDue({ from: '2000-01-01T00:00:00+01:00', to: '2100-01-01T00:00:00+01:00', limit: 50, senderTaxId: OTHER_SENDER.taxId });
    expect(due.length).toBeGreaterThan(0);
    expect(due.map((d) => d.refinementDate)).toEqual(due.map((d) => d.refinementDate).sort());
    const own = new Set(cases.filter((c) => c.notification.senderTaxId === OTHER_SENDER.taxId).map((c) => c.notification.iun));
    expect(due.every((d) => own.has(d.iun))).toBe(true);
    const latest = await s.senderQueries.latestInStatuses({ statuses: ['REFUSED', 'UNREACHABLE'], limit: 10 });
    expect(latest.every((r) => r.status === 'REFUSED' || r.status === 'UNREACHABLE')).toBe(true);
    expect((await s.senderQueries.senders()).length).toBe(2);
    expect(await s.senderQueries.groups()).toEqual(['tributi']);
    expect(await s.senderQueries.count({ protocol: cases[4]!.notification.paProtocolNumber! })).toBe(1);
    expect(await s.senderQueries.count({ iun: cases[4]!.notification.iun.slice(0, 6) })).toBeGreaterThanOrEqual(1);
  });
});
