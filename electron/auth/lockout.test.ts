import { describe, expect, it } from 'vitest';
import { afterFailure, lockedMinutesLeft, lockoutKey, type LockoutState } from './lockout.js';

const policy = { maxFailures: 3, lockMinutes: 10 };
const t0 = new Date('2026-03-12T09:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

describe('lockout policy', () => {
  it('locks at the Nth failure in a row, for M minutes from that failure', () => {
    let s: LockoutState | undefined;
    s = afterFailure(s, t0, policy);
    s = afterFailure(s, at(1), policy);
    expect(s).toEqual({ failures: 2, lockedUntil: null });
    s = afterFailure(s, at(2), policy);
    expect(s).toEqual({ failures: 3, lockedUntil: at(12).toISOString() });
  });

  it('tells how many minutes are left, rounded up, and 0 once the lock has passed', () => {
    const s = { failures: 3, lockedUntil: at(10).toISOString() };
    expect(lockedMinutesLeft(s, t0)).toBe(10);
    expect(lockedMinutesLeft(s, new Date(at(9).getTime() + 1))).toBe(1);
    expect(lockedMinutesLeft(s, at(10))).toBe(0);
    expect(lockedMinutesLeft(undefined, t0)).toBe(0);
  });

  it('starts a fresh count after an expired lock', () => {
    const expired = { failures: 3, lockedUntil: at(10).toISOString() };
    expect(afterFailure(expired, at(11), policy)).toEqual({ failures: 1, lockedUntil: null });
  });

  it('keeps lockout state in a settings key hidden from the settings list', () => {
    expect(lockoutKey('clerk')).toBe('_auth.lockout.clerk');
  });
});
