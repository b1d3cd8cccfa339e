// ISO-8601 instants with offset <-> epoch milliseconds. Business timestamps keep their offsets in
// the input; the engine compares instants (DOMAIN.md 8.1 "Comparisons are on instants") and prints
// them with the Europe/Rome offset valid at that instant (DOMAIN.md 12).
// Parsing is by character codes (no regex, no Date.parse): it runs once per element in the hot path.
import { DomainError } from '../errors/domain-error.js';
import { civilFromDays, DAY_MS, daysFromCivil, daysInMonth, HOUR_MS, MINUTE_MS } from './calendar.js';
import { romeOffsetMinutes } from './rome.js';

/** Milliseconds since 1970-01-01T00:00:00Z. */
export type EpochMs = number;

/** Reads 2 decimal digits at `i`; -1 when either is not a digit. */
function two(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** Offset of the text's zone designator (Z or ±HH:MM) at `i`, in ms; NaN when malformed. */
function zoneOffset(s: string, i: number): number {
  const sign = s.charCodeAt(i);
  if (sign === 90 /* Z */ || sign === 122 /* z */) return i + 1 === s.length ? 0 : Number.NaN;
  if (sign !== 43 /* + */ && sign !== 45 /* - */) return Number.NaN;
  // ±HH:MM (extended), ±HHMM and ±HH (ISO 8601 basic, as some systems write them).
  const rest = s.length - i - 1;
  const colon = rest === 5 && s.charCodeAt(i + 3) === 58;
  if (rest !== 2 && rest !== 4 && !colon) return Number.NaN;
  const oh = two(s, i + 1);
  const om = rest === 2 ? 0 : two(s, colon ? i + 4 : i + 3);
  if (oh < 0 || oh > 23 || om < 0 || om > 59) return Number.NaN;
  return (oh * HOUR_MS + om * MINUTE_MS) * (sign === 45 ? -1 : 1);
}

/**
 * Epoch ms of `YYYY-MM-DDTHH:MM[:SS[.f{1,9}]](Z|±HH:MM)`, or NaN when the text is malformed or the
 * date impossible (30 February, 24:00, 60 seconds). The non-throwing variant, for hot loops.
 * Also read as written elsewhere: a space for the `T` (RFC 3339 5.6), `±HHMM` or `±HH` offsets. A
 * time without an offset is refused: it does not name one instant.
 */
export function tryParseInstant(s: string): EpochMs {
  if (typeof s !== 'string' || s.length < 17) return Number.NaN;
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(13) !== 58) return Number.NaN;
  const t = s.charCodeAt(10);
  if (t !== 84 /* T */ && t !== 116 /* t */ && t !== 32 /* space */) return Number.NaN;
  const hi = two(s, 0);
  const lo = two(s, 2);
  const month = two(s, 5);
  const day = two(s, 8);
  const hour = two(s, 11);
  const minute = two(s, 14);
  if (hi < 0 || lo < 0) return Number.NaN;
  const year = hi * 100 + lo;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return Number.NaN;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return Number.NaN;
  let i = 16;
  let extra = 0;
  if (s.charCodeAt(i) === 58 /* : */) {
    const second = two(s, i + 1);
    if (second < 0 || second > 59) return Number.NaN;
    extra = second * 1000;
    i += 3;
    if (s.charCodeAt(i) === 46 /* . */) {
      // Fractions finer than a millisecond are truncated, as Java's Instant.toEpochMilli does.
      let n = 0;
      let millis = 0;
      for (let c = s.charCodeAt(++i) - 48; c >= 0 && c <= 9; c = s.charCodeAt(++i) - 48) {
        if (n < 3) millis = millis * 10 + c;
        n++;
      }
      if (n === 0 || n > 9) return Number.NaN;
      extra += n === 1 ? millis * 100 : n === 2 ? millis * 10 : millis;
    }
  }
  const offset = zoneOffset(s, i);
  if (offset !== offset) return Number.NaN; // NaN
  return daysFromCivil(year, month, day) * DAY_MS + hour * HOUR_MS + minute * MINUTE_MS + extra - offset;
}

/** Epoch ms of an ISO-8601 instant with offset; throws `INVALID_INSTANT` when malformed or impossible. */
export function parseInstant(s: string): EpochMs {
  const ms = tryParseInstant(s);
  if (Number.isNaN(ms)) throw new DomainError('INVALID_INSTANT', { value: String(s) });
  return ms;
}

/** True when the text is a well-formed, possible ISO-8601 instant with offset. */
export function isInstant(s: string): boolean {
  return !Number.isNaN(tryParseInstant(s));
}

const TWO_DIGITS: readonly string[] = Array.from({ length: 100 }, (_, i) => (i < 10 ? '0' + i : String(i)));

function pad2(n: number): string {
  return TWO_DIGITS[n]!;
}

