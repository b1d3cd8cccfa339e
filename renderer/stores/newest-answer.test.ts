// The stores that show a search or a lookup keep the answer of the last request, whatever order
// the answers arrive in (a clerk types, or scans, faster than the network answers).
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const pending: { op: string; input: unknown; resolve: (v: unknown) => void }[] = [];
vi.mock('../api/client.js', () => ({
  ApiCallError: class ApiCallError extends Error {},
  call: (op: string, input: unknown) => new Promise((resolve) => pending.push({ op, input, resolve })),
}));

const { useDeskHistoryStore } = await import('./desk-history.js');
const { useNotificationsStore } = await import('./notifications.js');
const { useDeskMandatesStore } = await import('./desk-mandates.js');

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('the newest request wins', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    pending.length = 0;
  });

  it('desk log: the first load answering after an IUN search does not replace its rows', async () => {
    const history = useDeskHistoryStore();
    const load = history.search();
    history.filter.iun = 'PJQA-LQMR-MATX-202610-J-1';
    const search = history.search();
    expect(pending.map((p) => p.input)).toEqual([{}, { iun: 'PJQA-LQMR-MATX-202610-J-1' }]);
    pending[1]!.resolve({ items: [{ operationId: 'by-iun' }], truncated: false });
    await search;
    pending[0]!.resolve({ items: [{ operationId: 'recent-1' }, { operationId: 'recent-2' }], truncated: false });
    await load;
    await flush();
    expect(history.items).toEqual([{ operationId: 'by-iun' }]);
  });

  it('desk log: busy until every request sent has answered', async () => {
    const history = useDeskHistoryStore();
    const load = history.search();
    history.filter.iun = 'PJQA-LQMR-MATX-202610-J-1';
    const search = history.search();
    pending[0]!.resolve({ items: [], truncated: false });
    await load;
    expect(history.busy).toBe(true);
    pending[1]!.resolve({ items: [], truncated: false });
    await search;
    expect(history.busy).toBe(false);
  });

  it('day summary: the first load answering after the day asked for does not replace it', async () => {
    const history = useDeskHistoryStore();
    const load = history.loadSummary();
    const chosen = history.loadSummary('2026-11-20');
    expect(pending.map((p) => p.input)).toEqual([{}, { day: '2026-11-20' }]);
    pending[1]!.resolve({ day: '2026-11-20' });
    await chosen;
    pending[0]!.resolve({ day: '2026-11-27' });
    await load;
    expect(history.summary).toEqual({ day: '2026-11-20' });
  });

  it('lookup: two IUNs scanned quickly show the second one, even when the first answers last', async () => {
    const notifications = useNotificationsStore();
    const first = notifications.lookup('AAAA-AAAA-AAAA-202601-A-1');
    const second = notifications.lookup('BBBB-BBBB-BBBB-202601-B-1');
    pending[1]!.resolve({ iun: 'BBBB-BBBB-BBBB-202601-B-1' });
    await second;
    pending[0]!.resolve({ iun: 'AAAA-AAAA-AAAA-202601-A-1' });
    await first;
    expect(notifications.current).toEqual({ iun: 'BBBB-BBBB-BBBB-202601-B-1' });
    expect(notifications.loading).toBe(false);
  });

  it('mandates: the tax code searched last is the one listed, busy until both searches answered', async () => {
    const mandates = useDeskMandatesStore();
    mandates.taxId = 'RSSMRA85T10A562S';
    const first = mandates.search();
    mandates.taxId = 'VRDLGU70A01F205N';
    const second = mandates.search();
    expect(pending.map((p) => p.input)).toEqual([{ taxId: 'RSSMRA85T10A562S' }, { taxId: 'VRDLGU70A01F205N' }]);
    pending[1]!.resolve({ taxId: 'VRDLGU70A01F205N', items: [] });
    expect(await second).toBe(true);
    expect(mandates.busy).toBe(true);
    pending[0]!.resolve({ taxId: 'RSSMRA85T10A562S', items: [{ mandateId: 'm-1' }] });
    expect(await first).toBe(false);
    expect(mandates.list).toEqual({ taxId: 'VRDLGU70A01F205N', items: [] });
    expect(mandates.busy).toBe(false);
  });
});
