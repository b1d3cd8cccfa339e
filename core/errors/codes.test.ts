import { describe, expect, it } from 'vitest';
import { catalog, codedMessage, inBothLanguages, messageFor, renderable, shownParams, withReason } from './codes.js';

describe('error catalogue', () => {
  it('has an Italian and an English text for every code', () => {
    for (const [code, entry] of Object.entries(catalog)) {
      expect(entry.it.trim(), code).not.toBe('');
      expect(entry.en.trim(), code).not.toBe('');
      const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(placeholders(entry.it), code).toEqual(placeholders(entry.en));
    }
  });
  it('fills placeholders and keeps unknown ones visible', () => {
    expect(messageFor('UNKNOWN_OPERATION', 'en', { op: 'x.y' })).toBe('Unknown operation: x.y');
    expect(messageFor('INTERNAL', 'it')).toContain('{correlationId}');
  });
});

describe('sync messages a clerk reads', () => {
  it('never name the internal API operation (it stays in the params, for the log)', () => {
    const params = { peer: 'SEND', operation: 'consumeEventStreamV25', path: 'a.b' };
    for (const code of ['SYNC_PEER_GARBAGE', 'SYNC_SCHEMA_VIOLATION', 'SYNC_REQUEST_INVALID'] as const) {
      for (const lang of ['it', 'en'] as const) expect(messageFor(code, lang, params)).not.toContain('consumeEventStreamV25');
    }
    expect(messageFor('SYNC_PEER_GARBAGE', 'it', params)).toBe('Risposta illeggibile dal servizio SEND: nessun dato è stato modificato');
  });

  it('send with their code only the params the message shows: the operation stays on the host', () => {
    const params = { peer: 'SEND', operation: 'consumeEventStreamV25', path: 'a.b' };
    expect(shownParams('SYNC_PEER_GARBAGE', params)).toEqual({ peer: 'SEND' });
    expect(shownParams('SYNC_SCHEMA_VIOLATION', params)).toEqual({ peer: 'SEND', path: 'a.b' });
    const coded = codedMessage('SYNC_PEER_GARBAGE', 'it', params);
    expect(JSON.stringify(coded)).not.toContain('consumeEventStreamV25');
    expect(messageFor('SYNC_PEER_GARBAGE', 'en', coded.params)).toBe(messageFor('SYNC_PEER_GARBAGE', 'en', params));
    expect(codedMessage('SYNC_NOT_RUNNING', 'it')).not.toHaveProperty('params');
  });

});

describe('a message whose {reason} is another code\'s message', () => {
  // A batch line refused because its item is unknown: the refusal's code and params travel, never its text.
  const refused = withReason({ line: 2, item: 'X1' }, 'POSTAL_ITEM_NOT_FOUND', { item: 'X1', path: '/internal/x' });

  it('is rendered whole in one language, the reason included', () => {
    expect(messageFor('POSTAL_BATCH_LINE_REFUSED', 'it', refused)).toBe('Riga 2 (X1): Nessun invio cartaceo per X1 — nessun esito del lotto è stato registrato');
    expect(messageFor('POSTAL_BATCH_LINE_REFUSED', 'en', refused)).toBe('Line 2 (X1): No paper item for X1 — no outcome of the batch was recorded');
  });

  it('travels with the reason\'s code and the params its message shows, so that a screen renders both levels again', () => {
    const coded = codedMessage('POSTAL_BATCH_LINE_REFUSED', 'it', refused);
    expect(coded.params).toEqual({ line: 2, item: 'X1', reasonCode: 'POSTAL_ITEM_NOT_FOUND', 'reason.item': 'X1' });
    expect(JSON.stringify(coded)).not.toContain('/internal/x');
    expect(renderable('POSTAL_BATCH_LINE_REFUSED', coded.params)).toBe(true);
    expect(messageFor('POSTAL_BATCH_LINE_REFUSED', 'en', coded.params)).toBe(messageFor('POSTAL_BATCH_LINE_REFUSED', 'en', refused));
  });

  it('renders the reason\'s own dates the reader\'s way, and nests at any depth', () => {
    const printFailed = withReason({}, 'ACT_DOCUMENT_MISSING', { title: 'Atto', iun: 'ABCD-EFGH-IJKL-202611-M-1' });
    expect(messageFor('DESK_PRINT_FAILED', 'en', printFailed)).toBe(
      'Printing failed: Document "Atto" of notification ABCD-EFGH-IJKL-202611-M-1 is not on this computer: it cannot be printed. Synchronise the documents or report it to support. The operation is now in error and cannot be completed',
    );
    const deep = withReason({ line: 1, item: 'X1' }, 'DESK_PRINT_FAILED', withReason({}, 'POSTAL_OUTCOME_ALREADY_RECORDED', { code: 'RS', at: '2026-11-27T09:30:00Z' }));
    expect(messageFor('POSTAL_BATCH_LINE_REFUSED', 'it', deep)).toContain('RS del 27/11/2026 10:30');
    const shown = codedMessage('POSTAL_BATCH_LINE_REFUSED', 'it', deep).params!;
    expect(messageFor('POSTAL_BATCH_LINE_REFUSED', 'en', shown)).toContain('RS of 27/11/2026 10:30');
  });

  it('is not rendered again without the reason\'s params; a reason sent as text (older hosts) is shown as it is', () => {
    expect(renderable('POSTAL_BATCH_LINE_REFUSED', { line: 2, item: 'X1', reasonCode: 'POSTAL_ITEM_NOT_FOUND' })).toBe(false);
    expect(renderable('POSTAL_BATCH_LINE_REFUSED', { line: 2, item: 'X1' })).toBe(false);
    expect(renderable('POSTAL_BATCH_LINE_REFUSED', { line: 2, item: 'X1', reasonCode: 'NOT_A_CODE', reason: 'testo' })).toBe(true);
    expect(messageFor('POSTAL_BATCH_LINE_REFUSED', 'en', { line: 2, item: 'X1', reason: 'testo' })).toBe('Line 2 (X1): testo — no outcome of the batch was recorded');
  });

  it('leaves a {reason} of free text alone (a printer\'s own words)', () => {
    expect(shownParams('PRINT_FAILED', { reason: 'paper jam' })).toEqual({ reason: 'paper jam' });
  });
});

