// A host message on screen follows the language switch: rendered again from its code and params.
import { computed } from 'vue';
import { afterEach, describe, expect, it } from 'vitest';
import { codedMessage, inBothLanguages, messageFor, withReason } from '../../core/index.js';
import { ApiCallError, setApiLocale } from './client.js';
import { errorText, fieldTexts, hostText, shownError } from './host-text.js';
import { setAppToasts, showApiError, fieldErrors } from '../composables/use-api-error.js';

afterEach(() => setApiLocale('it'));

/** What the host sends for SYNC_PEER_GARBAGE asked in Italian (electron/api/errors.ts). */
const garbage = { code: 'SYNC_PEER_GARBAGE', message: 'Risposta illeggibile dal servizio SEND: nessun dato è stato modificato', params: { peer: 'SEND' } };
const GARBAGE_EN = 'Unreadable answer from service SEND: no data was changed';

/** A VALIDATION_FAILED answered in Italian: one field too long, one required. */
const invalid = new ApiCallError({
  code: 'VALIDATION_FAILED',
  message: messageFor('VALIDATION_FAILED', 'it'),
  details: { fields: [
    { path: 'mandate.delegateDenomination', code: 'INPUT_TEXT_TOO_LONG', message: 'Inserire al massimo 5 caratteri', params: { max: 5 } },
    { path: 'mandate.delegatorTaxId', code: 'INPUT_REQUIRED', message: 'Campo obbligatorio' },
  ] },
});

describe('hostText: a host message in the UI language of now', () => {
  it('renders the code again with its params after a switch', () => {
    expect(hostText(garbage)).toBe(garbage.message);
    setApiLocale('en');
    expect(hostText(garbage)).toBe(GARBAGE_EN);
  });

  it('keeps the host\'s text when the code is not the catalogue\'s, or a param its message needs did not come', () => {
    setApiLocale('en');
    expect(hostText({ code: 'MALFORMED_RESPONSE', message: 'HTTP 502' })).toBe('HTTP 502');
    expect(hostText({ code: 'HOST_UNREACHABLE', message: messageFor('HOST_UNREACHABLE', 'it') })).toBe('The application host cannot be reached: check that RADD Desk is running');
    expect(hostText({ code: 'SYNC_PEER_GARBAGE', message: garbage.message })).toBe(garbage.message);
    expect(hostText(null)).toBe('');
  });

  it('renders a message with no params from its code alone', () => {
    setApiLocale('en');
    expect(hostText({ code: 'INPUT_REQUIRED', message: 'Campo obbligatorio' })).toBe('Required field');
  });
});

describe('errors kept by a screen follow the switch', () => {
  it('a field error and the summary are rendered in the language of now', () => {
    setApiLocale('en');
    expect(fieldTexts(invalid, (p) => p.replace(/^mandate\./, ''))).toEqual({ delegateDenomination: 'Enter at most 5 characters', delegatorTaxId: 'Required field' });
    expect(fieldErrors(invalid)['mandate.delegatorTaxId']).toBe('Required field');
    expect(errorText(invalid)).toBe('Invalid data: check the highlighted fields');
  });

  it('a VALIDATION_FAILED with one telling field says that field, as the host does', () => {
    const one = new ApiCallError({
      code: 'VALIDATION_FAILED',
      message: messageFor('TAX_ID_INVALID_CHECK_CHAR', 'it'),
      details: { fields: [{ path: 'taxId', code: 'TAX_ID_INVALID_CHECK_CHAR', message: messageFor('TAX_ID_INVALID_CHECK_CHAR', 'it') }] },
    });
    expect(errorText(one)).toBe(one.message);
    setApiLocale('en');
    expect(errorText(one)).toBe('Tax code: wrong check character, please check the code');
  });

  it('a shown error re-renders a computed reading it, with no action of the clerk', () => {
    const shown = shownError(new ApiCallError(garbage), (p) => p);
    const onScreen = computed(() => shown.message);
    expect(onScreen.value).toBe(garbage.message);
    setApiLocale('en');
    expect(onScreen.value).toBe(GARBAGE_EN);
    expect(shown.code).toBe('SYNC_PEER_GARBAGE');
  });

  it('the error toast reads its text when shown, so a toast still up follows the switch', () => {
    const added: { detail?: unknown }[] = [];
    setAppToasts({ add: (m: { detail?: unknown }) => added.push(m) } as never);
    showApiError(new ApiCallError(garbage));
    setApiLocale('en');
    expect(added[0]?.detail).toBe(GARBAGE_EN);
  });
});