function pad3(n: number): string {
  return n < 10 ? '00' + n : n < 100 ? '0' + n : '' + n;
}

function pad4(n: number): string {
  return n >= 1000 && n <= 9999 ? TWO_DIGITS[(n / 100) | 0]! + TWO_DIGITS[n % 100]! : String(n).padStart(4, '0');
}

const scratch = [0, 0, 0];

// Recent results, direct-mapped by the instant's second: a derivation prints the same instants
// several times (history, legal facts, refinement basis), and most of them are the `at` of an
// element, whose text is already canonical (see rememberInstantText).
const CACHE_SLOTS = 256;
const cachedMs: number[] = new Array<number>(CACHE_SLOTS).fill(Number.NaN);
const cachedText: string[] = new Array<string>(CACHE_SLOTS).fill('');

// Any function of `ms` will do; a multiplication is cheaper than a division.
const slotOf = (ms: number): number => (ms * 0.001) & (CACHE_SLOTS - 1);

/** ISO-8601 with the Europe/Rome offset of that instant, e.g. `2026-04-03T11:00:00+02:00` (ms only when non-zero). */
export function formatInstant(ms: EpochMs): string {
  const slot = slotOf(ms);
  if (cachedMs[slot] === ms) return cachedText[slot]!;
  const text = formatUncached(ms);
  cachedMs[slot] = ms;
  cachedText[slot] = text;
  return text;
}

/**
 * Offers the text an instant was parsed from (`ms` = tryParseInstant(text)). When it is exactly
 * what formatInstant(ms) prints (`YYYY-MM-DDTHH:MM:SS` with the Rome offset of that instant, no
 * fraction), later formatInstant calls return it instead of printing again; otherwise nothing
 * happens. The engine offers every element's `at`: most instants it prints are elements' times.
 */
export function rememberInstantText(ms: EpochMs, text: string): void {
  if (text.length !== 25 || text.charCodeAt(10) !== 84 /* T */ || text.charCodeAt(19) !== 43 /* + */) return;
  if (text.charCodeAt(20) !== 48 || text.charCodeAt(22) !== 58 || text.charCodeAt(23) !== 48 || text.charCodeAt(24) !== 48) return;
  const hour = text.charCodeAt(21) - 48; // +01:00 or +02:00
  if (hour * 60 !== romeOffsetMinutes(ms)) return;
  const slot = slotOf(ms);
  cachedMs[slot] = ms;
  cachedText[slot] = text;
}

// `YYYY-MM-DDT` of the last local day printed: instants printed together often share the day.
let prefixDay = Number.NaN;
let prefixText = '';

function formatUncached(ms: EpochMs): string {
  const offset = romeOffsetMinutes(ms);
  const local = ms + offset * MINUTE_MS;
  const days = Math.floor(local / DAY_MS);
  if (days !== prefixDay) {
    civilFromDays(days, scratch);
    prefixDay = days;
    prefixText = pad4(scratch[0]!) + '-' + pad2(scratch[1]!) + '-' + pad2(scratch[2]!) + 'T';
  }
  const tod = local - days * DAY_MS;
  const milli = tod % 1000;
  return (
    prefixText + pad2(Math.floor(tod / HOUR_MS)) + ':' + pad2(Math.floor((tod % HOUR_MS) / MINUTE_MS)) +
    ':' + pad2(Math.floor((tod % MINUTE_MS) / 1000)) + (milli === 0 ? '' : '.' + pad3(milli)) +
    (offset === 120 ? '+02:00' : '+01:00')
  );
}

/** `YYYY-MM-DD` of the Europe/Rome calendar day of an instant. */
export function formatRomeDate(ms: EpochMs): string {
  const local = ms + romeOffsetMinutes(ms) * MINUTE_MS;
  civilFromDays(Math.floor(local / DAY_MS), scratch);
  return pad4(scratch[0]!) + '-' + pad2(scratch[1]!) + '-' + pad2(scratch[2]!);
}

/** `DD/MM/YYYY HH:MM:SS` Europe/Rome wall-clock time, the way a clerk reads it (explanations). */
export function formatRomeReadable(ms: EpochMs): string {
  const local = ms + romeOffsetMinutes(ms) * MINUTE_MS;
  const days = Math.floor(local / DAY_MS);
  civilFromDays(days, scratch);
  const tod = local - days * DAY_MS;
  return (
    pad2(scratch[2]!) + '/' + pad2(scratch[1]!) + '/' + pad4(scratch[0]!) + ' ' + pad2(Math.floor(tod / HOUR_MS)) +
    ':' + pad2(Math.floor((tod % HOUR_MS) / MINUTE_MS)) + ':' + pad2(Math.floor((tod % MINUTE_MS) / 1000))
  );
}

/** Re-prints an ISO instant with the Europe/Rome offset; throws `INVALID_INSTANT` when malformed. */
export function toRomeIso(s: string): string {
  return formatInstant(parseInstant(s));
}
