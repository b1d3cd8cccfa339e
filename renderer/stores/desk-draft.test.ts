// What the clerk typed for the citizen at the counter (audit H4): it survives a corrected code and
// a new scan of the same citizen, goes with their operation, on "Svuota" and on sign-out, and is
// never written to web storage.
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

const { useDeskStore } = await import('./desk.js');
const { useSessionStore } = await import('./session.js');
const { useDeskMandatesStore } = await import('./desk-mandates.js');

const IUN = 'VZKM-JTXY-ZVJK-202611-P-1';
const TAX_ID = 'RSSMRA80A01H501U';
const read = (text: string) => (/^[A-Z0-9]{16}$/.test(text) ? { kind: 'TAX_ID', taxId: text, recipientType: 'PF' } : { kind: 'IUN', iun: text });

async function typed(desk: ReturnType<typeof useDeskStore>): Promise<void> {
  await desk.identify(IUN);
  desk.draft.recipientTaxId = TAX_ID;
  desk.draft.recipientDocument.number = 'CA12345AB';
}

describe('desk store: the identification draft', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    storage.clear();
    answers.clear();
    answers.set('desk.identifyInput', ({ text }: { text: string }) => read(text));
  });

  it('keeps what was typed when another code is read for the same citizen, and says so', async () => {
    const desk = useDeskStore();
    await typed(desk);
    expect(desk.draftKept).toBe(false);
    await desk.identify('DYZD-XDJN-DKRX-202611-Q-1');
    expect(desk.input?.iun).toBe('DYZD-XDJN-DKRX-202611-Q-1');
    expect(desk.draft.recipientDocument.number).toBe('CA12345AB');
    expect(desk.draftKept).toBe(true);
    await desk.identify(TAX_ID);
    expect(desk.draft.recipientDocument.number).toBe('CA12345AB');
  });

  it('starts empty for the AAR of the next citizen: a notification not addressed to the tax code typed', async () => {
    const desk = useDeskStore();
    await typed(desk);
    answers.set('notifications.getByIun', ({ iun }: { iun: string }) => ({ iun, recipients: [{ recipientIndex: 0, taxId: 'BNCGNN85T10F205X' }] }));
    await desk.identify('DYZD-XDJN-DKRX-202611-Q-1');
    expect(desk.input?.iun).toBe('DYZD-XDJN-DKRX-202611-Q-1');
    expect(desk.draft.recipientTaxId).toBe('');
    expect(desk.draft.recipientDocument.number).toBe('');
    expect(desk.draftKept).toBe(false);
  });

  it('keeps what was typed for a notification addressed to that tax code (spaces and case aside), or one that cannot be read', async () => {
    const desk = useDeskStore();
    await typed(desk);
    answers.set('notifications.getByIun', ({ iun }: { iun: string }) => ({ iun, recipients: [{ recipientIndex: 0, taxId: 'BNCGNN85T10F205X' }, { recipientIndex: 1, taxId: 'rssmra80a01 h501u' }] }));
    await desk.identify('DYZD-XDJN-DKRX-202611-Q-1');
    expect(desk.draft.recipientDocument.number).toBe('CA12345AB');
    answers.set('notifications.getByIun', () => { throw new Error('NOTIFICATION_NOT_FOUND'); });
    await desk.identify('KWKU-JHXN-HJXM-202304-U-1');
    expect(desk.draft.recipientDocument.number).toBe('CA12345AB');
    expect(desk.draftKept).toBe(true);
  });

  it('starts empty for the tax code of someone else', async () => {
    const desk = useDeskStore();
    await typed(desk);
    await desk.identify('BNCGNN85T10F205X');
    expect(desk.draft.recipientTaxId).toBe('BNCGNN85T10F205X');
    expect(desk.draft.recipientDocument.number).toBe('');
    expect(desk.draftKept).toBe(false);
  });

  it('"Svuota" empties the form and keeps the code read', async () => {
    const desk = useDeskStore();
    await typed(desk);
    desk.clearDraft();
    expect(desk.input?.iun).toBe(IUN);
    expect(desk.draft.recipientTaxId).toBe('');
    expect(desk.draft.recipientDocument.number).toBe('');
  });

  it('goes with the operation once it is aborted', async () => {
    const desk = useDeskStore();
    await typed(desk);
    answers.set('desk.startTransaction', () => ({ operationId: 'op-1', state: 'STARTED', documents: [] }));
    answers.set('desk.abortTransaction', () => ({ operationId: 'op-1', state: 'ABORTED', documents: [] }));
    await desk.start();
    expect(desk.draft.recipientTaxId).toBe(TAX_ID);
    await desk.abort('Il cittadino se ne va');
    expect(desk.operation?.state).toBe('ABORTED');
    expect(desk.input).toBeNull();
    expect(desk.draft.recipientTaxId).toBe('');
  });

  it('takes the "Deleghe" search and form typed for the citizen with it once their operation is over', async () => {
    const desk = useDeskStore();
    const mandates = useDeskMandatesStore();
    await typed(desk);
    mandates.taxId = TAX_ID;
    mandates.draft.delegatorTaxId = TAX_ID;
    mandates.draft.delegateDenomination = 'Lucia Ferrari';
    answers.set('desk.startTransaction', () => ({ operationId: 'op-1', state: 'STARTED', documents: [] }));
    answers.set('desk.completeTransaction', () => ({ operationId: 'op-1', state: 'COMPLETED', documents: [] }));
    await desk.start();
    expect(mandates.draft.delegateDenomination).toBe('Lucia Ferrari');
    await desk.complete();
    expect(mandates.taxId).toBe('');
    expect(mandates.draft.delegatorTaxId).toBe('');
    expect(mandates.draft.delegateDenomination).toBe('');
  });

  it('is not carried to the next code once an operation was started with it (left open, to be resumed)', async () => {
    const desk = useDeskStore();
    await typed(desk);
    answers.set('desk.startTransaction', () => ({ operationId: 'op-1', state: 'STARTED', documents: [] }));
    await desk.start();
    await desk.identify('DYZD-XDJN-DKRX-202611-Q-1');
    expect(desk.input?.iun).toBe('DYZD-XDJN-DKRX-202611-Q-1');
    expect(desk.draft.recipientTaxId).toBe('');
    expect(desk.draft.recipientDocument.number).toBe('');
    expect(desk.draftKept).toBe(false);
  });

  it('is still kept for a corrected code when the start was refused (nothing was started)', async () => {
    const desk = useDeskStore();
    await typed(desk);
    answers.set('desk.startTransaction', () => { throw new Error('refused'); });
    await desk.start();
    await desk.identify('DYZD-XDJN-DKRX-202611-Q-1');
    expect(desk.draft.recipientDocument.number).toBe('CA12345AB');
    expect(desk.draftKept).toBe(true);
  });

  it('takes a partita IVA typed under "Persona fisica" as a company (recipient and delegate)', async () => {
    const desk = useDeskStore();
    await desk.identify(IUN);
    desk.draft.recipientTaxId = '04222000871';
    desk.draft.delegateTaxId = '0119925 0158';
    await nextTick();
    expect(desk.draft.recipientType).toBe('PG');
    expect(desk.draft.delegateType).toBe('PG');
    // A 16-character code leaves the chosen type alone (a company may have one too).
    desk.draft.recipientTaxId = TAX_ID;
    await nextTick();
    expect(desk.draft.recipientType).toBe('PG');
  });

  it('is forgotten on sign-out and never written to web storage', async () => {
    const session = useSessionStore();
    session.roles = ['clerk'];
    const desk = useDeskStore();
    await typed(desk);
    expect([...storage.values()].join()).not.toContain(TAX_ID);
    session.roles = [];
    await nextTick();
    expect(desk.input).toBeNull();
    expect(desk.draft.recipientTaxId).toBe('');
  });
});
