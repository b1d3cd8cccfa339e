import { describe, expect, it } from 'vitest';
import { periodDays } from './dashboard.js';

const at = (iso: string) => Date.parse(iso);

describe('dashboard periods (Rome days, inclusive)', () => {
  it('30 days end today and start 29 days before', () => {
    expect(periodDays('30d', at('2026-11-26T12:00:00+01:00'))).toEqual({ from: '2026-10-28', to: '2026-11-26' });
  });

  it('"today" is the Rome day: 23:30 UTC on the 26th is already the 27th in Rome', () => {
    expect(periodDays('30d', at('2026-11-26T23:30:00Z')).to).toBe('2026-11-27');
  });

  it('months go back by calendar months, starting the day after', () => {
    expect(periodDays('3m', at('2026-11-26T12:00:00+01:00'))).toEqual({ from: '2026-08-27', to: '2026-11-26' });
    expect(periodDays('12m', at('2026-11-26T12:00:00+01:00')).from).toBe('2025-11-27');
    // 31 May minus 3 months is 28 Feb (shorter month), then the day after.
    expect(periodDays('3m', at('2026-05-31T12:00:00+02:00')).from).toBe('2026-03-01');
  });

  it('custom keeps the days asked for', () => {
    expect(periodDays('custom', 0, { from: '2026-01-01', to: '2026-01-31' })).toEqual({ from: '2026-01-01', to: '2026-01-31' });
  });
});
