// Europe/Rome civil time, computed from the EU summer-time rule instead of Intl (DOMAIN.md 8.1:
// the 21:00 rule and the printed offsets depend on it; the engine needs it fast).
// EU rule (Directive 2000/84/EC, harmonised since 1996): summer time (+02:00) from the last Sunday
// of March 01:00 UTC to the last Sunday of October 01:00 UTC, +01:00 otherwise. Valid for 1996
// onwards; earlier instants get the same rule, which is wrong for Italy before 1996 (out of scope).
import { civilFromDays, DAY_MS, daysFromCivil, daysInMonth, HOUR_MS, MINUTE_MS, weekdayOfDays } from './calendar.js';

const summerCache = new Map<number, readonly [number, number]>();

function lastSundayDays(year: number, month: number): number {
  const last = daysFromCivil(year, month, daysInMonth(year, month));
  return last - weekdayOfDays(last);
}

/** [start, end) epoch ms of summer time in a (UTC) year. */
export function summerTimeBounds(year: number): readonly [number, number] {
  let b = summerCache.get(year);
  if (b === undefined) {
    b = [lastSundayDays(year, 3) * DAY_MS + HOUR_MS, lastSundayDays(year, 10) * DAY_MS + HOUR_MS];
    summerCache.set(year, b);
  }
  return b;
}

const scratch = [0, 0, 0];
// The UTC year of the last lookup and its summer-time bounds: most lookups fall in the same year.
let yearStartMs = 0;
let yearEndMs = -1;
let summerStartMs = 0;
let summerEndMs = 0;

// Start (UTC) of each year 1970..2200, made once: instants of consecutive notifications often
// alternate between two years, and finding the year in this table is cheaper than computing it.
const TABLE_FIRST_YEAR = 1970;
const YEAR_STARTS: number[] = [];
for (let y = TABLE_FIRST_YEAR; y <= 2201; y++) YEAR_STARTS.push(daysFromCivil(y, 1, 1) * DAY_MS);
const AVERAGE_YEAR_MS = 365.2425 * DAY_MS;

/** UTC year of an instant. */
function yearOf(ms: number): number {
  let i = Math.floor(ms / AVERAGE_YEAR_MS); // the year index, or one off near 1 January
  if (i < 0 || i + 1 >= YEAR_STARTS.length) {
    civilFromDays(Math.floor(ms / DAY_MS), scratch);
    return scratch[0]!;
  }
  if (ms < YEAR_STARTS[i]!) i--;
  else if (ms >= YEAR_STARTS[i + 1]!) i++;
  return TABLE_FIRST_YEAR + i;
}

function loadYear(ms: number): void {
  const year = yearOf(ms);
  const b = summerTimeBounds(year);
  const i = year - TABLE_FIRST_YEAR;
  yearStartMs = YEAR_STARTS[i] ?? daysFromCivil(year, 1, 1) * DAY_MS;
  yearEndMs = YEAR_STARTS[i + 1] ?? daysFromCivil(year + 1, 1, 1) * DAY_MS;
  summerStartMs = b[0];
  summerEndMs = b[1];
}

/** Offset of Europe/Rome from UTC at an instant, in minutes: 120 in summer time, else 60. */
export function romeOffsetMinutes(ms: number): number {
  if (!(ms >= yearStartMs && ms < yearEndMs)) loadYear(ms);
  return ms >= summerStartMs && ms < summerEndMs ? 120 : 60;
}

/** Epoch ms shifted to Europe/Rome wall-clock time (read its UTC fields to get the local ones). */
export function romeLocalMs(ms: number): number {
  return ms + romeOffsetMinutes(ms) * MINUTE_MS;
}

export interface RomeWallClock {
  year: number;
  month: number; // 1..12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** 0 = Sunday ... 6 = Saturday */
  weekday: number;
  /** +60 or +120 */
  offsetMinutes: number;
}

/** Europe/Rome wall-clock fields of an instant. */
export function romeWallClock(ms: number): RomeWallClock {
  const offsetMinutes = romeOffsetMinutes(ms);
  const local = ms + offsetMinutes * MINUTE_MS;
  const days = Math.floor(local / DAY_MS);
  const out = [0, 0, 0];
  civilFromDays(days, out);
  const tod = local - days * DAY_MS;
  return {
    year: out[0]!,
    month: out[1]!,
    day: out[2]!,
    hour: Math.floor(tod / HOUR_MS),
    minute: Math.floor((tod % HOUR_MS) / MINUTE_MS),
    second: Math.floor((tod % MINUTE_MS) / 1000),
    millisecond: tod % 1000,
    weekday: weekdayOfDays(days),
    offsetMinutes,
  };
}

/** Milliseconds since Europe/Rome local midnight of an instant (0 .. 86_399_999). */
export function romeTimeOfDayMs(ms: number): number {
  const local = romeLocalMs(ms);
  return local - Math.floor(local / DAY_MS) * DAY_MS;
}

/** Europe/Rome calendar day of an instant as a day number (days since 1970-01-01): compare days with it. */
export function romeDayNumber(ms: number): number {
  return Math.floor(romeLocalMs(ms) / DAY_MS);
}

/**
 * The instant of a Europe/Rome wall-clock time (month 1..12). In the spring gap (02:00-03:00 on the
 * last Sunday of March) the +01:00 reading is used; in the autumn overlap the earlier (+02:00) one.
 */
export function romeLocalToEpochMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, millisecond = 0): number {
  const asUtc = daysFromCivil(year, month, day) * DAY_MS + hour * HOUR_MS + minute * MINUTE_MS + second * 1000 + millisecond;
  const summer = asUtc - 120 * MINUTE_MS;
  if (romeOffsetMinutes(summer) === 120) return summer;
  return asUtc - 60 * MINUTE_MS;
}
