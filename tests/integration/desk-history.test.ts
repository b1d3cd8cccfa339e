// The desk log's Dal/Al dates (DOMAIN.md 10.1 "History"): they filter every search, not only the
// tax-code one, through the real host. The seed holds ten pickups of one IUN, one a day for the
// last ten days (the print limit case), so a range picks some of them.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatRomeDate, messageFor, tryParseInstant } from '../../core/index.js';
import { openStore, type Store } from '../../db/store.js';
import { PEOPLE } from '../e2e/data/desk-cases.js';
import { caseOf, newOperationId, pickUp, recipientIdentification, startDeskHost, type DeskHost } from './desk-support.js';

let h: DeskHost;
beforeAll(async () => { h = await startDeskHost('radd-desk-history-'); }, 60_000);
afterAll(async () => { await h?.close(); });

type Item = { operationId: string; startedAt: string };
type Page = { items: Item[] };

const DAY = 86_400_000;
const romeDay = (instant: string) => formatRomeDate(tryParseInstant(instant));

async function search(filter: Record<string, string>): Promise<Item[]> {
  const r = await h.api<Page>('desk.searchHistory', filter);
  if (!r.body.ok) throw new Error(JSON.stringify(r.body.error));
  return r.body.data!.items;
}

describe('desk history dates', () => {
  const iun = () => caseOf(h, 'alreadyCollected').notification.iun;
  const from = () => formatRomeDate(h.nowMs - 6 * DAY);
  const to = () => formatRomeDate(h.nowMs - 4 * DAY);
  const inRange = (items: Item[]) => items.filter((i) => romeDay(i.startedAt) >= from() && romeDay(i.startedAt) <= to());

  it('an IUN search with Dal/Al lists only the operations of those days', async () => {
    const all = await search({ iun: iun() });
    expect(all).toHaveLength(10);
    const expected = inRange(all).map((i) => i.operationId).sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(all.length);
    const found = await search({ iun: iun(), from: from(), to: to() });
    expect(found.map((i) => i.operationId).sort()).toEqual(expected);
  });

  it('an operation-id search with dates that exclude the operation finds nothing', async () => {
    const [latest] = await search({ iun: iun() });
    const day = romeDay(latest!.startedAt);
    expect(await search({ operationId: latest!.operationId, to: formatRomeDate(tryParseInstant(latest!.startedAt) - 2 * DAY) })).toEqual([]);
    expect((await search({ operationId: latest!.operationId, from: day, to: day })).map((i) => i.operationId)).toEqual([latest!.operationId]);
  });

  it('the start of an operation id as the list shows it ("9e4d2ce8…") finds that operation', async () => {
    const [latest] = await search({ iun: iun() });
    const id = latest!.operationId;
    // Every operation whose id starts so (the seed's ids share their first digits), this one among them.
    for (const typed of [id.slice(0, 8), `${id.slice(0, 8)}…`, `${id.slice(0, 8).toUpperCase()}...`, id.slice(0, 13)]) {
      const found = (await search({ operationId: typed })).map((i) => i.operationId);
      expect(found, typed).toContain(id);
      const start = typed.replace(/…|\.\.\./, '').toLowerCase();
      expect(found.every((f) => f.startsWith(start)), typed).toBe(true);
    }
    expect((await search({ operationId: id })).map((i) => i.operationId)).toEqual([id]);
    // Fewer than 8 digits is not a shortened id: nothing is found.
    expect(await search({ operationId: id.slice(0, 6) })).toEqual([]);
    // SQL wildcards are not search syntax.
    expect(await search({ operationId: `${id.slice(0, 4)}%` })).toEqual([]);
    expect(await search({ operationId: '________' })).toEqual([]);
  });

  it('dates alone list the operations of those days', async () => {
    const all = await search({ iun: iun() });
    const found = await search({ from: from(), to: to() });
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((i) => romeDay(i.startedAt) >= from() && romeDay(i.startedAt) <= to())).toBe(true);
    expect(found.map((i) => i.operationId)).toEqual(expect.arrayContaining(inRange(all).map((i) => i.operationId)));
  });

  it('the date rules apply to every search: a future day is refused with an IUN too', async () => {
    const r = await h.api('desk.searchHistory', { iun: iun(), from: '2999-01-01' });
    expect(r.body.error?.code).toBe('HISTORY_DATE_IN_FUTURE');
    const inverted = await h.api('desk.searchHistory', { from: to(), to: from() });
    expect(inverted.body.error?.code).toBe('HISTORY_DATE_RANGE_INVERTED');
  });

  it('a refused date names its field, for the screen to mark it ("Dal" or "Al")', async () => {
    type Refusal = { error?: { code: string; message: string; details?: { fields?: { path: string; code: string; message: string }[] } } };
    const fields = async (filter: Record<string, string>) => (await h.api('desk.searchHistory', filter)).body as Refusal;
    const future = await fields({ taxId: 'RSSMRA80A01H501U', from: from(), to: '2999-01-01' });
    expect(future.error?.details?.fields).toEqual([{ path: 'to', code: 'HISTORY_DATE_IN_FUTURE', message: future.error!.message }]);
    expect((await fields({ from: '2999-01-01' })).error?.details?.fields?.map((f) => f.path)).toEqual(['from']);
    expect((await fields({ from: to(), to: from() })).error?.details?.fields?.map((f) => f.path)).toEqual(['to']);
  });
});