describe('a param that is our own words, sent in both languages', () => {
  const cover = inBothLanguages('title', { it: 'Frontespizio', en: 'Cover page' });

  it('is rendered in the message\'s language, and travels in both for a screen to render again', () => {
    expect(messageFor('DOCUMENT_EMPTY', 'it', cover)).toBe('Il documento «Frontespizio» è vuoto e non può essere stampato: scaricarlo di nuovo');
    expect(messageFor('DOCUMENT_EMPTY', 'en', cover)).toBe('The document "Cover page" is empty and cannot be printed: download it again');
    const coded = codedMessage('DOCUMENT_EMPTY', 'it', cover);
    expect(coded.params).toEqual({ 'title.it': 'Frontespizio', 'title.en': 'Cover page' });
    expect(renderable('DOCUMENT_EMPTY', coded.params)).toBe(true);
    expect(renderable('DOCUMENT_EMPTY', { 'title.it': 'Frontespizio' })).toBe(false);
  });

  it('works as a reason\'s param too', () => {
    const shown = codedMessage('DESK_PRINT_FAILED', 'it', withReason({}, 'DOCUMENT_EMPTY', cover)).params!;
    expect(messageFor('DESK_PRINT_FAILED', 'en', shown)).toContain('The document "Cover page" is empty');
    expect(messageFor('DESK_PRINT_FAILED', 'it', shown)).toContain('Il documento «Frontespizio» è vuoto');
  });
});

describe('a {detail} that is another code\'s message (our own words, not a peer\'s)', () => {
  it('is rendered in the message\'s language and travels as its code; a peer\'s own text stays as sent', () => {
    const params = withReason({ peer: 'SEND', status: 409 }, 'SYNC_PEER_CONFLICT_NOT_OURS', {}, 'detail');
    expect(params).toEqual({ peer: 'SEND', status: 409, detailCode: 'SYNC_PEER_CONFLICT_NOT_OURS' });
    const coded = codedMessage('SYNC_PEER_REJECTED', 'en', params);
    expect(coded.message).toMatch(/^Service SEND refused the request \(HTTP 409\): SEND already has a request/);
    expect(messageFor('SYNC_PEER_REJECTED', 'it', coded.params)).toMatch(/^Il servizio SEND ha rifiutato la richiesta \(HTTP 409\): SEND ha già una richiesta/);
    expect(messageFor('SYNC_PEER_REJECTED', 'en', { peer: 'SEND', status: 404, detail: 'Not Found' })).toBe('Service SEND refused the request (HTTP 404): Not Found');
    // Only {reason} and {detail} are read so: a {code} param is never taken for another code.
    expect(messageFor('SYNC_RADD_REFUSED', 'en', { operationId: 'op', code: 10, codeCode: 'INTERNAL', message: 'KO' })).toBe('SEND refused operation op (code 10). SEND\'s answer, as sent: "KO"');
  });
});
