// The clerk switches IT↔EN with a refusal on screen: the stores keep the error, not its Italian
// text, so what the screen reads (message and field messages) is in the language of now.
import { createPinia, setActivePinia } from 'pinia';
import { computed } from 'vue';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { messageFor } from '../../core/index.js';

const answers = new Map<string, () => unknown>();
vi.mock('../api/client.js', async (original) => ({
  ...(await original<typeof import('../api/client.js')>()),
  call: async (op: string) => answers.get(op)!(),
}));
vi.stubGlobal('window', { sessionStorage: { getItem: () => null, setItem: () => undefined, removeItem: () => undefined } });

const { ApiCallError, setApiLocale } = await import('../api/client.js');
const { useDeskStore } = await import('./desk.js');
const { useNotificationsStore } = await import('./notifications.js');
const { toProblem } = await import('./postal.js');

/** The host's answer to an identification with an expired document, asked in Italian. */
const expired = () => new ApiCallError({
  code: 'VALIDATION_FAILED',
  message: messageFor('VALIDATION_FAILED', 'it'),
  details: { fields: [
    { path: 'identification.recipientTaxId', code: 'INPUT_REQUIRED', message: messageFor('INPUT_REQUIRED', 'it') },
    { path: 'identification.recipientDocument.number', code: 'INPUT_TEXT_TOO_SHORT', message: messageFor('INPUT_TEXT_TOO_SHORT', 'it', { min: 5 }), params: { min: 5 } },
  ] },
});

describe('an error on screen follows the language switch', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    answers.clear();
  });
  afterEach(() => setApiLocale('it'));

  it('the counter: the summary and the field messages of a refused identification', async () => {
    const desk = useDeskStore();
    answers.set('desk.checkIdentity', () => { throw expired(); });
    await desk.inquire();
    const shown = computed(() => [desk.error?.message, desk.error?.fields['identification.recipientDocument.number']]);
    expect(shown.value).toEqual(['Dati non validi: controllare i campi evidenziati', 'Inserire almeno 5 caratteri']);
    setApiLocale('en');
    expect(shown.value).toEqual(['Invalid data: check the highlighted fields', 'Enter at least 5 characters']);
    expect(desk.error?.code).toBe('VALIDATION_FAILED');
  });

  it('the lookup by IUN: a refusal of the host', async () => {
    const store = useNotificationsStore();
    answers.set('notifications.getByIun', () => { throw new ApiCallError({ code: 'SYNC_PEER_GARBAGE', message: messageFor('SYNC_PEER_GARBAGE', 'it', { peer: 'SEND' }), params: { peer: 'SEND' } }); });
    await store.lookup('ABCD-EFGH-IJKL-202601-A-1');
    expect(store.error?.message).toContain('Risposta illeggibile');
    setApiLocale('en');
    expect(store.error?.message).toBe('Unreadable answer from service SEND: no data was changed');
  });

  it('the postal counter: a problem and its field messages', () => {
    const problem = toProblem(expired());
    setApiLocale('en');
    expect(problem.message).toBe('Invalid data: check the highlighted fields');
    expect(problem.fields?.['identification.recipientTaxId']).toBe('Required field');
    expect(problem.field).toBe('identification.recipientTaxId');
  });
});
