import { describe, expect, it } from 'vitest';
import { isUnusableDate } from './use-date-filters.js';

describe('a date filter holds a day to filter by, or nothing', () => {
  it('takes a whole day and an empty field', () => {
    expect(isUnusableDate('2026-03-12', false)).toBe(false);
    expect(isUnusableDate('', false)).toBe(false);
  });
  it('refuses a year of five or six digits (Chromium takes them, the filters do not)', () => {
    expect(isUnusableDate('20266-03-12', false)).toBe(true);
    expect(isUnusableDate('202666-03-12', false)).toBe(true);
  });
  it('refuses a year still being typed (the browser writes 0002 after the first digit)', () => {
    expect(isUnusableDate('0002-03-12', false)).toBe(true);
    expect(isUnusableDate('0202-03-12', false)).toBe(true);
  });
  it('refuses what the browser could not read as a date (an empty value with text typed)', () => {
    expect(isUnusableDate('', true)).toBe(true);
  });
});
