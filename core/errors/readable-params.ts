// Dates and times inside a clerk-facing message read the way the clerk reads them (DOMAIN.md 12:
// Europe/Rome wall clock): a param that is an ISO instant becomes `dd/mm/yyyy HH:MM` (seconds only
// when not zero), a calendar day `YYYY-MM-DD` becomes `dd/mm/yyyy`. Only the text changes: the
// DomainError keeps its params as they were, for code that reads them. A number with decimals is
// written with the reader's decimal separator ("16,2 MB" in Italian, "16.2 MB" in English); whole
// numbers are left as they are (no grouping: a year or a count reads the same in both languages).
import { daysInMonth } from '../time/calendar.js';
import { tryParseInstant } from '../time/instant.js';
import { romeWallClock } from '../time/rome.js';
import type { Locale } from './codes.js';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `dd/mm/yyyy` of a `YYYY-MM-DD` day, or null when the text is not a possible day. */
function readableDay(s: string): string | null {
  const m = DAY.exec(s);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${m[3]}/${m[2]}/${m[1]}`;
}

/** `dd/mm/yyyy HH:MM[:SS]` Europe/Rome of an ISO instant with offset, or null when it is not one. */
function readableInstant(s: string): string | null {
  // Cheap pre-check: most params (codes, names, numbers) are not dates at all.
  if (s.length < 17 || s.charCodeAt(4) !== 45 /* - */) return null;
  const ms = tryParseInstant(s);
  if (Number.isNaN(ms)) return null;
  const w = romeWallClock(ms);
  const time = `${pad(w.hour)}:${pad(w.minute)}${w.second === 0 ? '' : `:${pad(w.second)}`}`;
  return `${pad(w.day)}/${pad(w.month)}/${pad(w.year, 4)} ${time}`;
}

/** A param's value as it goes into a message: dates and instants made readable, decimals in the reader's language, the rest as is. */
export function readableParam(value: string | number, locale: Locale): string {
  if (typeof value !== 'string') return Number.isInteger(value) || locale === 'en' ? String(value) : String(value).replace('.', ',');
  return readableDay(value) ?? readableInstant(value) ?? value;
}
