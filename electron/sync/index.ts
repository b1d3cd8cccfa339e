// Host entry points of the sync area: choose and build the adapter (settings or RADD_ADAPTER),
// build the engine over the store, and queue outbox items inside a desk action's transaction.
import type { Store } from '../../db/store.js';
import { createDemoAdapter } from '../adapters/demo/adapter.js';
import { settingsDemoState } from '../adapters/demo/state.js';
import { createFileAdapter } from '../adapters/file/adapter.js';
import { createRaddAdapter } from '../adapters/radd/adapter.js';
import { createSendB2bAdapter } from '../adapters/send-b2b/adapter.js';
import type { Logger } from '../logger.js';
import { seededRandom } from './backoff.js';
import { createSyncEngine, type SyncEngine, type SyncEngineOptions } from './engine.js';
import { SyncError } from './errors.js';
import { createStoreSyncStore } from './store-sync-store.js';
import type { BlobReader, Scheduler, SyncAdapter } from './types.js';

export { createSyncEngine, type SyncEngine, type CycleReport } from './engine.js';
export { outboxWriterOf, createStoreSyncStore } from './store-sync-store.js';
export type { SyncStatus, ParkedItemView, PullProgress } from './status.js';
export type * from './types.js';
export { isOutboxKind, OUTBOX_KINDS } from './types.js';
export { OUTBOX_PAYLOAD_SCHEMAS, parseOutboxPayload, type OutboxPayload } from './outbox-payloads.js';

export const ADAPTER_NAMES = ['demo', 'send-b2b', 'radd', 'file'] as const;
export type AdapterName = (typeof ADAPTER_NAMES)[number];

/** Settings key holding the adapter chosen in the settings screen. */
export const ADAPTER_SETTING_KEY = 'sync.adapter';

/** RADD_ADAPTER / --adapter when given, else the settings' choice, else `demo`. */
export function resolveAdapterName(explicit: string | undefined, fromSettings: unknown): AdapterName {
  const name = explicit ?? (typeof fromSettings === 'string' ? fromSettings : undefined) ?? 'demo';
  if (!(ADAPTER_NAMES as readonly string[]).includes(name)) {
    throw new SyncError('SYNC_ADAPTER_UNKNOWN', { adapter: name.slice(0, 40), known: ADAPTER_NAMES.join(', ') }, { transient: false });
  }
  return name as AdapterName;
}

/** Non-secret adapter settings (settings table); secrets come separately. */
export interface AdapterSettings {
  demo?: { seed?: number; backlog?: number; backlogDays?: number; depositEveryMs?: number };
  sendB2b?: { baseUrl?: string; streamId?: string; timeoutMs?: number };
  radd?: { baseUrl?: string; uid?: string; timeoutMs?: number };
  file?: { inboxDir?: string; outboxDir?: string; deskId?: string };
}

/** Secrets (safeStorage / 0600 file, kept by the host); never logged. */
export interface AdapterSecrets {
  sendApiKey?: string;
  raddToken?: string;
  bundleKey?: Uint8Array;
}

export interface AdapterDeps {
  now: () => number;
  logger?: Logger;
  /** Stored files by local reference: identity scans (radd), acts to preload (send-b2b); default: none. */
  readBlob?: BlobReader;
  /** The settings table, where the demo keeps its simulated SEND across restarts; default: memory only. */
  settings?: Pick<Store['settings'], 'get' | 'set'>;
  /** The store's files, where the demo adapter puts the acts of its notifications (as SEND's are downloaded); default: nowhere. */
  files?: Pick<Store['files'], 'put'>;
}

function need<T>(value: T | undefined, adapter: AdapterName, setting: string): T {
  if (value === undefined || value === '') throw new SyncError('SYNC_ADAPTER_NOT_CONFIGURED', { adapter, setting }, { transient: false });
  return value;
}

/** Builds the adapter; throws SYNC_ADAPTER_NOT_CONFIGURED naming the first missing setting. */
export function createAdapter(name: AdapterName, settings: AdapterSettings, secrets: AdapterSecrets, deps: AdapterDeps): SyncAdapter {
  const log = deps.logger ? { logger: deps.logger } : {};
  switch (name) {
    case 'demo': {
      const seed = settings.demo?.seed ?? 1;
      return createDemoAdapter({
        now: deps.now, ...settings.demo, ...(deps.settings ? { state: settingsDemoState(deps.settings, seed, deps.now) } : {}), ...(deps.files ? { files: deps.files } : {}),
      });
    }
    case 'send-b2b':
      return createSendB2bAdapter({
        baseUrl: need(settings.sendB2b?.baseUrl, name, 'sendB2b.baseUrl'), streamId: need(settings.sendB2b?.streamId, name, 'sendB2b.streamId'),
        apiKey: need(secrets.sendApiKey, name, 'x-api-key'), now: deps.now, ...log, ...(deps.readBlob ? { readBlob: deps.readBlob } : {}),
        ...(settings.sendB2b?.timeoutMs ? { timeoutMs: settings.sendB2b.timeoutMs } : {}),
      });
    case 'radd':
      return createRaddAdapter({
        baseUrl: need(settings.radd?.baseUrl, name, 'radd.baseUrl'), uid: need(settings.radd?.uid, name, 'radd.uid'),
        token: need(secrets.raddToken, name, 'JWT'), now: deps.now, readBlob: deps.readBlob ?? (async () => undefined), ...log,
        ...(settings.radd?.timeoutMs ? { timeoutMs: settings.radd.timeoutMs } : {}),
      });
    case 'file':
      return createFileAdapter({
        inboxDir: need(settings.file?.inboxDir, name, 'file.inboxDir'), outboxDir: need(settings.file?.outboxDir, name, 'file.outboxDir'),
        deskId: need(settings.file?.deskId, name, 'file.deskId'), deskKey: need(secrets.bundleKey, name, 'bundleKey'), now: deps.now, ...log,
      });
  }
}

/** Stored files from the store's content-addressed files (radd scans, send-b2b acts); undefined when absent or damaged. */
export function blobReaderOf(store: Pick<Store, 'files'>): BlobReader {
  return async (ref) => {
    try {
      return await store.files.read(ref);
    } catch {
      return undefined;
    }
  };
}

/** Real timers, unref'd so that a pending retry never keeps the process alive. */
export const timerScheduler: Scheduler = {
  schedule(delayMs, fn) {
    const t = setTimeout(fn, Math.min(Math.max(0, delayMs), 2_147_483_647));
    t.unref?.();
    return () => clearTimeout(t);
  },
};

/** The engine over the real store with the system clock, timers and a seeded jitter source. */
export function createHostSyncEngine(store: Store, adapter: SyncAdapter, options: { logger?: Logger; now?: () => number } & Partial<SyncEngineOptions> = {}): SyncEngine {
  const now = options.now ?? Date.now;
  return createSyncEngine({
    store: createStoreSyncStore(store, options.logger),
    now,
    random: seededRandom(now() & 0xffffffff),
    scheduler: timerScheduler,
    pullIntervalMs: adapter.name === 'demo' ? 15_000 : 60_000,
    ...options,
    adapter,
  });
}