// The list says why and when an operation ended (DOMAIN.md 10.1): the completion time, the abort's
// time and reason, the error's reason (a catalogue code with its params, or the text an older version stored).
type Ended = Item & {
  state: string;
  completedAt: string | null;
  abortedAt: string | null;
  abortReason: string | null;
  errorReason: { code: string; message: string; params?: Record<string, string | number> } | null;
};

describe('desk history: how an operation ended', () => {
  async function start(name: 'qrPickup' | 'restart' | 'elsewhere', taxId: string): Promise<string> {
    const operationId = newOperationId();
    const r = await h.api('desk.startTransaction', { operationId, mode: 'ACT', iun: caseOf(h, name).notification.iun, identification: await recipientIdentification(h, taxId) });
    if (!r.body.ok) throw new Error(JSON.stringify(r.body.error));
    return operationId;
  }
  async function row(operationId: string): Promise<Ended> {
    const [found] = (await search({ operationId })) as Ended[];
    return found!;
  }
  async function withStore<T>(fn: (s: Store) => Promise<T>): Promise<T> {
    const s = await openStore({ client: 'sqlite3', filename: join(h.dir, 'radd-desk.sqlite'), dataDir: h.dir });
    try { return await fn(s); } finally { await s.close(); }
  }

  it('a completed operation carries its completion time, and no reason', async () => {
    const operationId = await start('qrPickup', PEOPLE.recipient.taxId);
    const done = await pickUp<{ completedAt: string; documents: { position: number }[] }>(h, operationId);
    expect(await row(operationId)).toMatchObject({ state: 'COMPLETED', completedAt: done.completedAt, abortedAt: null, abortReason: null, errorReason: null });
    expect(done.completedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('an aborted operation carries when and why it was aborted', async () => {
    const operationId = await start('restart', PEOPLE.restart.taxId);
    const aborted = await h.api<{ abortedAt: string }>('desk.abortTransaction', { operationId, reason: 'La persona è andata via' });
    expect(aborted.body.ok, JSON.stringify(aborted.body.error)).toBe(true);
    const r = await row(operationId);
    expect(r).toMatchObject({ state: 'ABORTED', abortedAt: aborted.body.data!.abortedAt, abortReason: 'La persona è andata via', completedAt: null, errorReason: null });
    expect(r.abortedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('an operation in error carries its reason as a code with params, rendered in any language; a reason stored as text by an older version is shown as it is', async () => {
    const operationId = await start('elsewhere', PEOPLE.elsewhere.taxId);
    // The act vanished after the start: printing puts the operation in ERROR, its reason stored as a code.
    const ref = await withStore(async (s) => (await s.notifications.getByIun(caseOf(h, 'elsewhere').notification.iun))!.notification.documents[0]!.ref!);
    await rm(join(h.dir, 'files', ref.slice(0, 2), ref));
    const printed = await h.api<{ state: string; errorReason: Ended['errorReason'] }>('desk.printBundle', { operationId });
    expect(printed.body.data!.state).toBe('ERROR');
    const reason = (await row(operationId)).errorReason!;
    expect(reason).toEqual(printed.body.data!.errorReason);
    expect(reason.code).toBe('DESK_PRINT_FAILED');
    expect(reason.params).toMatchObject({ reasonCode: 'ACT_DOCUMENT_MISSING', 'reason.iun': caseOf(h, 'elsewhere').notification.iun });
    expect(reason.message).toMatch(/^Stampa non riuscita: Il documento .* non è presente su questo computer/);
    // The screen renders it again after a switch: English at both levels.
    const english = messageFor('DESK_PRINT_FAILED', 'en', reason.params);
    expect(english).toMatch(/^Printing failed: Document .* is not on this computer: it cannot be printed.* The operation is now in error/);
    expect(english).not.toMatch(/Stampa|documento|computer:? non/);
    const stored = await withStore(async (s) => (await s.knex('radd_transactions').where({ operation_id: operationId }).first('error_reason')) as { error_reason: string });
    expect(JSON.parse(stored.error_reason)).toEqual({ code: 'DESK_PRINT_FAILED', params: reason.params });

    // A row written by a version that stored the words in one language: shown as stored, in the list and the detail.
    const words = 'Stampa non riuscita: il documento non è presente su questo computer';
    await withStore((s) => s.knex('radd_transactions').where({ operation_id: operationId }).update({ error_reason: words }));
    expect((await row(operationId)).errorReason).toEqual({ code: '', message: words });
    const detail = await h.api<{ errorReason: Ended['errorReason'] }>('desk.getTransaction', { operationId });
    expect(detail.body.data!.errorReason).toEqual({ code: '', message: words });
  });
});
