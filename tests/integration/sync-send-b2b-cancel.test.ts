// Cancellations by the sender (electron/sender/cancel.ts) delivered by the send-b2b adapter to a real
// HTTP SEND peer through a proxy that breaks 30 % of the requests, over a real SQLite store: each
// applied once on the peer (PUT /delivery-push/v2.0/notifications/cancel/{iun}), SEND's own two
// elements pulled back without duplicating the desk's, and postal outcomes (no sender-API
// operation) kept local-only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDemoCase } from '../../core/index.js';
import { createSendB2bAdapter } from '../../electron/adapters/send-b2b/adapter.js';
import { cancelNotification } from '../../electron/sender/cancel.js';
import { seededRandom } from '../../electron/sync/backoff.js';
import { createSyncEngine, type SyncEngine } from '../../electron/sync/engine.js';
import { createManualClock } from '../../electron/sync/manual-scheduler.js';
import { createStoreSyncStore } from '../../electron/sync/store-sync-store.js';
import type { SyncStore } from '../../electron/sync/types.js';
import { startFaultProxy } from '../support/fault-proxy.js';
import { startSendPeer, type SendPeer } from '../support/peer-send.js';
import { tempStoreDir, type TempStoreDir } from '../support/store-temp.js';

const T0 = Date.parse('2026-03-10T08:00:00Z');
const POLICY = { baseMs: 50, maxMs: 400, maxAttempts: 60 };

let dir: TempStoreDir;
beforeAll(() => {
  dir = tempStoreDir('radd-sync-cancel-');
});
afterAll(() => dir.remove());

async function drain(engine: SyncEngine, syncStore: SyncStore, peer: SendPeer, advance: (ms: number) => void): Promise<void> {
  for (let round = 1; round <= 400; round++) {
    const report = await engine.runNow();
    const status = await engine.status();
    if (status.pending === 0 && report.error === null && !report.pull?.hasMore && (await syncStore.getCursor(`send-b2b:${peer.streamId}`)) === peer.lastEventId()) return;
    advance(Math.max(POLICY.maxMs, report.pull?.retryAfterMs ?? 0));
  }
  throw new Error('sync did not converge');
}

describe('send-b2b: cancellations over a faulty network', () => {
  it('applies each desk cancellation once on SEND and pulls SEND\'s elements back without duplicates', async () => {
    const peer = await startSendPeer({ pageSize: 7, now: () => T0 });
    const proxy = await startFaultProxy({ target: peer.url, rate: 0.3, seed: 23 });
    const store = await dir.open('cancel');
    const clock = createManualClock(T0);
    const syncStore = createStoreSyncStore(store);
    // A client timeout well above a loaded machine's latency: only the proxy's 'timeout' fault trips it.
    const adapter = createSendB2bAdapter({ baseUrl: proxy.url, apiKey: peer.apiKey, streamId: peer.streamId, timeoutMs: 1500, now: clock.now });
    const engine = createSyncEngine({ adapter, store: syncStore, now: clock.now, random: seededRandom(9), scheduler: clock, policy: POLICY, pageSize: 50 });
    try {
      const iuns: string[] = [];
      for (let i = 0; i < 8; i++) {
        const c = makeDemoCase(`cancel-${i}`, 'ANALOG_890_DELIVERED', { sentAt: '2026-02-02T10:00:00+01:00' });
        peer.addNotification(c.notification, c.timeline.slice(0, 3));
        iuns.push(c.notification.iun);
      }
      await drain(engine, syncStore, peer, clock.advance);
      for (const iun of iuns) await store.transaction((tx) => cancelNotification(tx, iun, { scope: undefined, nowMs: clock.now(), locale: 'it' }));
      // A postal outcome has no sender-API operation: local-only with send-b2b.
      await syncStore.enqueue({ kind: 'postal.recordOutcome', idempotencyKey: `${iuns[0]}:x`, payload: {}, createdAt: new Date(T0).toISOString() });
      await drain(engine, syncStore, peer, clock.advance);
      for (const iun of iuns) {
        expect(peer.cancellations(iun), iun).toBe(1);
        const local = (await store.timeline.listByIun(iun)).map((e) => e.elementId);
        expect(new Set(local).size, iun).toBe(local.length);
        expect(local.filter((id) => id.startsWith('NOTIFICATION_CANCEL')).sort()).toEqual([`NOTIFICATION_CANCELLATION_REQUEST.IUN_${iun}`, `NOTIFICATION_CANCELLED.IUN_${iun}`]);
        expect(await store.notifications.statusOf(iun)).toBe('CANCELLED');
      }
      const status = await engine.status();
      expect([status.pending, status.parked, status.localOnly]).toEqual([0, 0, 1]);
      expect(proxy.counts.lostResponse + proxy.counts.reset + proxy.counts.timeout + proxy.counts.error500).toBeGreaterThan(0);
      expect(peer.invalidAnswers).toBe(0);
    } finally {
      await engine.stop();
      await proxy.close();
      await peer.close();
      await store.close();
    }
  }, 120_000);

  it('parks the cancellation of a notification SEND does not know (404), without retrying it', async () => {
    const peer = await startSendPeer({ now: () => T0 });
    const store = await dir.open('cancel-404');
    const clock = createManualClock(T0);
    const syncStore = createStoreSyncStore(store);
    const adapter = createSendB2bAdapter({ baseUrl: peer.url, apiKey: peer.apiKey, streamId: peer.streamId, now: clock.now });
    const engine = createSyncEngine({ adapter, store: syncStore, now: clock.now, random: () => 0, scheduler: clock, policy: POLICY });
    try {
      const iun = 'KWKU-JHXN-HJXM-202304-U-1';
      await syncStore.enqueue({ kind: 'send.cancelNotification', idempotencyKey: iun, payload: { iun }, createdAt: new Date(T0).toISOString() });
      await engine.runNow();
      const parked = await engine.listParked();
      expect(parked.map((p) => [p.kind, p.error?.code, p.error?.params.status])).toEqual([['send.cancelNotification', 'SYNC_PEER_REJECTED', 404]]);
      expect(peer.cancellations(iun)).toBe(0);
    } finally {
      await engine.stop();
      await peer.close();
      await store.close();
    }
  });
});
