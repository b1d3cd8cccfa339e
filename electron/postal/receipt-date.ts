// The date and time written on a postal receipt, as a clerk types it or a CSV carries it, to the
// ISO instant with the Europe/Rome offset the timeline stores (DOMAIN.md 5, 7.3: the business date
// comes from the receipt). Wall-clock input is Europe/Rome time; the calendar math is the core's.
import { DomainError, formatInstant, isInstant, parseInstant, romeLocalToEpochMs, romeWallClock } from '../../core/index.js';

const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;
const ITALIAN = /^(\d{1,2})\/(\d{1,2})\/(\d{4})[ T](\d{1,2})[:.](\d{2})(?::(\d{2}))?$/;

function fromRomeWallClock(value: string, y: number, mo: number, d: number, h: number, mi: number, s: number): string {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) throw new DomainError('POSTAL_DATE_INVALID', { value });
  const ms = romeLocalToEpochMs(y, mo, d, h, mi, s);
  const back = romeWallClock(ms);
  // 31/02 or a day that does not exist would roll over into the next month: refuse it.
  if (back.year !== y || back.month !== mo || back.day !== d) throw new DomainError('POSTAL_DATE_INVALID', { value });
  return formatInstant(ms);
}

/**
 * Reads `2026-03-10T09:30`, `2026-03-10 09:30:15`, `10/03/2026 09:30` (Europe/Rome wall-clock
 * time) or an ISO-8601 instant with offset. Throws POSTAL_DATE_INVALID; a time is required,
 * since a date alone does not say whether the event came before or after the sending.
 */
export function parseReceiptDate(raw: string): string {
  const value = raw.trim();
  const iso = ISO_LOCAL.exec(value);
  if (iso) {
    const [y, mo, d, h, mi, s] = iso.slice(1).map((x) => Number(x ?? 0)) as [number, number, number, number, number, number];
    return fromRomeWallClock(value, y, mo, d, h, mi, s);
  }
  const it = ITALIAN.exec(value);
  if (it) {
    const [d, mo, y, h, mi, s] = it.slice(1).map((x) => Number(x ?? 0)) as [number, number, number, number, number, number];
    return fromRomeWallClock(value, y, mo, d, h, mi, s);
  }
  if (isInstant(value)) return formatInstant(parseInstant(value));
  throw new DomainError('POSTAL_DATE_INVALID', { value: value.slice(0, 40) });
}
