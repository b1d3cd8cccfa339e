// What SQLite alone spends storing the rows of a bulk import, with no JavaScript and no driver in
// between: the rows of an imported store are copied into an empty store of the same schema by
// `INSERT ... SELECT` from the attached file, in transactions of the import's size, with the same
// triggers, the same set-wise sender counters (insert triggers suspended), the same pragmas (and,
// for the store benchmark's large import, the same deferred secondary indexes). No
// import path of this schema can be faster than this on the machine it runs on (store benchmark:
// `store.import_sqlite_floor_rate`).
import type { Knex } from 'knex';
import { deferIndexes } from '../repositories/deferred-indexes.js';
import { bulkCountingEnd, bulkCountingStart } from '../repositories/notifications-repo.js';
import { useBulkPragmas } from '../repositories/timeline-writer.js';

/** Child tables of a notification, in foreign-key order. */
const CHILDREN = ['recipients', 'payment_notices', 'documents', 'timeline_elements', 'legal_facts'] as const;

export interface FloorResult {
  notifications: number;
  ms: number;
  rate: number;
}

/**
 * Copies every notification of the SQLite file `source` (with everything hanging off it) into the
 * empty, migrated SQLite store behind `target`, `perTransaction` notifications a transaction.
 * `deferIndexes`: as a large bulk import does, the secondary indexes are dropped first and built
 * at the end (inside the measured time).
 */
export async function sqliteCopyFloor(target: Knex, source: string, perTransaction: number, opts: { deferIndexes?: boolean } = {}): Promise<FloorResult> {
  await target.raw('ATTACH DATABASE ? AS src', [source]);
  const restore = await useBulkPragmas(target);
  try {
    const [{ lo, hi, n }] = (await target.raw('SELECT min(nid) AS lo, max(nid) AS hi, count(*) AS n FROM src.notifications')) as [{ lo: number; hi: number; n: number }];
    // The import's order: notifications and their rows by nid (arrival order), keys kept.
    const started = performance.now();
    const buildIndexes = opts.deferIndexes ? await deferIndexes(target) : undefined;
    for (let from = lo; from <= hi; from += perTransaction) {
      const to = from + perTransaction - 1;
      await target.transaction(async (trx) => {
        const counting = await bulkCountingStart(trx, false);
        await trx.raw('INSERT INTO main.notifications SELECT * FROM src.notifications WHERE nid BETWEEN ? AND ? ORDER BY nid', [from, to]);
        for (const t of CHILDREN) await trx.raw(`INSERT INTO main.${t} SELECT * FROM src.${t} WHERE nid BETWEEN ? AND ?`, [from, to]);
        await trx.raw('INSERT INTO main.notification_engine_states SELECT e.* FROM src.notifications n CROSS JOIN src.notification_engine_states e ON e.iun = n.iun WHERE n.nid BETWEEN ? AND ?', [from, to]);
        const nids = (await trx.raw('SELECT nid FROM main.notifications WHERE nid BETWEEN ? AND ?', [from, to])) as { nid: number }[];
        await bulkCountingEnd(trx, counting, nids.map((r) => r.nid));
      });
    }
    await buildIndexes?.();
    const ms = performance.now() - started;
    return { notifications: n, ms, rate: (n / ms) * 1000 };
  } finally {
    await restore();
    await target.raw('DETACH DATABASE src');
  }
}
