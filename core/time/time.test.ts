import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors/index.js';
import {
  addDays24h,
  formatInstant,
  formatRomeDate,
  isAfterRome2100,
  parseInstant,
  romeDayNumber,
  romeLocalToEpochMs,
  romeOffsetMinutes,
  romeWallClock,
  tryParseInstant,
} from './index.js';

// Tests may use Intl as the reference; the core code does not.
const intl = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Rome',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'longOffset',
});

function intlParts(ms: number): Record<string, string> {
  const parts: Record<string, string> = {};
  for (const p of intl.formatToParts(ms)) parts[p.type] = p.value;
  return parts;
}

function intlOffsetMinutes(ms: number): number {
  const name = intlParts(ms).timeZoneName ?? ''; // "GMT+01:00"
  return Number(name.slice(4, 6)) * 60 + Number(name.slice(7, 9));
}

describe('Europe/Rome offset (EU rule) agrees with Intl', () => {
  it('on every hour around each transition from 1996 to 2040', () => {
    for (let year = 1996; year <= 2040; year++) {
      for (const month of [3, 10]) {
        const start = Date.UTC(year, month - 1, 24);
        for (let ms = start; ms < start + 9 * 86_400_000; ms += 3_600_000) {
          expect(romeOffsetMinutes(ms), new Date(ms).toISOString()).toBe(intlOffsetMinutes(ms));
          expect(romeOffsetMinutes(ms - 1), new Date(ms - 1).toISOString()).toBe(intlOffsetMinutes(ms - 1));
        }
      }
    }
  });

  it('on pseudo-random instants, for wall-clock fields and formatting', () => {
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const from = Date.UTC(1996, 0, 1);
    const to = Date.UTC(2040, 0, 1);
    for (let i = 0; i < 3000; i++) {
      const ms = Math.floor(from + next() * (to - from));
      const p = intlParts(ms);
      const w = romeWallClock(ms);
      const expected = `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}`;
      const got = formatInstant(ms);
      expect(got.slice(0, 19), new Date(ms).toISOString()).toBe(expected);
      expect(w.hour).toBe(Number(p.hour));
      expect(w.offsetMinutes).toBe(intlOffsetMinutes(ms));
      expect(parseInstant(got)).toBe(ms);
      expect(formatRomeDate(ms)).toBe(`${p.year}-${p.month}-${p.day}`);
    }
  });
});

describe('parseInstant', () => {
  it('reads offsets, Z, optional seconds and fractions as the same instant', () => {
    const ref = Date.UTC(2026, 2, 10, 8, 15, 0);
    expect(parseInstant('2026-03-10T09:15:00+01:00')).toBe(ref);
    expect(parseInstant('2026-03-10T09:15+01:00')).toBe(ref);
    expect(parseInstant('2026-03-10T08:15:00Z')).toBe(ref);
    expect(parseInstant('2026-03-10T03:45:00-04:30')).toBe(ref);
    expect(parseInstant('2026-03-10T08:15:00.123Z')).toBe(ref + 123);
    expect(parseInstant('2026-03-10T08:15:00.5Z')).toBe(ref + 500);
    expect(parseInstant('2026-03-10T08:15:00.123456789Z')).toBe(ref + 123);
  });

  it('reads the spellings other systems write: a space for the T, ±HHMM and ±HH offsets', () => {
    const ref = Date.UTC(2026, 2, 10, 8, 15, 0);
    expect(parseInstant('2026-03-10 09:15:00+01:00')).toBe(ref);
    expect(parseInstant('2026-03-10T09:15:00+0100')).toBe(ref);
    expect(parseInstant('2026-03-10T09:15:00+01')).toBe(ref);
    expect(parseInstant('2026-03-10T03:45:00-0430')).toBe(ref);
    expect(parseInstant('2026-03-10 08:15Z')).toBe(ref);
  });

  it.each([
    '2026-02-30T10:00:00+01:00',
    '2025-02-29T10:00:00+01:00',
    '2026-13-01T10:00:00+01:00',
    '2026-03-10T24:00:00+01:00',
    '2026-03-10T10:60:00+01:00',
    '2026-03-10T10:00:60+01:00',
    '2026-03-10T10:00:00',
    '2026-03-10T10:00:00+1',
    '2026-03-10T10:00:00+01:0',
    '2026-03-10T10:00:00+01:00:00',
    '2026-03-10_10:00:00+01:00',
    '2026-03-10T10:00:00.+01:00',
    '2026-03-10T10:00:00+01:00x',
    '10/03/2026',
    '',
  ])('rejects %s with INVALID_INSTANT', (text) => {
    expect(Number.isNaN(tryParseInstant(text))).toBe(true);
    try {
      parseInstant(text);
      expect.unreachable();
    } catch (e) {
      expect(isDomainError(e) && e.code).toBe('INVALID_INSTANT');
    }
  });

  it('accepts 29 February of a leap year', () => {
    expect(tryParseInstant('2024-02-29T10:00:00+01:00')).toBe(Date.UTC(2024, 1, 29, 9));
  });
});

