// An operation's error reason as stored (radd_transactions.error_reason) and as a screen gets it:
// a code with its params, rendered in the request's language and again in the UI's; the words an
// older version stored in one language are shown as they are.
import { describe, expect, it } from 'vitest';
import { messageFor, withReason } from '../../core/index.js';
import { reasonToStore, storedReason } from './views.js';

const missing = withReason({}, 'ACT_DOCUMENT_MISSING', { title: 'Atto', iun: 'ABCD-EFGH-IJKL-202611-M-1', path: '/data/files/ab/ab12' });

describe('an operation\'s error reason', () => {
  it('is stored as a code with the params its message shows, never as words in one language', () => {
    const text = reasonToStore('DESK_PRINT_FAILED', missing);
    expect(JSON.parse(text)).toEqual({
      code: 'DESK_PRINT_FAILED',
      params: { reasonCode: 'ACT_DOCUMENT_MISSING', 'reason.title': 'Atto', 'reason.iun': 'ABCD-EFGH-IJKL-202611-M-1' },
    });
    expect(text).not.toContain('/data/files');
  });

  it('is read back as that code in the request\'s language, and renders in the other one at both levels', () => {
    const it_ = storedReason(reasonToStore('DESK_PRINT_FAILED', missing), 'it')!;
    expect(it_.code).toBe('DESK_PRINT_FAILED');
    expect(it_.message).toBe(messageFor('DESK_PRINT_FAILED', 'it', missing));
    expect(it_.message).toMatch(/^Stampa non riuscita: Il documento "Atto" della notifica/);
    expect(storedReason(reasonToStore('DESK_PRINT_FAILED', missing), 'en')!.message).toMatch(/^Printing failed: Document "Atto" of notification/);
    expect(messageFor('DESK_PRINT_FAILED', 'en', it_.params)).toBe(messageFor('DESK_PRINT_FAILED', 'en', missing));
  });

  it('written as words by an older version, is shown as stored (code \'\', which no catalogue holds)', () => {
    const words = 'Stampa non riuscita: Il documento "Atto" non è presente su questo computer';
    expect(storedReason(words, 'en')).toEqual({ code: '', message: words });
    // Text that only looks like JSON, or JSON without a catalogue code, is words too.
    expect(storedReason('{non è JSON', 'en')).toEqual({ code: '', message: '{non è JSON' });
    expect(storedReason('{"code":"NOPE","params":{}}', 'en')).toEqual({ code: '', message: '{"code":"NOPE","params":{}}' });
    expect(storedReason('[1,2]', 'it')).toEqual({ code: '', message: '[1,2]' });
  });

  it('is none when nothing was stored', () => {
    expect(storedReason(null, 'it')).toBeNull();
    expect(storedReason('  ', 'it')).toBeNull();
  });

  it('keeps only the params a message shows when read back (a stored param that is not text or a number is dropped)', () => {
    const text = JSON.stringify({ code: 'DOCUMENT_MISSING', params: { sha256: 'ab12', nested: { x: 1 }, extra: 'internal' } });
    expect(storedReason(text, 'en')).toEqual({ code: 'DOCUMENT_MISSING', message: 'Document not available on this computer (digest ab12)', params: { sha256: 'ab12' } });
  });
});
