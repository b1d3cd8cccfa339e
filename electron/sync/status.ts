// The sync status the UI shows (issue "Sync through pluggable adapters"): last success, pending,
// failing, parked, next attempt, and the progress of a large pull (for the progress bar).
import type { AdapterHealth, OutboxItem, OutboxStats } from './types.js';
import { parseFailureText } from './errors.js';

export interface SyncErrorView {
  code: string;
  params: Record<string, string | number>;
  at: string;
}

export interface PullProgress {
  stream: string;
  pages: number;
  notifications: number;
  elements: number;
  /** Items done / expected, when the adapter knows (file bundles, demo feed). */
  done?: number;
  total?: number;
}

export interface SyncStatus {
  adapter: string;
  stream: string;
  /** Whether the engine's timer is running (start() called, not stopped). */
  started: boolean;
  phase: 'idle' | 'pushing' | 'pulling';
  /** The last round with this adapter's stream that ended without error; kept across restarts. */
  lastSuccessAt: string | null;
  lastPullAt: string | null;
  lastPushAt: string | null;
  /**
   * Grows each time a pulled page stored notifications or timeline elements, SEND's answer about a
   * request changed it, or a push round changed items (acknowledged: their answers may change local
   * data; failed or parked: screens say so): screens showing stored data re-read it when it grows.
   * Counted since the host started (0 after a restart).
   */
  changes: number;
  lastError: SyncErrorView | null;
  pending: number;
  failing: number;
  parked: number;
  /**
   * Items kept local-only: marked done without sending because the adapter did not carry their
   * kind (e.g. postal outcomes with send-b2b). Counted from the outbox, so the figure survives a
   * restart; each item keeps a SYNC_LOCAL_ONLY note.
   */
  localOnly: number;
  /** Next automatic attempt (push or pull), or null when nothing is scheduled. */
  nextAttemptAt: string | null;
  pull: PullProgress | null;
  health: AdapterHealth | null;
}

/** The mutable part the engine keeps in memory between cycles. */
export interface EngineState {
  started: boolean;
  phase: SyncStatus['phase'];
  lastSuccessMs: number | null;
  lastPullMs: number | null;
  lastPushMs: number | null;
  /** Counts the rounds that stored something (see SyncStatus.changes). */
  changes: number;
  lastError: SyncErrorView | null;
  nextRunMs: number | null;
  pull: PullProgress | null;
  health: AdapterHealth | null;
}

export function initialEngineState(): EngineState {
  return { started: false, phase: 'idle', lastSuccessMs: null, lastPullMs: null, lastPushMs: null, changes: 0, lastError: null, nextRunMs: null, pull: null, health: null };
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

export function buildStatus(adapter: string, stream: string, state: EngineState, stats: OutboxStats): SyncStatus {
  const candidates = [state.nextRunMs, state.started ? (stats.nextDueMs ?? null) : null].filter((v): v is number => v !== null);
  return {
    adapter,
    stream,
    started: state.started,
    phase: state.phase,
    lastSuccessAt: iso(state.lastSuccessMs),
    lastPullAt: iso(state.lastPullMs),
    lastPushAt: iso(state.lastPushMs),
    changes: state.changes,
    lastError: state.lastError,
    pending: stats.pending,
    failing: stats.failing,
    parked: stats.parked,
    localOnly: stats.localOnly ?? 0,
    nextAttemptAt: candidates.length ? iso(Math.min(...candidates)) : null,
    pull: state.pull,
    health: state.health,
  };
}

/** A parked item as the "to review" list shows it: what, since when, why (code + params). */
export interface ParkedItemView {
  id: number;
  kind: string;
  idempotencyKey: string;
  createdAt: string;
  attempts: number;
  error: { code: string; params: Record<string, string | number> } | null;
}

export function parkedView(item: OutboxItem): ParkedItemView {
  return {
    id: item.id,
    kind: item.kind,
    idempotencyKey: item.idempotencyKey,
    createdAt: item.createdAt,
    attempts: item.attempts,
    error: parseFailureText(item.lastError) ?? null,
  };
}
