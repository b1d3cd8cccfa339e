// The sender list through the real HTTP host: server-side filters, sorting and paging with the
// total, checked against the cases the test deposited (not against the code under test).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SenderListView } from '../../electron/api/contract/index.js';
import { OTHER_SENDER, SENDER, standardCases, startSenderHost, type SenderHost } from './sender-support.js';

let h: SenderHost;
const cases = standardCases();

beforeAll(async () => {
  h = await startSenderHost(cases);
});
afterAll(async () => h?.close());

async function list(input: unknown): Promise<SenderListView> {
  const r = await h.api<SenderListView>('sender.list', input);
  expect(r.error).toBeUndefined();
  return r.data;
}

describe('sender list', () => {
  it('without filters lists every notification, newest first, 50 a page, with the total', async () => {
    const page = await list({});
    expect(page.total).toBe(cases.length);
    expect(page.limit).toBe(50);
    const sorted = [...cases].sort((a, b) => Date.parse(b.notification.sentAt) - Date.parse(a.notification.sentAt)).map((c) => c.notification.iun);
    expect(page.items.map((i) => i.iun)).toEqual(sorted);
  });

  it('pages are disjoint and cover the whole result in order', async () => {
    const all = (await list({ limit: 200 })).items.map((i) => i.iun);
    const pages = [];
    for (let offset = 0; offset < all.length; offset += 5) pages.push(...(await list({ offset, limit: 5 })).items.map((i) => i.iun));
    expect(pages).toEqual(all);
  });

  it('several statuses by date: pages in date order, disjoint, covering every match (both directions)', async () => {
    const statuses = ['EFFECTIVE_DATE', 'VIEWED', 'CANCELLED', 'UNREACHABLE', 'DELIVERING'];
    for (const direction of ['desc', 'asc']) {
      const all = (await list({ limit: 200, direction })).items.filter((i) => statuses.includes(i.status)).map((i) => i.iun);
      expect(all.length).toBeGreaterThan(5);
      const paged = [];
      for (let offset = 0; offset < all.length; offset += 3) paged.push(...(await list({ filter: { statuses }, offset, limit: 3, direction })).items.map((i) => i.iun));
      expect(paged).toEqual(all);
    }
  });

  it('a status filter and a date range give the notifications deposited in those Rome days with those statuses', async () => {
    const page = await list({ filter: { statuses: ['CANCELLED', 'REFUSED'], from: '2026-11-01', to: '2026-11-26' } });
    const expected = (await list({ limit: 200 })).items.filter((i) => ['CANCELLED', 'REFUSED'].includes(i.status) && i.sentAt >= '2026-11-01').map((i) => i.iun).sort();
    expect(page.items.map((i) => i.iun).sort()).toEqual(expected);
    expect(page.total).toBe(expected.length);
    expect(expected.length).toBe(2);
  });

  it('a date range alone counts exactly the deposits of those days (the total comes from the daily counters)', async () => {
    const from = '2026-11-16';
    const to = '2026-11-25';
    const page = await list({ filter: { from, to } });
    const inRange = cases.filter((c) => {
      const day = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Rome' }).format(new Date(c.notification.sentAt));
      return day >= from && day <= to;
    });
    expect(page.total).toBe(inRange.length);
    expect(page.items.map((i) => i.iun).sort()).toEqual(inRange.map((c) => c.notification.iun).sort());
  });

  it('filters by recipient codice fiscale, by IUN or its beginning, by protocol number and by group', async () => {
    const target = cases[3]!.notification;
    const byTaxId = await list({ filter: { recipientTaxId: target.recipients[0]!.taxId.toLowerCase() } });
    expect(byTaxId.items.map((i) => i.iun)).toContain(target.iun);
    expect((await list({ filter: { iun: target.iun } })).items.map((i) => i.iun)).toEqual([target.iun]);
    expect((await list({ filter: { iun: target.iun.slice(0, 9) } })).items.map((i) => i.iun)).toContain(target.iun);
    expect((await list({ filter: { protocol: target.paProtocolNumber } })).items.map((i) => i.iun)).toEqual([target.iun]);
    const group = await list({ filter: { group: 'tributi' } });
    expect(group.total).toBe(cases.filter((c) => c.notification.group === 'tributi').length);
  });

  it('filters by sender', async () => {
    const page = await list({ filter: { senderTaxId: OTHER_SENDER.taxId } });
    expect(page.total).toBe(cases.filter((c) => c.notification.senderTaxId === OTHER_SENDER.taxId).length);
    expect(page.items.every((i) => i.senderTaxId === OTHER_SENDER.taxId)).toBe(true);
    expect(page.items.every((i) => i.senderDenomination !== SENDER.denomination)).toBe(true);
  });

  it('sorts by status (then date), both directions; other sorts are refused', async () => {
    const asc = (await list({ sort: 'status', direction: 'asc', limit: 200 })).items;
    expect(asc.map((i) => i.status)).toEqual(asc.map((i) => i.status).sort());
    for (let k = 1; k < asc.length; k++) if (asc[k]!.status === asc[k - 1]!.status) expect(asc[k]!.sentAt >= asc[k - 1]!.sentAt).toBe(true);
    const desc = (await list({ sort: 'status', direction: 'desc', limit: 200 })).items.map((i) => i.iun);
    expect(desc).toEqual(asc.map((i) => i.iun).reverse());
    expect((await h.api('sender.list', { sort: 'iun' })).status).toBe(400);
    expect((await h.api('sender.list', { sort: 'paProtocolNumber' })).status).toBe(400);
  });

  it('shows the status label of the core, and the recipients', async () => {
    const cancelled = (await list({ filter: { statuses: ['CANCELLED'] } })).items[0]!;
    expect(cancelled.statusLabel.it).toBe('Annullata');
    expect(cancelled.recipients[0]!.taxId).toMatch(/^[A-Z0-9]{11,16}$/);
  });

  it('refuses an invalid codice fiscale, a malformed IUN and an inverted period with their own codes', async () => {
    const cf = await h.api('sender.list', { filter: { recipientTaxId: 'RSSMRA85T10A562X' } });
    expect(cf.status).toBe(400);
    expect(cf.error?.details?.fields?.[0]).toMatchObject({ path: 'filter.recipientTaxId', code: 'TAX_ID_INVALID_CHECK_CHAR' });
    const iun = await h.api('sender.list', { filter: { iun: 'QDUX-GHKP-JNAM-202603-A-1' } });
    expect(iun.error?.details?.fields?.[0]?.code).toBe('IUN_INVALID_CHECK_CHAR');
    const period = await h.api('sender.list', { filter: { from: '2026-11-20', to: '2026-11-01' } });
    expect(period.error?.details?.fields?.[0]?.code).toBe('SENDER_PERIOD_INVALID');
  });

  it('lists the senders and groups present for the filter menus', async () => {
    const r = await h.api<{ senders: { taxId: string }[]; groups: string[] }>('sender.filters', {});
    expect(r.data.senders.map((s) => s.taxId).sort()).toEqual([SENDER.taxId, OTHER_SENDER.taxId].sort());
    expect(r.data.groups).toEqual(['tributi']);
  });
});

