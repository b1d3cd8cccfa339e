// "Scarica" at the counter saves the document under the name the host gives it: browser mode asks
// for the download address (the host sends the file as an attachment, named), the desktop app
// for the bytes and the name, which its save dialog proposes.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const calls: { op: string; input: unknown }[] = [];
const answers: Record<string, unknown> = {};
vi.mock('../../api/client.js', () => ({
  ApiCallError: class ApiCallError extends Error {},
  call: async (op: string, input: unknown) => {
    calls.push({ op, input });
    if (answers[op] instanceof Error) throw answers[op];
    return answers[op];
  },
}));
const toasts: unknown[] = [];
vi.mock('../../composables/use-api-error.js', () => ({ showApiError: (e: unknown, summary: () => string) => toasts.push({ e, summary: summary() }) }));
vi.mock('../../i18n/index.js', () => ({ i18n: { global: { t: (key: string) => key } } }));

const { savePdf } = await import('./files.js');

const SHA = 'a'.repeat(64);
const OPERATION = '3f2b8c1e-5d4a-4b6f-9a1c-2e7d8f9a0b1c';

interface Link { href: string; download: string; rel: string; clicked: boolean; click(): void; remove(): void }
let links: Link[];

function stubPage(desktop: boolean): void {
  links = [];
  vi.stubGlobal('window', desktop ? { raddDesk: { call: vi.fn() } } : {});
  vi.stubGlobal('document', {
    createElement: () => {
      const a: Link = { href: '', download: '', rel: '', clicked: false, click() { a.clicked = true; }, remove() {} };
      links.push(a);
      return a;
    },
    body: { appendChild: () => undefined },
  });
}

describe('savePdf ("Scarica")', () => {
  beforeEach(() => {
    calls.length = 0;
    toasts.length = 0;
    for (const k of Object.keys(answers)) delete answers[k];
  });
  afterEach(() => vi.unstubAllGlobals());

  it('browser mode: downloads from the host\'s address, which names the file itself', async () => {
    stubPage(false);
    answers['documents.viewUrl'] = { url: `/files/${SHA}?ticket=t` };
    expect(await savePdf(SHA, OPERATION)).toBe(true);
    expect(calls).toEqual([{ op: 'documents.viewUrl', input: { sha256: SHA, operationId: OPERATION, download: true } }]);
    expect(links).toMatchObject([{ href: `/files/${SHA}?ticket=t`, download: '', clicked: true }]);
  });

  it('desktop app: saves the bytes under the host\'s name (the save dialog proposes it)', async () => {
    stubPage(true);
    answers['documents.getFile'] = { fileName: 'PJQA-LQMR-MATX-202610-J-1 - Verbale.pdf', contentType: 'application/pdf', base64: btoa('%PDF-1.4') };
    expect(await savePdf(SHA, OPERATION)).toBe(true);
    expect(calls).toEqual([{ op: 'documents.getFile', input: { sha256: SHA, operationId: OPERATION } }]);
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({ download: 'PJQA-LQMR-MATX-202610-J-1 - Verbale.pdf', clicked: true });
    expect(links[0]!.href).toMatch(/^blob:/);
  });

  it('says why when the host refuses, and saves nothing', async () => {
    stubPage(false);
    answers['documents.viewUrl'] = new Error('PRINT_DOCUMENT_NOT_FOUND');
    expect(await savePdf(SHA, OPERATION)).toBe(false);
    expect(links).toEqual([]);
    expect(toasts).toMatchObject([{ summary: 'printing.saveFailed' }]);
  });
});
