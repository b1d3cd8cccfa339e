// formatInstant reuses texts it printed or was offered (rememberInstantText), and the Rome offset
// finds the year in a table: neither may change what is printed (DOMAIN.md 12: instants are
// printed with the Europe/Rome offset valid at that instant).
import { describe, expect, it } from 'vitest';
import { formatInstant, rememberInstantText, tryParseInstant } from './instant.js';
import { romeOffsetMinutes } from './rome.js';

describe('formatInstant with offered texts', () => {
  it('takes an offered text only when it is exactly what it would print', () => {
    const offered = [
      '2026-01-15T10:00:00Z', // UTC, not the Rome offset
      '2026-01-15T11:00:00+02:00', // an offset Rome does not use in January
      '2026-01-15T11:00:00.000+01:00', // a fraction it does not print
      '2026-01-15t11:00:00+01:00', // lower-case t
      '2026-07-15T09:00:00+01:00', // winter offset in summer
    ];
    for (const text of offered) {
      const ms = tryParseInstant(text);
      rememberInstantText(ms, text);
      expect(formatInstant(ms)).not.toBe(text);
      expect(tryParseInstant(formatInstant(ms))).toBe(ms);
    }
    const canonical = '2026-07-15T10:00:00+02:00';
    rememberInstantText(tryParseInstant(canonical), canonical);
    expect(formatInstant(tryParseInstant(canonical))).toBe(canonical);
  });

  it('prints the same texts whatever it printed before (cache slots shared by many instants)', () => {
    const instants = Array.from({ length: 600 }, (_, i) => Date.UTC(2026, 0, 1) + i * 997_001);
    const first = instants.map(formatInstant);
    const again = [...instants].reverse().map(formatInstant).reverse();
    expect(again).toEqual(first);
  });
});

/** The EU rule of rome.ts, computed with Date: summer time from the last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC. */
function referenceOffset(ms: number): number {
  const year = new Date(ms).getUTCFullYear();
  const lastSunday = (month: number) => {
    const last = new Date(Date.UTC(year, month + 1, 0));
    return Date.UTC(year, month, last.getUTCDate() - last.getUTCDay(), 1);
  };
  return ms >= lastSunday(2) && ms < lastSunday(9) ? 120 : 60;
}

describe('Europe/Rome offset across years', () => {
  it('follows the EU rule around New Year and both changes, also when consecutive instants jump between years', () => {
    const instants: number[] = [];
    for (let year = 1960; year <= 2210; year += 3) {
      for (const [month, day] of [[0, 1], [2, 25], [2, 31], [9, 25], [9, 31], [11, 31]] as const) {
        for (const h of [-2, -1, 0, 1, 2, 23]) instants.push(Date.UTC(year, month, day, h) - 1, Date.UTC(year, month, day, h));
      }
    }
    const jumping = instants.map((_, i) => instants[(i * 7919) % instants.length]!);
    for (const ms of [...instants, ...jumping]) expect(romeOffsetMinutes(ms), new Date(ms).toISOString()).toBe(referenceOffset(ms));
  });
});