describe('an operator bound to one sender', () => {
  it('sees that sender only: list, filters and detail of another sender\'s notification (not found)', async () => {
    const { dispatch } = await import('../../electron/api/dispatch.js');
    await h.host.ctx.store.users.save({ id: 'op-roma', username: 'roma', displayName: 'Ufficio notifiche Roma', roles: ['sender'], senderTaxId: OTHER_SENDER.taxId, active: true, createdAt: '2026-11-01T09:00:00+01:00' });
    const caller = { roles: ['sender'] as const, locale: 'it' as const, operatorId: 'op-roma' };
    const listed = await dispatch(h.host.ctx, { ...caller, roles: [...caller.roles] }, 'sender.list', { filter: { senderTaxId: SENDER.taxId } });
    expect(listed.ok && (listed.data as SenderListView).items.every((i) => i.senderTaxId === OTHER_SENDER.taxId)).toBe(true);
    expect(listed.ok && (listed.data as SenderListView).total).toBe(cases.filter((c) => c.notification.senderTaxId === OTHER_SENDER.taxId).length);
    const foreign = cases.find((c) => c.notification.senderTaxId === SENDER.taxId)!.notification.iun;
    const d = await dispatch(h.host.ctx, { ...caller, roles: [...caller.roles] }, 'sender.detail', { iun: foreign });
    expect(!d.ok && d.error.code).toBe('NOTIFICATION_NOT_FOUND');
    const f = await dispatch(h.host.ctx, { ...caller, roles: [...caller.roles] }, 'sender.filters', {});
    expect(f.ok && f.data).toMatchObject({ fixedSenderTaxId: OTHER_SENDER.taxId, senders: [{ taxId: OTHER_SENDER.taxId }] });
  });

  it('a clerk may not read the sender list', async () => {
    const { dispatch } = await import('../../electron/api/dispatch.js');
    const r = await dispatch(h.host.ctx, { roles: ['clerk'], locale: 'it' }, 'sender.list', {});
    expect(!r.ok && r.error.code).toBe('FORBIDDEN');
  });
});
