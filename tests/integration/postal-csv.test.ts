// CSV import through the real host: a file with wrong columns or another encoding is refused
// whole before anything is written; a good file is imported step by step with a line-by-line
// report (accepted / refused with reason).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addDays24h, formatInstant, parseInstant } from '../../core/index.js';
import type { CsvImportView, FindItemResult } from '../../electron/api/contract/postal-views.js';
import { UNKNOWN_IUN } from '../e2e/data/postal-cases.js';
import { NOW_MS, romeLocal, startPostalHost, type PostalHost } from './postal-support.js';

let h: PostalHost;
const HOUR = 3_600_000;

beforeAll(async () => {
  h = await startPostalHost();
});
afterAll(async () => h?.close());

async function upload(bytes: Buffer, chunk = 512 * 1024): Promise<CsvImportView> {
  let view: CsvImportView | undefined;
  for (let offset = 0; offset < bytes.length; offset += chunk) {
    view = await h.ok<CsvImportView>('postal.importCsv', {
      ...(view ? { jobId: view.jobId } : {}), fileName: 'esiti.csv', offset,
      chunk: bytes.subarray(offset, offset + chunk).toString('base64'), last: offset + chunk >= bytes.length,
    });
  }
  return view!;
}

async function uploadRefused(bytes: Buffer): Promise<string> {
  return h.refused('postal.importCsv', { fileName: 'esiti.csv', offset: 0, chunk: bytes.toString('base64'), last: true });
}

async function runToEnd(jobId: string): Promise<CsvImportView> {
  let view: CsvImportView;
  do view = await h.ok<CsvImportView>('postal.importCsvStep', { jobId, maxLines: 3 });
  while (view.state !== 'done');
  return h.ok<CsvImportView>('postal.importCsvStatus', { jobId });
}

