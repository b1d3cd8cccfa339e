// The sync engine: push due outbox items, then pull changes, on a schedule; keeps the status the
// UI shows. Time, randomness and timers are injected (tests run without sleeping).
import type { Logger } from '../logger.js';
import { DEFAULT_RETRY_POLICY, retryDelayMs, type RetryPolicy } from './backoff.js';
import { describeFailure, type FailureInfo } from './errors.js';
import { pullPages, type PullReport } from './pull.js';
import { pushDueItems, type PushReport } from './push.js';
import { buildStatus, initialEngineState, parkedView, type ParkedItemView, type PullProgress, type SyncStatus } from './status.js';
import type { AdapterHealth, NowMs, Random, Scheduler, SyncAdapter, SyncStore } from './types.js';

export interface SyncEngineOptions {
  adapter: SyncAdapter;
  store: SyncStore;
  now: NowMs;
  random: Random;
  scheduler: Scheduler;
  logger?: Logger;
  policy?: Partial<RetryPolicy>;
  /** Pause between two pulls when all is well (default 60 s). */
  pullIntervalMs?: number;
  /** Notifications per pulled page (default 1000). */
  pageSize?: number;
  /** Pages per pull before yielding to pushes (default 200). */
  maxPagesPerPull?: number;
  /** Items claimed per push batch (default 20) and per round (default 500). */
  pushBatch?: number;
  maxPushPerRound?: number;
}

export interface CycleReport {
  push: PushReport | null;
  pull: PullReport | null;
  error: FailureInfo | null;
}

export interface SyncEngine {
  readonly adapter: SyncAdapter;
  /** Starts the timer: a first cycle now, then on schedule. */
  start(): void;
  /** Stops the timer, aborts requests in flight and waits for the running cycle. */
  stop(): Promise<void>;
  /** One cycle now (push, then pull, even before the pull interval); concurrent calls share the running cycle. */
  runNow(): Promise<CycleReport>;
  /** Asks the adapter for its health and keeps the answer for status(). */
  checkHealth(): Promise<AdapterHealth>;
  /** Call after a desk action enqueued an item: pushes soon instead of at the next pull. */
  kick(): void;
  status(): Promise<SyncStatus>;
  listParked(limit?: number): Promise<ParkedItemView[]>;
  /** A human sends a parked item again (attempts start over). */
  requeue(id: number): Promise<void>;
  onProgress(listener: (p: PullProgress) => void): () => void;
}

