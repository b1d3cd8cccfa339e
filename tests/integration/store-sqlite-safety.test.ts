// SQLite store safety: pragmas, files it must not touch, newer versions, read-only and full
// disks, integrity check, backup and restore.
import { existsSync, readdirSync, writeFileSync, openSync, writeSync, closeSync, statSync, chmodSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore, restoreBackup } from '../../db/store.js';
import { anImport } from '../support/store-builders.js';
import { fileSha256, rejectionCode, tempStoreDir } from '../support/store-temp.js';

const tmp = tempStoreDir();
const readOnlyChild = fileURLToPath(new URL('../support/store-readonly-child.ts', import.meta.url));
/** The unprivileged user a root test run opens the read-only file as (Debian's `nobody`). */
const NOBODY = 65534;
afterAll(() => tmp.remove());

describe('SQLite store safety', () => {
  it('opens with WAL, foreign keys, synchronous=FULL and a busy timeout', async () => {
    const s = await tmp.open('pragmas');
    const one = async (sql: string) => Object.values(((await s.knex.raw(sql)) as Record<string, unknown>[])[0] ?? {})[0];
    expect(await one('PRAGMA journal_mode')).toBe('wal');
    expect(await one('PRAGMA foreign_keys')).toBe(1);
    expect(await one('PRAGMA synchronous')).toBe(2);
    expect(await one('PRAGMA busy_timeout')).toBe(5000);
    expect(await one('PRAGMA page_size')).toBe(8192);
    await s.close();
  });

  it('keeps the page size of a database created with another one', async () => {
    const c = tmp.config('pagesize');
    await openStore(c).then((s) => s.close());
    // A store file from before 8 KB pages: the same schema rebuilt with SQLite's default 4 KB.
    const old = await openStore(c);
    await old.knex.raw('PRAGMA journal_mode = DELETE');
    await old.knex.raw('PRAGMA page_size = 4096');
    await old.knex.raw('VACUUM');
    await old.knex.raw('PRAGMA journal_mode = WAL');
    await old.close();
    const s = await openStore(c);
    const one = async (sql: string) => Object.values(((await s.knex.raw(sql)) as Record<string, unknown>[])[0] ?? {})[0];
    expect(await one('PRAGMA page_size')).toBe(4096);
    await s.timeline.importNotifications([anImport()]);
    expect(await s.notifications.count()).toBe(1);
    expect(await one('PRAGMA quick_check')).toBe('ok');
    await s.close();
  });

  it('refuses a file that is not a database and leaves it byte for byte untouched', async () => {
    const c = tmp.config('notadb');
    await openStore(c).then((s) => s.close());
    writeFileSync(c.filename, 'Dear clerk, this is a letter, not a database.\n'.repeat(100));
    const before = fileSha256(c.filename);
    expect(await rejectionCode(openStore(c))).toBe('DB_NOT_A_DATABASE');
    expect(fileSha256(c.filename)).toBe(before);
    expect(existsSync(`${c.filename}-wal`)).toBe(false);
  });

  it('refuses a database with migrations from a newer version and does not modify it', async () => {
    const c = tmp.config('newer');
    const s = await openStore(c);
    await s.timeline.importNotifications([anImport()]);
    await s.knex('knex_migrations').insert({ name: '2099-01-01-0900-add-future-table', batch: 99, migration_time: new Date() });
    await s.close();
    const before = fileSha256(c.filename);
    expect(await rejectionCode(openStore(c))).toBe('DB_NEWER_VERSION');
    expect(fileSha256(c.filename)).toBe(before);
  });

  it('a read-only store reads, and refuses writes with DB_READ_ONLY', async () => {
    const c = tmp.config('readonly');
    const w = anImport();
    await openStore(c).then(async (s) => {
      await s.timeline.importNotifications([w]);
      await s.close();
    });
    const ro = await openStore({ ...c, readOnly: true });
    expect((await ro.notifications.getByIun(w.notification.iun))?.notification.iun).toBe(w.notification.iun);
    expect(await rejectionCode(ro.timeline.importNotifications([anImport()]))).toBe('DB_READ_ONLY');
    expect(await rejectionCode(ro.transaction((tx) => tx.settings.set('k', 1, '2026-03-12T10:00:00+01:00')))).toBe('DB_READ_ONLY');
    await ro.close();
  });

  // Root ignores file modes: run as root (as in CI), the store is opened by a child process
  // running as `nobody`, for whom the root-owned file is read-only whatever its mode.
  it('a database file without write permission gives DB_READ_ONLY and stays untouched', async () => {
    const c = tmp.config('chmod');
    await openStore(c).then(async (s) => {
      await s.timeline.importNotifications([anImport()]);
      await s.close();
    });
    const before = fileSha256(c.filename);
    const asRoot = process.getuid?.() === 0;
    chmodSync(tmp.dir, 0o755);
    chmodSync(c.dataDir, 0o555);
    chmodSync(c.filename, 0o444);
    try {
      const r = spawnSync(process.execPath, ['--import', 'tsx', readOnlyChild, c.filename, c.dataDir], {
        encoding: 'utf8',
        timeout: 60_000,
        ...(asRoot ? { uid: NOBODY, gid: NOBODY } : {}),
      });
      const line = r.stdout.split('\n').find((l) => l.startsWith('RESULT '));
      expect(line, r.stderr).toBeDefined();
      // Refused when opened (the WAL files cannot be created) or at the first write: either way
      // with the store's read-only error, never a raw SQLite one.
      expect(JSON.parse(line!.slice('RESULT '.length))).toMatchObject({ code: 'DB_READ_ONLY' });
    } finally {
      chmodSync(c.dataDir, 0o755);
      chmodSync(c.filename, 0o644);
    }
    expect(fileSha256(c.filename)).toBe(before);
    expect(readdirSync(c.dataDir).filter((f) => f.startsWith('radd.sqlite-'))).toEqual([]);
  }, 60_000);

  it('a full disk gives DB_DISK_FULL and the failed write leaves nothing behind', async () => {
    const s = await tmp.open('full');
    const pages = ((await s.knex.raw('PRAGMA page_count')) as { page_count: number }[])[0]!.page_count;
    await s.knex.raw(`PRAGMA max_page_count = ${pages + 2}`);
    const many = Array.from({ length: 400 }, () => anImport());
    expect(await rejectionCode(s.timeline.importNotifications(many))).toBe('DB_DISK_FULL');
    expect(await s.notifications.count()).toBe(0);
    await s.close();
  });

  it('a damaged database file fails the integrity check on open', async () => {
    const c = tmp.config('corrupt');
    const s = await openStore(c);
    await s.timeline.importNotifications(Array.from({ length: 300 }, () => anImport()));
    await s.close();
    const size = statSync(c.filename).size;
    const fd = openSync(c.filename, 'r+');
    // Overwrite the middle pages (b-tree pages of the data) with garbage, keep the header.
    writeSync(fd, Buffer.alloc(Math.floor(size / 2), 0x5a), 0, Math.floor(size / 2), 4096 * 2);
    closeSync(fd);
    expect(await rejectionCode(openStore(c))).toBe('DB_INTEGRITY_FAILED');
  });

  it('backs up the open store and restores it, keeping the replaced file aside', async () => {
    const c = tmp.config('backup');
    const s = await openStore(c);
    const kept = anImport();
    await s.timeline.importNotifications([kept]);
    const target = join(tmp.dir, 'backups', 'b1.sqlite');
    const info = await s.backupNow(target);
    expect(info.bytes).toBeGreaterThan(0);
    expect(await rejectionCode(s.backupNow(target))).toBe('DB_BACKUP_TARGET_EXISTS');
    const lost = anImport();
    await s.timeline.importNotifications([lost]);
    await s.close();
    const aside = await restoreBackup(target, c.filename, 'test');
    expect(aside).toBe(`${c.filename}.replaced-test`);
    const restored = await openStore(c);
    expect(await restored.notifications.exists(kept.notification.iun)).toBe(true);
    expect(await restored.notifications.exists(lost.notification.iun)).toBe(false);
    await restored.close();
    expect(readdirSync(join(tmp.dir, 'backups'))).toEqual(['b1.sqlite']);
  });

  it('restore refuses a backup that is not a database and leaves the store file untouched', async () => {
    const c = tmp.config('badrestore');
    await openStore(c).then((s) => s.close());
    const before = fileSha256(c.filename);
    const bogus = join(tmp.dir, 'bogus.sqlite');
    writeFileSync(bogus, 'not a database at all, sorry'.repeat(10));
    expect(await rejectionCode(restoreBackup(bogus, c.filename))).toBe('DB_NOT_A_DATABASE');
    expect(fileSha256(c.filename)).toBe(before);
  });
});
