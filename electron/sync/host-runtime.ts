// The host's sync runtime: picks the adapter (RADD_ADAPTER / --adapter, else the settings' choice,
// else demo), reads its settings and secrets, and runs the engine. A misconfigured adapter never
// stops the app: the desk keeps working on its local store and the sync panel says what is missing.
import type { HostContext } from '../api/host-context.js';
import { isDomainError } from '../../core/index.js';
import {
  ADAPTER_SETTING_KEY, blobReaderOf, createAdapter, createHostSyncEngine, resolveAdapterName,
  type AdapterName, type AdapterSecrets, type AdapterSettings, type SyncEngine,
} from './index.js';

/** Settings key of the adapters' non-secret settings (URLs, stream id, folders). */
export const ADAPTER_SETTINGS_KEY = 'sync.settings';
/** Secret names of the adapters' credentials (SecretStore). */
export const SECRET_NAMES = { sendApiKey: 'send-b2b.apiKey', raddToken: 'radd.token', bundleKey: 'file.bundleKey' } as const;

export interface SyncRuntime {
  adapterName: AdapterName | string;
  engine: SyncEngine | undefined;
  /** Why no engine runs (unknown or unconfigured adapter), as a code + params. */
  problem: { code: string; params: Record<string, string | number> } | undefined;
  stop(): Promise<void>;
}

declare module '../api/host-context.js' {
  interface HostContext {
    /** The sync engine and its adapter; absent in tests that build a bare host. */
    sync?: SyncRuntime;
  }
}

async function readSecrets(ctx: HostContext): Promise<AdapterSecrets> {
  const s = ctx.secrets;
  if (!s) return {};
  const [sendApiKey, raddToken, bundleKey] = await Promise.all([s.get(SECRET_NAMES.sendApiKey), s.get(SECRET_NAMES.raddToken), s.get(SECRET_NAMES.bundleKey)]);
  return {
    ...(sendApiKey ? { sendApiKey } : {}),
    ...(raddToken ? { raddToken } : {}),
    ...(bundleKey ? { bundleKey: Buffer.from(bundleKey, 'base64') } : {}),
  };
}

/** Builds (and, with `start`, starts) the sync engine of a host. */
export async function startHostSync(ctx: HostContext, options: { start: boolean }): Promise<SyncRuntime> {
  let name: AdapterName | string = ctx.config.adapter ?? 'demo';
  try {
    const resolved = resolveAdapterName(ctx.config.adapter, await ctx.store.settings.get(ADAPTER_SETTING_KEY));
    name = resolved;
    const settings = ((await ctx.store.settings.get(ADAPTER_SETTINGS_KEY)) ?? {}) as AdapterSettings;
    const adapter = createAdapter(resolved, settings, await readSecrets(ctx), { now: () => ctx.clock.now().getTime(), logger: ctx.logger, readBlob: blobReaderOf(ctx.store), settings: ctx.store.settings, files: ctx.store.files });
    const engine = createHostSyncEngine(ctx.store, adapter, { logger: ctx.logger, now: () => ctx.clock.now().getTime() });
    if (options.start) engine.start();
    ctx.logger.info('sync engine ready', { adapter: name, started: options.start });
    return { adapterName: name, engine, problem: undefined, stop: () => engine.stop() };
  } catch (e) {
    if (!isDomainError(e)) throw e;
    ctx.logger.warn('sync not started', { adapter: name, code: e.code });
    return { adapterName: name, engine: undefined, problem: { code: e.code, params: e.params }, stop: async () => undefined };
  }
}

