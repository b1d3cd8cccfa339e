// "Pratiche": what is listed is always the answer to the filter on screen.
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const answers = new Map<string, (input: Record<string, string>) => unknown>();
vi.mock('../api/client.js', () => ({
  ApiCallError: class ApiCallError extends Error {},
  call: async (op: string, input: Record<string, string>) => answers.get(op)!(input),
}));
vi.stubGlobal('window', { sessionStorage: new Map(), localStorage: new Map() });

const { useDeskHistoryStore } = await import('./desk-history.js');

const operation = { operationId: 'op-1', operationType: 'ACT', state: 'COMPLETED', iuns: ['EMNX-YUWV-EQEN-202611-L-1'], recipientTaxId: 'RMNFNC90P70A944D', delegateTaxId: null };

describe('desk log store: search', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    answers.set('desk.searchHistory', (input) => {
      if (input.to && input.to > '2026-11-28') throw Object.assign(new Error('Non si possono cercare date future'), { code: 'HISTORY_DATE_IN_FUTURE' });
      return { items: [operation], truncated: false };
    });
  });

  it('a refused search (a day in the future) lists nothing instead of the operations of the search before', async () => {
    const history = useDeskHistoryStore();
    history.filter.taxId = 'RMNFNC90P70A944D';
    await history.search();
    expect(history.items).toHaveLength(1);
    history.filter.to = '2030-01-01';
    await history.search();
    expect(history.error).not.toBeNull();
    expect(history.items).toEqual([]);
  });
});
