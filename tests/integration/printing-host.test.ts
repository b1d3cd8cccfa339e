// `documents.print` through the real host over HTTP (issue #6 item 5): browser mode answers with
// the stored document's id and its `/files/` URL with a ticket (which then serves the PDF); a host
// with a printer (the desktop app's, faked here) prints with the desk's settings; unknown
// documents, non-PDFs, printer failures and callers without the role get their stable codes.
// `documents.viewUrl` and the `/files/` route: a ticket opens its one file, for two minutes, and
// the browser token and session no longer open anything from the query.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request as httpRequest } from 'node:http';
import type { PrintableDocument, Printer, PrintOptions, PrintResult } from '../../electron/printing/printer.js';
import { startAuthHost, type AuthHost } from './auth-support.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const UNKNOWN = 'f'.repeat(64);

class FakePrinter implements Printer {
  jobs: { doc: PrintableDocument; opts: PrintOptions }[] = [];
  next: PrintResult = { printed: true };
  async print(doc: PrintableDocument, opts: PrintOptions): Promise<PrintResult> {
    this.jobs.push({ doc, opts });
    return this.next;
  }
  async printers() {
    return [{ name: 'HP_Sportello', displayName: 'HP Sportello', description: 'A4' }];
  }
}

interface PrintedBody { documentId: string; url: string; printed: string; mode: string | null; printerName: string | null }

interface FileReply { status: number; type: string | undefined; length: string | undefined; headers: Record<string, string | string[] | undefined>; body: Buffer }

function getFile(h: AuthHost, path: string, method: 'GET' | 'HEAD' = 'GET', headers: Record<string, string> = {}): Promise<FileReply> {
  return new Promise((resolve, reject) => {
    httpRequest({ host: '127.0.0.1', port: h.http.port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], length: res.headers['content-length'], headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject).end();
  });
}

const TICKET_URL = /^\/files\/[0-9a-f]{64}\?ticket=[A-Za-z0-9_-]{32}$/;

