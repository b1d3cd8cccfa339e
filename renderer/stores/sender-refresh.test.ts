// The office's screens re-read what they show when sync stored something (use-refresh-on-sync.ts):
// quietly (no spinner, nothing cleared), as last asked, and never over what the clerk asked since.
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const pending: { op: string; input: unknown; resolve: (v: unknown) => void; reject: (e: unknown) => void }[] = [];
vi.mock('../api/client.js', () => ({
  ApiCallError: class ApiCallError extends Error {},
  call: (op: string, input: unknown) => new Promise((resolve, reject) => pending.push({ op, input, resolve, reject })),
}));

const { emptyListQuery, useSenderStore } = await import('./sender.js');

const page = (total: number) => ({ items: [], total });
const detail = (iun: string, status: string) => ({ iun, status });

describe('sender store: quiet re-reads', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    pending.length = 0;
  });

  it('the list is read again as last asked, without the loading flag', async () => {
    const s = useSenderStore();
    expect(s.refreshList()).toBeInstanceOf(Promise);
    expect(pending).toHaveLength(0); // nothing shown yet: nothing to re-read
    const q = { ...emptyListQuery(), cf: 'RSSMRA85T10A562S', page: 2 };
    const load = s.loadList(q);
    pending.shift()!.resolve(page(51));
    await load;
    const again = s.refreshList();
    expect(s.loading).toBe(false);
    const asked = pending.shift()!;
    expect(asked.op).toBe('sender.list');
    expect(asked.input).toMatchObject({ filter: { recipientTaxId: 'RSSMRA85T10A562S' }, offset: 50 });
    asked.resolve(page(52));
    await again;
    expect(s.list).toEqual(page(52));
  });

  it('a list the clerk asks for meanwhile wins over the re-read', async () => {
    const s = useSenderStore();
    const first = s.loadList(emptyListQuery());
    pending.shift()!.resolve(page(10));
    await first;
    const again = s.refreshList();
    const quiet = pending.shift()!;
    const asked = s.loadList({ ...emptyListQuery(), page: 3 });
    const theirs = pending.shift()!;
    theirs.resolve(page(99));
    await asked;
    quiet.resolve(page(11));
    await again;
    expect(s.list).toEqual(page(99));
  });

  it('the detail is re-read without being cleared, only while the same notification is shown', async () => {
    const s = useSenderStore();
    const load = s.loadDetail('A');
    pending.shift()!.resolve(detail('A', 'DELIVERING'));
    await load;
    const again = s.refreshDetail('A');
    expect(s.detail).toEqual(detail('A', 'DELIVERING'));
    pending.shift()!.resolve(detail('A', 'DELIVERED'));
    await again;
    expect(s.detail).toEqual(detail('A', 'DELIVERED'));
    await s.refreshDetail('B');
    expect(pending).toHaveLength(0);
  });

  it('the dashboard is re-read as last asked; a failed re-read throws to its caller and leaves it shown', async () => {
    const s = useSenderStore();
    const load = s.loadDashboard({ period: '3m' });
    pending.shift()!.resolve({ total: 5 });
    await load;
    const again = s.refreshDashboard();
    const asked = pending.shift()!;
    expect(asked.input).toEqual({ period: '3m' });
    asked.reject(new Error('host busy'));
    await expect(again).rejects.toThrow('host busy');
    expect(s.dashboard).toEqual({ total: 5 });
    expect(s.error).toBeNull();
  });
});
