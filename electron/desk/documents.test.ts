// A document the print bundle cannot merge is named in the error in the reader's language: our own
// titles ("Frontespizio" / "Cover page", the AAR's) travel in both languages (inBothLanguages), so
// an English message, and the DESK_PRINT_FAILED whose reason it becomes, has no Italian word in it.
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { codedMessage, DomainError, messageFor, renderable, withReason } from '../../core/index.js';
import { assembleBundle, type DocumentsStore, type Produced } from './documents.js';

const NOW = '2026-11-27T09:30:00.000Z';
const store = { files: { put: async () => ({ sha256: 'x' }) } } as unknown as DocumentsStore;

async function onePage(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.addPage();
  return Buffer.from(await pdf.save());
}

const doc = (kind: Produced['kind'], titles: { it: string; en: string }, pdf: Buffer): Produced =>
  ({ position: 1, kind, title: titles.it, titles, pdf, sha256: 'x' });

async function failure(produced: Produced[]): Promise<DomainError> {
  const e = await assembleBundle(store, produced, NOW).then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(DomainError);
  return e as DomainError;
}

describe('a print bundle that cannot be assembled', () => {
  it('names a missing cover page in the language of the message, and of the print failure it causes', async () => {
    const e = await failure([]);
    expect(e.code).toBe('DOCUMENT_EMPTY');
    expect(messageFor(e.code, 'it', e.params)).toBe('Il documento «Frontespizio» è vuoto e non può essere stampato: scaricarlo di nuovo');
    expect(messageFor(e.code, 'en', e.params)).toBe('The document "Cover page" is empty and cannot be printed: download it again');

    // As the operation's error reason: rendered again, both levels, in the other language.
    const failed = codedMessage('DESK_PRINT_FAILED', 'it', withReason({}, e.code, e.params));
    expect(failed.message).toContain('«Frontespizio»');
    expect(renderable('DESK_PRINT_FAILED', failed.params)).toBe(true);
    const en = messageFor('DESK_PRINT_FAILED', 'en', failed.params);
    expect(en).toContain('"Cover page" is empty');
    expect(en).not.toMatch(/Frontespizio|documento|vuoto/);
  });

  it('names an empty AAR by its title in each language, the wire error keeping its message', async () => {
    const aar = { it: 'Avviso di avvenuta ricezione (AAR)', en: 'Notice of receipt (AAR)' };
    const e = await failure([doc('COVER_PAGE', { it: 'Frontespizio', en: 'Cover page' }, await onePage()), doc('AAR', aar, Buffer.alloc(0))]);
    expect(e.code).toBe('DOCUMENT_EMPTY');
    const wire = codedMessage(e.code, 'en', e.params);
    expect(wire.message).toBe('The document "Notice of receipt (AAR)" is empty and cannot be printed: download it again');
    expect(messageFor(e.code, 'it', wire.params)).toBe('Il documento «Avviso di avvenuta ricezione (AAR)» è vuoto e non può essere stampato: scaricarlo di nuovo');
  });

  it('keeps a damaged document\'s internal detail out of what travels', async () => {
    const act = { it: 'Atto di citazione.pdf', en: 'Atto di citazione.pdf' };
    const e = await failure([doc('COVER_PAGE', { it: 'Frontespizio', en: 'Cover page' }, await onePage()), doc('ACT', act, Buffer.from('not a pdf'))]);
    expect(e.code).toBe('DOCUMENT_CORRUPTED');
    const wire = codedMessage(e.code, 'it', e.params);
    expect(wire.params).toEqual({ 'title.it': act.it, 'title.en': act.en });
    expect(messageFor(e.code, 'en', wire.params)).toBe('The document "Atto di citazione.pdf" is damaged or is not a readable PDF: download it again');
  });
});
