// Postal entries on a notification the sender cancelled (DOMAIN.md 3, 4.2: CANCELLED is terminal,
// the workflow stops) through the real HTTP host and a real SQLite store: the scan, one outcome,
// its preview, a batch and a CSV import line are all refused with OUTCOME_NOTIFICATION_CANCELLED
// and its Italian message, and nothing is written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BatchPreviewView, CsvImportView, FindItemResult, GiacenzaRegisterView } from '../../electron/api/contract/postal-views.js';
import { buildManyCases, seedPostalCases, type PostalCase } from '../e2e/data/postal-cases.js';
import { NOW_MS, romeLocal, startPostalHost, type PostalHost } from './postal-support.js';

const HOUR = 3_600_000;
const CODE = 'OUTCOME_NOTIFICATION_CANCELLED';
let h: PostalHost;
let sent: PostalCase[];
let held: PostalCase;

/** Cancels through the sender's own operation, as the sender screen does. */
async function cancel(c: PostalCase): Promise<void> {
  const out = await h.ok<{ status: string }>('sender.cancel', { iun: c.iun });
  expect(out.status).toBe('CANCELLED');
}

beforeAll(async () => {
  h = await startPostalHost();
  sent = buildManyCases(NOW_MS, 4, 'sent', 'postal-cancelled');
  held = buildManyCases(NOW_MS, 1, 'held', 'postal-cancelled')[0]!;
  await seedPostalCases(h.host.ctx.store, [...sent, held]);
});
afterAll(async () => h?.close());

const delivered = (c: PostalCase) => ({ code: c.itemCode, outcome: { kind: 'DELIVERED_TO_RECIPIENT', at: romeLocal(NOW_MS - 2 * HOUR) } });

describe('a cancelled notification takes no more postal outcomes', () => {
  it('accepts the outcome while the notification is live, and refuses it once cancelled, writing nothing', async () => {
    const [c] = sent;
    const preview = await h.call('postal.previewOutcome', delivered(c!));
    expect(preview.body.ok).toBe(true);
    await cancel(c!);
    const before = await h.counts();
    const r = await h.call('postal.recordOutcome', delivered(c!));
    expect(r.body.ok).toBe(false);
    expect(r.body.error?.code).toBe(CODE);
    expect(r.body.error?.message).toContain('annullata');
    expect(await h.refused('postal.previewOutcome', delivered(c!))).toBe(CODE);
    expect(await h.counts()).toEqual(before);
  });

  it('says why at the scan instead of showing an item without outcomes', async () => {
    const [, c] = sent;
    const live = await h.ok<FindItemResult>('postal.findItem', { code: c!.iun });
    expect(live.items[0]!.allowed.length).toBeGreaterThan(0);
    await cancel(c!);
    const r = await h.call('postal.findItem', { code: c!.iun });
    expect(r.body.error?.code).toBe(CODE);
    expect(r.body.error?.message).toMatch(/annullata dall'ente mittente/);
  });

  it('refuses the cancelled line of a batch: the preview names it, recording rolls the whole batch back', async () => {
    const [, , live, gone] = sent;
    await cancel(gone!);
    const outcome = { kind: 'DELIVERED_TO_RECIPIENT', at: romeLocal(NOW_MS - 2 * HOUR) };
    const items = [live!.itemCode, gone!.itemCode];
    const preview = await h.ok<BatchPreviewView>('postal.previewBatch', { items, outcome });
    expect(preview.lines.map((l) => [l.ok, l.error?.code ?? null])).toEqual([[true, null], [false, CODE]]);
    const before = await h.counts();
    const r = await h.call('postal.recordBatch', { items, outcome });
    expect(r.body.error?.code).toBe('POSTAL_BATCH_LINE_REFUSED');
    expect(r.body.error?.message).toContain('annullata');
    expect(await h.counts()).toEqual(before);
  });

  it('refuses the CSV lines of a cancelled notification, by meaning and by raw code, and imports the others', async () => {
    const [, , live, gone] = sent;
    const at = romeLocal(NOW_MS - 3 * HOUR);
    const csv = ['codice;esito;data', `${gone!.itemCode};CON080;${at}`, `${gone!.itemCode};DELIVERED_TO_RECIPIENT;${at}`, `${live!.itemCode};CON080;${at}`].join('\n');
    const before = await h.counts(gone!.iun);
    const up = await h.ok<CsvImportView>('postal.importCsv', { fileName: 'esiti.csv', offset: 0, chunk: Buffer.from(csv, 'utf8').toString('base64'), last: true });
    const done = await h.ok<CsvImportView>('postal.importCsvStep', { jobId: up.jobId });
    expect(done.report.map((l) => [l.status, l.error?.code ?? null])).toEqual([['refused', CODE], ['refused', CODE], ['accepted', null]]);
    const after = await h.counts(gone!.iun);
    expect([after.elements, after.outcomes]).toEqual([before.elements, before.outcomes]);
  });

  it('refuses to close the giacenza of a held item once cancelled, and drops it from the register', async () => {
    const listed = async () => (await h.ok<GiacenzaRegisterView>('postal.giacenzaRegister', {})).entries.map((e) => e.iun);
    const collected = { code: held.itemCode, outcome: { kind: 'COLLECTED_FROM_GIACENZA', at: romeLocal(NOW_MS - HOUR) } };
    expect(await listed()).toContain(held.iun);
    expect((await h.call('postal.previewOutcome', collected)).body.ok).toBe(true);
    await cancel(held!);
    expect(await h.refused('postal.recordOutcome', collected)).toBe(CODE);
    expect(await listed()).not.toContain(held.iun);
  });
});