describe('CSV import', () => {
  it('refuses wrong columns whole, naming what is missing and what is unexpected, and writes nothing', async () => {
    const before = await h.counts();
    const r = await h.call('postal.importCsv', { fileName: 'x.csv', offset: 0, chunk: Buffer.from('item;esito;when;colour\nX;Y;Z;W\n').toString('base64'), last: true });
    expect(r.body.error?.code).toBe('POSTAL_CSV_WRONG_COLUMNS');
    expect(r.body.error?.message).toContain('date');
    expect(r.body.error?.message).toContain('colour');
    expect(await h.counts()).toEqual(before);
  });

  it('refuses a Latin-1 file with the line of the first byte that is not UTF-8', async () => {
    const latin1 = Buffer.concat([Buffer.from(`item;outcome;date\n${h.cases.csv[0]!.itemCode};DELIVERED_TO_RECIPIENT;${romeLocal(NOW_MS - HOUR)}\nX;Y;Citt`), Buffer.from([0xe0, 0x0a])]);
    const r = await h.call('postal.importCsv', { fileName: 'x.csv', offset: 0, chunk: latin1.toString('base64'), last: true });
    expect(r.body.error?.code).toBe('POSTAL_CSV_ENCODING_INVALID');
    expect(r.body.error?.message).toContain('riga 3');
  });

  it('refuses an empty file and a file with a header only', async () => {
    expect(await uploadRefused(Buffer.from(''))).toBe('POSTAL_CSV_EMPTY');
    expect(await uploadRefused(Buffer.from('item;outcome;date\n'))).toBe('POSTAL_CSV_EMPTY');
  });

  it('imports a UTF-8 file with BOM and `,` in steps: good lines recorded, bad lines refused with their reason', async () => {
    const [a, b, c, d] = h.cases.csv;
    const at = romeLocal(NOW_MS - 2 * HOUR);
    const lines = [
      'item,outcome,date,cause,receiver_name,receiver_relation',
      `${a!.itemCode},DELIVERED_TO_RECIPIENT,${at},,,`,
      `${b!.iun},delivered_to_other_person,${at},,"Rossi, Anna",moglie`,
      `${UNKNOWN_IUN}/0/0,DELIVERED_TO_RECIPIENT,${at},,,`,
      `${c!.itemCode},DELIVERED_TO_RECIPIENT,${romeLocal(NOW_MS + 48 * HOUR)},,,`,
      `${a!.itemCode},DELIVERED_TO_RECIPIENT,${at},,,`,
      `${d!.itemCode},RECRN001A,${at},,,`,
      `${d!.itemCode},RECRN001C,${at},,,`,
    ];
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n'), 'utf8')]);
    const before = await h.counts();
    const ready = await upload(bytes, 100);
    expect(ready).toMatchObject({ state: 'ready', total: 7, done: 0, separator: ',' });
    expect(await h.counts()).toEqual(before);
    const report = await runToEnd(ready.jobId);
    expect(report).toMatchObject({ state: 'done', total: 7, done: 7, accepted: 4, refused: 2, skipped: 1 });
    expect(report.report.map((l) => [l.line, l.status, l.error?.code ?? null])).toEqual([
      [2, 'accepted', null],
      [3, 'accepted', null],
      [4, 'refused', 'POSTAL_ITEM_NOT_FOUND'],
      [5, 'refused', 'OUTCOME_DATE_IN_FUTURE'],
      // The same line as line 2: its outcome is on the item as the line says, recorded once.
      [6, 'skipped', null],
      [7, 'accepted', null],
      [8, 'accepted', null],
    ]);
    expect(report.report[1]!.codes).toEqual(['RECRN001A', 'RECRN001C']);
    for (const x of [a, b, d]) expect((await h.host.ctx.store.notifications.getByIun(x!.iun))?.derived.status, x!.iun).toBe('DELIVERED');
    expect((await h.host.ctx.store.notifications.getByIun(c!.iun))?.derived.status).toBe('DELIVERING');
    const stored = await h.host.ctx.store.analogOutcomes.list(b!.iun, 0);
    expect(stored.map((o) => o.deliveryDetailCode)).toEqual(['RECRN001A', 'RECRN001C']);
  });

  it('closes an AR giacenza collected late from a postal export with PNRN012 dated inesito + 10 days (DOMAIN.md 7.3)', async () => {
    const c = h.cases.arGiacenzaOld;
    const inesito = c.timeline.find((e) => e.details?.deliveryDetailCode === 'RECRN010')!;
    const at = romeLocal(NOW_MS - 3 * HOUR);
    const ready = await upload(Buffer.from(`item;outcome;date\r\n${c.itemCode};RECRN003A;${at}\r\n${c.itemCode};RECRN003C;${at}\r\n`));
    const report = await runToEnd(ready.jobId);
    expect(report.report.map((l) => [l.status, l.codes])).toEqual([['accepted', ['RECRN003A']], ['accepted', ['PNRN012', 'RECRN003C']]]);
    const found = await h.ok<FindItemResult>('postal.findItem', { code: c.itemCode });
    const item = found.items.find((i) => i.code === found.selected)!;
    const final = item.events.find((e) => e.role === 'OK')!;
    expect(final.code).toBe('PNRN012');
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date(parseInstant(inesito.at) + 10 * 86_400_000));
    expect(final.at.slice(0, 10)).toBe(day);
    expect(item.recipient.termDate).toBe(formatInstant(addDays24h(parseInstant(final.at), 10)));
  });

  it('refuses a RECAG012 typed in a file before inesito + 10 days, naming the earliest date; the same from SEND is stored as sent (DOMAIN.md 7.3, 14)', async () => {
    const c = h.cases.n890InGiacenza;
    const inesito = c.timeline.find((e) => e.details?.deliveryDetailCode === 'RECAG010')!;
    const due = new Intl.DateTimeFormat('it-IT', { timeZone: 'Europe/Rome', day: '2-digit', month: '2-digit', year: 'numeric' })
      .format(new Date(parseInstant(inesito.at) + 10 * 86_400_000));
    const before = await h.counts(c.iun);
    const report = await runToEnd((await upload(Buffer.from(`item;outcome;date\n${c.itemCode};RECAG012;${romeLocal(NOW_MS - HOUR)}\n`))).jobId);
    expect(report.report.map((l) => [l.status, l.error?.code])).toEqual([['refused', 'TERM_EVENT_TOO_EARLY']]);
    expect(report.report[0]!.error?.message).toContain(`precedente al ${due}`);
    expect(await h.counts(c.iun)).toEqual(before);
    // SEND's own timeline is not the clerk's entry: the sync stores its RECAG012 whatever its date.
    const fromSend = { category: 'SEND_ANALOG_FEEDBACK', at: formatInstant(NOW_MS - HOUR), recipientIndex: 0,
      details: { sentAttemptMade: 0, deliveryDetailCode: 'RECAG012', responseStatus: 'OK' } } as const;
    const stored = await h.host.ctx.store.timeline.appendMany([{ iun: c.iun, inputs: [fromSend] }]);
    expect(stored[0]!.rejected).toEqual([]);
    expect(stored[0]!.inserted).toHaveLength(1);
  });

  it('imports the same file again without recording any of its lines twice', async () => {
    const [, , , , e, f] = h.cases.csv;
    const at = romeLocal(NOW_MS - 5 * HOUR);
    const file = Buffer.from(`item;outcome;date\n${e!.itemCode};FORCE_MAJEURE;${at}\n${f!.itemCode};RECRN010;${at}\n`);
    const first = await runToEnd((await upload(file)).jobId);
    expect(first.report.map((l) => l.status)).toEqual(['accepted', 'accepted']);
    const before = await h.counts();
    const again = await runToEnd((await upload(file)).jobId);
    // Recorded exactly as the file says: skipped and counted apart, not errors.
    expect(again.report.map((l) => [l.status, l.error, l.codes])).toEqual([['skipped', null, ['RECRN015']], ['skipped', null, ['RECRN010']]]);
    expect(again).toMatchObject({ accepted: 0, skipped: 2, refused: 0 });
    expect(await h.counts()).toEqual(before);
  });

  it('reports a refused line with its item and the column of the file at fault, whatever the order of the columns', async () => {
    const g = h.cases.csv[6]!;
    const at = romeLocal(NOW_MS - 5 * HOUR);
    const lines = ['data;esito;invio;ricevente;relazione', `${at};CONSEGNATO;${g.itemCode};;`, `${at};DELIVERED_TO_OTHER_PERSON;${g.itemCode};Anna Rossi;`];
    const report = await runToEnd((await upload(Buffer.from(lines.join('\n')))).jobId);
    expect(report.report.map((l) => [l.item, l.outcome, l.error?.code, l.error?.message])).toEqual([
      [g.itemCode, 'CONSEGNATO', 'POSTAL_UNKNOWN_OUTCOME', 'Esito sconosciuto: CONSEGNATO'],
      [g.itemCode, 'DELIVERED_TO_OTHER_PERSON', 'POSTAL_FIELD_REQUIRED', 'Campo obbligatorio mancante: relazione'],
    ]);
    // Each refusal carries the params its message shows: the screen renders it again in English on a switch.
    expect(report.report.map((l) => l.error?.params)).toEqual([{ value: 'CONSEGNATO' }, { field: 'relazione' }]);
  });

  it('imports a postal export sorted by code in the order of its dates: notice, giacenza, then the collection', async () => {
    const g = h.cases.csv[6]!;
    const [notice, held, collected] = [NOW_MS - 50 * HOUR, NOW_MS - 49 * HOUR, NOW_MS - 4 * HOUR].map(romeLocal);
    const lines = ['item;outcome;date', `${g.itemCode};RECRN003A;${collected}`, `${g.itemCode};RECRN003C;${collected}`,
      `${g.itemCode};RECRN010;${notice}`, `${g.itemCode};RECRN011;${held}`];
    const report = await runToEnd((await upload(Buffer.from(lines.join('\n')))).jobId);
    expect(report.report.map((l) => [l.line, l.status, l.error?.code ?? null])).toEqual([
      [2, 'accepted', null], [3, 'accepted', null], [4, 'accepted', null], [5, 'accepted', null]]);
    const found = await h.ok<FindItemResult>('postal.findItem', { code: g.itemCode });
    const item = found.items.find((i) => i.code === found.selected)!;
    expect(item.events.map((e) => `${e.code}:${e.role}`).slice(-4)).toEqual(['RECRN010:PROGRESS', 'RECRN011:PROGRESS', 'RECRN003A:PROGRESS', 'RECRN003C:OK']);
    // The same export sent again (the host restarted, the job lost): every line is already recorded, even those the
    // item has gone past since (the notice before the collection), and nothing is written.
    const before = await h.counts();
    const again = await runToEnd((await upload(Buffer.from(lines.join('\n')))).jobId);
    expect(again.report.map((l) => [l.line, l.status, l.error?.code ?? null])).toEqual([
      [2, 'skipped', null], [3, 'skipped', null], [4, 'skipped', null], [5, 'skipped', null]]);
    expect(await h.counts()).toEqual(before);
  });

  it('answers POSTAL_IMPORT_NOT_FOUND for an unknown job and refuses a chunk out of order', async () => {
    expect(await h.refused('postal.importCsvStatus', { jobId: '00000000-0000-4000-8000-000000000000' })).toBe('POSTAL_IMPORT_NOT_FOUND');
    const first = await h.ok<CsvImportView>('postal.importCsv', { fileName: 'x.csv', offset: 0, chunk: Buffer.from('item;outcome;da').toString('base64'), last: false });
    expect(await h.refused('postal.importCsv', { jobId: first.jobId, fileName: 'x.csv', offset: 2, chunk: 'AAAA', last: true })).toBe('POSTAL_UPLOAD_OUT_OF_ORDER');
    expect(await h.refused('postal.importCsvStep', { jobId: first.jobId })).toBe('POSTAL_IMPORT_NOT_FOUND');
  });
});

