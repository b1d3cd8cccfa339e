import { describe, expect, it } from 'vitest';
import { euroText } from './use-format.js';

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
