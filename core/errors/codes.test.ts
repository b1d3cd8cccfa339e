import { describe, expect, it } from 'vitest';
import { catalog, codedMessage, messageFor, shownParams } from './codes.js';

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

  it('send no params with a message whose reason is another message in one language (a screen shows it as sent)', () => {
    const reason = messageFor('POSTAL_ITEM_NOT_FOUND', 'it', { code: 'X1' });
    expect(codedMessage('POSTAL_BATCH_LINE_REFUSED', 'it', { line: 2, item: 'X1', reason })).not.toHaveProperty('params');
  });
});
