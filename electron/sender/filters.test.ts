import { describe, expect, it } from 'vitest';
import { dayNumberOf, dayOfNumber, romeDayOf, romeDayStartMs, toStoreFilter } from './filters.js';

describe('list filter in Rome days', () => {
  it('a day starts at Rome midnight, in winter (+01:00) and in summer (+02:00)', () => {
    expect(romeDayStartMs('2026-01-15')).toBe(Date.parse('2026-01-15T00:00:00+01:00'));
    expect(romeDayStartMs('2026-07-15')).toBe(Date.parse('2026-07-15T00:00:00+02:00'));
  });

  it('"to" is inclusive: the range ends at the start of the next Rome day, across the DST change', () => {
    const f = toStoreFilter({ from: '2026-03-28', to: '2026-03-29' }, undefined);
    expect(f.fromMs).toBe(Date.parse('2026-03-28T00:00:00+01:00'));
    expect(f.toMs).toBe(Date.parse('2026-03-30T00:00:00+02:00'));
    expect(f.days).toEqual({ from: dayNumberOf('2026-03-28'), to: dayNumberOf('2026-03-29') });
  });

  it('day numbers round-trip and match the Rome day of an instant', () => {
    expect(dayOfNumber(dayNumberOf('2026-11-26'))).toBe('2026-11-26');
    expect(romeDayOf(Date.parse('2026-11-26T23:30:00Z'))).toBe('2026-11-27');
    expect(romeDayOf(Date.parse('2026-07-01T21:59:59Z'))).toBe('2026-07-01');
  });

  it('the caller\'s own sender wins over the one asked for', () => {
    expect(toStoreFilter({}, '01199250158').senderTaxId).toBe('01199250158');
    expect(toStoreFilter({ statuses: [] }, undefined).statuses).toBeUndefined();
  });
});
