// Sign-out at a shared counter: the next operator finds nothing of the citizens the one before
// searched on "Deleghe" and "Pratiche" (their tax codes, delegations, operations, a half-typed form).
import { createPinia, setActivePinia } from 'pinia';
import { nextTick } from 'vue';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const answers = new Map<string, (input: never) => unknown>();
vi.mock('../api/client.js', () => ({
  ApiCallError: class ApiCallError extends Error {},
  call: async (op: string, input: never) => answers.get(op)!(input),
}));
const storage = new Map<string, string>();
const webStorage = { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => void storage.set(k, v), removeItem: (k: string) => void storage.delete(k) };
vi.stubGlobal('window', { sessionStorage: webStorage, localStorage: webStorage });

const { useDeskMandatesStore } = await import('./desk-mandates.js');
const { useDeskHistoryStore } = await import('./desk-history.js');
const { useSessionStore } = await import('./session.js');

const DELEGATOR = 'SPSNTN49S03F839I';
const mandate = { mandateId: 'm-1', delegatorTaxId: DELEGATOR, delegateTaxId: 'FRRLCU83L61F205Z', delegateDenomination: 'Lucia Ferrari', delegateType: 'PF', validFrom: '2026-08-30T00:00:00.000+02:00', validTo: null, state: 'ACTIVE' };
const operation = { operationId: 'op-1', operationType: 'ACT', state: 'STARTED', iuns: ['EMNX-YUWV-EQEN-202611-L-1'], recipientTaxId: DELEGATOR, delegateTaxId: null };

describe('desk screens at sign-out', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    answers.clear();
    useSessionStore().roles = ['clerk'];
  });

  it('"Deleghe" forgets the tax code searched, its delegations and the form being typed', async () => {
    answers.set('desk.listMandates', () => ({ taxId: DELEGATOR, items: [mandate], truncated: false }));
    const mandates = useDeskMandatesStore();
    mandates.taxId = DELEGATOR;
    await mandates.search();
    mandates.draft.delegatorTaxId = 'VRDGLI78D52H501K';
    expect(mandates.list?.items).toHaveLength(1);
    useSessionStore().roles = [];
    await nextTick();
    expect(mandates.taxId).toBe('');
    expect(mandates.list).toBeNull();
    expect(mandates.draft.delegatorTaxId).toBe('');
  });

  it('"Pratiche" forgets the filter, the operations found, the open ones and the day summary', async () => {
    answers.set('desk.searchHistory', () => ({ items: [operation], truncated: false }));
    answers.set('desk.listOpenTransactions', () => [operation]);
    answers.set('desk.dailySummary', () => ({ day: '2026-11-28', deskId: 'DEMO-MI-001', completed: 1 }));
    const history = useDeskHistoryStore();
    history.filter.taxId = DELEGATOR;
    await history.search();
    await history.loadOpen();
    await history.loadSummary();
    useSessionStore().roles = [];
    await nextTick();
    expect(history.filter.taxId).toBe('');
    expect(history.items).toEqual([]);
    expect(history.open).toEqual([]);
    expect(history.summary).toBeNull();
  });
});
