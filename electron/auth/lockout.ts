// Lockout after repeated failed sign-ins: after `maxFailures` wrong passwords in a row a user is
// locked for `lockMinutes`; a correct password (or an administrator's reset) clears the count.
// Pure functions of the state and the current time: the clock is injected by the caller.

export interface LockoutPolicy {
  maxFailures: number;
  lockMinutes: number;
}

export const DEFAULT_LOCKOUT: LockoutPolicy = { maxFailures: 5, lockMinutes: 15 };

/** Persisted per user name (settings key `_auth.lockout.<username>`, hidden from settings.all()). */
export interface LockoutState {
  failures: number;
  /** ISO instant until which sign-in is refused, or null. */
  lockedUntil: string | null;
}

export const NO_FAILURES: LockoutState = { failures: 0, lockedUntil: null };

/** The settings key of one user name's lockout state. */
export function lockoutKey(username: string): string {
  return `_auth.lockout.${username}`;
}

/** Minutes (rounded up, at least 1) the user must still wait, or 0 when not locked. */
export function lockedMinutesLeft(state: LockoutState | undefined, now: Date): number {
  if (!state?.lockedUntil) return 0;
  const left = Date.parse(state.lockedUntil) - now.getTime();
  return left > 0 ? Math.max(1, Math.ceil(left / 60_000)) : 0;
}

/** The state after one more wrong password; an expired lock starts a fresh count. */
export function afterFailure(state: LockoutState | undefined, now: Date, policy: LockoutPolicy): LockoutState {
  const expired = state?.lockedUntil !== null && state?.lockedUntil !== undefined && Date.parse(state.lockedUntil) <= now.getTime();
  const failures = (expired ? 0 : (state?.failures ?? 0)) + 1;
  if (failures < policy.maxFailures) return { failures, lockedUntil: null };
  return { failures, lockedUntil: new Date(now.getTime() + policy.lockMinutes * 60_000).toISOString() };
}
