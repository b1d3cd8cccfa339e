// The store benchmark's SQLite floor (db/seed/sqlite-floor.ts) must store exactly what the import
// stored, or its rate would measure something else: the copy equals the source, table by table,
// and its counters equal a recomputation.
import { afterAll, describe, expect, it } from 'vitest';
import { makeDemoCase, type SimulationPath } from '../../core/index.js';
import { sqliteCopyFloor } from '../../db/seed/sqlite-floor.js';
import { importedRows, tempStoreDir } from '../support/store-temp.js';

const tmp = tempStoreDir('radd-floor-');
afterAll(() => tmp.remove());

const PATHS: SimulationPath[] = ['PEC_FIRST_TRY', 'ANALOG_890_DELIVERED', 'GIACENZA_EXPIRED', 'UNREACHABLE', 'VIEWED_AT_RADD', 'REFUSED', 'CANCELLED'];

describe('SQLite floor copy', () => {
  it.each([false, true])('copies every row of an imported store, in transactions of the given size, counters included (deferred indexes: %s)', async (deferIndexes) => {
    const source = await tmp.open(`source-${deferIndexes}`);
    const cases = Array.from({ length: 23 }, (_, i) => makeDemoCase(`floor-${i}`, PATHS[i % PATHS.length]!));
    await source.timeline.importStream([cases.slice(0, 12), cases.slice(12)].map((b) => b.map((c) => ({ notification: c.notification, elements: c.timeline }))), { keepEngineState: true });
    const expected = await importedRows(source);
    await source.close();
    const target = await tmp.open(`target-${deferIndexes}`);
    const indexes = async () => (await target.knex.raw("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name")) as unknown[];
    const before = await indexes();
    const r = await sqliteCopyFloor(target.knex, tmp.config(`source-${deferIndexes}`).filename, 5, { deferIndexes });
    expect(r.notifications).toBe(23);
    expect(r.rate).toBeGreaterThan(0);
    expect(await importedRows(target)).toEqual(expected);
    expect(await target.senderStats.statsDrift()).toEqual([]);
    expect(await indexes()).toEqual(before);
    // Detached and cleaned up: the store is usable as before.
    expect(await target.knex.raw('PRAGMA database_list')).toHaveLength(2);
    await target.close();
  });
});
