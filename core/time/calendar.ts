// Proleptic Gregorian calendar arithmetic on day numbers (days since 1970-01-01), after
// Howard Hinnant's "chrono-compatible low-level date algorithms". Integer-only, no Date, no Intl:
// these run in the engine's hot loop (DOMAIN.md 4-8 derive thousands of timelines per second).

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

// Years 0..9999 only (what ISO-8601 text can carry): every quantity below is non-negative, so
// integer division is `/ n | 0` (truncation = floor), much cheaper than Math.floor.

/** Day number (days since 1970-01-01) of a civil date; month 1..12; year 0..9999. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = y >= 0 ? (y / 400) | 0 : Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = (((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) | 0) + day - 1;
  const doe = yoe * 365 + ((yoe / 4) | 0) - ((yoe / 100) | 0) + doy;
  return era * 146097 + doe - 719468;
}

/** Civil date of a day number; writes into `out` ([year, month 1..12, day]) to avoid allocation. */
export function civilFromDays(days: number, out: number[]): void {
  const z = days + 719468;
  const era = z >= 0 ? (z / 146097) | 0 : Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = ((doe - ((doe / 1460) | 0) + ((doe / 36524) | 0) - ((doe / 146096) | 0)) / 365) | 0;
  const doy = doe - (365 * yoe + ((yoe / 4) | 0) - ((yoe / 100) | 0));
  const mp = ((5 * doy + 2) / 153) | 0;
  const month = mp < 10 ? mp + 3 : mp - 9;
  out[0] = yoe + era * 400 + (month <= 2 ? 1 : 0);
  out[1] = month;
  out[2] = doy - (((153 * mp + 2) / 5) | 0) + 1;
}

/** 0 = Sunday ... 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOfDays(days: number): number {
  return (((days + 4) % 7) + 7) % 7;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Number of days of a month (1..12) of a year. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (MONTH_DAYS[month - 1] ?? 0);
}

/** Year (UTC) of an epoch-ms instant. */
export function utcYearOf(ms: number): number {
  const out = [0, 0, 0];
  civilFromDays(Math.floor(ms / DAY_MS), out);
  return out[0]!;
}
