import { describe, expect, it } from 'vitest';
import { backoffDelayMs, retryDelayMs, seededRandom, type RetryPolicy } from './backoff.js';

const policy: RetryPolicy = { baseMs: 1000, maxMs: 60_000, maxAttempts: 10 };

describe('backoff', () => {
  it('doubles the ceiling with each failure until maxMs', () => {
    const ceilings = [1, 2, 3, 4, 7, 8].map((n) => backoffDelayMs(n, policy, () => 1));
    expect(ceilings).toEqual([1000, 2000, 4000, 8000, 60_000, 60_000]);
  });

  it('keeps half of the ceiling fixed and draws the other half (equal jitter)', () => {
    expect(backoffDelayMs(3, policy, () => 0)).toBe(2000);
    expect(backoffDelayMs(3, policy, () => 0.5)).toBe(3000);
  });

  it('never waits less than the peer asked, within maxMs', () => {
    expect(retryDelayMs(1, policy, () => 0, 30_000)).toBe(30_000);
    expect(retryDelayMs(1, policy, () => 0, 10 * 60_000)).toBe(60_000);
    expect(retryDelayMs(5, policy, () => 1, 10)).toBe(16_000);
  });

  it('draws the same jitter sequence from the same seed', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(xs).size).toBe(5);
  });
});
