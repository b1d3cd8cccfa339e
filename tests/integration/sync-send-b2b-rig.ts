// The send-b2b sync rig the exactly-once, link and refusal tests share: a real HTTP SEND peer
// behind a fault-injecting proxy (uploads go through it too), a real SQLite store, the sync engine
// on a manual clock, and `drainRig` running it until the outbox is empty and the cursor at the
// peer's end. Every log line of adapter and engine is kept (a test checks no secret is logged).
import { afterAll, beforeAll } from 'vitest';
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
import { tempStoreDir, type TempStoreDir } from '../support/store-temp.js';

export const RIG_T0 = Date.parse('2026-03-10T08:00:00Z');
const POLICY = { baseMs: 50, maxMs: 400, maxAttempts: 60 };

export interface Rig {
  peer: SendPeer;
  proxy: FaultProxy;
  store: Store;
  syncStore: SyncStore;
  clock: ManualClock;
  engine: SyncEngine;
  logs: string[];
}

export interface RigOptions {
  /** Share of requests the proxy breaks (default 0.3, the 30 %). */
  rate?: number;
  /** Whether the peer's timeline events name the notificationRequestId (default: the peer's). */
  eventsCarryRequestId?: boolean;
  /** The adapter's request and upload timeouts (default 1,500 ms). */
  timeoutMs?: number;
  /** Seeds of the proxy's faults and the engine's jitter (each test file its own). */
  seeds: { proxy: number; jitter: number };
}

export async function startRig(dir: TempStoreDir, name: string, opts: RigOptions): Promise<Rig> {
  const peer = await startSendPeer({ pageSize: 7, now: () => RIG_T0 });
  if (opts.eventsCarryRequestId !== undefined) peer.eventsCarryRequestId = opts.eventsCarryRequestId;
  const proxy = await startFaultProxy({ target: peer.url, rate: opts.rate ?? 0.3, seed: opts.seeds.proxy });
  // The presigned upload URLs point at the proxy too: uploads meet the same faults.
  peer.uploadBase = proxy.url;
  const store = await dir.open(name);
  const clock = createManualClock(RIG_T0);
  const syncStore = createStoreSyncStore(store);
  const logs: string[] = [];
  const log = (m: string, f?: object) => void logs.push(m + JSON.stringify(f ?? {}));
  const logger = { info: log, warn: log, error: log };
  const timeoutMs = opts.timeoutMs ?? 1500;
  const adapter = createSendB2bAdapter({ baseUrl: proxy.url, apiKey: peer.apiKey, streamId: peer.streamId, timeoutMs, uploadTimeoutMs: timeoutMs, now: clock.now, logger, readBlob: blobReaderOf(store) });
  const engine = createSyncEngine({ adapter, store: syncStore, now: clock.now, random: seededRandom(opts.seeds.jitter), scheduler: clock, policy: POLICY, logger, pageSize: 50 });
  return { peer, proxy, store, syncStore, clock, engine, logs };
}

/**
 * For one test file: a temp directory for its stores (removed after the file) and a `rig(name,
 * opts)` starting a rig there with the file's defaults (seeds, timeouts) under `opts`.
 */
export function rigsIn(prefix: string, defaults: RigOptions): (name: string, opts?: Partial<RigOptions>) => Promise<Rig> {
  let dir: TempStoreDir;
  beforeAll(() => {
    dir = tempStoreDir(prefix);
  });
  afterAll(() => dir.remove());
  return (name, opts = {}) => startRig(dir, name, { ...defaults, ...opts });
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