describe('formatInstant', () => {
  it('prints the Rome offset of the instant and milliseconds only when non-zero', () => {
    expect(formatInstant(Date.UTC(2026, 3, 3, 9))).toBe('2026-04-03T11:00:00+02:00');
    expect(formatInstant(Date.UTC(2026, 2, 10, 8, 15))).toBe('2026-03-10T09:15:00+01:00');
    expect(formatInstant(Date.UTC(2026, 2, 10, 8, 15, 0, 7))).toBe('2026-03-10T09:15:00.007+01:00');
  });

  it('switches offset exactly at 01:00 UTC on the last Sundays of March and October', () => {
    expect(formatInstant(Date.UTC(2026, 2, 29, 0, 59, 59, 999))).toBe('2026-03-29T01:59:59.999+01:00');
    expect(formatInstant(Date.UTC(2026, 2, 29, 1))).toBe('2026-03-29T03:00:00+02:00');
    expect(formatInstant(Date.UTC(2026, 9, 25, 0, 59, 59))).toBe('2026-10-25T02:59:59+02:00');
    expect(formatInstant(Date.UTC(2026, 9, 25, 1))).toBe('2026-10-25T02:00:00+01:00');
  });
});

describe('addDays24h (DOMAIN.md 8.1)', () => {
  it('adds 24-hour periods to the instant, so the wall-clock hour shifts across DST', () => {
    const b = parseInstant('2026-03-27T10:00+01:00');
    expect(formatInstant(addDays24h(b, 7))).toBe('2026-04-03T11:00:00+02:00');
    const c = parseInstant('2025-10-20T12:00:00+02:00');
    expect(formatInstant(addDays24h(c, 10))).toBe('2025-10-30T11:00:00+01:00');
  });
});

describe('isAfterRome2100 (DOMAIN.md 8.1)', () => {
  it('is false at 21:00:00.000 and true at 21:00:00.001 Rome time, in winter and summer', () => {
    expect(isAfterRome2100(parseInstant('2026-01-15T21:00:00.000+01:00'))).toBe(false);
    expect(isAfterRome2100(parseInstant('2026-01-15T21:00:00.001+01:00'))).toBe(true);
    expect(isAfterRome2100(parseInstant('2026-07-15T21:00:00+02:00'))).toBe(false);
    expect(isAfterRome2100(parseInstant('2026-07-15T19:00:00.001Z'))).toBe(true);
    expect(isAfterRome2100(parseInstant('2026-07-15T23:59:59.999+02:00'))).toBe(true);
    expect(isAfterRome2100(parseInstant('2026-07-16T00:00:00+02:00'))).toBe(false);
  });

  it('uses the Rome wall clock, not the written offset', () => {
    // 20:30 in UTC is 21:30 in Rome in winter.
    expect(isAfterRome2100(parseInstant('2026-01-15T20:30:00Z'))).toBe(true);
  });
});

describe('romeLocalToEpochMs and romeDayNumber', () => {
  it('round-trips wall-clock times and resolves the DST gap and overlap', () => {
    expect(romeLocalToEpochMs(2026, 3, 10, 9, 15)).toBe(Date.UTC(2026, 2, 10, 8, 15));
    expect(romeLocalToEpochMs(2026, 7, 10, 9, 15)).toBe(Date.UTC(2026, 6, 10, 7, 15));
    expect(formatInstant(romeLocalToEpochMs(2026, 3, 29, 2, 30))).toBe('2026-03-29T03:30:00+02:00');
    expect(formatInstant(romeLocalToEpochMs(2026, 10, 25, 2, 30))).toBe('2026-10-25T02:30:00+02:00');
  });

  it('compares Rome calendar days, not UTC days', () => {
    const lateEvening = parseInstant('2026-01-15T23:30:00+01:00'); // 22:30 UTC, same UTC day
    const nextMorning = parseInstant('2026-01-16T00:30:00+01:00'); // 23:30 UTC of the 15th
    expect(romeDayNumber(nextMorning) - romeDayNumber(lateEvening)).toBe(1);
  });
});
