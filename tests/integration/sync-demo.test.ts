// The demo adapter (default) with the engine over a real SQLite store: the simulated SEND makes
// notifications progress while the app runs, and a desk view pushed to it comes back once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationStatus } from '../../core/index.js';
import { createDemoAdapter } from '../../electron/adapters/demo/adapter.js';
import { cancelNotification } from '../../electron/sender/cancel.js';
import { createSyncEngine } from '../../electron/sync/engine.js';
import { createManualClock } from '../../electron/sync/manual-scheduler.js';
import { createStoreSyncStore, outboxWriterOf } from '../../electron/sync/store-sync-store.js';
import { tempStoreDir, type TempStoreDir } from '../support/store-temp.js';

const T0 = Date.parse('2026-03-10T08:00:00Z');
const MIN = 60_000;

let dir: TempStoreDir;
beforeAll(() => {
  dir = tempStoreDir('radd-sync-demo-');
});
afterAll(() => dir.remove());

async function rig(name: string, backlog = 10, depositEveryMs = 5 * MIN) {
  const store = await dir.open(name);
  const clock = createManualClock(T0);
  const adapter = createDemoAdapter({ now: clock.now, seed: 3, backlog, backlogDays: 40, depositEveryMs });
  const engine = createSyncEngine({ adapter, store: createStoreSyncStore(store), now: clock.now, random: () => 0.5, scheduler: clock, pullIntervalMs: MIN });
  return { store, clock, adapter, engine };
}

describe('demo adapter over the real store', () => {
  it('moves a new deposit through ACCEPTED, DELIVERING, DELIVERED and then refines it, as time passes', async () => {
    // One deposit every 6 hours keeps the week of simulated time small.
    const r = await rig('progress', 2, 6 * 60 * MIN);
    try {
      await r.engine.runNow();
      r.clock.advance(6 * 60 * MIN - 3 * MIN);
      const seen: NotificationStatus[] = [];
      let iun: string | undefined;
      for (let step = 0; step < 100; step++) {
        // Minutes while the PEC goes out, then days until the term lapses (DOMAIN.md 8.1).
        r.clock.advance(seen.includes('DELIVERED') ? 24 * 60 * MIN : 3 * MIN);
        const report = await r.engine.runNow();
        expect(report.error).toBeNull();
        if (!iun) {
          const first = r.adapter.world()!.entriesUntil(r.clock.now()).find((e) => e.key.endsWith(':l0'));
          iun = first?.load().notification.iun;
        }
        const status = iun ? await r.store.notifications.statusOf(iun) : undefined;
        if (status && seen[seen.length - 1] !== status) seen.push(status);
        if (status === 'EFFECTIVE_DATE' || status === 'VIEWED') break;
      }
      // Deposited after the first pull (live deposit l0), so the desk saw it from the start.
      expect(seen.slice(0, 4)).toEqual(['IN_VALIDATION', 'ACCEPTED', 'DELIVERING', 'DELIVERED']);
      expect(seen[seen.length - 1]).toBe('EFFECTIVE_DATE');
    } finally {
      await r.engine.stop();
      await r.store.close();
    }
  });

  it('brings back a completed desk view once, as NOTIFICATION_VIEWED of that recipient', async () => {
    const r = await rig('view');
    try {
      await r.engine.runNow();
      const entry = r.adapter.world()!.entriesUntil(r.clock.now()).map((e) => e.load()).find((c) => c.timeline.some((e) => e.category === 'REQUEST_ACCEPTED') && !c.timeline.some((e) => e.category === 'REQUEST_REFUSED' || e.category === 'NOTIFICATION_CANCELLED' || e.category === 'NOTIFICATION_VIEWED'))!;
      const n = entry.notification;
      const operationId = 'c7a4f0de-1111-4a4a-9a9a-000000000001';
      const at = new Date(r.clock.now()).toISOString();
      await r.store.transaction(async (tx) => {
        const out = outboxWriterOf(tx);
        await out.enqueue({ kind: 'radd.startTransaction', idempotencyKey: operationId, createdAt: at, payload: { operationType: 'ACT', operationId, recipientTaxId: n.recipients[0]!.taxId, recipientType: n.recipients[0]!.recipientType, iun: n.iun, operationDate: at } });
        await out.enqueue({ kind: 'radd.completeTransaction', idempotencyKey: operationId, createdAt: at, payload: { operationType: 'ACT', operationId, operationDate: at } });
      });
      await r.engine.runNow();
      r.clock.advance(MIN);
      await r.engine.runNow();
      r.clock.advance(MIN);
      await r.engine.runNow();
      const views = (await r.store.timeline.listByIun(n.iun)).filter((e) => e.category === 'NOTIFICATION_VIEWED');
      expect(views.map((e) => [e.elementId, e.details.raddTransactionId])).toEqual([[`NOTIFICATION_VIEWED.IUN_${n.iun}.RECINDEX_0`, operationId]]);
      expect(await r.store.notifications.statusOf(n.iun)).toBe('VIEWED');
      expect((await r.engine.status()).pending).toBe(0);
    } finally {
      await r.engine.stop();
      await r.store.close();
    }
  });

  it('brings a desk cancellation back from the simulated SEND once, without duplicating the desk\'s two elements', async () => {
    const r = await rig('cancel');
    try {
      await r.engine.runNow();
      let iun: string | undefined;
      for (const e of r.adapter.world()!.entriesUntil(r.clock.now())) {
        const candidate = e.load().notification.iun;
        try {
          await r.store.transaction((tx) => cancelNotification(tx, candidate, { scope: undefined, nowMs: r.clock.now(), locale: 'it' }));
          iun = candidate;
          break;
        } catch {
          // not cancellable in its current status: try the next one
        }
      }
      expect(iun).toBeDefined();
      const before = (await r.store.timeline.listByIun(iun!)).length;
      await r.engine.runNow();
      r.clock.advance(MIN);
      const report = await r.engine.runNow();
      expect(report.error).toBeNull();
      const ids = (await r.store.timeline.listByIun(iun!)).map((e) => e.elementId);
      expect(ids).toHaveLength(before);
      expect(ids.filter((id) => id.startsWith('NOTIFICATION_CANCEL')).sort()).toEqual([`NOTIFICATION_CANCELLATION_REQUEST.IUN_${iun}`, `NOTIFICATION_CANCELLED.IUN_${iun}`]);
      expect(await r.store.notifications.statusOf(iun!)).toBe('CANCELLED');
      const status = await r.engine.status();
      expect([status.pending, status.parked, status.localOnly]).toEqual([0, 0, 0]);
      expect(r.adapter.world()!.visibleElements(iun!, r.clock.now()).filter((e) => e.category === 'NOTIFICATION_CANCELLED')).toHaveLength(1);
    } finally {
      await r.engine.stop();
      await r.store.close();
    }
  });
});
