// CSV export of the current filter through the real HTTP host: prepared by an operation, streamed
// by `GET /export/<jobId>.csv?ticket=…` (the URL the operation answers with) or read in chunks by
// the desktop window; opens in a spreadsheet (UTF-8 BOM, `;` or `,`, quoting).
// The `/export/` route with sign-in enforced: a ticket opens its one job, for its session, for two
// minutes; the browser token and the session no longer open anything from the query.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request as httpRequest } from 'node:http';
import type { SenderExportChunk, SenderExportStartView, SenderExportView, SenderListView } from '../../electron/api/contract/index.js';
import { exportResource } from '../../electron/auth/url-tickets.js';
import { startAuthHost, type AuthHost } from './auth-support.js';
import { importCases, recentCase, SENDER, standardCases, startSenderHost, type SenderHost } from './sender-support.js';

let h: SenderHost;
const tricky = recentCase('export-tricky', 'PEC_FIRST_TRY', 5, { protocol: '=HYPERLINK("x";"y")' });
tricky.notification.subject = 'Verbale n. 12; "urgente"\nseconda riga';
const cases = [...standardCases(), tricky];

beforeAll(async () => {
  h = await startSenderHost(cases);
});
afterAll(async () => h?.close());

/** RFC 4180 reader (quotes, doubled quotes, separators and line breaks inside quotes). */
function parseCsv(text: string, sep: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === sep) { row.push(cell); cell = ''; } else if (ch === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; } else cell += ch;
  }
  if (cell !== '' || row.length > 0) { row.push(cell); rows.push(row); }
  return rows;
}

/** `/export/<jobId>.csv?ticket=…`, nothing else in the query. */
const TICKET_URL = /^\/export\/([A-Za-z0-9_-]{16,64})\.csv\?ticket=[A-Za-z0-9_-]{32}$/;

async function start(filter: unknown, separator?: string): Promise<SenderExportStartView> {
  const r = await h.api<SenderExportStartView>('sender.exportStart', { filter, ...(separator ? { separator } : {}) });
  expect(r.error).toBeUndefined();
  expect(r.data.downloadUrl).toMatch(TICKET_URL);
  return r.data;
}

describe('CSV export', () => {
  it('streams the rows of the filter, BOM and `;` by default, one line per notification', async () => {
    const job = await start({ statuses: ['DELIVERED', 'EFFECTIVE_DATE', 'VIEWED'] });
    const list = await h.api<SenderListView>('sender.list', { filter: { statuses: ['DELIVERED', 'EFFECTIVE_DATE', 'VIEWED'] }, limit: 200 });
    expect(job.total).toBe(list.data.total);
    expect(job.downloadUrl).toMatch(TICKET_URL);
    expect(TICKET_URL.exec(job.downloadUrl)![1]).toBe(job.jobId);
    const res = await h.get(job.downloadUrl);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(String(res.headers['content-disposition'])).toMatch(/^attachment; filename="notifiche-20261126-\d{4}\.csv"$/);
    expect([...res.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(res.body.toString('utf8').slice(1), ';');
    expect(rows[0]![0]).toBe('IUN');
    expect(rows.slice(1).map((r) => r[0])).toEqual(list.data.items.map((i) => i.iun));
    expect(rows.every((r) => r.length === rows[0]!.length)).toBe(true);
    // The senders' codici fiscali as Italian Excel shows them: with their leading zero, as text.
    const senders = new Set(rows.slice(1).map((r) => r[rows[0]!.indexOf('Codice fiscale mittente')]));
    expect(senders).toContain('="01199250158"');
    for (const s of senders) expect(s).toMatch(/^="0\d{10}"$/);
    const status = await h.api<SenderExportView>('sender.exportStatus', { jobId: job.jobId });
    expect(status.data).toMatchObject({ state: 'done', written: job.total });
  });

  it('keeps separators, quotes and line breaks inside a cell, and makes formulas inert', async () => {
    const job = await start({ iun: tricky.notification.iun }, ',');
    const res = await h.get(job.downloadUrl);
    const rows = parseCsv(res.body.toString('utf8').slice(1), ',');
    expect(rows).toHaveLength(2);
    const head = rows[0]!;
    expect(rows[1]![head.indexOf('Oggetto')]).toBe('Verbale n. 12; "urgente"\nseconda riga');
    expect(rows[1]![head.indexOf('Protocollo')]).toBe('\'=HYPERLINK("x";"y")');
  });

  it('the desktop window reads the same file in chunks', async () => {
    const job = await start({});
    let text = '';
    for (let i = 0; i < 20; i++) {
      const c = await h.api<SenderExportChunk>('sender.exportChunk', { jobId: job.jobId, maxRows: 4 });
      text += c.data.csv;
      if (c.data.done) break;
    }
    const rows = parseCsv(text.slice(1), ';');
    expect(rows.length - 1).toBe(cases.length);
    expect(new Set(rows.slice(1).map((r) => r[0])).size).toBe(cases.length);
  });

  it('opens a job with its ticket only: not with the run token in the query, not another job, not an unknown one', async () => {
    const job = await start({});
    const other = await start({ iun: tricky.notification.iun });
    expect((await h.get(job.downloadUrl)).status).toBe(200);
    const ticket = new URL(job.downloadUrl, 'http://x').searchParams.get('ticket');
    expect((await h.get(`/export/${job.jobId}.csv?token=${h.http.token}`)).status).toBe(401);
    expect((await h.get(`/export/${job.jobId}.csv?token=wrong`)).status).toBe(401);
    expect((await h.get(`/export/${other.jobId}.csv?ticket=${ticket}`)).status).toBe(401);
    expect((await h.get(`/export/${'x'.repeat(24)}.csv?ticket=${ticket}`)).status).toBe(401);
    expect((await h.get(other.downloadUrl)).status).toBe(200);
    const status = await h.api('sender.exportStatus', { jobId: 'y'.repeat(24) });
    expect(status.error?.code).toBe('SENDER_EXPORT_NOT_FOUND');
  });
});

interface Reply { status: number; type: string | undefined; body: Buffer }

function getPath(a: AuthHost, path: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    httpRequest({ host: '127.0.0.1', port: a.http.port, path, method: 'GET' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], body: Buffer.concat(chunks) }));
    }).on('error', reject).end();
  });
}

