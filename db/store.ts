// The Store the host uses: open (pragmas, integrity, migrations), repositories, transactions,
// documents on disk, backups.
import { mkdirSync } from 'node:fs';
import type { Knex } from 'knex';
import { DomainError } from '../core/index.js';
import { backupSqlite } from './backup.js';
import { withStoreErrors } from './errors.js';
import { FileStore } from './files.js';
import { quickCheck } from './integrity.js';
import { createKnex, type StoreConfig } from './knex.js';
import { migrations } from './migrations/index.js';
import { buildDeferredIndexes } from './repositories/deferred-indexes.js';
import { createRepositories, type Repositories } from './repositories/index.js';
import { assertKnownMigrations, migrateToLatest } from './schema-version.js';

export type { StoreConfig } from './knex.js';
export type { NotificationRecord, NotificationWrite } from './repositories/notifications-repo.js';
export type { Repositories } from './repositories/index.js';
export { shouldRunDailyBackup, restoreBackup, verifyBackup } from './backup.js';

/** Repositories bound to one transaction; `transaction` inside it reuses the same one. */
export interface StoreScope extends Repositories {
  transaction<T>(fn: (tx: StoreScope) => Promise<T>): Promise<T>;
}

export interface Store extends StoreScope {
  readonly client: 'sqlite3' | 'pg';
  readonly dataDir: string;
  /** Documents on disk, content-addressed and verified on read. */
  readonly files: FileStore;
  /** True when no notification is stored (first start: the host may seed the demo data). */
  isEmpty(): Promise<boolean>;
  /** Consistent copy of the open database to `targetPath` (must not exist). SQLite only. */
  backupNow(targetPath: string): Promise<{ path: string; bytes: number }>;
  /** SQLite `PRAGMA quick_check`; throws DB_INTEGRITY_FAILED. No-op on PostgreSQL. */
  checkIntegrity(): Promise<void>;
  close(): Promise<void>;
  /** The Knex instance, for db/ internals, the bench and tests only. */
  readonly knex: Knex;
}

function scope(db: Knex | Knex.Transaction): StoreScope {
  return {
    ...createRepositories(db),
    transaction: <T>(fn: (tx: StoreScope) => Promise<T>) => runTransaction(db, fn),
  };
}

async function runTransaction<T>(db: Knex | Knex.Transaction, fn: (tx: StoreScope) => Promise<T>): Promise<T> {
  if ((db as Knex.Transaction).isTransaction) return fn(scope(db));
  return withStoreErrors(() => (db as Knex).transaction((trx) => fn(scope(trx))));
}

async function prepareSchema(knex: Knex, config: StoreConfig): Promise<void> {
  if (config.client === 'sqlite3') await quickCheck(knex);
  if (!config.readOnly) {
    // A bulk import killed before it built back the indexes it deferred: built now, before any
    // migration touches them (a newer version's database is refused first, untouched).
    if (config.client === 'sqlite3') {
      await assertKnownMigrations(knex);
      await buildDeferredIndexes(knex);
    }
    await migrateToLatest(knex);
    return;
  }
  // Read-only: nothing may be written, so a schema that needs migrating cannot be used.
  const applied = new Set(await assertKnownMigrations(knex));
  if (migrations.some((m) => !applied.has(m.name))) throw new DomainError('DB_READ_ONLY');
}

/**
 * Opens (creating when absent) the store: refuses without touching it a file that is not a
 * database or that comes from a newer app version, checks integrity (SQLite), migrates.
 */
export async function openStore(config: StoreConfig): Promise<Store> {
  mkdirSync(config.dataDir, { recursive: true });
  const knex = createKnex(config);
  try {
    await withStoreErrors(() => prepareSchema(knex, config));
  } catch (e) {
    await knex.destroy();
    throw e;
  }
  let closed = false;
  return {
    ...scope(knex),
    client: config.client,
    dataDir: config.dataDir,
    files: new FileStore(config.dataDir),
    knex,
    isEmpty: async () => (await knex('notifications').first('iun')) === undefined,
    backupNow: async (targetPath) => {
      if (config.client !== 'sqlite3') throw new DomainError('DB_BACKUP_UNSUPPORTED', { client: config.client });
      return backupSqlite(knex, targetPath);
    },
    checkIntegrity: async () => {
      if (config.client === 'sqlite3') await withStoreErrors(() => quickCheck(knex));
    },
    close: async () => {
      if (closed) return;
      closed = true;
      if (config.client === 'sqlite3' && !config.readOnly) await knex.raw('PRAGMA optimize').catch(() => undefined);
      await knex.destroy();
    },
  };
}
