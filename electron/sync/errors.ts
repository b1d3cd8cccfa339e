// Typed sync failures: a DomainError whose code says whether a retry can help, plus the wait the
// peer asked for. The engine retries transient ones with backoff and parks the others.
import { DomainError, isDomainError, type ErrorCode } from '../../core/index.js';

/** Codes a later attempt can cure (network, peer overloaded, documents not ready yet). */
const TRANSIENT: ReadonlySet<string> = new Set([
  'SYNC_PEER_UNREACHABLE',
  'SYNC_PEER_TIMEOUT',
  'SYNC_PEER_UNAVAILABLE',
  'SYNC_PEER_RATE_LIMITED',
  // Wrong key: every item would fail the same way; retry (then park) while a human fixes the settings.
  'SYNC_PEER_AUTH_FAILED',
  'SYNC_STOPPED',
  // A garbage or off-spec answer is often a proxy or a half-deployed peer: retry, then park.
  'SYNC_PEER_GARBAGE',
  'SYNC_SCHEMA_VIOLATION',
  'SYNC_UNKNOWN_NOTIFICATION',
  'SYNC_RADD_NOT_READY',
  'SYNC_RADD_NOT_STARTED',
  'SYNC_RADD_UPLOAD_FAILED',
  'SYNC_BUNDLE_DIR_UNAVAILABLE',
]);

export class SyncError extends DomainError {
  readonly transient: boolean;
  readonly retryAfterMs: number | undefined;

  constructor(code: ErrorCode, params: Record<string, string | number> = {}, options: { retryAfterMs?: number; transient?: boolean } = {}) {
    super(code, params);
    this.name = 'SyncError';
    this.transient = options.transient ?? TRANSIENT.has(code);
    this.retryAfterMs = options.retryAfterMs;
  }
}

export function isSyncError(e: unknown): e is SyncError {
  return e instanceof SyncError;
}

/** How the engine sees any failure: code, params, retry or not. Unknown errors are transient. */
export interface FailureInfo {
  code: string;
  params: Record<string, string | number>;
  transient: boolean;
  retryAfterMs?: number;
}

export function describeFailure(e: unknown): FailureInfo {
  if (isSyncError(e)) {
    const info: FailureInfo = { code: e.code, params: e.params, transient: e.transient };
    if (e.retryAfterMs !== undefined) info.retryAfterMs = e.retryAfterMs;
    return info;
  }
  // A domain rule broken by the item itself will not change on retry.
  if (isDomainError(e)) return { code: e.code, params: e.params, transient: false };
  return { code: 'INTERNAL', params: { detail: e instanceof Error ? e.name : 'unknown' }, transient: true };
}

/** The text stored in the outbox's last_error column: code and params, never secrets or bodies. */
export function failureText(info: FailureInfo): string {
  return JSON.stringify({ code: info.code, params: info.params });
}

/** Reads back `failureText` (older free-text errors come back as INTERNAL). */
export function parseFailureText(text: string | undefined): { code: string; params: Record<string, string | number> } | undefined {
  if (text === undefined) return undefined;
  try {
    const v = JSON.parse(text) as { code?: unknown; params?: unknown };
    if (typeof v.code === 'string') return { code: v.code, params: (v.params ?? {}) as Record<string, string | number> };
  } catch {
    // fall through
  }
  return { code: 'INTERNAL', params: { detail: text.slice(0, 200) } };
}
