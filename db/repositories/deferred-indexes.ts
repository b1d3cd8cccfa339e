// Deferred secondary indexes for a large bulk import into a SQLite store (seed, bench, a central
// office's first load): the non-unique indexes of the notification tables are dropped before the
// import and built once after it. SQLite then writes each new row into the tables and their unique
// keys only, and builds every index by one sort at the end instead of inserting a million random
// keys one by one into seven b-trees (measured on a 1M-notification copy: 58 s with the indexes
// in place against 17 s + 7.5 s to build them afterwards).
//
// Crash safety: the indexes' CREATE statements are saved in `settings` in the same transaction
// that drops them, and building them back removes that row in the same transaction; openStore
// builds back whatever a killed import left deferred before anything else reads the store. In
// between, every query gives the same answers (the unique keys, and with them every constraint,
// stay), only slower. Unique indexes are never deferred. PostgreSQL: not used (its bulk path is
// different and a shared store may be read by other desks meanwhile).
import type { Knex } from 'knex';
import type { Db } from './sql.js';

/** Settings key holding the deferred indexes (a `_` key: the host's own state, never shown). */
export const DEFERRED_INDEXES_KEY = '_store.deferred_indexes';

/** Tables a bulk import writes, whose non-unique indexes it may defer. */
const BULK_TABLES = ['notifications', 'recipients', 'documents', 'payment_notices', 'timeline_elements', 'legal_facts', 'notification_engine_states'] as const;

/** An import smaller than this keeps its indexes (building them costs a sort of the whole table). */
export const DEFER_INDEXES_FROM = 50_000;

interface DeferredIndex {
  name: string;
  sql: string;
}

async function readDeferred(db: Db): Promise<DeferredIndex[]> {
  if (!(await db.schema.hasTable('settings'))) return [];
  const row = await db('settings').where('key', DEFERRED_INDEXES_KEY).first<{ value: string } | undefined>('value');
  return row ? (JSON.parse(row.value) as DeferredIndex[]) : [];
}

/** The CREATE statements of the non-unique indexes made by CREATE INDEX on the bulk tables. */
async function secondaryIndexes(db: Db): Promise<DeferredIndex[]> {
  const out: DeferredIndex[] = [];
  for (const table of BULK_TABLES) {
    const list = (await db.raw(`PRAGMA index_list(${table})`)) as { name: string; unique: number; origin: string }[];
    for (const ix of list.filter((i) => i.unique === 0 && i.origin === 'c')) {
      const [row] = (await db.raw(`SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?`, [ix.name])) as { sql: string | null }[];
      if (row?.sql) out.push({ name: ix.name, sql: row.sql });
    }
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Should an import of about `expected` notifications into this store defer its indexes? Yes when
 * it is large and at least as large as what is stored (building an index sorts the whole table).
 */
export async function shouldDeferIndexes(db: Knex, expected: number | undefined, from = DEFER_INDEXES_FROM): Promise<boolean> {
  if (db.client.config.client !== 'sqlite3' || expected === undefined || expected < from) return false;
  const [{ n }] = (await db.raw('SELECT count(*) AS n FROM notifications')) as [{ n: number }];
  return expected >= n;
}

/**
 * Drops the bulk tables' non-unique indexes and records them, in one transaction. Returns a
 * function that builds them back (buildDeferredIndexes). SQLite only.
 */
export async function deferIndexes(db: Knex): Promise<() => Promise<number>> {
  await db.transaction(async (trx) => {
    const already = await readDeferred(trx);
    const now = await secondaryIndexes(trx);
    const all = [...already, ...now.filter((i) => !already.some((a) => a.name === i.name))];
    await trx('settings')
      .insert({ key: DEFERRED_INDEXES_KEY, value: JSON.stringify(all), updated_at: new Date().toISOString() })
      .onConflict('key')
      .merge(['value', 'updated_at']);
    for (const i of now) await trx.raw(`DROP INDEX "${i.name.replace(/"/g, '""')}"`);
  });
  return () => buildDeferredIndexes(db);
}

/**
 * Builds the indexes a bulk import deferred (also one killed before it could) and forgets them, in
 * one transaction; returns how many were built. A no-op when none are deferred.
 */
export async function buildDeferredIndexes(db: Knex): Promise<number> {
  if ((await readDeferred(db)).length === 0) return 0;
  // Sorting with a helper thread: -8 % on the 1M build (measured 8.4 -> 7.8 s).
  const [{ threads }] = (await db.raw('PRAGMA threads')) as [{ threads: number }];
  await db.raw('PRAGMA threads = 2');
  try {
    return await db.transaction(async (trx) => {
      const deferred = await readDeferred(trx);
      for (const i of deferred) {
        const [exists] = (await trx.raw(`SELECT 1 AS x FROM sqlite_master WHERE type = 'index' AND name = ?`, [i.name])) as unknown[];
        if (!exists) await trx.raw(i.sql);
      }
      await trx('settings').where('key', DEFERRED_INDEXES_KEY).delete();
      return deferred.length;
    });
  } finally {
    await db.raw(`PRAGMA threads = ${Math.trunc(threads)}`);
  }
}
