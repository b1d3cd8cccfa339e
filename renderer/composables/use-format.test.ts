import { describe, expect, it } from 'vitest';
import { dayText, euroText } from './use-format.js';

// Intl writes a narrow no-break space before the euro sign in Italian; compared as a plain space.
const plain = (s: string) => s.replace(/\s/g, ' ');

describe('euroText', () => {
  it('writes the thousands separator from four digits on (CLDR Italian groups from five only)', () => {
    expect(plain(euroText(133_160, 'it'))).toBe('1.331,60 €');
    expect(plain(euroText(1_331_060, 'it'))).toBe('13.310,60 €');
    expect(plain(euroText(123_456_789, 'it'))).toBe('1.234.567,89 €');
    expect(euroText(133_160, 'en')).toBe('€1,331.60');
  });

  it('writes small amounts and cents as they are', () => {
    expect(plain(euroText(99_999, 'it'))).toBe('999,99 €');
    expect(plain(euroText(5, 'it'))).toBe('0,05 €');
    expect(plain(euroText(0, 'it'))).toBe('0,00 €');
  });
});

describe('dayText', () => {
  it('writes a calendar day dd/mm/yyyy in both languages, never shifted by a time zone', () => {
    expect(dayText('2027-01-22', 'it')).toBe('22/01/2027');
    expect(dayText('2027-01-22', 'en')).toBe('22/01/2027');
    expect(dayText('2026-12-31', 'it')).toBe('31/12/2026');
    expect(dayText('2027-01-01', 'en')).toBe('01/01/2027');
  });

  it('leaves what is not a possible day as it came', () => {
    expect(dayText('2027-02-30', 'it')).toBe('2027-02-30');
    expect(dayText('soon', 'it')).toBe('soon');
  });
});