describe('a message whose reason is another code\'s message follows the switch at both levels', () => {
  it('a batch line refused (an API error) is rendered again whole, its reason included', () => {
    // What electron/postal/batch.ts throws for line 2, answered in Italian.
    const refused = new ApiCallError(codedMessage('POSTAL_BATCH_LINE_REFUSED', 'it', withReason({ line: 2, item: 'X1' }, 'POSTAL_ITEM_NOT_FOUND', { item: 'X1' })));
    const shown = shownError(refused);
    expect(shown.message).toBe('Riga 2 (X1): Nessun invio cartaceo per X1 — nessun esito del lotto è stato registrato');
    setApiLocale('en');
    expect(shown.message).toBe('Line 2 (X1): No paper item for X1 — no outcome of the batch was recorded');
  });

  it('an operation\'s error reason (DESK_PRINT_FAILED) reads in the language of now; an old one kept as text stays as stored', () => {
    const reason = codedMessage('DESK_PRINT_FAILED', 'it', withReason({}, 'DOCUMENT_MISSING', { sha256: 'ab12' }));
    expect(hostText(reason)).toBe('Stampa non riuscita: Documento non disponibile su questo computer (impronta ab12). L\'operazione è passata in errore e non può essere completata');
    setApiLocale('en');
    expect(hostText(reason)).toBe('Printing failed: Document not available on this computer (digest ab12). The operation is now in error and cannot be completed');
    const old = { code: '', message: 'Stampa non riuscita: documento assente' };
    expect(hostText(old)).toBe(old.message);
  });

  it('a print failed for want of the cover page names it in the language of now (no Italian word in English)', () => {
    const reason = codedMessage('DESK_PRINT_FAILED', 'it', withReason({}, 'DOCUMENT_EMPTY', inBothLanguages('title', { it: 'Frontespizio', en: 'Cover page' })));
    expect(hostText(reason)).toBe('Stampa non riuscita: Il documento «Frontespizio» è vuoto e non può essere stampato: scaricarlo di nuovo. L\'operazione è passata in errore e non può essere completata');
    setApiLocale('en');
    expect(hostText(reason)).toBe('Printing failed: The document "Cover page" is empty and cannot be printed: download it again. The operation is now in error and cannot be completed');
  });

  it('a peer\'s refusal whose detail is our own words reads wholly in the language of now; a peer\'s text stays as sent', () => {
    const ours = codedMessage('SYNC_PEER_REJECTED', 'it', withReason({ peer: 'SEND', status: 400 }, 'SYNC_PEER_NO_DETAIL', {}, 'detail'));
    expect(hostText(ours)).toBe('Il servizio SEND ha rifiutato la richiesta (HTTP 400): nessun dettaglio nella risposta');
    setApiLocale('en');
    expect(hostText(ours)).toBe('Service SEND refused the request (HTTP 400): no detail in the answer');
    const radd = codedMessage('SYNC_RADD_REFUSED', 'it', { operationId: 'op-9', code: 10, message: 'Input non valido' });
    expect(hostText(radd)).toBe('SEND refused operation op-9 (code 10). SEND\'s answer, as sent: "Input non valido"');
  });

  it('a host that sent the reason as text only (no reason code) is shown as sent', () => {
    setApiLocale('en');
    const sent = { code: 'POSTAL_BATCH_LINE_REFUSED', message: 'Riga 2 (X1): Nessun invio cartaceo per X1 — nessun esito del lotto è stato registrato' };
    expect(hostText(sent)).toBe(sent.message);
  });
});
