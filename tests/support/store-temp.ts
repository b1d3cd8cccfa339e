// A temp directory with SQLite stores in it, for the SQLite-only integration tests, and what store
// comparisons read.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../../db/store.js';

export interface TempStoreDir {
  dir: string;
  /** Config of a store named `name` in the temp dir. */
  config(name: string, readOnly?: boolean): { client: 'sqlite3'; filename: string; dataDir: string; readOnly?: boolean };
  open(name: string, readOnly?: boolean): Promise<Store>;
  remove(): void;
}

export function tempStoreDir(prefix = 'radd-store-'): TempStoreDir {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const config = (name: string, readOnly = false) => ({
    client: 'sqlite3' as const,
    filename: join(dir, name, 'radd.sqlite'),
    dataDir: join(dir, name),
    ...(readOnly ? { readOnly } : {}),
  });
  return {
    dir,
    config,
    open: (name, readOnly) => openStore(config(name, readOnly)),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export function fileSha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** The DomainError code a promise rejects with (undefined when it resolves or throws something else). */
export async function rejectionCode(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
    return undefined;
  } catch (e) {
    return (e as { code?: string }).code;
  }
}

/** Tables a bulk import writes, with their keys after the notification's: what `importedRows` reads. */
const IMPORTED_TABLES: [string, string[]][] = [
  ['notifications', []],
  ['recipients', ['rec_index']],
  ['payment_notices', ['rec_index', 'pay_index']],
  ['documents', ['doc_index']],
  ['timeline_elements', ['element_id']],
  ['legal_facts', ['id']],
];

/**
 * Every row a bulk import writes, table by table in key order: two stores compare with toEqual.
 * Rows are given with their notification's IUN instead of its `nid` (a store's own numbering:
 * PostgreSQL's identity skips the numbers of a rolled-back batch).
 */
export async function importedRows(s: Store): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const [table, keys] of IMPORTED_TABLES) {
    const q = table === 'notifications'
      ? s.knex('notifications as c').select('c.*')
      : s.knex(`${table} as c`).join('notifications as n', 'n.nid', 'c.nid').select('n.iun', 'c.*');
    const rows = (await q.orderBy([table === 'notifications' ? 'c.iun' : 'n.iun', ...keys.map((k) => `c.${k}`)])) as Record<string, unknown>[];
    out[table] = rows.map(({ nid: _nid, ...rest }) => rest);
  }
  out.notification_engine_states = await s.knex('notification_engine_states').orderBy('iun').select();
  out.sender_daily = await s.knex('sender_daily').orderBy(['day', 'sender_tax_id', 'metric', 'k']).select();
  return out;
}