describe('documents.print in browser mode (no printer on the host)', () => {
  let h: AuthHost;
  let clerk: string;
  let pdf: string;
  let png: string;
  beforeAll(async () => {
    h = await startAuthHost();
    clerk = await h.loginAs('clerk');
    pdf = (await h.host.ctx.store.files.put(PDF)).sha256;
    png = (await h.host.ctx.store.files.put(PNG)).sha256;
  });
  afterAll(async () => h?.close());

  it('answers with the stored document\'s id and its /files/ URL with a ticket, for the browser to open as is', async () => {
    const res = await h.call<PrintedBody>('documents.print', { sha256: pdf }, clerk);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ documentId: pdf, url: expect.stringMatching(TICKET_URL), printed: 'browser', mode: null, printerName: null });
    expect(res.body.data!.url.startsWith(`/files/${pdf}?`)).toBe(true);
  });

  it('the URL it returns serves that very PDF to the same caller', async () => {
    const { url } = (await h.call<PrintedBody>('documents.print', { sha256: pdf }, clerk)).body.data!;
    const file = await getFile(h, url);
    expect([file.status, file.type]).toEqual([200, 'application/pdf']);
    expect(file.body.equals(PDF)).toBe(true);
  });

  it('answers a print sent again under the same requestId with a usable URL (a fresh ticket once the first ended), one audit entry', async () => {
    const requestId = '7c3d4e5f-6071-4c8d-ae9f-1a2b3c4d5e6f';
    const countAudit = async () => Number((await h.host.ctx.store.knex('audit_log').where({ action: 'documents.print' }).count<{ n: number }[]>({ n: '*' }))[0]!.n);
    const before = await countAudit();
    const first = (await h.call<PrintedBody>('documents.print', { sha256: pdf, requestId }, clerk)).body.data!;
    h.clock.advanceMinutes(5);
    expect((await getFile(h, first.url)).status).not.toBe(200);
    const again = (await h.call<PrintedBody>('documents.print', { sha256: pdf, requestId }, clerk)).body.data!;
    expect(again).toEqual({ ...first, url: expect.stringMatching(TICKET_URL) });
    const file = await getFile(h, again.url);
    expect([file.status, file.type]).toEqual([200, 'application/pdf']);
    expect(await countAudit()).toBe(before + 1);
  });

  it('refuses an unknown document with 404 PRINT_DOCUMENT_NOT_FOUND', async () => {
    const res = await h.call('documents.print', { sha256: UNKNOWN }, clerk);
    expect([res.status, res.body.error?.code]).toEqual([404, 'PRINT_DOCUMENT_NOT_FOUND']);
  });

  it('never prints a stored file that is not a PDF (an identity scan, say)', async () => {
    const res = await h.call('documents.print', { sha256: png }, clerk);
    expect([res.status, res.body.error?.code]).toEqual([404, 'PRINT_DOCUMENT_NOT_FOUND']);
  });

  it('refuses a malformed id before looking at the store', async () => {
    const res = await h.call('documents.print', { sha256: '../../etc/passwd' }, clerk);
    expect([res.status, res.body.error?.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('refuses the roles that cannot open stored PDFs, and callers without a session', async () => {
    for (const role of ['postal', 'sender'] as const) {
      const res = await h.call('documents.print', { sha256: pdf }, await h.loginAs(role));
      expect([res.status, res.body.error?.code], role).toEqual([403, 'FORBIDDEN']);
    }
    expect((await h.call('documents.print', { sha256: pdf })).status).toBe(401);
  });

  it('lists no printer: the browser prints', async () => {
    const res = await h.call<{ hostPrints: boolean; printers: unknown[] }>('documents.printers', {}, clerk);
    expect(res.body.data).toMatchObject({ hostPrints: false, printers: [] });
  });

  it('records each print in the audit log, refusals with their code', async () => {
    const admin = await h.loginAs('admin');
    const page = await h.call<{ items: { outcome: string; code: string | null; targets: string[] }[] }>('audit.list', { operation: 'documents.print' }, admin);
    const items = page.body.data!.items;
    expect(items.some((i) => i.outcome === 'ok' && i.targets[0] === pdf)).toBe(true);
    expect(items.some((i) => i.outcome === 'refused' && i.code === 'PRINT_DOCUMENT_NOT_FOUND' && i.targets[0] === UNKNOWN)).toBe(true);
  });
});

describe('documents.viewUrl and the /files/ route (browser mode)', () => {
  let h: AuthHost;
  let clerk: string;
  let pdf: string;
  let other: string;
  beforeAll(async () => {
    h = await startAuthHost();
    clerk = await h.loginAs('clerk');
    pdf = (await h.host.ctx.store.files.put(PDF)).sha256;
    other = (await h.host.ctx.store.files.put(Buffer.concat([PDF, Buffer.from('% another\n')]))).sha256;
  });
  afterAll(async () => h?.close());

  async function viewUrl(sha256: string, session = clerk): Promise<string> {
    const res = await h.call<{ url: string }>('documents.viewUrl', { sha256 }, session);
    expect(res.body.error).toBeUndefined();
    return res.body.data!.url;
  }

  function expectUnauthorized(file: FileReply): void {
    expect([file.status, file.type]).toEqual([401, 'application/json; charset=utf-8']);
    expect(JSON.parse(file.body.toString('utf8'))).toEqual({ ok: false, error: { code: 'UNAUTHORIZED', message: expect.any(String) } });
  }

  it('gives a /files/ URL whose ticket opens the PDF with GET and HEAD, more than once (the viewer\'s range and HEAD requests)', async () => {
    const url = await viewUrl(pdf);
    expect(url).toMatch(TICKET_URL);
    expect(url.startsWith(`/files/${pdf}?ticket=`)).toBe(true);
    const get = await getFile(h, url);
    expect([get.status, get.type]).toEqual([200, 'application/pdf']);
    expect(get.body.equals(PDF)).toBe(true);
    expect(get.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
    const head = await getFile(h, url, 'HEAD');
    expect([head.status, head.type, head.length, head.body.length]).toEqual([200, 'application/pdf', String(PDF.length), 0]);
    expect((await getFile(h, url)).status).toBe(200);
  });

  it('gives a new ticket on every call, and an administrator gets one too', async () => {
    const a = await viewUrl(pdf);
    const b = await viewUrl(pdf, await h.loginAs('admin'));
    expect(a).not.toBe(b);
    expect((await getFile(h, b)).status).toBe(200);
  });

  it('a ticket does not open another file', async () => {
    const ticket = new URL(await viewUrl(pdf), 'http://x').searchParams.get('ticket');
    expectUnauthorized(await getFile(h, `/files/${other}?ticket=${ticket}`));
    expect((await getFile(h, await viewUrl(other))).status).toBe(200);
  });

  it('a ticket opens its file for 120 seconds, then no more', async () => {
    const url = await viewUrl(pdf);
    h.clock.advanceSeconds(119);
    expect((await getFile(h, url)).status).toBe(200);
    h.clock.advanceSeconds(1);
    expectUnauthorized(await getFile(h, url));
    expect((await getFile(h, url, 'HEAD')).status).toBe(401);
    // The clerk reloads the PDF tab: a page that says the link expired, not JSON nor "sign in again".
    const page = await getFile(h, url, 'GET', { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' });
    expect([page.status, page.type]).toEqual([401, 'text/html; charset=utf-8']);
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    const html = page.body.toString('utf8');
    expect(html).toContain('Il collegamento è scaduto o non è più valido');
    expect(html).not.toContain('effettuare di nuovo l');
    expect(html).not.toContain('<script');
  });

  it('refuses a made-up ticket, or none, with 401 UNAUTHORIZED', async () => {
    expectUnauthorized(await getFile(h, `/files/${pdf}?ticket=${'A'.repeat(32)}`));
    expectUnauthorized(await getFile(h, `/files/${pdf}?ticket=`));
    expectUnauthorized(await getFile(h, `/files/${pdf}`));
  });

  it('no longer opens a file for the browser token and the session in the query', async () => {
    expectUnauthorized(await getFile(h, `/files/${pdf}?token=${h.http.token}&session=${clerk}`));
    expectUnauthorized(await getFile(h, `/files/${pdf}?token=${h.http.token}`));
  });

  it('a ticket ends with the session it was given to', async () => {
    const session = await h.loginAs('clerk');
    const url = await viewUrl(pdf, session);
    expect((await h.call('auth.logout', {}, session)).status).toBe(200);
    expectUnauthorized(await getFile(h, url));
  });

  it('gives no ticket to the roles that cannot open stored PDFs, nor to callers without a session', async () => {
    for (const role of ['sender', 'postal'] as const) {
      const res = await h.call('documents.viewUrl', { sha256: pdf }, await h.loginAs(role));
      expect([res.status, res.body.error?.code], role).toEqual([403, 'FORBIDDEN']);
    }
    const anonymous = await h.call('documents.viewUrl', { sha256: pdf });
    expect([anonymous.status, anonymous.body.error?.code]).toEqual([401, 'UNAUTHORIZED']);
  });

  it('gives no ticket for a document that is not in the store, nor for one that is not a PDF', async () => {
    const png = (await h.host.ctx.store.files.put(PNG)).sha256;
    for (const sha256 of [UNKNOWN, png]) {
      const res = await h.call('documents.viewUrl', { sha256 }, clerk);
      expect([res.status, res.body.error?.code], sha256).toEqual([404, 'PRINT_DOCUMENT_NOT_FOUND']);
    }
    const malformed = await h.call('documents.viewUrl', { sha256: '../../etc/passwd' }, clerk);
    expect([malformed.status, malformed.body.error?.code]).toEqual([400, 'VALIDATION_FAILED']);
  });
});

describe('documents.print on a host with a printer (the desktop app)', () => {
  const printer = new FakePrinter();
  let h: AuthHost;
  let clerk: string;
  let admin: string;
  let pdf: string;
  beforeAll(async () => {
    h = await startAuthHost({ host: { printer } });
    clerk = await h.loginAs('clerk');
    admin = await h.loginAs('admin');
    pdf = (await h.host.ctx.store.files.put(PDF)).sha256;
  });
  afterAll(async () => h?.close());

  it('prints a click sent again under the same requestId (its answer lost) once: the first answer, one audit entry', async () => {
    printer.jobs = [];
    const requestId = '5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
    const countAudit = async () => Number((await h.host.ctx.store.knex('audit_log').where({ action: 'documents.print' }).count<{ n: number }[]>({ n: '*' }))[0]!.n);
    const before = await countAudit();
    const first = await h.call<PrintedBody>('documents.print', { sha256: pdf, title: 'Ricevuta', requestId }, clerk);
    expect(first.body.ok, JSON.stringify(first.body.error)).toBe(true);
    // Two repeats at once (the first still at the dialog would be the same): neither prints.
    const [again, andAgain] = await Promise.all([1, 2].map(() => h.call<PrintedBody>('documents.print', { sha256: pdf, title: 'Ricevuta', requestId }, clerk)));
    expect(again!.body.data).toEqual(first.body.data);
    expect(andAgain!.body.data).toEqual(first.body.data);
    expect(printer.jobs).toHaveLength(1);
    expect(await countAudit()).toBe(before + 1);
    // The same id for another document is not a repeat.
    expect((await h.call('documents.print', { sha256: pdf, title: 'Plico', requestId }, clerk)).body.error?.code).toBe('REQUEST_ID_ALREADY_USED');
    // A new click is a new print.
    expect((await h.call('documents.print', { sha256: pdf, title: 'Ricevuta', requestId: '6b2c3d4e-5f60-4b7c-9d8e-0f1a2b3c4d5e' }, clerk)).body.ok).toBe(true);
    expect(printer.jobs).toHaveLength(2);
  });

  it('prints the stored bytes with the system dialog on the default printer until the desk says otherwise', async () => {
    printer.jobs = [];
    const res = await h.call<PrintedBody>('documents.print', { sha256: pdf, title: 'Plico' }, clerk);
    expect(res.body.data).toEqual({ documentId: pdf, url: `/files/${pdf}`, printed: 'host', mode: 'dialog', printerName: null });
    expect(printer.jobs).toHaveLength(1);
    expect(printer.jobs[0]!.opts).toEqual({ mode: 'dialog' });
    expect(printer.jobs[0]!.doc.title).toBe('Plico');
    expect(Buffer.from(printer.jobs[0]!.doc.bytes).equals(PDF)).toBe(true);
  });

  it('follows the desk\'s settings: silent, to the chosen printer (an explicit mode wins)', async () => {
    const set = await h.call('documents.setPrintSettings', { printerName: 'HP_Sportello', silent: true }, admin);
    expect(set.body.data).toEqual({ printerName: 'HP_Sportello', silent: true });
    printer.jobs = [];
    const res = await h.call<PrintedBody>('documents.print', { sha256: pdf }, clerk);
    expect(res.body.data).toMatchObject({ printed: 'host', mode: 'silent', printerName: 'HP_Sportello' });
    await h.call('documents.print', { sha256: pdf, mode: 'dialog' }, clerk);
    expect(printer.jobs.map((j) => j.opts)).toEqual([{ mode: 'silent', deviceName: 'HP_Sportello' }, { mode: 'dialog', deviceName: 'HP_Sportello' }]);
  });

  it('turns a printer failure into PRINT_FAILED with a message for the clerk', async () => {
    printer.next = { printed: false, reason: 'Print job failed' };
    try {
      const res = await h.call('documents.print', { sha256: pdf }, clerk);
      expect(res.body.error?.code).toBe('PRINT_FAILED');
      expect(res.body.error?.message).toContain('Print job failed');
    } finally {
      printer.next = { printed: true };
    }
  });

  it('lists the host\'s printers and the settings; only an administrator changes the settings', async () => {
    const list = await h.call<{ hostPrints: boolean; printers: { name: string }[] }>('documents.printers', {}, clerk);
    expect(list.body.data).toMatchObject({ hostPrints: true, printers: [{ name: 'HP_Sportello' }] });
    const refused = await h.call('documents.setPrintSettings', { printerName: null, silent: false }, clerk);
    expect([refused.status, refused.body.error?.code]).toEqual([403, 'FORBIDDEN']);
  });
});
