// Daily and on-demand backups of a running host, and the restore of one (issue #5).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../electron/config.js';
import { createHost, type Host } from '../../electron/host.js';
import { backupDir, backupNow, runDailyBackupIfDue } from '../../electron/backup.js';
import { createLogger } from '../../electron/logger.js';
import { openStore, restoreBackup } from '../../db/store.js';

let dir: string;
let host: Host;
let nowMs = Date.parse('2026-03-12T08:30:00+01:00');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'radd-backup-'));
  host = await createHost(loadConfig(['--data-dir', dir, '--no-open'], {}), { transport: 'http', logger: createLogger(() => undefined), clock: { now: () => new Date(nowMs) } });
});

afterAll(async () => {
  await host?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('backups', () => {
  it('makes the daily backup at the first check of each Europe/Rome day, once', async () => {
    expect(await runDailyBackupIfDue(host.ctx)).toBe(true);
    nowMs += 3 * 3600_000; // 11:30 the same day
    expect(await runDailyBackupIfDue(host.ctx)).toBe(false);
    nowMs = Date.parse('2026-03-13T00:05:00+01:00'); // just after midnight in Rome
    expect(await runDailyBackupIfDue(host.ctx)).toBe(true);
    expect(readdirSync(backupDir(host.ctx))).toHaveLength(2);
  });

  it('keeps the last 14 backups', async () => {
    for (let i = 0; i < 16; i++) {
      nowMs += 60_000;
      await backupNow(host.ctx);
    }
    expect(readdirSync(backupDir(host.ctx))).toHaveLength(14);
  });

  it('restores a backup: the notifications come back, the replaced file is kept aside', async () => {
    nowMs += 60_000;
    const b = await backupNow(host.ctx);
    const other = join(dir, 'restored', 'radd-desk.sqlite');
    await restoreBackup(b.path, other);
    const restored = await openStore({ client: 'sqlite3', filename: other, dataDir: join(dir, 'restored') });
    try {
      expect((await restored.notifications.getByIun('QDUX-GHKP-JNAM-202603-T-1'))?.derived.status).toBe('EFFECTIVE_DATE');
    } finally {
      await restored.close();
    }
    const kept = await restoreBackup(b.path, other, 'x');
    expect(kept && existsSync(kept)).toBe(true);
  });

  it('refuses to restore a file that is not a backup of this app, leaving the store alone', async () => {
    await expect(restoreBackup(join(dir, 'nope.sqlite'), join(dir, 'restored', 'radd-desk.sqlite'))).rejects.toMatchObject({ code: 'DB_NOT_A_DATABASE' });
  });
});
