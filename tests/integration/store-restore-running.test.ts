// `npm run restore` with the app still running on the store, and what a restore keeps of the
// replaced store: the app marks its store (electron/store-running.ts) and the restore refuses while
// it runs; the WAL of the replaced file is kept under SQLite's own name, so that the file set aside
// still holds every committed transaction.
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, restoreBackup } from '../../db/store.js';
import { backupNow } from '../../electron/backup.js';
import { loadConfig } from '../../electron/config.js';
import { createHost } from '../../electron/host.js';
import { createLogger } from '../../electron/logger.js';
import { runningPids } from '../../electron/store-running.js';

const run = promisify(execFile);
const repo = resolve(import.meta.dirname, '..', '..');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'radd-restore-running-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function restoreCli(file: string, dataDir: string): Promise<{ code: number; stderr: string }> {
  try {
    await run('npx', ['tsx', 'electron/cli/backup.ts', 'restore', file, '--data-dir', dataDir], { cwd: repo, env: { ...process.env, RADD_DATA_DIR: '' } });
    return { code: 0, stderr: '' };
  } catch (e) {
    const err = e as { code: number; stderr: string };
    return { code: err.code, stderr: err.stderr };
  }
}

describe('restore and the running app', () => {
  it('the running app marks its store; the restore refuses while it runs and works once it is closed', async () => {
    const dataDir = join(dir, 'app');
    const config = loadConfig(['--data-dir', dataDir, '--no-open', '--no-sync'], {});
    const host = await createHost(config, { transport: 'http', logger: createLogger(() => undefined), sync: true });
    let closed = false;
    try {
      const dbFile = config.db.client === 'sqlite3' ? config.db.filename : '';
      expect(runningPids(dbFile)).toEqual([process.pid]);
      const backup = await backupNow(host.ctx);
      const refused = await restoreCli(backup.path, dataDir);
      expect(refused.code).toBe(3);
      expect(refused.stderr).toContain(`process ${process.pid}`);
      expect(refused.stderr).toContain('chiuderla, poi ripristinare');
      expect(existsSync(`${dbFile}.replaced-`)).toBe(false);
      await host.close();
      closed = true;
      expect(runningPids(dbFile)).toEqual([]);
      expect((await restoreCli(backup.path, dataDir)).code).toBe(0);
    } finally {
      if (!closed) await host.close();
    }
  }, 60_000);

  it('the replaced file keeps its WAL under SQLite\'s name: the transactions it held are still there', async () => {
    const live = join(dir, 'live');
    mkdirSync(live, { recursive: true });
    const file = join(live, 'radd-desk.sqlite');
    const store = await openStore({ client: 'sqlite3', filename: file, dataDir: live });
    const backupFile = join(dir, 'backup.sqlite');
    await store.knex.raw('VACUUM INTO ?', [backupFile]);
    await store.settings.set('after-backup', 'kept', new Date().toISOString());
    // The files as a crash leaves them: the last commit only in the WAL.
    const crashed = join(dir, 'crashed');
    mkdirSync(crashed, { recursive: true });
    const copy = join(crashed, 'radd-desk.sqlite');
    copyFileSync(file, copy);
    copyFileSync(`${file}-wal`, `${copy}-wal`);
    await store.close();

    const keptAside = await restoreBackup(backupFile, copy, 'T');
    expect(keptAside).toBe(`${copy}.replaced-T`);
    expect(existsSync(`${keptAside}-wal`)).toBe(true);
    const old = await openStore({ client: 'sqlite3', filename: keptAside!, dataDir: crashed });
    try {
      expect(await old.settings.get('after-backup')).toBe('kept');
    } finally {
      await old.close();
    }
    const restored = await openStore({ client: 'sqlite3', filename: copy, dataDir: crashed });
    try {
      expect(await restored.settings.get('after-backup')).toBeUndefined();
    } finally {
      await restored.close();
    }
  }, 60_000);
});
