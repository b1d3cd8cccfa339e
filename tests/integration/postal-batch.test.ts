// Batch entry through the real host: the preview checks each line as if the lines before it were
// recorded and writes nothing; recording is all or nothing, the refused line named.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageFor } from '../../core/index.js';
import type { ApiError } from '../../electron/api/contract/envelope.js';
import type { BatchPreviewView, BatchRecordedView, FindItemResult } from '../../electron/api/contract/postal-views.js';
import { UNKNOWN_IUN } from '../e2e/data/postal-cases.js';
import { NOW_MS, romeLocal, startPostalHost, type PostalHost } from './postal-support.js';

let h: PostalHost;
const outcome = () => ({ kind: 'DELIVERED_TO_RECIPIENT', at: romeLocal(NOW_MS - 3_600_000) });

beforeAll(async () => {
  h = await startPostalHost();
});
afterAll(async () => h?.close());

describe('batch entry', () => {
  it('previews every line, naming a duplicate scan as already recorded, and writes nothing', async () => {
    const items = h.cases.batch.slice(0, 5).map((c) => c.itemCode);
    const before = await h.counts();
    const preview = await h.ok<BatchPreviewView>('postal.previewBatch', { items: [...items, items[2]], outcome: outcome() });
    expect(preview.okCount).toBe(5);
    expect(preview.lines[5]).toMatchObject({ line: 6, ok: false, error: { code: 'POSTAL_OUTCOME_ALREADY_RECORDED' } });
    expect(preview.lines[0]!.codes[0]).toMatch(/^REC(RN|AG)001A$/);
    expect(await h.counts()).toEqual(before);
  });

  it('records nothing at all when one line is refused, and names that line', async () => {
    const items = h.cases.batch.slice(0, 6).map((c) => c.itemCode);
    items.splice(3, 0, UNKNOWN_IUN);
    const before = await h.counts();
    const r = await h.call('postal.recordBatch', { items, outcome: outcome() });
    expect(r.body.error?.code).toBe('POSTAL_BATCH_LINE_REFUSED');
    expect(r.body.error?.message).toContain('Riga 4');
    expect(r.body.error?.message).toContain(UNKNOWN_IUN);
    // The line's own refusal travels as its code and params: a screen renders both levels in English after a switch.
    const params = (r.body.error as ApiError).params!;
    expect(params).toEqual({ line: 4, item: UNKNOWN_IUN, reasonCode: 'POSTAL_ITEM_NOT_FOUND', 'reason.item': UNKNOWN_IUN });
    expect(messageFor('POSTAL_BATCH_LINE_REFUSED', 'en', params)).toBe(`Line 4 (${UNKNOWN_IUN}): No paper item for ${UNKNOWN_IUN} — no outcome of the batch was recorded`);
    const english = messageFor('POSTAL_BATCH_LINE_REFUSED', 'en', params);
    expect(english).not.toMatch(/Riga|nessun|Nessun/);
    expect(await h.counts()).toEqual(before);
    const first = await h.ok<FindItemResult>('postal.findItem', { code: items[0] });
    expect(first.items[0]!.state).toBe('OPEN');
  });

  it('records one outcome for twenty items in one transaction', async () => {
    const items = h.cases.batch.map((c) => c.itemCode);
    expect(items).toHaveLength(20);
    const before = await h.counts();
    const done = await h.ok<BatchRecordedView>('postal.recordBatch', { items, outcome: outcome() });
    expect(done.recorded).toBe(20);
    const after = await h.counts();
    expect(after.outbox - before.outbox).toBe(20);
    expect(after.outcomes - before.outcomes).toBe(40);
    for (const c of h.cases.batch) {
      const record = await h.host.ctx.store.notifications.getByIun(c.iun);
      expect(record?.derived.status, c.iun).toBe('DELIVERED');
    }
  });

  it('refuses an empty batch or a batch with an outcome field missing', async () => {
    expect(await h.refused('postal.recordBatch', { items: [], outcome: outcome() })).toBe('VALIDATION_FAILED');
    const r = await h.call('postal.recordBatch', { items: [h.cases.csv[0]!.itemCode], outcome: { kind: 'DELIVERED_TO_OTHER_PERSON', at: romeLocal(NOW_MS - 3_600_000) } });
    expect(r.body.error?.code).toBe('POSTAL_BATCH_LINE_REFUSED');
    expect(r.body.error?.message).toContain('receiverName');
  });

  it('answers a batch confirmed again (same batchId, same request) as the first time, recording nothing twice', async () => {
    const items = h.cases.csv.slice(1, 4).map((c) => c.itemCode);
    const batchId = '5b0f3c1e-8d2a-4c7b-9e1f-0a1b2c3d4e5f';
    const first = await h.ok<BatchRecordedView>('postal.recordBatch', { items, outcome: outcome(), batchId });
    expect(first.recorded).toBe(3);
    const after = await h.counts();
    // The answer was lost: the screen confirms the same batch again.
    const again = await h.ok<BatchRecordedView>('postal.recordBatch', { items, outcome: outcome(), batchId });
    expect(again).toEqual(first);
    expect(await h.counts()).toEqual(after);
    // The same id for another request is not a repeat: refused, nothing recorded.
    const other = await h.call('postal.recordBatch', { items: [h.cases.csv[4]!.itemCode], outcome: outcome(), batchId });
    expect(other.status).toBe(409);
    expect(other.body.error?.code).toBe('POSTAL_BATCH_ID_ALREADY_USED');
    expect(await h.counts()).toEqual(after);
    // Without an id, a batch sent twice is still refused whole by its first line.
    const unnamed = await h.call('postal.recordBatch', { items, outcome: outcome() });
    expect(unnamed.body.error?.code).toBe('POSTAL_BATCH_LINE_REFUSED');
  });
});
