// The send-b2b sync rig the link and refusal tests share: a real HTTP SEND peer behind a
// fault-injecting proxy (uploads go through it too), a real SQLite store, the sync engine on a
// manual clock, and `drain` running it until the outbox is empty and the cursor at the peer's end.
import type { Store } from '../../db/store.js';
import { createSendB2bAdapter } from '../../electron/adapters/send-b2b/adapter.js';
import { seededRandom } from '../../electron/sync/backoff.js';
import { createSyncEngine, type SyncEngine } from '../../electron/sync/engine.js';
import { blobReaderOf } from '../../electron/sync/index.js';
import { createManualClock, type ManualClock } from '../../electron/sync/manual-scheduler.js';
import { createStoreSyncStore } from '../../electron/sync/store-sync-store.js';
import type { SyncStore } from '../../electron/sync/types.js';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy.js';
import { startSendPeer, type SendPeer } from '../support/peer-send.js';
import type { TempStoreDir } from '../support/store-temp.js';

export const RIG_T0 = Date.parse('2026-03-10T08:00:00Z');
const POLICY = { baseMs: 50, maxMs: 400, maxAttempts: 60 };

export interface Rig {
  peer: SendPeer;
  proxy: FaultProxy;
  store: Store;
  syncStore: SyncStore;
  clock: ManualClock;
  engine: SyncEngine;
}

export interface RigOptions {
  /** Share of requests the proxy breaks. */
  rate: number;
  eventsCarryRequestId: boolean;
  /** Seeds of the proxy's faults and the engine's jitter (each test file its own). */
  seeds: { proxy: number; jitter: number };
}

export async function startRig(dir: TempStoreDir, name: string, opts: RigOptions): Promise<Rig> {
  const peer = await startSendPeer({ pageSize: 7, now: () => RIG_T0 });
  peer.eventsCarryRequestId = opts.eventsCarryRequestId;
  const proxy = await startFaultProxy({ target: peer.url, rate: opts.rate, seed: opts.seeds.proxy });
  peer.uploadBase = proxy.url;
  const store = await dir.open(name);
  const clock = createManualClock(RIG_T0);
  const syncStore = createStoreSyncStore(store);
  const adapter = createSendB2bAdapter({ baseUrl: proxy.url, apiKey: peer.apiKey, streamId: peer.streamId, timeoutMs: 1500, uploadTimeoutMs: 1500, now: clock.now, readBlob: blobReaderOf(store) });
  const engine = createSyncEngine({ adapter, store: syncStore, now: clock.now, random: seededRandom(opts.seeds.jitter), scheduler: clock, policy: POLICY, pageSize: 50 });
  return { peer, proxy, store, syncStore, clock, engine };
}

export async function disposeRig(r: Rig): Promise<void> {
  await r.engine.stop();
  await r.proxy.close();
  await r.peer.close();
  await r.store.close();
}

/** Runs the engine until nothing is pending and the cursor reached the peer's last event. */
export async function drainRig(r: Rig): Promise<void> {
  for (let round = 1; round <= 400; round++) {
    const report = await r.engine.runNow();
    const status = await r.engine.status();
    if (status.pending === 0 && report.error === null && !report.pull?.hasMore && (await r.syncStore.getCursor(`send-b2b:${r.peer.streamId}`)) === r.peer.lastEventId()) return;
    r.clock.advance(POLICY.maxMs);
  }
  throw new Error('sync did not converge');
}