describe('CSV import step by step, asked again and after a restart', () => {
  const step = (jobId: string, from: number, maxLines = 2) => h.ok<CsvImportView>('postal.importCsvStep', { jobId, from, maxLines });
  const fileOf = (cases: typeof h.cases.batch, at: string) =>
    Buffer.from(['item;outcome;date', ...cases.map((c) => `${c.itemCode};DELIVERED_TO_RECIPIENT;${at}`)].join('\n'));

  it('answers a step asked again (its answer lost) with the same lines, recording nothing twice', async () => {
    const file = fileOf(h.cases.batch.slice(0, 4), romeLocal(NOW_MS - 6 * HOUR));
    const { jobId } = await upload(file);
    const first = await step(jobId, 0);
    expect(first.report.map((l) => [l.line, l.status])).toEqual([[2, 'accepted'], [3, 'accepted']]);
    const written = await h.counts();
    expect(await step(jobId, 0)).toEqual(first);
    expect(await h.counts()).toEqual(written);
    const second = await step(jobId, 2);
    expect(second.report.map((l) => [l.line, l.status])).toEqual([[4, 'accepted'], [5, 'accepted']]);
    expect(second).toMatchObject({ state: 'done', done: 4, accepted: 4 });
    // An earlier step asked again still gets its own answer; a step that is not where the import stands is refused.
    expect(await step(jobId, 0)).toEqual(first);
    expect(await step(jobId, 2)).toEqual(second);
    expect(await h.refused('postal.importCsvStep', { jobId, from: 1 })).toBe('POSTAL_IMPORT_STEP_OUT_OF_ORDER');
    expect(await h.refused('postal.importCsvStep', { jobId, from: 6 })).toBe('POSTAL_IMPORT_STEP_OUT_OF_ORDER');
    expect((await h.ok<CsvImportView>('postal.importCsvStatus', { jobId })).report).toHaveLength(4);
  });

  it('leaves the store as it was when a step fails before committing, and records its lines when asked again', async () => {
    const cases = h.cases.batch.slice(4, 6);
    const { jobId } = await upload(fileOf(cases, romeLocal(NOW_MS - 6 * HOUR)));
    const store = h.host.ctx.store;
    const real = store.transaction.bind(store);
    // The host stops after writing the step's lines and its audit entry, before the commit.
    const crash = vi.spyOn(store, 'transaction').mockImplementationOnce(((fn: (tx: unknown) => Promise<unknown>) =>
      real(async (tx) => { await fn(tx); throw new Error('host stopped'); })) as typeof store.transaction);
    const before = await h.counts();
    expect((await h.call('postal.importCsvStep', { jobId, from: 0, maxLines: 2 })).body.ok).toBe(false);
    crash.mockRestore();
    expect(await h.counts()).toEqual(before);
    expect(await h.ok<CsvImportView>('postal.importCsvStatus', { jobId })).toMatchObject({ done: 0, report: [] });
    expect((await step(jobId, 0)).report.map((l) => l.status)).toEqual(['accepted', 'accepted']);
    for (const c of cases) expect((await h.host.ctx.store.notifications.getByIun(c.iun))?.derived.status, c.iun).toBe('DELIVERED');
  });

  it('imports the same file sent again after a restart: the lines recorded before are "already recorded", only the others are recorded', async () => {
    const at = romeLocal(NOW_MS - 7 * HOUR);
    const cases = h.cases.batch.slice(6, 10);
    const file = fileOf(cases, at);
    const { jobId } = await upload(file);
    await step(jobId, 0);
    const half = await h.counts();
    // The host restarts: the job is gone, the clerk sends the file again.
    const again = await upload(file);
    expect(again.jobId).not.toBe(jobId);
    const report = await runToEnd(again.jobId);
    expect(report).toMatchObject({ state: 'done', total: 4, accepted: 2, skipped: 2, refused: 0 });
    expect(report.report.map((l) => [l.line, l.status, l.error])).toEqual([[2, 'skipped', null], [3, 'skipped', null], [4, 'accepted', null], [5, 'accepted', null]]);
    const after = await h.counts();
    const one = (await h.host.ctx.store.analogOutcomes.list(cases[0]!.iun, 0)).length;
    expect(after.outcomes - half.outcomes).toBe(2 * one);
    for (const c of cases) expect((await h.host.ctx.store.analogOutcomes.list(c.iun, 0)).length, c.iun).toBe(one);
  });

  it('still refuses a line on an outcome already recorded with another cause', async () => {
    const c = h.cases.batch[10]!;
    const at = romeLocal(NOW_MS - 8 * HOUR);
    const first = await runToEnd((await upload(Buffer.from(`item;outcome;date;cause\n${c.itemCode};RECRN002A;${at};M02\n`))).jobId);
    expect(first.report.map((l) => [l.status, l.codes])).toEqual([['accepted', ['RECRN002A']]]);
    const before = await h.counts();
    const same = await runToEnd((await upload(Buffer.from(`item;outcome;date;cause\n${c.itemCode};RECRN002A;${at};M02\n`))).jobId);
    expect(same.report.map((l) => l.status)).toEqual(['skipped']);
    const other = await runToEnd((await upload(Buffer.from(`item;outcome;date;cause\n${c.itemCode};RECRN002A;${at};M05\n`))).jobId);
    expect(other.report.map((l) => [l.status, l.error?.code])).toEqual([['refused', 'POSTAL_OUTCOME_ALREADY_RECORDED']]);
    expect(await h.counts()).toEqual(before);
  });
});

