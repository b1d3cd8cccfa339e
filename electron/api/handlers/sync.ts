import { codedMessage, DomainError, isErrorCode, type CodedMessage, type Locale } from '../../../core/index.js';
import { appendOwnAudit } from '../../auth/audit-trail.js';
import { ADAPTER_SETTING_KEY, type AdapterSettings, type SyncStatus } from '../../sync/index.js';
import { ADAPTER_SETTINGS_KEY, SECRET_NAMES, startHostSync } from '../../sync/host-runtime.js';
import type { SyncSettingsView, SyncStatusView, syncContract } from '../contract/sync.js';
import type { HostContext } from '../host-context.js';
import type { HandlersOf } from './types.js';

/** A stored code as the panel shows it: its message, and the params that message shows (the rest stay on the host). */
function coded(code: string, params: Record<string, string | number>, locale: Locale): CodedMessage {
  return isErrorCode(code) ? codedMessage(code, locale, params) : { code, message: code };
}

function toView(ctx: HostContext, s: SyncStatus | undefined, locale: Locale): SyncStatusView {
  const rt = ctx.sync;
  const problem = rt?.problem ? coded(rt.problem.code, rt.problem.params, locale) : null;
  return {
    adapter: String(rt?.adapterName ?? ctx.config.adapter ?? 'demo'),
    problem,
    started: s?.started ?? false,
    phase: s?.phase ?? 'idle',
    lastSuccessAt: s?.lastSuccessAt ?? null,
    changes: s?.changes ?? 0,
    lastError: s?.lastError ? { ...coded(s.lastError.code, s.lastError.params, locale), at: s.lastError.at } : null,
    pending: s?.pending ?? 0,
    failing: s?.failing ?? 0,
    parked: s?.parked ?? 0,
    localOnly: s?.localOnly ?? 0,
    nextAttemptAt: s?.nextAttemptAt ?? null,
    pull: s?.pull ? { notifications: s.pull.notifications, ...(s.pull.done !== undefined ? { done: s.pull.done } : {}), ...(s.pull.total !== undefined ? { total: s.pull.total } : {}) } : null,
  };
}

function engineOf(ctx: HostContext) {
  const engine = ctx.sync?.engine;
  if (!engine) throw new DomainError('SYNC_NOT_RUNNING');
  return engine;
}

async function settingsView(ctx: HostContext): Promise<SyncSettingsView> {
  const chosen = await ctx.store.settings.get(ADAPTER_SETTING_KEY);
  const s = ((await ctx.store.settings.get(ADAPTER_SETTINGS_KEY)) ?? {}) as AdapterSettings;
  const has = async (name: string) => Boolean(await ctx.secrets?.get(name));
  return {
    adapter: String(ctx.config.adapter ?? chosen ?? 'demo'),
    adapterFromEnvironment: ctx.config.adapter !== undefined,
    settings: {
      sendB2b: { baseUrl: s.sendB2b?.baseUrl ?? '', streamId: s.sendB2b?.streamId ?? '' },
      radd: { baseUrl: s.radd?.baseUrl ?? '', uid: s.radd?.uid ?? '' },
      file: { inboxDir: s.file?.inboxDir ?? '', outboxDir: s.file?.outboxDir ?? '', deskId: s.file?.deskId ?? '' },
    },
    secretsSet: { sendApiKey: await has(SECRET_NAMES.sendApiKey), raddToken: await has(SECRET_NAMES.raddToken), bundleKey: await has(SECRET_NAMES.bundleKey) },
    secretStorage: ctx.secrets?.kind ?? 'none',
  };
}

export const syncHandlers = {
  'sync.status': async (_input, ctx, caller) => toView(ctx, await ctx.sync?.engine?.status(), caller.locale),
  'sync.runNow': async (_input, ctx, caller) => {
    const engine = engineOf(ctx);
    await engine.runNow();
    return toView(ctx, await engine.status(), caller.locale);
  },
  'sync.listParked': async (_input, ctx, caller) => {
    const items = ctx.sync?.engine ? await ctx.sync.engine.listParked(200) : [];
    return items.map((i) => ({ id: i.id, kind: i.kind, idempotencyKey: i.idempotencyKey, attempts: i.attempts, createdAt: i.createdAt, error: i.error ? coded(i.error.code, i.error.params, caller.locale) : null }));
  },
  'sync.requeue': async ({ id }, ctx, caller) => {
    await engineOf(ctx).requeue(id);
    await appendOwnAudit(ctx, caller, 'sync.requeue', [id]);
    return { requeued: true as const };
  },
  'sync.getSettings': async (_input, ctx) => settingsView(ctx),
  'sync.setSettings': async (input, ctx, caller) => {
    const previous = ((await ctx.store.settings.get(ADAPTER_SETTINGS_KEY)) ?? {}) as AdapterSettings;
    const next: AdapterSettings = { ...previous, ...(input.sendB2b ? { sendB2b: input.sendB2b } : {}), ...(input.radd ? { radd: input.radd } : {}), ...(input.file ? { file: input.file } : {}) };
    await ctx.store.transaction(async (tx) => {
      const at = ctx.clock.now().toISOString();
      await tx.settings.set(ADAPTER_SETTING_KEY, input.adapter, at);
      await tx.settings.set(ADAPTER_SETTINGS_KEY, next, at);
      await appendOwnAudit({ ...ctx, store: tx }, caller, 'sync.setSettings', [input.adapter]);
    });
    for (const [key, name] of Object.entries(SECRET_NAMES) as [keyof typeof SECRET_NAMES, string][]) {
      const value = input.secrets?.[key];
      if (value) await ctx.secrets?.set(name, value);
    }
    // The engine restarts with the new adapter once the settings are committed.
    await ctx.sync?.stop();
    ctx.sync = await startHostSync(ctx, { start: ctx.config.sync });
    return settingsView(ctx);
  },
} satisfies HandlersOf<typeof syncContract>;
