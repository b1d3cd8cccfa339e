// An operation closed meanwhile by another window or desk: the refused action shows what happened.
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';

class ApiCallError extends Error {
  constructor(readonly code: string) { super(code); }
}
const answers = new Map<string, (input: never) => unknown>();
vi.mock('../api/client.js', () => ({
  ApiCallError,
  call: async (op: string, input: never) => answers.get(op)!(input),
}));
const storage = new Map<string, string>();
vi.stubGlobal('window', { sessionStorage: { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => void storage.set(k, v), removeItem: (k: string) => void storage.delete(k) } });

const { useDeskStore } = await import('./desk.js');

const ID = '3f2b8c1e-5d4a-4b6f-9a1c-2e7d8f9a0b1c';
const view = (state: string) => ({ operationId: ID, state, documents: [] });

describe('desk store: an operation closed elsewhere', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    answers.clear();
    answers.set('desk.getTransaction', () => view('COMPLETED'));
  });

  it.each([
    ['complete', 'RADD_TRANSACTION_COMPLETED_ELSEWHERE', (d: ReturnType<typeof useDeskStore>) => d.complete()],
    ['abort', 'RADD_TRANSACTION_ALREADY_COMPLETED', (d: ReturnType<typeof useDeskStore>) => d.abort('Il cittadino se ne va')],
    ['tick', 'DESK_TRANSACTION_NOT_OPEN', (d: ReturnType<typeof useDeskStore>) => d.tick(0, true)],
    ['print', 'DESK_TRANSACTION_NOT_OPEN', (d: ReturnType<typeof useDeskStore>) => d.print()],
  ])('a refused %s reads the operation again and keeps the message', async (_name, code, act) => {
    const desk = useDeskStore();
    desk.operation = view('STARTED') as unknown as typeof desk.operation;
    for (const op of ['desk.completeTransaction', 'desk.abortTransaction', 'desk.markHandedOver', 'desk.printBundle']) {
      answers.set(op, () => { throw new ApiCallError(code); });
    }
    await act(desk);
    expect(desk.operation?.state).toBe('COMPLETED');
    expect(desk.error?.code).toBe(code);
  });

  it('any other refusal (documents not handed over) leaves the operation as it is', async () => {
    const desk = useDeskStore();
    desk.operation = view('STARTED') as unknown as typeof desk.operation;
    answers.set('desk.completeTransaction', () => { throw new ApiCallError('DESK_DOCUMENTS_NOT_HANDED_OVER'); });
    await desk.complete();
    expect(desk.operation?.state).toBe('STARTED');
  });
});
