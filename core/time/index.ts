// Calendar math in Europe/Rome, in one place only (STYLE.md 4).
export { DAY_MS, HOUR_MS, MINUTE_MS, daysFromCivil, civilFromDays, weekdayOfDays, daysInMonth, isLeapYear } from './calendar.js';
export {
  romeOffsetMinutes,
  romeLocalMs,
  romeWallClock,
  romeTimeOfDayMs,
  romeDayNumber,
  romeLocalToEpochMs,
  summerTimeBounds,
} from './rome.js';
export type { RomeWallClock } from './rome.js';
export { tryParseInstant, parseInstant, isInstant, formatInstant, formatRomeDate, formatRomeReadable, toRomeIso } from './instant.js';
export type { EpochMs } from './instant.js';
export { addDays24h, isAfterRome2100 } from './terms.js';