describe('a CSV chunk sent again (its answer lost)', () => {
  const fileOf = (cases: typeof h.cases.batch, at: string) =>
    Buffer.from(['item;outcome;date', ...cases.map((c) => `${c.itemCode};DELIVERED_TO_RECIPIENT;${at}`)].join('\n'));
  const chunkOf = (bytes: Buffer, offset: number, end: number, named: { jobId?: string; requestId?: string }) =>
    ({ ...named, fileName: 'esiti.csv', offset, chunk: bytes.subarray(offset, end).toString('base64'), last: end >= bytes.length });

  it('answers the named first, a middle and the last chunk sent again as the first time: one job, each line imported once', async () => {
    const cases = h.cases.batch.slice(11, 14);
    const bytes = fileOf(cases, romeLocal(NOW_MS - 9 * HOUR));
    const requestId = '7b8c9d0e-1f2a-4b3c-8d4e-5f6a7b8c9d0e';
    const firstChunk = chunkOf(bytes, 0, 30, { requestId });
    const first = await h.ok<CsvImportView>('postal.importCsv', firstChunk);
    expect(first).toMatchObject({ jobId: requestId, state: 'receiving', receivedBytes: 30 });
    expect(await h.ok<CsvImportView>('postal.importCsv', firstChunk)).toEqual(first);
    const middle = chunkOf(bytes, 30, 60, { jobId: requestId });
    const second = await h.ok<CsvImportView>('postal.importCsv', middle);
    expect(await h.ok<CsvImportView>('postal.importCsv', middle)).toEqual(second);
    const lastChunk = chunkOf(bytes, 60, bytes.length, { jobId: requestId });
    const ready = await h.ok<CsvImportView>('postal.importCsv', lastChunk);
    expect(ready).toMatchObject({ state: 'ready', receivedBytes: bytes.length, total: 3 });
    // The last chunk sent again: the same answer, not POSTAL_UPLOAD_OUT_OF_ORDER, and no line read twice.
    expect(await h.ok<CsvImportView>('postal.importCsv', lastChunk)).toEqual(ready);
    const before = await h.counts();
    const report = await runToEnd(requestId);
    expect(report).toMatchObject({ state: 'done', total: 3, accepted: 3, skipped: 0, refused: 0 });
    expect(report.report.map((l) => [l.line, l.status])).toEqual([[2, 'accepted'], [3, 'accepted'], [4, 'accepted']]);
    const written = await h.counts();
    // Each item's outcome recorded once: the outcomes written are exactly those now on the three items.
    let onItems = 0;
    for (const c of cases) {
      expect((await h.host.ctx.store.notifications.getByIun(c.iun))?.derived.status, c.iun).toBe('DELIVERED');
      onItems += (await h.host.ctx.store.analogOutcomes.list(c.iun, 0)).length;
    }
    expect(written.outcomes - before.outcomes).toBe(onItems);
    // Sent again once the import is done: still its first answer, nothing imported again, the report as it was.
    expect(await h.ok<CsvImportView>('postal.importCsv', lastChunk)).toEqual(ready);
    expect(await h.counts()).toEqual(written);
    expect(await h.ok<CsvImportView>('postal.importCsvStatus', { jobId: requestId })).toEqual(report);
  });

  it('refuses other bytes at an offset already received (409 POSTAL_UPLOAD_CHUNK_CONFLICT) and a gap (POSTAL_UPLOAD_OUT_OF_ORDER): each drops the job, nothing written', async () => {
    const bytes = fileOf(h.cases.batch.slice(14, 16), romeLocal(NOW_MS - 9 * HOUR));
    const before = await h.counts();
    const start = async () => (await h.ok<CsvImportView>('postal.importCsv', chunkOf(bytes, 0, 30, {}))).jobId;
    const conflict = await start();
    const res = await h.call('postal.importCsv', { ...chunkOf(bytes, 1, 31, { jobId: conflict }), offset: 0 });
    expect([res.status, res.body.error?.code]).toEqual([409, 'POSTAL_UPLOAD_CHUNK_CONFLICT']);
    expect(res.body.error?.message).toContain('esiti.csv');
    expect(await h.refused('postal.importCsv', chunkOf(bytes, 30, bytes.length, { jobId: conflict }))).toBe('POSTAL_IMPORT_NOT_FOUND');
    const gap = await start();
    expect(await h.refused('postal.importCsv', chunkOf(bytes, 31, bytes.length, { jobId: gap }))).toBe('POSTAL_UPLOAD_OUT_OF_ORDER');
    expect(await h.refused('postal.importCsv', chunkOf(bytes, 30, bytes.length, { jobId: gap }))).toBe('POSTAL_IMPORT_NOT_FOUND');
    // The same screen id with another first chunk is not a repeat either.
    const named = chunkOf(bytes, 0, 30, { requestId: '8c9d0e1f-2a3b-4c4d-9e5f-6a7b8c9d0e1f' });
    await h.ok('postal.importCsv', named);
    expect(await h.refused('postal.importCsv', chunkOf(bytes, 0, 29, { requestId: named.requestId }))).toBe('POSTAL_UPLOAD_CHUNK_CONFLICT');
    expect(await h.counts()).toEqual(before);
  });
});
