// The file adapter (desk without network) with real bundle files and a real SQLite store: outbox
// exported as a signed bundle, feed bundles imported page by page, a damaged bundle refused with
// nothing changed, the same bundle never imported twice.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDemoCase } from '../../core/index.js';
import type { Store } from '../../db/store.js';
import { createFileAdapter } from '../../electron/adapters/file/adapter.js';
import { buildBundle, ndjsonLines, verifyBundle } from '../../electron/adapters/file/bundle.js';
import { outboxRecordSchema } from '../../electron/adapters/file/feed-schema.js';
import { createSyncEngine, type SyncEngine } from '../../electron/sync/engine.js';
import { createManualClock } from '../../electron/sync/manual-scheduler.js';
import { createStoreSyncStore } from '../../electron/sync/store-sync-store.js';
import { OUTBOX_KINDS, type SyncStore } from '../../electron/sync/types.js';
import { tempStoreDir, type TempStoreDir } from '../support/store-temp.js';

const T0 = Date.parse('2026-03-10T08:00:00Z');
const key = Buffer.from('desk-key-for-tests-0123456789abcdef');

let dir: TempStoreDir;
beforeAll(() => {
  dir = tempStoreDir('radd-sync-file-');
});
afterAll(() => dir.remove());

interface Rig { store: Store; syncStore: SyncStore; engine: SyncEngine; inbox: string; outbox: string }

async function rig(name: string): Promise<Rig> {
  const inbox = join(dir.dir, name, 'usb', 'in');
  const outbox = join(dir.dir, name, 'usb', 'out');
  mkdirSync(inbox, { recursive: true });
  mkdirSync(outbox, { recursive: true });
  const store = await dir.open(name);
  const syncStore = createStoreSyncStore(store);
  const clock = createManualClock(T0);
  const adapter = createFileAdapter({ inboxDir: inbox, outboxDir: outbox, deskKey: key, deskId: 'RM001', now: clock.now });
  const engine = createSyncEngine({ adapter, store: syncStore, now: clock.now, random: () => 0.5, scheduler: clock, pageSize: 4 });
  return { store, syncStore, engine, inbox, outbox };
}

function feedBundle(seeds: string[]): Buffer {
  const lines = seeds.map((s, i) => {
    const c = makeDemoCase(s, i % 2 ? 'UNREACHABLE' : 'PEC_FIRST_TRY', { sentAt: '2026-01-12T10:00:00+01:00' });
    return JSON.stringify({ notification: c.notification, timeline: c.timeline });
  });
  return buildBundle('feed', [{ name: 'feed.ndjson', lines }], { deskId: 'CENTRAL', createdAt: new Date(T0).toISOString(), key });
}

