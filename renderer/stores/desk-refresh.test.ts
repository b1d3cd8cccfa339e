// The counter's operation screen re-reads its operation when the clerk comes back to the window
// (use-refresh-on-return.ts): what another window recorded shows, quietly, and never over what
// this window is doing.
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const pending: { op: string; input: unknown; resolve: (v: unknown) => void; reject: (e: unknown) => void }[] = [];
vi.mock('../api/client.js', () => ({
  ApiCallError: class ApiCallError extends Error {},
  call: (op: string, input: unknown) => new Promise((resolve, reject) => pending.push({ op, input, resolve, reject })),
}));

const { useDeskStore } = await import('./desk.js');

const ID = '3f2b8c1e-5d4a-4b6f-9a1c-2e7d8f9a0b1c';
const completed = (receiptPrintedAt: string | null) => ({ operationId: ID, state: 'COMPLETED', receiptPrintedAt, receiptPrints: receiptPrintedAt ? 1 : 0, documents: [] });
const flush = () => new Promise((r) => setTimeout(r, 0));

async function shown(desk: ReturnType<typeof useDeskStore>, view: unknown): Promise<void> {
  const load = desk.load(ID);
  pending.shift()!.resolve(view);
  await load;
}

describe('desk store: refresh (back to the window)', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    pending.length = 0;
  });

  it('shows what another window recorded (the receipt printed there), without a busy state', async () => {
    const desk = useDeskStore();
    await shown(desk, completed(null));
    const refresh = desk.refresh();
    expect(pending.map((p) => [p.op, p.input])).toEqual([['desk.getTransaction', { operationId: ID }]]);
    expect(desk.busy).toBe(false);
    pending.shift()!.resolve(completed('2026-11-27T10:00:00.000+01:00'));
    await refresh;
    expect(desk.operation?.receiptPrintedAt).toBe('2026-11-27T10:00:00.000+01:00');
  });

  it('keeps the same object when nothing changed (nothing re-renders)', async () => {
    const desk = useDeskStore();
    await shown(desk, completed(null));
    const before = desk.operation;
    const refresh = desk.refresh();
    pending.shift()!.resolve(completed(null));
    await refresh;
    expect(desk.operation).toBe(before);
  });

  it('sends nothing while an action of this window is on its way', async () => {
    const desk = useDeskStore();
    await shown(desk, completed(null));
    void desk.markReceiptPrinted(ID);
    await desk.refresh();
    expect(pending.map((p) => p.op)).toEqual(['desk.receiptPrinted']);
  });

  it('drops its answer when an action started meanwhile: the action\'s answer is the newer one', async () => {
    const desk = useDeskStore();
    await shown(desk, { ...completed(null), state: 'STARTED', documents: [{ position: 0, handedOverAt: null }] });
    const refresh = desk.refresh();
    const tick = desk.tick(0, true);
    const [read, ticked] = [pending.shift()!, pending.shift()!];
    ticked.resolve({ ...completed(null), state: 'STARTED', documents: [{ position: 0, handedOverAt: '2026-11-27T10:00:00.000+01:00' }] });
    await tick;
    read.resolve({ ...completed(null), state: 'STARTED', documents: [{ position: 0, handedOverAt: null }] });
    await refresh;
    expect(desk.operation?.documents[0]?.handedOverAt).toBe('2026-11-27T10:00:00.000+01:00');
  });

  it('fails quietly: the screen keeps the operation and shows no error', async () => {
    const desk = useDeskStore();
    await shown(desk, completed(null));
    const refresh = desk.refresh();
    pending.shift()!.reject(new Error('host unreachable'));
    await refresh;
    await flush();
    expect(desk.operation?.operationId).toBe(ID);
    expect(desk.error).toBeNull();
  });

  it('does nothing without an operation on screen', async () => {
    const desk = useDeskStore();
    await desk.refresh();
    expect(pending).toEqual([]);
  });
});
