import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../core/index.js';
import { parseReceiptDate } from './receipt-date.js';

function codeOf(raw: string): string {
  try {
    parseReceiptDate(raw);
    return 'ok';
  } catch (e) {
    return isDomainError(e) ? e.code : String(e);
  }
}

describe('receipt date', () => {
  it.each([
    ['2026-03-10T09:30', '2026-03-10T09:30:00+01:00'],
    ['2026-07-10 09:30:15', '2026-07-10T09:30:15+02:00'],
    ['10/03/2026 09:30', '2026-03-10T09:30:00+01:00'],
    ['1/7/2026 9.05', '2026-07-01T09:05:00+02:00'],
    ['2026-07-10T07:30:00Z', '2026-07-10T09:30:00+02:00'],
  ])('reads %s as Europe/Rome wall-clock time (%s)', (raw, iso) => {
    expect(parseReceiptDate(raw)).toBe(iso);
  });

  it.each(['31/02/2026 10:00', '2026-13-01T10:00', '2026-03-10', '10/03/2026', 'yesterday', '2026-03-10T24:00'])('refuses %s', (raw) => {
    expect(codeOf(raw)).toBe('POSTAL_DATE_INVALID');
  });
});
