// IUN: parse, validate, build. DOMAIN.md 2.1 (rules) and 14 (what SEND sends vs what a person types).
import { DomainError } from '../errors/index.js';
import type { DomainWarning } from '../model/types.js';
import { fail, type ParseResult } from './result.js';

declare const iunBrand: unique symbol;
/** A checked IUN in canonical form `AAAA-AAAA-AAAA-YYYYMM-C-V`; made only by the functions of this module. */
export type Iun = string & { readonly [iunBrand]: true };

/** The 20-letter alphabet of DOMAIN.md 2.1, index 0..19 in this order. */
export const IUN_ALPHABET = 'ADEGHJKLMNPQRTUVWXYZ';

/** The public API regex SEND applies (DOMAIN.md 14). */
export const SEND_IUN_REGEX = /^[A-Z]{4}-[A-Z]{4}-[A-Z]{4}-[0-9]{6}-[A-Z]-[0-9]$/;

/** Positions (0-based) of the dashes in the canonical 25-character form. */
const DASH_POSITIONS = [4, 9, 14, 21, 23];
const FORBIDDEN_PAIRS = ['UV', 'VU', 'HN', 'NH', 'LJ'];

/** What each non-dash position may hold: letter groups and check char use the alphabet. */
function allowedAt(position: number): (c: string) => boolean {
  if (position < 14) return (c) => IUN_ALPHABET.includes(c);
  if (position < 21) return (c) => c >= '0' && c <= '9';
  if (position === 22) return (c) => IUN_ALPHABET.includes(c);
  // Version: SEND's API accepts a digit; its "informal" generator uses `A` (DOMAIN.md 2.1: MAY accept).
  return (c) => (c >= '0' && c <= '9') || c === 'A';
}

/**
 * Drop spaces (anywhere: a code read out in groups, "ABCD - EFGH ..."), uppercase, re-insert the
 * dashes of a dashless input (app convenience, DOMAIN.md 2.1).
 * DOMAIN.md says "22 alphanumerics", but an IUN without its 5 dashes has 20 (25 - 5): 20 is the
 * only count that can make a valid IUN, so that is the one accepted.
 */
export function normalizeIunInput(input: string): string {
  const s = input.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z0-9]{20}$/.test(s)) return s;
  return [s.slice(0, 4), s.slice(4, 8), s.slice(8, 12), s.slice(12, 18), s.slice(18, 19), s.slice(19, 20)].join('-');
}

/**
 * The check character of DOMAIN.md 2.1 over `AAAA-AAAA-AAAA-YYYYMM` (dashes optional, they count 0).
 * Throws IUN_INVALID_CHARACTER for a character that is neither an alphabet letter, a digit nor a dash.
 */
export function computeIunCheckChar(prefix: string): string {
  let sum = 0;
  for (const [i, c] of [...prefix].entries()) {
    if (c === '-') continue;
    if (c >= '0' && c <= '9') {
      sum += Number(c);
      continue;
    }
    const index = IUN_ALPHABET.indexOf(c);
    if (index < 0) throw new DomainError('IUN_INVALID_CHARACTER', { char: c, position: i + 1 });
    sum += index + 1;
  }
  return IUN_ALPHABET[sum % 20] as string;
}

/** Generator rule of DOMAIN.md 2.1: inside a group no equal adjacent letters and no UV VU HN NH LJ. */
export function findIunAdjacencyViolations(iun: string): DomainWarning[] {
  const warnings: DomainWarning[] = [];
  const groups = iun.replace(/-/g, '').slice(0, 12).match(/.{1,4}/g) ?? [];
  groups.forEach((group, g) => {
    for (let i = 0; i + 1 < group.length; i++) {
      const pair = group.slice(i, i + 2);
      if (pair[0] === pair[1] || FORBIDDEN_PAIRS.includes(pair)) {
        warnings.push({ code: 'IUN_ADJACENT_LETTERS', params: { group: g + 1, pair } });
      }
    }
  });
  return warnings;
}

