// The date and time written on a postal receipt, as a clerk types it or a CSV carries it, to the
// ISO instant with the Europe/Rome offset the timeline stores (DOMAIN.md 5, 7.3: the business date
// comes from the receipt). Wall-clock input is Europe/Rome time; the calendar math is the core's.
import { DomainError, formatInstant, isInstant, parseInstant, romeLocalToEpochMs, romeWallClock } from '../../core/index.js';

const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;
const ITALIAN = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T](\d{1,2})[:.](\d{2})(?::(\d{2}))?)?$/;

/**
 * The time a receipt's date alone stands for: 12:00 Europe/Rome. Paper receipts (AR card, 890
 * receipt, CAD/CAN notice) often carry only the day, and the clerk should not have to invent a time.
 * Why midday (DOMAIN.md 7.3, 8.1):
 * - the giacenza rules (10-day term, 30-day holding, "more than 10 days after the inesito") compare
 *   Europe/Rome calendar days: any time of the day gives the same result;
 * - the analog term is the feedback instant + 10 × 24 h. From midday it ends on the receipt's day
 *   + 10 (at 11:00-13:00 across a daylight-saving change): the calendar day the law's "10th day"
 *   and the clerk expect. From midnight it would end at 23:00 of the day before after the autumn
 *   change, showing a refinement one day early; a time late in the day would make today's receipts
 *   "in the future" for most of the day.
 * A date alone for today before midday would be in the future: the time is asked for then
 * (POSTAL_TIME_REQUIRED). A date alone may also fall before an event recorded with a time on the
 * same day (OUTCOME_OUT_OF_ORDER names it): then the time on the receipt is needed.
 */
export const DATE_ONLY_HOUR = 12;

function fromRomeWallClock(value: string, y: number, mo: number, d: number, h: number, mi: number, s: number): string {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) throw new DomainError('POSTAL_DATE_INVALID', { value });
  const ms = romeLocalToEpochMs(y, mo, d, h, mi, s);
  const back = romeWallClock(ms);
  // 31/02 or a day that does not exist would roll over into the next month: refuse it.
  if (back.year !== y || back.month !== mo || back.day !== d) throw new DomainError('POSTAL_DATE_INVALID', { value });
  return formatInstant(ms);
}

/** The parts read, with the time of a date alone (DATE_ONLY_HOUR); `dateOnly` says which it was. */
function wallClock(value: string, y: number, mo: number, d: number, time: (string | undefined)[], now: string | undefined): string {
  const dateOnly = time[0] === undefined;
  const [h, mi, s] = dateOnly ? [DATE_ONLY_HOUR, 0, 0] : time.map((x) => Number(x ?? 0)) as [number, number, number];
  const at = fromRomeWallClock(value, y, mo, d, h, mi, s);
  if (dateOnly && now !== undefined && parseInstant(at) > parseInstant(now)) throw new DomainError('POSTAL_TIME_REQUIRED', { value });
  return at;
}

/**
 * Reads `2026-03-10T09:30`, `2026-03-10 09:30:15`, `10/03/2026 09:30` (Europe/Rome wall-clock
 * time), a date alone (`2026-03-10`, `10/03/2026`: 12:00 Europe/Rome, see DATE_ONLY_HOUR) or an
 * ISO-8601 instant with offset. Throws POSTAL_DATE_INVALID; with `now`, POSTAL_TIME_REQUIRED for a
 * date alone whose midday has not come yet (today before 12:00).
 */
export function parseReceiptDate(raw: string, now?: string): string {
  const value = raw.trim();
  const iso = ISO_LOCAL.exec(value);
  if (iso) return wallClock(value, Number(iso[1]), Number(iso[2]), Number(iso[3]), iso.slice(4), now);
  const it = ITALIAN.exec(value);
  if (it) return wallClock(value, Number(it[3]), Number(it[2]), Number(it[1]), it.slice(4), now);
  if (isInstant(value)) return formatInstant(parseInstant(value));
  throw new DomainError('POSTAL_DATE_INVALID', { value: value.slice(0, 40) });
}
