import { describe, expect, it } from 'vitest';
import { calendarDay } from './format.js';

describe('calendarDay', () => {
  it('writes an ISO calendar day as dd/mm/yyyy, without a time zone shift', () => {
    expect(calendarDay('2031-03-14')).toBe('14/03/2031');
    expect(calendarDay('2026-01-01')).toBe('01/01/2026');
  });

  it('shows a dash for no day and leaves anything else as it came', () => {
    expect(calendarDay(null)).toBe('—');
    expect(calendarDay('')).toBe('—');
    expect(calendarDay('14/03/2031')).toBe('14/03/2031');
  });
});