function checkLayout(s: string): ParseResult<never> | null {
  if (s.length !== 25) return fail('IUN_INVALID_FORMAT', { length: s.length });
  for (const p of DASH_POSITIONS) if (s[p] !== '-') return fail('IUN_INVALID_FORMAT', { length: s.length });
  for (let p = 0; p < 25; p++) {
    if (DASH_POSITIONS.includes(p)) continue;
    const c = s[p] as string;
    if (!allowedAt(p)(c)) return fail('IUN_INVALID_CHARACTER', { char: c, position: p + 1 });
  }
  return null;
}

/**
 * Strict validation of an IUN typed or scanned by a person (DOMAIN.md 2.1): normalise, layout,
 * alphabet, month 01-12, check character. The adjacency rule only warns.
 */
export function parseIun(input: string): ParseResult<Iun> {
  const s = normalizeIunInput(input);
  const layoutError = checkLayout(s);
  if (layoutError) return layoutError;
  const month = s.slice(19, 21);
  if (month < '01' || month > '12') return fail('IUN_INVALID_MONTH', { month });
  const expected = computeIunCheckChar(s.slice(0, 21));
  if (s[22] !== expected) return fail('IUN_INVALID_CHECK_CHAR', { found: s[22] as string, expected });
  return { ok: true, value: s as Iun, warnings: findIunAdjacencyViolations(s) };
}

/**
 * An IUN arriving from SEND through a sync adapter (DOMAIN.md 14): accepted as sent when it matches
 * the public regex; a check character that does not verify is a warning, not a rejection.
 */
export function acceptIunFromSend(input: string): ParseResult<Iun> {
  if (!SEND_IUN_REGEX.test(input)) return fail('IUN_INVALID_FORMAT', { length: input.length });
  const warnings: DomainWarning[] = [];
  const letters = input.slice(0, 14).replace(/-/g, '');
  const expected = [...letters].every((c) => IUN_ALPHABET.includes(c)) ? computeIunCheckChar(input.slice(0, 21)) : '?';
  if (input[22] !== expected) {
    warnings.push({ code: 'IUN_CHECK_CHAR_UNVERIFIED', params: { iun: input, found: input[22] as string, expected } });
  }
  return { ok: true, value: input as Iun, warnings };
}

/**
 * Builds a valid IUN from 12 chosen letters (dashes allowed), the creation month `YYYYMM` (UTC, see
 * iunYearMonthOf) and the version character. For the simulator and test builders.
 * Throws DomainError(IUN_INVALID_*) when the parts cannot make a valid IUN.
 */
export function makeIun(letters12: string, yyyymm: string, version = '1'): Iun {
  const letters = letters12.replace(/-/g, '').toUpperCase();
  if (letters.length !== 12 || !/^[0-9]{6}$/.test(yyyymm) || !/^[0-9A]$/.test(version)) {
    throw new DomainError('IUN_INVALID_FORMAT', { length: letters.length });
  }
  const prefix = `${letters.slice(0, 4)}-${letters.slice(4, 8)}-${letters.slice(8, 12)}-${yyyymm}`;
  const result = parseIun(`${prefix}-${computeIunCheckChar(prefix)}-${version}`);
  if (!result.ok) throw new DomainError(result.code, result.params);
  return result.value;
}

/** `YYYYMM` of an instant in UTC, the IUN's creation month (DOMAIN.md 2.1). */
export function iunYearMonthOf(createdAt: string): string {
  const ms = Date.parse(createdAt);
  if (Number.isNaN(ms)) throw new DomainError('VALIDATION_FAILED', { field: 'createdAt' });
  return new Date(ms).toISOString().slice(0, 7).replace('-', '');
}

/**
 * 12 letters that follow the generator rule (no warning on parse), drawn with the caller's RNG:
 * `nextInt(n)` returns an integer in [0, n). Core has no randomness of its own.
 */
export function pickIunLetters(nextInt: (n: number) => number): string {
  let out = '';
  for (let g = 0; g < 3; g++) {
    let group = '';
    while (group.length < 4) {
      const prev = group.slice(-1);
      // Step to the next letter instead of drawing again, so that any RNG terminates.
      let k = Math.abs(Math.trunc(nextInt(20))) % 20;
      while (prev === IUN_ALPHABET[k] || FORBIDDEN_PAIRS.includes(prev + IUN_ALPHABET[k])) k = (k + 1) % 20;
      group += IUN_ALPHABET[k];
    }
    out += group;
  }
  return out;
}
