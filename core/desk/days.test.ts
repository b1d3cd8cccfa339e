import { describe, expect, it } from 'vitest';
import { formatInstant, parseInstant } from '../time/index.js';
import { addRomeYears, parseCalendarDate, romeEndOfDay, romeStartOfDay } from './days.js';

describe('desk calendar days (Europe/Rome)', () => {
  it.each([
    ['2026-12-31', '2026-12-31T23:59:59.999+01:00'],
    ['2026-03-28', '2026-03-28T23:59:59.999+01:00'],
    ['2026-03-29', '2026-03-29T23:59:59.999+02:00'],
    ['2024-02-29', '2024-02-29T23:59:59.999+01:00'],
  ])('the end of %s is %s', (day, end) => {
    expect(formatInstant(romeEndOfDay(day))).toBe(end);
  });

  it('starts a day at Rome midnight', () => {
    expect(formatInstant(romeStartOfDay('2026-07-01'))).toBe('2026-07-01T00:00:00+02:00');
  });

  it.each(['2026-02-29', '2026-13-01', '2026-1-01', '01/02/2026'])('rejects %s as a calendar date', (s) => {
    expect(parseCalendarDate(s)).toBeNull();
    expect(romeEndOfDay(s)).toBeNaN();
  });

  it.each([
    ['2026-03-27T10:00:00+01:00', '2036-03-27T10:00:00+01:00'],
    ['2024-02-29T12:00:00+01:00', '2034-02-28T12:00:00+01:00'],
    ['2026-07-01T08:00:00+02:00', '2036-07-01T08:00:00+02:00'],
  ])('ten calendar years after %s is %s', (from, to) => {
    expect(formatInstant(addRomeYears(parseInstant(from), 10))).toBe(to);
  });
});