export function createSyncEngine(opts: SyncEngineOptions): SyncEngine {
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...opts.policy };
  const pullIntervalMs = opts.pullIntervalMs ?? 60_000;
  const state = initialEngineState();
  const listeners = new Set<(p: PullProgress) => void>();
  let running: Promise<CycleReport> | null = null;
  let cancelTimer: (() => void) | null = null;
  let abort = new AbortController();
  let nextPullMs = 0;
  let pullFailures = 0;
  let pushBlockedUntilMs = 0;

  // The last success stored by an earlier run of the host (or with this adapter before a switch),
  // read once, before the first status or cycle; never later than one this run saw.
  let storedSuccess: Promise<void> | undefined;
  const loadLastSuccess = () =>
    (storedSuccess ??= (async () => {
      try {
        const ms = await opts.store.getLastSuccess?.(opts.adapter.stream);
        if (ms !== undefined && (state.lastSuccessMs === null || ms > state.lastSuccessMs)) state.lastSuccessMs = ms;
      } catch (e) {
        opts.logger?.warn('sync: last success not read', { adapter: opts.adapter.name, error: describeFailure(e).code });
      }
    })());

  async function recordSuccess(): Promise<void> {
    state.lastSuccessMs = opts.now();
    state.lastError = null;
    try {
      await opts.store.setLastSuccess?.(opts.adapter.stream, state.lastSuccessMs);
    } catch (e) {
      // Only the figure shown after a restart is older: the round itself succeeded.
      opts.logger?.warn('sync: last success not stored', { adapter: opts.adapter.name, error: describeFailure(e).code });
    }
  }

  const progress = (p: PullProgress) => {
    state.pull = p;
    for (const l of listeners) l(p);
  };

  function recordError(info: FailureInfo): void {
    state.lastError = { code: info.code, params: info.params, at: new Date(opts.now()).toISOString() };
    opts.logger?.warn('sync: failure', { adapter: opts.adapter.name, code: info.code, params: info.params });
  }

  async function doPush(): Promise<PushReport | null> {
    if (opts.now() < pushBlockedUntilMs) return null;
    state.phase = 'pushing';
    const report = await pushDueItems({
      adapter: opts.adapter, store: opts.store, now: opts.now, random: opts.random, policy,
      batch: opts.pushBatch ?? 20, maxItems: opts.maxPushPerRound ?? 500, signal: abort.signal,
    });
    pushBlockedUntilMs = report.blockedUntilMs ?? 0;
    if (report.lastFailure) recordError(report.lastFailure);
    if (report.done > 0) state.lastPushMs = opts.now();
    // Sent, refused or retried: the items' state changed (a screen shows "in attesa di invio" or the
    // failure of a request to SEND).
    if (report.done + report.duplicates + report.localOnly + report.retried + report.parked > 0) state.changes += 1;
    return report;
  }

  async function doPull(force: boolean): Promise<PullReport | null> {
    if (!opts.adapter.capabilities().pull || (!force && opts.now() < nextPullMs)) return null;
    state.phase = 'pulling';
    try {
      const report = await pullPages({
        adapter: opts.adapter, store: opts.store, now: opts.now, pageSize: opts.pageSize ?? 1000,
        maxPages: opts.maxPagesPerPull ?? 200, logger: opts.logger, signal: abort.signal, onProgress: progress,
        onApplied: (a) => {
          if (a.notificationsInserted + a.elementsInserted > 0) state.changes += 1;
        },
        onRequestsChanged: () => {
          state.changes += 1;
        },
      });
      pullFailures = 0;
      state.lastPullMs = opts.now();
      nextPullMs = report.hasMore ? opts.now() : opts.now() + Math.max(pullIntervalMs, report.retryAfterMs ?? 0);
      return report;
    } catch (e) {
      const info = describeFailure(e);
      pullFailures += 1;
      nextPullMs = opts.now() + retryDelayMs(pullFailures, policy, opts.random, info.retryAfterMs);
      throw e;
    } finally {
      state.pull = null;
    }
  }

  async function cycle(forcePull: boolean): Promise<CycleReport> {
    const report: CycleReport = { push: null, pull: null, error: null };
    try {
      await loadLastSuccess();
      report.push = await doPush();
      report.pull = await doPull(forcePull);
      if (!report.push?.lastFailure) await recordSuccess();
    } catch (e) {
      report.error = describeFailure(e);
      recordError(report.error);
    } finally {
      state.phase = 'idle';
    }
    return report;
  }

  async function delayToNextRun(): Promise<number> {
    const stats = await opts.store.stats();
    const now = opts.now();
    let next = opts.adapter.capabilities().pull ? nextPullMs : now + pullIntervalMs;
    if (stats.nextDueMs !== undefined) next = Math.min(next, Math.max(stats.nextDueMs, pushBlockedUntilMs));
    return Math.max(0, next - now);
  }

  function schedule(delayMs: number): void {
    cancelTimer?.();
    if (!state.started) return;
    state.nextRunMs = opts.now() + delayMs;
    cancelTimer = opts.scheduler.schedule(delayMs, () => {
      cancelTimer = null;
      void runScheduled();
    });
  }

  function runCycle(forcePull: boolean): Promise<CycleReport> {
    if (running) return running;
    // A manual run after stop() gets a fresh signal (stop aborted the previous one).
    if (abort.signal.aborted && !state.started) abort = new AbortController();
    running = cycle(forcePull).finally(() => {
      running = null;
    });
    return running;
  }

  async function runScheduled(): Promise<void> {
    await runCycle(false).catch(() => undefined);
    if (state.started) schedule(await delayToNextRun().catch(() => pullIntervalMs));
  }

  const engine: SyncEngine = {
    adapter: opts.adapter,
    start() {
      if (state.started) return;
      state.started = true;
      abort = new AbortController();
      void engine.checkHealth();
      schedule(0);
    },
    async stop() {
      state.started = false;
      cancelTimer?.();
      cancelTimer = null;
      state.nextRunMs = null;
      abort.abort();
      await running?.catch(() => undefined);
    },
    async runNow() {
      pushBlockedUntilMs = 0;
      const report = await runCycle(true);
      // Re-arm the timer from what this cycle learnt (next due item, next pull).
      if (state.started && !running) schedule(await delayToNextRun().catch(() => pullIntervalMs));
      return report;
    },
    async checkHealth() {
      try {
        state.health = await opts.adapter.health(abort.signal);
      } catch (e) {
        const info = describeFailure(e);
        state.health = { ok: false, checkedAt: new Date(opts.now()).toISOString(), code: info.code, params: info.params };
      }
      return state.health;
    },
    kick() {
      pushBlockedUntilMs = Math.min(pushBlockedUntilMs, opts.now());
      if (state.started && !running) schedule(0);
    },
    async status() {
      await loadLastSuccess();
      return buildStatus(opts.adapter.name, opts.adapter.stream, state, await opts.store.stats());
    },
    async listParked(limit) {
      return (await opts.store.listParked(limit)).map(parkedView);
    },
    async requeue(id) {
      await opts.store.requeue(id, opts.now());
      engine.kick();
    },
    onProgress(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return engine;
}
