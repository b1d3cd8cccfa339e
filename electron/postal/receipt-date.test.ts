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

  it.each(['31/02/2026 10:00', '2026-13-01T10:00', '31/02/2026', '2026-02-30', '10/03/26', 'yesterday', '2026-03-10T24:00'])('refuses %s', (raw) => {
    expect(codeOf(raw)).toBe('POSTAL_DATE_INVALID');
  });

  // A receipt that carries only the day: 12:00 Europe/Rome (DATE_ONLY_HOUR, why in receipt-date.ts).
  it.each([
    ['2026-03-10', '2026-03-10T12:00:00+01:00'],
    ['10/03/2026', '2026-03-10T12:00:00+01:00'],
    ['1/7/2026', '2026-07-01T12:00:00+02:00'],
    // The autumn change (25/10/2026): midday keeps the day and its 10-day term on the day + 10.
    ['25/10/2026', '2026-10-25T12:00:00+01:00'],
  ])('reads the date alone %s as 12:00 Europe/Rome (%s)', (raw, iso) => {
    expect(parseReceiptDate(raw)).toBe(iso);
  });

  it('asks for the time of a date alone whose 12:00 has not come yet (today, before midday), not after', () => {
    const code = (raw: string, now: string) => {
      try {
        return parseReceiptDate(raw, now);
      } catch (e) {
        return isDomainError(e) ? e.code : String(e);
      }
    };
    expect(code('26/11/2026', '2026-11-26T11:59:00+01:00')).toBe('POSTAL_TIME_REQUIRED');
    expect(code('26/11/2026', '2026-11-26T12:00:00+01:00')).toBe('2026-11-26T12:00:00+01:00');
    expect(code('25/11/2026', '2026-11-26T08:00:00+01:00')).toBe('2026-11-25T12:00:00+01:00');
    // With its time the date of today is read as given (the core says whether it is in the future).
    expect(code('26/11/2026 08:30', '2026-11-26T09:00:00+01:00')).toBe('2026-11-26T08:30:00+01:00');
  });
});
