// CSV export of the current filter through the real HTTP host: prepared by an operation, streamed
// by `GET /export/<jobId>.csv` (token in the query) or read in chunks by the desktop window;
// opens in a spreadsheet (UTF-8 BOM, `;` or `,`, quoting).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SenderExportChunk, SenderExportView, SenderListView } from '../../electron/api/contract/index.js';
import { recentCase, standardCases, startSenderHost, type SenderHost } from './sender-support.js';

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

async function start(filter: unknown, separator?: string): Promise<SenderExportView> {
  const r = await h.api<SenderExportView>('sender.exportStart', { filter, ...(separator ? { separator } : {}) });
  expect(r.error).toBeUndefined();
  return r.data;
}

describe('CSV export', () => {
  it('streams the rows of the filter, BOM and `;` by default, one line per notification', async () => {
    const job = await start({ statuses: ['DELIVERED', 'EFFECTIVE_DATE', 'VIEWED'] });
    const list = await h.api<SenderListView>('sender.list', { filter: { statuses: ['DELIVERED', 'EFFECTIVE_DATE', 'VIEWED'] }, limit: 200 });
    expect(job.total).toBe(list.data.total);
    const res = await h.get(`${job.downloadPath}?token=${h.http.token}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(String(res.headers['content-disposition'])).toMatch(/^attachment; filename="notifiche-20261126-\d{4}\.csv"$/);
    expect([...res.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(res.body.toString('utf8').slice(1), ';');
    expect(rows[0]![0]).toBe('IUN');
    expect(rows.slice(1).map((r) => r[0])).toEqual(list.data.items.map((i) => i.iun));
    expect(rows.every((r) => r.length === rows[0]!.length)).toBe(true);
    const status = await h.api<SenderExportView>('sender.exportStatus', { jobId: job.jobId });
    expect(status.data).toMatchObject({ state: 'done', written: job.total });
  });

  it('keeps separators, quotes and line breaks inside a cell, and makes formulas inert', async () => {
    const job = await start({ iun: tricky.notification.iun }, ',');
    const res = await h.get(`${job.downloadPath}?token=${h.http.token}`);
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

  it('refuses the download without the run token, and an unknown job', async () => {
    const job = await start({});
    expect((await h.get(`${job.downloadPath}?token=wrong`)).status).toBe(401);
    expect((await h.get(`/export/${'x'.repeat(24)}.csv?token=${h.http.token}`)).status).toBe(404);
    const status = await h.api('sender.exportStatus', { jobId: 'y'.repeat(24) });
    expect(status.error?.code).toBe('SENDER_EXPORT_NOT_FOUND');
  });
});
