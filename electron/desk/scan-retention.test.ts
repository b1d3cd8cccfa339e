// When a closed operation's scans are due for the purge (issue #11 item 3): closed strictly more
// than N days before the run. Expected instants are written out by hand, not computed by the code.
import { describe, expect, it } from 'vitest';
import { scanPurgeCutoff } from '../auth/desk-settings.js';
import { isExpired } from './scan-retention.js';

const NOW = new Date('2026-11-26T10:00:00.000Z');

describe('scan retention cutoff', () => {
  const cutoff = scanPurgeCutoff(30, NOW)!;

  it('puts the cutoff exactly N days of 24 hours before the run', () => {
    expect(cutoff.toISOString()).toBe('2026-10-27T10:00:00.000Z');
  });

  it('keeps the scans of an operation closed exactly N days ago', () => {
    expect(isExpired('2026-10-27T10:00:00.000Z', cutoff)).toBe(false);
    // The same instant written with the Rome offset the desk stores.
    expect(isExpired('2026-10-27T11:00:00.000+01:00', cutoff)).toBe(false);
  });

  it('purges those of an operation closed one millisecond earlier', () => {
    expect(isExpired('2026-10-27T09:59:59.999Z', cutoff)).toBe(true);
    expect(isExpired('2026-10-27T10:59:59.999+01:00', cutoff)).toBe(true);
  });

  it('keeps those of an operation closed within the period', () => {
    expect(isExpired('2026-11-25T09:00:00.000Z', cutoff)).toBe(false);
  });

  it('keeps scans whose closing time is missing or unreadable', () => {
    expect(isExpired('', cutoff)).toBe(false);
    expect(isExpired('not a date', cutoff)).toBe(false);
  });

  it('has no cutoff when scans are kept (no retention set)', () => {
    expect(scanPurgeCutoff(null, NOW)).toBeUndefined();
  });

  it('counts one day as 24 hours, also across the change to winter time (25 October 2026 in Rome)', () => {
    expect(scanPurgeCutoff(1, new Date('2026-10-26T00:30:00.000+01:00'))!.toISOString()).toBe('2026-10-24T23:30:00.000Z');
  });
});
