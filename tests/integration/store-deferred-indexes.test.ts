// A large bulk import on SQLite drops the notification tables' non-unique indexes and builds them
// once at the end (db/repositories/deferred-indexes.ts). The store it leaves must be the store an
// import with the indexes in place leaves, index definitions included; a failed import and an
// import killed half-way must leave every index back (the SIGKILL case is in store-crash.test.ts).
import { afterAll, describe, expect, it } from 'vitest';
import { makeDemoCase, type SimulationPath, type TimelineElementInput } from '../../core/index.js';
import { buildDeferredIndexes, deferIndexes, DEFERRED_INDEXES_KEY, shouldDeferIndexes } from '../../db/repositories/deferred-indexes.js';
import type { NotificationImport } from '../../db/repositories/timeline-writer.js';
import type { Store } from '../../db/store.js';
import { importedRows, tempStoreDir } from '../support/store-temp.js';

const PATHS: SimulationPath[] = ['PEC_FIRST_TRY', 'DIGITAL_FAILURE_RS', 'ANALOG_890_DELIVERED', 'GIACENZA_EXPIRED', 'UNREACHABLE', 'VIEWED_AT_RADD', 'REFUSED', 'CANCELLED'];

function batches(): NotificationImport[][] {
  const cases = Array.from({ length: 60 }, (_, i) => makeDemoCase(`defer-${i}`, PATHS[i % PATHS.length]!));
  const items = cases.map((c) => ({ notification: c.notification, elements: c.timeline as TimelineElementInput[] }));
  return [items.slice(0, 25), items.slice(25)];
}

/** Every index of the store with its definition (autoindexes have none and are never dropped). */
async function indexes(s: Store): Promise<{ name: string; sql: string | null }[]> {
  return (await s.knex.raw("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name")) as { name: string; sql: string | null }[];
}

async function deferredSetting(s: Store): Promise<unknown> {
  return s.knex('settings').where('key', DEFERRED_INDEXES_KEY).first();
}

const tmp = tempStoreDir('radd-defer-');
afterAll(() => tmp.remove());

describe('deferred indexes of a bulk import (SQLite)', () => {
  it('leaves the rows, counters and index definitions an import with the indexes in place leaves', async () => {
    const deferred = await tmp.open('deferred');
    const kept = await tmp.open('kept');
    const before = await indexes(deferred);
    expect(before.filter((i) => i.name.startsWith('notifications_')).length).toBeGreaterThan(5);
    let dropped = -1;
    let first = true;
    let building = 0;
    const r = await deferred.timeline.importStream(batches(), {
      deferIndexes: true,
      onBuildingIndexes: () => (building += 1),
      onBatch: () => {
        if (!first) return;
        first = false;
        // Meanwhile: the secondary indexes are gone, the unique keys stay.
        void indexes(deferred).then((now) => (dropped = before.length - now.length));
      },
    });
    await kept.timeline.importStream(batches(), { deferIndexes: false });
    expect(r.inserted).toBe(60);
    expect(dropped).toBeGreaterThanOrEqual(8);
    expect(building).toBe(1);
    expect(await indexes(deferred)).toEqual(before);
    expect(await indexes(kept)).toEqual(before);
    expect(await deferredSetting(deferred)).toBeUndefined();
    expect(await importedRows(deferred)).toEqual(await importedRows(kept));
    expect(await deferred.senderStats.statsDrift()).toEqual([]);
    // The desk's lookups read through the indexes again.
    const plan = (await deferred.knex.raw('EXPLAIN QUERY PLAN SELECT nid FROM recipients WHERE tax_id = ? AND pending = 1', ['X'])) as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('recipients_tax_id_pending_outcome_idx');
    await deferred.close();
    await kept.close();
  });

  it('a failed import builds the indexes back and keeps the batches before the failure', async () => {
    const s = await tmp.open('failed');
    const before = await indexes(s);
    const [first, second] = batches();
    const broken = { ...second![0]!, notification: { ...second![0]!.notification, recipients: [{ ...second![0]!.notification.recipients[0]!, denomination: null as unknown as string }] } };
    await expect(s.timeline.importStream([first!, [broken, ...second!.slice(1)]], { deferIndexes: true })).rejects.toThrow();
    expect(await s.notifications.count()).toBe(25);
    expect(await indexes(s)).toEqual(before);
    expect(await deferredSetting(s)).toBeUndefined();
    expect(await s.senderStats.statsDrift()).toEqual([]);
    await s.close();
  });

  it('a store left with deferred indexes (import killed) gets them back when it is opened', async () => {
    const s = await tmp.open('left');
    const before = await indexes(s);
    await s.timeline.importNotifications(batches()[0]!);
    await deferIndexes(s.knex);
    expect((await indexes(s)).length).toBeLessThan(before.length);
    expect(await deferredSetting(s)).toBeDefined();
    // A second deferral on top (another import started and killed) keeps the first one's list.
    await deferIndexes(s.knex);
    await s.close();
    const reopened = await tmp.open('left');
    expect(await indexes(reopened)).toEqual(before);
    expect(await deferredSetting(reopened)).toBeUndefined();
    expect(await buildDeferredIndexes(reopened.knex)).toBe(0);
    await reopened.close();
  });

  it('defers only an import at least as large as the store and as the threshold', async () => {
    const s = await tmp.open('decide');
    expect(await shouldDeferIndexes(s.knex, undefined)).toBe(false);
    expect(await shouldDeferIndexes(s.knex, 49_999)).toBe(false);
    expect(await shouldDeferIndexes(s.knex, 50_000)).toBe(true);
    await s.timeline.importNotifications(batches()[0]!);
    expect(await shouldDeferIndexes(s.knex, 24, 10)).toBe(false);
    expect(await shouldDeferIndexes(s.knex, 25, 10)).toBe(true);
    await s.close();
  });
});