describe('file adapter', () => {
  it('imports a feed bundle page by page and derives each notification', async () => {
    const r = await rig('import');
    try {
      writeFileSync(join(r.inbox, '2026-03-10-a.raddbundle'), feedBundle(Array.from({ length: 10 }, (_, i) => `f-${i}`)));
      const report = await r.engine.runNow();
      expect(report.pull?.pages).toBe(3);
      expect(await r.store.notifications.count()).toBe(10);
      const c = makeDemoCase('f-1', 'UNREACHABLE', { sentAt: '2026-01-12T10:00:00+01:00' });
      expect(await r.store.notifications.statusOf(c.notification.iun)).toBe('EFFECTIVE_DATE');
      expect((await r.store.timeline.listByIun(c.notification.iun)).length).toBe(c.timeline.length);
    } finally {
      await r.store.close();
    }
  });

  it('does not import the same bundle twice, even copied under another name', async () => {
    const r = await rig('twice');
    try {
      const b = feedBundle(['t-0', 't-1']);
      writeFileSync(join(r.inbox, 'a.raddbundle'), b);
      await r.engine.runNow();
      const cursor = await r.syncStore.getCursor('file:RM001');
      writeFileSync(join(r.inbox, 'b.raddbundle'), b);
      const again = await r.engine.runNow();
      expect(again.pull?.notificationsInserted).toBe(0);
      expect(again.pull?.elementsInserted).toBe(0);
      expect(JSON.parse((await r.syncStore.getCursor('file:RM001'))!).done).toEqual(JSON.parse(cursor!).done);
    } finally {
      await r.store.close();
    }
  });

  it('refuses a bundle with a wrong checksum: nothing imported, cursor unchanged, the file kept', async () => {
    const r = await rig('tampered');
    try {
      const good = feedBundle(['x-0', 'x-1', 'x-2']);
      const at = good.indexOf('"subject":"') + 12;
      const bad = Buffer.from(good);
      bad[at] = bad[at] === 0x41 ? 0x42 : 0x41;
      writeFileSync(join(r.inbox, 'bad.raddbundle'), bad);
      const report = await r.engine.runNow();
      expect(report.error?.code).toBe('SYNC_BUNDLE_CHECKSUM_MISMATCH');
      expect(report.error?.params.file).toBe('bad.raddbundle');
      expect(await r.store.notifications.count()).toBe(0);
      expect(await r.syncStore.getCursor('file:RM001')).toBeUndefined();
      expect(readdirSync(r.inbox)).toEqual(['bad.raddbundle']);
    } finally {
      await r.store.close();
    }
  });

  it('exports the pending outbox as one signed bundle that verifies with the desk key', async () => {
    const r = await rig('export');
    try {
      for (let i = 0; i < 3; i++) {
        await r.syncStore.enqueue({ kind: 'radd.completeTransaction', idempotencyKey: `op-${i}`, payload: { operationType: 'ACT', operationId: `op-${i}`, operationDate: new Date(T0).toISOString() }, createdAt: new Date(T0).toISOString() });
      }
      await r.engine.runNow();
      const files = readdirSync(r.outbox);
      expect(files).toHaveLength(1);
      const v = verifyBundle(files[0]!, readFileSync(join(r.outbox, files[0]!)), key);
      const items = ndjsonLines(v.entries.get('outbox.ndjson')!).map((l) => outboxRecordSchema.parse(JSON.parse(l)));
      expect(items.map((i) => i.idempotencyKey)).toEqual(['op-0', 'op-1', 'op-2']);
      expect((await r.engine.status()).pending).toBe(0);
    } finally {
      await r.store.close();
    }
  });

  it('exports an item of every outbox kind, payload as enqueued, none local-only', async () => {
    const r = await rig('every-kind');
    try {
      const createdAt = new Date(T0).toISOString();
      for (const kind of OUTBOX_KINDS) await r.syncStore.enqueue({ kind, idempotencyKey: `key-${kind}`, payload: { marker: kind }, createdAt });
      await r.engine.runNow();
      const files = readdirSync(r.outbox);
      const records = files.flatMap((f) => ndjsonLines(verifyBundle(f, readFileSync(join(r.outbox, f)), key).entries.get('outbox.ndjson')!).map((l) => outboxRecordSchema.parse(JSON.parse(l))));
      expect(records.map((x) => x.kind).sort()).toEqual([...OUTBOX_KINDS].sort());
      expect(records.every((x) => (x.payload as { marker: string }).marker === x.kind && x.idempotencyKey === `key-${x.kind}`)).toBe(true);
      const status = await r.engine.status();
      expect([status.pending, status.parked, status.localOnly]).toEqual([0, 0, 0]);
    } finally {
      await r.store.close();
    }
  });

  it('keeps the outbox items pending while the USB folder is missing', async () => {
    const r = await rig('nousb');
    try {
      const adapter = createFileAdapter({ inboxDir: r.inbox, outboxDir: join(r.outbox, 'missing'), deskKey: key, deskId: 'RM001' });
      const clock = createManualClock(T0);
      const engine = createSyncEngine({ adapter, store: r.syncStore, now: clock.now, random: () => 0, scheduler: clock });
      await r.syncStore.enqueue({ kind: 'radd.completeTransaction', idempotencyKey: 'op-x', payload: {}, createdAt: new Date(T0).toISOString() });
      const report = await engine.runNow();
      expect(report.push?.lastFailure?.code).toBe('SYNC_BUNDLE_DIR_UNAVAILABLE');
      expect((await engine.status()).pending).toBe(1);
      expect((await engine.status()).parked).toBe(0);
    } finally {
      await r.store.close();
    }
  });

  it('writes bundles the system unzip can list (a plain zip)', () => {
    let hasUnzip = true;
    try {
      execFileSync('unzip', ['-v'], { stdio: 'ignore' });
    } catch {
      hasUnzip = false;
    }
    if (!hasUnzip) {
      console.log('skipped: no unzip on this machine');
      return;
    }
    const path = join(dir.dir, 'plain.zip');
    writeFileSync(path, feedBundle(['u-0']));
    const listing = execFileSync('unzip', ['-Z1', path], { encoding: 'utf8' }).trim().split('\n');
    expect(listing).toEqual(['manifest.json', 'manifest.sig', 'feed.ndjson']);
  });
});
