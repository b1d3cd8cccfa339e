// Calendar-day helpers the desk needs on top of core/time (Europe/Rome days of DOMAIN.md 10.1
// history search and 13 availability).
import { daysInMonth, romeLocalToEpochMs, romeWallClock } from '../time/index.js';

/** Parses a calendar date `YYYY-MM-DD` (a real day of a real month), or null. */
export function parseCalendarDate(s: string): { year: number; month: number; day: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** Epoch ms of 00:00 Europe/Rome of a calendar day `YYYY-MM-DD`; NaN if not a date. */
export function romeStartOfDay(date: string): number {
  const d = parseCalendarDate(date);
  return d ? romeLocalToEpochMs(d.year, d.month, d.day) : Number.NaN;
}

/** Epoch ms of the last millisecond of a Europe/Rome calendar day `YYYY-MM-DD`; NaN if not a date. */
export function romeEndOfDay(date: string): number {
  const d = parseCalendarDate(date);
  if (!d) return Number.NaN;
  const next = d.day < daysInMonth(d.year, d.month) ? { ...d, day: d.day + 1 } : d.month < 12 ? { year: d.year, month: d.month + 1, day: 1 } : { year: d.year + 1, month: 1, day: 1 };
  return romeLocalToEpochMs(next.year, next.month, next.day) - 1;
}

/** Adds calendar years on the Europe/Rome wall clock (29 February becomes 28 February). */
export function addRomeYears(ms: number, years: number): number {
  const w = romeWallClock(ms);
  const year = w.year + years;
  return romeLocalToEpochMs(year, w.month, Math.min(w.day, daysInMonth(year, w.month)), w.hour, w.minute, w.second, w.millisecond);
}
