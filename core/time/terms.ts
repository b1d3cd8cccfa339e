// Day terms and the 21:00 rule of DOMAIN.md 8.1. "N days" is N x 24 hours added to the instant
// (Java Instant.plus(Duration.ofDays(N))): not calendar days, not rounded to midnight, so across a
// daylight-saving change the Rome wall-clock time of the result differs by one hour.
import { DAY_MS, HOUR_MS } from './calendar.js';
import { romeTimeOfDayMs } from './rome.js';

/** The instant N x 24 h after `ms` (DOMAIN.md 8.1). */
export function addDays24h(ms: number, days: number): number {
  return ms + days * DAY_MS;
}

const NINE_PM_MS = 21 * HOUR_MS;

/**
 * True when the Europe/Rome wall-clock time of the instant is strictly after 21:00:00.000 of its
 * day: 21:00:00.000 is not after, 21:00:00.001 is (DOMAIN.md 8.1).
 */
export function isAfterRome2100(ms: number): boolean {
  return romeTimeOfDayMs(ms) > NINE_PM_MS;
}
