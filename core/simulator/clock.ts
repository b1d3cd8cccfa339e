// Plausible times for simulated events, on the Europe/Rome wall clock (office hours, postal
// working days). All arithmetic delegates to core/time.
import { civilFromDays, DAY_MS, HOUR_MS, MINUTE_MS, romeDayNumber, romeLocalToEpochMs, weekdayOfDays } from '../time/index.js';
import type { Rng } from './prng.js';

export const SECOND_MS = 1000;
export { DAY_MS, HOUR_MS, MINUTE_MS };

/** The instant at hh:mm:ss Rome time on the Rome calendar day `days` after the day of `ms`. */
export function romeDayAt(ms: number, days: number, hour: number, minute = 0, second = 0): number {
  const out = [0, 0, 0];
  civilFromDays(romeDayNumber(ms) + days, out);
  return romeLocalToEpochMs(out[0] as number, out[1] as number, out[2] as number, hour, minute, second);
}

function isWeekend(ms: number, days: number): boolean {
  const wd = weekdayOfDays(romeDayNumber(ms) + days);
  return wd === 0 || wd === 6;
}

/**
 * A random time between `fromHour` and `toHour` Rome on the first Monday-to-Friday day at least
 * `minDays` days after the day of `ms` (`minDays` 0 = that same day, if a weekday and still ahead).
 * The result is always after `ms`.
 */
export function workingDayTime(rng: Rng, ms: number, minDays: number, fromHour: number, toHour: number): number {
  for (let days = minDays; ; days++) {
    if (isWeekend(ms, days)) continue;
    const minute = rng.between(fromHour * 60, toHour * 60 - 1);
    const t = romeDayAt(ms, days, Math.floor(minute / 60), minute % 60, rng.int(60));
    if (t > ms) return t;
  }
}

/** `ms` plus a random delay in [minMs, maxMs], rounded to the second. */
export function after(rng: Rng, ms: number, minMs: number, maxMs: number): number {
  const d = minMs + rng.int(Math.max(1, maxMs - minMs + 1));
  return Math.floor((ms + d) / SECOND_MS) * SECOND_MS;
}
