// Retry timing: exponential backoff with "equal jitter" (half fixed, half random), so that desks
// that failed together do not retry together, yet every wait keeps a floor. The peer's own
// Retry-After wins when it asks for longer.
import type { Random } from './types.js';

export interface RetryPolicy {
  /** Delay before the second attempt (ms). */
  baseMs: number;
  /** Upper bound of any computed delay (ms). */
  maxMs: number;
  /** Failed attempts after which a transient failure parks the item for a human. */
  maxAttempts: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { baseMs: 2_000, maxMs: 15 * 60_000, maxAttempts: 12 };

/**
 * Wait before the next attempt after `attempts` failures (attempts >= 1):
 * cap = min(maxMs, baseMs * 2^(attempts-1)); delay = cap/2 + random * cap/2.
 */
export function backoffDelayMs(attempts: number, policy: RetryPolicy, random: Random): number {
  const exp = Math.min(30, Math.max(0, attempts - 1));
  const cap = Math.min(policy.maxMs, policy.baseMs * 2 ** exp);
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.round(cap / 2 + (r * cap) / 2);
}

/** The delay to use: the peer's Retry-After when longer than the backoff, both capped by maxMs. */
export function retryDelayMs(attempts: number, policy: RetryPolicy, random: Random, retryAfterMs?: number): number {
  const backoff = backoffDelayMs(attempts, policy, random);
  if (retryAfterMs === undefined || !Number.isFinite(retryAfterMs) || retryAfterMs <= backoff) return backoff;
  return Math.min(Math.round(retryAfterMs), policy.maxMs);
}

/** A seeded RNG (mulberry32) for deterministic jitter in tests and the demo. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
