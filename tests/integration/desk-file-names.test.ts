// A stored PDF of the counter leaves the host under its document's name, not its SHA-256: the
// `/files/` route sends `Content-Disposition` (inline for the viewer, attachment for "Scarica")
// with the name the host bound to the ticket when it issued it, from the operation's own records
// (IUN and title, an ASCII `filename` and the UTF-8 `filename*`). Nothing in the URL changes it.
// The desktop app's "Scarica" gets the same name with the bytes (documents.getFile).
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEOPLE } from '../e2e/data/desk-cases.js';
import { caseOf, newOperationId, recipientIdentification, startDeskHost, type DeskHost } from './desk-support.js';

let h: DeskHost;
beforeAll(async () => { h = await startDeskHost('radd-desk-file-names-'); }, 60_000);
afterAll(async () => { await h?.close(); });

type Doc = { position: number; kind: string; iun: string | null; title: { it: string }; sha256: string | null };
type Tx = { operationId: string; iuns: string[]; documents: Doc[]; receiptFileId: string | null };

/** `attachment; filename="<ascii>"; filename*=UTF-8''<name>` -> its parts. */
function disposition(header: string | string[] | undefined): { type: string; ascii: string; utf8: string } {
  const m = /^(inline|attachment); filename="([^"]*)"; filename\*=UTF-8''([A-Za-z0-9%!#$&+.^_`|~-]+)$/.exec(String(header));
  if (!m) throw new Error(`unexpected Content-Disposition: ${String(header)}`);
  return { type: m[1]!, ascii: m[2]!, utf8: decodeURIComponent(m[3]!) };
}

describe('names of the counter\'s PDFs', () => {
  let operationId: string;
  let iun: string;
  let act: Doc & { sha256: string };

  beforeAll(async () => {
    const c = caseOf(h, 'qrPickup');
    iun = c.notification.iun;
    operationId = newOperationId();
    const identification = await recipientIdentification(h, PEOPLE.recipient.taxId);
    const started = await h.api<Tx>('desk.startTransaction', { operationId, mode: 'ACT', qrCode: c.qrUrl, identification });
    expect(started.body.ok, JSON.stringify(started.body.error)).toBe(true);
    const position = started.body.data!.documents.find((d) => d.kind === 'ACT')!.position;
    const downloaded = await h.api<Tx & { file: { fileId: string } }>('desk.downloadDocument', { operationId, position });
    expect(downloaded.body.ok, JSON.stringify(downloaded.body.error)).toBe(true);
    act = downloaded.body.data!.documents.find((d) => d.position === position) as Doc & { sha256: string };
    expect(act.sha256).toBe(downloaded.body.data!.file.fileId);
  });

  it('"Scarica" in the browser: an attachment named "<IUN> - <title>.pdf", in ASCII and in UTF-8', async () => {
    const view = await h.api<{ url: string }>('documents.viewUrl', { sha256: act.sha256, operationId, download: true });
    expect(view.body.ok, JSON.stringify(view.body.error)).toBe(true);
    const file = await h.get(view.body.data!.url);
    expect([file.status, file.headers['content-type']]).toEqual([200, 'application/pdf']);
    expect(createHash('sha256').update(file.raw).digest('hex')).toBe(act.sha256);
    const name = `${iun} - ${act.title.it}.pdf`;
    expect(disposition(file.headers['content-disposition'])).toEqual({ type: 'attachment', ascii: name, utf8: name });
  });

  it('opened in the viewer: inline, under the same name (the viewer\'s "save" uses it)', async () => {
    const view = await h.api<{ url: string }>('documents.viewUrl', { sha256: act.sha256, operationId });
    const file = await h.get(view.body.data!.url);
    expect(disposition(file.headers['content-disposition'])).toMatchObject({ type: 'inline', utf8: `${iun} - ${act.title.it}.pdf` });
  });

  it('ignores a name or a disposition forged in the query: the ticket fixed both when it was issued', async () => {
    const view = await h.api<{ url: string }>('documents.viewUrl', { sha256: act.sha256, operationId });
    const forged = `${view.body.data!.url}&filename=evil.exe&filename*=UTF-8''evil.exe&download=1&disposition=attachment&name=x.html`;
    const file = await h.get(forged);
    expect(file.status).toBe(200);
    expect(disposition(file.headers['content-disposition'])).toMatchObject({ type: 'inline', utf8: `${iun} - ${act.title.it}.pdf` });
    expect(String(file.headers['content-disposition'])).not.toContain('evil');
  });

  it('names the print bundle and the receipt after the operation\'s IUN (documents.print in browser mode)', async () => {
    const printed = await h.api<Tx & { bundle: { fileId: string } }>('desk.printBundle', { operationId });
    expect(printed.body.ok, JSON.stringify(printed.body.error)).toBe(true);
    const bundle = await h.api<{ url: string }>('documents.print', { sha256: printed.body.data!.bundle.fileId, operationId });
    const bundleFile = await h.get(bundle.body.data!.url);
    expect(disposition(bundleFile.headers['content-disposition'])).toMatchObject({ type: 'inline', utf8: `${iun} - Plico da stampare.pdf` });

    for (const d of printed.body.data!.documents) await h.api('desk.markHandedOver', { operationId, position: d.position, handedOver: true });
    const done = await h.api<Tx>('desk.completeTransaction', { operationId });
    expect(done.body.ok, JSON.stringify(done.body.error)).toBe(true);
    const receipt = await h.api<{ url: string }>('documents.print', { sha256: done.body.data!.receiptFileId!, operationId });
    const receiptFile = await h.get(receipt.body.data!.url);
    expect(disposition(receiptFile.headers['content-disposition'])).toMatchObject({ type: 'inline', utf8: `${iun} - Ricevuta di consegna.pdf` });
  });

  it('gives a neutral name to a file asked for without its operation, or with another one', async () => {
    for (const input of [{ sha256: act.sha256 }, { sha256: act.sha256, operationId: newOperationId() }]) {
      const view = await h.api<{ url: string }>('documents.viewUrl', { ...input, download: true });
      const file = await h.get(view.body.data!.url);
      expect(disposition(file.headers['content-disposition'])).toEqual({ type: 'attachment', ascii: `Documento ${act.sha256.slice(0, 12)}.pdf`, utf8: `Documento ${act.sha256.slice(0, 12)}.pdf` });
    }
  });

  it('"Scarica" in the desktop app: the bytes and the same name, for the save dialog (documents.getFile)', async () => {
    const res = await h.api<{ fileName: string; contentType: string; base64: string }>('documents.getFile', { sha256: act.sha256, operationId });
    expect(res.body.ok, JSON.stringify(res.body.error)).toBe(true);
    expect(res.body.data).toMatchObject({ fileName: `${iun} - ${act.title.it}.pdf`, contentType: 'application/pdf' });
    expect(createHash('sha256').update(Buffer.from(res.body.data!.base64, 'base64')).digest('hex')).toBe(act.sha256);
  });

  it('gives no identity scan through documents.getFile (PDFs of the counter only)', async () => {
    const tx = (await h.api<Tx & { scans: { sha256: string }[] }>('desk.getTransaction', { operationId })).body.data!;
    const res = await h.api('documents.getFile', { sha256: tx.scans[0]!.sha256, operationId });
    expect([res.status, res.body.error?.code]).toEqual([404, 'PRINT_DOCUMENT_NOT_FOUND']);
  });
});
