// The "Nuova notifica" draft: kept while the clerk looks at another screen, gone after sign-out,
// for another operator, and on "Svuota modulo".
import { createPinia, setActivePinia } from 'pinia';
import { nextTick } from 'vue';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../api/client.js', () => ({
  ApiCallError: class ApiCallError extends Error {},
  call: () => Promise.reject(new Error('no host in this test')),
  hasRememberedSession: () => false,
  isTokenRefused: () => false,
  rememberSession: () => undefined,
}));

const { useSessionStore } = await import('../../stores/session.js');
const { hasInput, useNewNotificationDraft } = await import('./new-draft.js');
const { toCreateInput } = await import('./new-notification.js');

const SENDER = { taxId: '01199250158', denomination: 'Comune di Milano' };
const operator = (id: string) => ({ id, username: id, displayName: id, roles: ['sender' as const] });

describe('the new-notification draft', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    useSessionStore().operator = operator('anna');
  });

  it('is the same form when the screen opens again, with what was typed and the documents uploaded', () => {
    const drafts = useNewNotificationDraft();
    const d = drafts.open(SENDER);
    expect([d.senderTaxId, d.senderDenomination]).toEqual([SENDER.taxId, SENDER.denomination]);
    expect(hasInput(d, SENDER)).toBe(false);
    d.paProtocolNumber = 'PG/2026/1';
    d.recipients[0]!.taxId = 'RSSMRA85T10A562S';
    d.documents.push({ title: 'Verbale', sha256Base64: `${'A'.repeat(43)}=`, size: 10, fileName: 'verbale.pdf' });
    const again = drafts.open(SENDER);
    expect([again.paProtocolNumber, again.recipients[0]!.taxId, again.documents.length]).toEqual(['PG/2026/1', 'RSSMRA85T10A562S', 1]);
    expect(hasInput(again, SENDER)).toBe(true);
  });

  it('keeps what was typed before the sender\'s defaults arrived, then fills only the empty fields', () => {
    const drafts = useNewNotificationDraft();
    const NONE = { taxId: null, denomination: null };
    // The screen opens the draft before the host answers (nothing known about the sender yet)...
    const d = drafts.open(NONE);
    d.paProtocolNumber = 'PG/2026/9';
    d.senderDenomination = 'Comune di Milano - Tributi';
    // ...and again with the defaults: nothing typed is replaced, the empty sender tax code is filled.
    const after = drafts.open(SENDER);
    expect([after.paProtocolNumber, after.senderDenomination, after.senderTaxId]).toEqual(['PG/2026/9', 'Comune di Milano - Tributi', SENDER.taxId]);
  });

  it('keeps a sender the clerk changed, and is emptied (sender prefilled again) on "Svuota modulo"', () => {
    const drafts = useNewNotificationDraft();
    drafts.open(SENDER).senderDenomination = 'Comune di Milano - Polizia locale';
    expect(drafts.open(SENDER).senderDenomination).toBe('Comune di Milano - Polizia locale');
    drafts.clear(SENDER);
    expect(drafts.open(SENDER)).toMatchObject({ senderDenomination: SENDER.denomination, paProtocolNumber: '' });
  });

  it('sends one idempotenceToken for the form however many times it is submitted, a new one once it is emptied', () => {
    const drafts = useNewNotificationDraft();
    const d = drafts.open(SENDER);
    const first = toCreateInput(d, drafts.requestKey).idempotenceToken;
    expect(first).toMatch(/^[ -~]{16,256}$/);
    // Submitted again (the answer lost to a network drop, a second click): the same request.
    expect(toCreateInput(drafts.open(SENDER), drafts.requestKey).idempotenceToken).toBe(first);
    drafts.clear(SENDER);
    const next = toCreateInput(drafts.open(SENDER), drafts.requestKey).idempotenceToken;
    expect(next).toMatch(/^[ -~]{16,256}$/);
    expect(next).not.toBe(first);
    // A code the clerk typed (given by the support desk) is the one sent.
    drafts.draft.idempotenceToken = ' ASSIST-42 ';
    expect(toCreateInput(drafts.draft, drafts.requestKey).idempotenceToken).toBe('ASSIST-42');
  });

  it('is forgotten when the operator signs out, and not shown to the next one', async () => {
    const session = useSessionStore();
    const drafts = useNewNotificationDraft();
    drafts.open(SENDER).paProtocolNumber = 'PG/2026/1';
    session.forget();
    await nextTick();
    expect(drafts.draft.paProtocolNumber).toBe('');
    session.operator = operator('bruno');
    await nextTick();
    expect(drafts.open(SENDER).paProtocolNumber).toBe('');
  });

  it('belongs to its operator even if the sign-out was not seen (another one signed in meanwhile)', () => {
    const session = useSessionStore();
    const drafts = useNewNotificationDraft();
    drafts.open(SENDER).paProtocolNumber = 'PG/2026/1';
    session.operator = operator('bruno');
    expect(drafts.open(SENDER).paProtocolNumber).toBe('');
  });
});
