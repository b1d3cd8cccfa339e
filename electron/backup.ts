// Backups of the local store (issue #5): daily (checked at start and every hour: the first check
// of each Europe/Rome day makes one), on demand from the admin screen, and the restore command.
// Backups go to <data dir>/backups/radd-desk-<date>-<time>.sqlite; the last 14 are kept.
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { shouldRunDailyBackup } from '../db/store.js';
import type { HostContext } from './api/host-context.js';

export const LAST_BACKUP_KEY = 'backup.lastAt';
const KEEP = 14;
const CHECK_EVERY_MS = 60 * 60 * 1000;

export function backupDir(ctx: Pick<HostContext, 'config'>): string {
  return join(ctx.config.dataDir, 'backups');
}

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

/** Writes one backup now (SQLite: VACUUM INTO, consistent while the app runs) and prunes old ones. */
export async function backupNow(ctx: HostContext): Promise<{ path: string; bytes: number; at: string }> {
  const now = ctx.clock.now();
  const result = await ctx.store.backupNow(join(backupDir(ctx), `radd-desk-${stamp(now)}.sqlite`));
  await ctx.store.settings.set(LAST_BACKUP_KEY, now.toISOString(), now.toISOString());
  const files = (await readdir(backupDir(ctx))).filter((f) => /^radd-desk-\d{8}-\d{6}\.sqlite$/.test(f)).sort();
  for (const old of files.slice(0, Math.max(0, files.length - KEEP))) await rm(join(backupDir(ctx), old), { force: true });
  ctx.logger.info('backup written', { file: result.path, bytes: result.bytes });
  return { ...result, at: now.toISOString() };
}

/** Makes the daily backup when due; returns whether it made one. Failures are logged, never thrown. */
export async function runDailyBackupIfDue(ctx: HostContext): Promise<boolean> {
  if (ctx.store.client !== 'sqlite3') return false; // PostgreSQL: the office's pg_dump policy
  try {
    const last = await ctx.store.settings.get<string>(LAST_BACKUP_KEY);
    if (!shouldRunDailyBackup(last, ctx.clock.now().toISOString())) return false;
    await backupNow(ctx);
    return true;
  } catch (e) {
    ctx.logger.error('daily backup failed', { error: e instanceof Error ? e.message : String(e) });
    return false;
  }
}

/** Starts the hourly check; returns the function that stops it. */
export function scheduleDailyBackup(ctx: HostContext): () => void {
  void runDailyBackupIfDue(ctx);
  const timer = setInterval(() => void runDailyBackupIfDue(ctx), CHECK_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
