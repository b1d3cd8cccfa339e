// Online backup (VACUUM INTO: a consistent, compacted copy taken while the store stays open),
// the daily-backup predicate (scheduling is the host's job) and restore.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Knex } from 'knex';
import { DomainError } from '../core/index.js';
import { createKnex } from './knex.js';
import { quickCheck } from './integrity.js';
import { assertKnownMigrations } from './schema-version.js';
import { withStoreErrors } from './errors.js';

async function fsync(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Writes a consistent copy of an open SQLite store to `targetPath` (which must not exist). */
export async function backupSqlite(knex: Knex, targetPath: string): Promise<{ path: string; bytes: number }> {
  if (existsSync(targetPath)) throw new DomainError('DB_BACKUP_TARGET_EXISTS', { path: targetPath });
  await mkdir(dirname(targetPath), { recursive: true });
  const tmp = `${targetPath}.tmp-${randomUUID()}`;
  try {
    await withStoreErrors(() => knex.raw('VACUUM INTO ?', [tmp]));
    await fsync(tmp);
    await rename(tmp, targetPath);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
  await fsync(dirname(targetPath));
  return { path: targetPath, bytes: (await stat(targetPath)).size };
}

const ROME_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * Whether the daily backup is due: never done, or last done on an earlier Europe/Rome calendar
 * day than `now` (a desk opening at 8:00 gets its backup at the first check of the day, not
 * 24 hours after yesterday's). Instants are ISO-8601 with offset.
 */
export function shouldRunDailyBackup(lastAt: string | null | undefined, now: string): boolean {
  if (!lastAt) return true;
  const last = Date.parse(lastAt);
  const current = Date.parse(now);
  if (Number.isNaN(last)) return true;
  return ROME_DAY.format(new Date(current)) > ROME_DAY.format(new Date(last));
}

/** Checks that `path` is a readable store this app version can open, without writing to it. */
export async function verifyBackup(path: string): Promise<void> {
  if (!existsSync(path)) throw new DomainError('DB_NOT_A_DATABASE', { path });
  const knex = createKnex({ client: 'sqlite3', filename: path, dataDir: dirname(path), readOnly: true });
  try {
    await withStoreErrors(async () => {
      await quickCheck(knex);
      await assertKnownMigrations(knex);
    });
  } finally {
    await knex.destroy();
  }
}

/**
 * Replaces the store file `filename` with the backup at `backupPath`. The store must be closed.
 * The backup is verified first; the replaced file (and its WAL) is kept aside as
 * `<filename>.replaced-<stamp>`, never deleted. Returns the path of the kept-aside file, if any.
 */
export async function restoreBackup(backupPath: string, filename: string, stamp = String(Date.now())): Promise<string | undefined> {
  await verifyBackup(backupPath);
  await mkdir(dirname(filename), { recursive: true });
  const tmp = `${filename}.restore-${randomUUID()}`;
  await copyFile(backupPath, tmp);
  await fsync(tmp);
  let keptAside: string | undefined;
  if (existsSync(filename)) {
    keptAside = `${filename}.replaced-${stamp}`;
    await rename(filename, keptAside);
  }
  // The WAL goes with the file set aside under SQLite's own name for it (`<file>-wal`): opening
  // that file replays the transactions the WAL still holds (`…-wal.replaced-…` would have lost them).
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(filename + suffix)) await rename(filename + suffix, keptAside ? `${keptAside}${suffix}` : `${filename}.replaced-${stamp}${suffix}`);
  }
  await rename(tmp, filename);
  await fsync(dirname(filename));
  return keptAside;
}
