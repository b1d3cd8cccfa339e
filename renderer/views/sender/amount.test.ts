import { describe, expect, it } from 'vitest';
import { formatAmount, parseAmount } from './amount.js';

const cents = (s: string) => {
  const r = parseAmount(s);
  return r.ok ? r.cents : r.problem;
};

describe('an amount as the clerk types it', () => {
  it.each([
    ['12,50', 1250], ['12,5', 1250], ['12', 1200], ['0,5', 50], [',50', 50], ['0', 0],
    // A dot with one or two final digits, and no comma: the decimal point (it was read as thousands: 12.50 -> 1.250,00 €).
    ['12.50', 1250], ['0.5', 50], ['1234.56', 123456], ['12.5', 1250],
    // Dots or spaces between groups of three: thousands.
    ['1.234', 123400], ['1.234.567', 123456700], ['1.234,56', 123456], ['1.234,5', 123450], ['1 234,56', 123456], ['1 234 567', 123456700],
    ['1234,56', 123456], ['12.505', 1250500],
    // The currency and the spaces a copy brings along.
    ['€ 12,50', 1250], ['12,50 €', 1250], ['12,50\u00A0€', 1250], ['1.234,56 EUR', 123456], [' 7 ', 700], ['+3', 300],
  ])('%j is %d cents', (typed, expected) => {
    expect(cents(typed)).toBe(expected);
  });

  it('nothing typed is no amount (it is optional)', () => {
    expect(parseAmount('')).toEqual({ ok: true, cents: null });
    expect(parseAmount('   ')).toEqual({ ok: true, cents: null });
  });

  it.each([
    ['12,505', 'decimals'], ['1.234,567', 'decimals'],
    ['-3', 'negative'], ['−3,50', 'negative'],
    ['abc', 'format'], ['12a', 'format'], ['€', 'format'], ['1,234.56', 'format'], ['1.234.56', 'format'], ['1.2345', 'format'], ['12,50,1', 'format'],
    ['1.23.456', 'format'], ['12 50', 'format'], ['1.234 567', 'format'], ['12,', 'format'], ['1.234.5', 'format'], ['.', 'format'], ['1e3', 'format'],
    ['99999999999999999999', 'tooBig'],
  ])('%j is refused (%s), not read as another amount', (typed, problem) => {
    expect(parseAmount(typed)).toEqual({ ok: false, problem });
  });

  it('is written back the Italian way', () => {
    expect([formatAmount(1250), formatAmount(50), formatAmount(0), formatAmount(123456), formatAmount(123456700)]).toEqual(['12,50', '0,50', '0,00', '1.234,56', '1.234.567,00']);
  });

  it('reads back what it writes', () => {
    for (const c of [0, 1, 99, 100, 123456, 100000000]) expect(cents(formatAmount(c))).toBe(c);
  });
});