function expectRefused(reply: Reply, status: number, code: string): void {
  expect([reply.status, reply.type]).toEqual([status, 'application/json; charset=utf-8']);
  // The code and its message, and nothing else but the params that message shows (electron/api/errors.ts).
  const { params: _shown, ...error } = (JSON.parse(reply.body.toString('utf8')) as { error: Record<string, unknown> }).error;
  expect(error).toEqual({ code, message: expect.any(String) });
}

const expectUnauthorized = (reply: Reply) => expectRefused(reply, 401, 'UNAUTHORIZED');

describe('the /export/ route with sign-in enforced (browser mode)', () => {
  let a: AuthHost;
  let sender: string;
  const mine = cases.filter((c) => c.notification.senderTaxId === SENDER.taxId).length;
  beforeAll(async () => {
    a = await startAuthHost();
    await importCases(a.host.ctx.store, cases);
    sender = await a.loginAs('sender');
  });
  afterAll(async () => a?.close());

  async function exportAs(session: string): Promise<SenderExportStartView> {
    const r = await a.call<SenderExportStartView>('sender.exportStart', { filter: {} }, session);
    expect(r.body.error).toBeUndefined();
    expect(r.body.data!.downloadUrl).toMatch(TICKET_URL);
    return r.body.data!;
  }

  /** The download served the CSV (not a refusal, nor any other page). */
  const downloads = async (url: string) => {
    const reply = await getPath(a, url);
    expect([reply.status, reply.type]).toEqual([200, 'text/csv; charset=utf-8']);
    return reply;
  };

  const rowsOf = (csv: Buffer) => csv.toString('utf8').slice(1).trim().split('\r\n').length - 1;

  it('answers with a ticketed URL that downloads its job\'s CSV, and again once the job has finished', async () => {
    expect(mine).toBeGreaterThan(0);
    const job = await exportAs(sender);
    expect(job.downloadUrl).toMatch(TICKET_URL);
    expect(job.downloadUrl.startsWith(`/export/${job.jobId}.csv?ticket=`)).toBe(true);
    expect(job.downloadUrl).not.toContain(a.http.token);
    expect(job.downloadUrl).not.toContain(sender);
    const first = await getPath(a, job.downloadUrl);
    expect([first.status, first.type]).toEqual([200, 'text/csv; charset=utf-8']);
    expect(rowsOf(first.body)).toBe(mine);
    const done = await a.call<SenderExportView>('sender.exportStatus', { jobId: job.jobId }, sender);
    expect(done.body.data).toMatchObject({ state: 'done', written: mine });
    // A second download of the finished job: the host reads it again, with the same ticket.
    const second = await getPath(a, job.downloadUrl);
    expect(second.status).toBe(200);
    expect(second.body.equals(first.body)).toBe(true);
  });

  it('an administrator gets a ticket for their own export too, a new one for every export', async () => {
    const admin = await a.loginAs('admin');
    const job = await exportAs(admin);
    const again = await exportAs(admin);
    expect(job.downloadUrl).not.toBe(again.downloadUrl);
    expect(rowsOf((await downloads(job.downloadUrl)).body)).toBe(cases.length);
  });

  it('a ticket does not open another job', async () => {
    const job = await exportAs(sender);
    const other = await exportAs(sender);
    const ticket = new URL(job.downloadUrl, 'http://x').searchParams.get('ticket');
    expectUnauthorized(await getPath(a, `/export/${other.jobId}.csv?ticket=${ticket}`));
    await downloads(other.downloadUrl);
    await downloads(job.downloadUrl);
  });

  it('a ticket opens its job for 120 seconds, then no more', async () => {
    const job = await exportAs(sender);
    a.clock.advanceSeconds(119);
    await downloads(job.downloadUrl);
    a.clock.advanceSeconds(1);
    expectUnauthorized(await getPath(a, job.downloadUrl));
  });

  it('refuses a made-up ticket, or none, with 401 UNAUTHORIZED', async () => {
    const job = await exportAs(sender);
    await downloads(job.downloadUrl);
    expectUnauthorized(await getPath(a, `/export/${job.jobId}.csv?ticket=${'A'.repeat(32)}`));
    expectUnauthorized(await getPath(a, `/export/${job.jobId}.csv?ticket=`));
    expectUnauthorized(await getPath(a, `/export/${job.jobId}.csv`));
    expectUnauthorized(await getPath(a, `/export/not-a-job.csv?ticket=${'A'.repeat(32)}`));
  });

  it('no longer opens an export for the browser token and the session in the query', async () => {
    const job = await exportAs(sender);
    expectUnauthorized(await getPath(a, `/export/${job.jobId}.csv?token=${a.http.token}&session=${sender}`));
    expectUnauthorized(await getPath(a, `/export/${job.jobId}.csv?token=${a.http.token}`));
    await downloads(job.downloadUrl);
  });

  it('another session\'s job stays refused: its tickets are not ours, and a ticket of another session is refused as before', async () => {
    const job = await exportAs(sender);
    const otherSession = await a.loginAs('sender');
    const theirs = await exportAs(otherSession);
    const theirTicket = new URL(theirs.downloadUrl, 'http://x').searchParams.get('ticket');
    expectUnauthorized(await getPath(a, `/export/${job.jobId}.csv?ticket=${theirTicket}`));
    const status = await a.call('sender.exportStatus', { jobId: job.jobId }, otherSession);
    expect([status.status, status.body.error?.code]).toEqual([404, 'SENDER_EXPORT_NOT_FOUND']);
    // Even a ticket for this very job, were one issued to another session (the API never does), does not open it.
    const forged = a.host.ctx.urlTickets!.issue(exportResource(job.jobId), { roles: ['sender'], sessionId: otherSession });
    expectRefused(await getPath(a, `/export/${job.jobId}.csv?ticket=${forged}`), 404, 'SENDER_EXPORT_NOT_FOUND');
    await downloads(job.downloadUrl);
  });

  it('a ticket for a stored PDF does not open an export, nor an export\'s ticket a PDF', async () => {
    const admin = await a.loginAs('admin');
    const pdf = (await a.host.ctx.store.files.put(Buffer.from('%PDF-1.4\n%%EOF\n'))).sha256;
    const view = await a.call<{ url: string }>('documents.viewUrl', { sha256: pdf }, admin);
    const fileTicket = new URL(view.body.data!.url, 'http://x').searchParams.get('ticket');
    const job = await exportAs(admin);
    const exportTicket = new URL(job.downloadUrl, 'http://x').searchParams.get('ticket');
    expectUnauthorized(await getPath(a, `/export/${job.jobId}.csv?ticket=${fileTicket}`));
    expectUnauthorized(await getPath(a, `/files/${pdf}?ticket=${exportTicket}`));
    expect((await getPath(a, view.body.data!.url)).status).toBe(200);
    await downloads(job.downloadUrl);
  });

  it('a ticket ends with the session it was given to', async () => {
    const session = await a.loginAs('sender');
    const job = await exportAs(session);
    await downloads(job.downloadUrl);
    expect((await a.call('auth.logout', {}, session)).status).toBe(200);
    expectUnauthorized(await getPath(a, job.downloadUrl));
  });

  it('keeps the roles and the job\'s state: no export for a clerk, a clerk\'s ticket is forbidden, a job being read is busy', async () => {
    const clerk = await a.loginAs('clerk');
    const refused = await a.call('sender.exportStart', { filter: {} }, clerk);
    expect([refused.status, refused.body.error?.code]).toEqual([403, 'FORBIDDEN']);
    const job = await exportAs(sender);
    const clerkTicket = a.host.ctx.urlTickets!.issue(exportResource(job.jobId), { roles: ['clerk'], sessionId: clerk });
    expectRefused(await getPath(a, `/export/${job.jobId}.csv?ticket=${clerkTicket}`), 403, 'FORBIDDEN');
    // Half read in chunks (the desktop window's way): the download waits for it (409 CONFLICT).
    const chunk = await a.call<SenderExportChunk>('sender.exportChunk', { jobId: job.jobId, maxRows: 1 }, sender);
    expect(chunk.body.data!.done).toBe(false);
    expectRefused(await getPath(a, job.downloadUrl), 409, 'CONFLICT');
  });
});
