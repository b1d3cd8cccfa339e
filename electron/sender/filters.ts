// From the list filter typed on screen (Europe/Rome calendar days) to the store's filter
// (instants and day numbers). Calendar math comes from core (DOMAIN.md 8.1: Rome in one place).
import { romeDayNumber, romeLocalToEpochMs } from '../../core/index.js';
import type { SenderFilter } from '../../db/repositories/sender-queries.js';
import type { SenderFilterInput } from '../api/contract/sender-schemas.js';

const DAY_MS = 86_400_000;

/** Start instant (ms) of a Rome calendar day `YYYY-MM-DD`. */
export function romeDayStartMs(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return romeLocalToEpochMs(y, m, d);
}

/** Day number of `YYYY-MM-DD` (the UTC date of the same digits), as romeDayNumber counts. */
export function dayNumberOf(day: string): number {
  return Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
}

/** `YYYY-MM-DD` of a day number. */
export function dayOfNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** The Rome day of an instant, `YYYY-MM-DD`. */
export function romeDayOf(ms: number): string {
  return dayOfNumber(romeDayNumber(ms));
}

/** Day numbers standing for "no bound" (every deposit day lies between them). */
const OPEN_FROM = -1_000_000;
const OPEN_TO = 1_000_000;

/**
 * The store filter: `from`/`to` are inclusive Rome days ([start of from, start of the day after
 * to)). `days` names the same whole days (open ends included), so that the total of a filter
 * made of days, statuses and sender comes from the daily counters.
 */
export function toStoreFilter(f: SenderFilterInput, senderTaxId: string | undefined): SenderFilter {
  const out: SenderFilter = {};
  if (senderTaxId) out.senderTaxId = senderTaxId;
  if (f.statuses && f.statuses.length > 0) out.statuses = f.statuses;
  if (f.from) out.fromMs = romeDayStartMs(f.from);
  if (f.to) out.toMs = romeDayStartMs(dayOfNumber(dayNumberOf(f.to) + 1));
  out.days = { from: f.from ? dayNumberOf(f.from) : OPEN_FROM, to: f.to ? dayNumberOf(f.to) : OPEN_TO };
  if (f.recipientTaxId) out.recipientTaxId = f.recipientTaxId;
  if (f.iun) out.iun = f.iun;
  if (f.protocol) out.protocol = f.protocol;
  if (f.group) out.group = f.group;
  return out;
}
