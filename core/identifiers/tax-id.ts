// Recipient tax ids: codice fiscale (DOMAIN.md 2.2) and the 11-digit partita IVA / numeric codice
// fiscale (2.3). Strict rules for what a person types; acceptTaxIdFromSend for what SEND sends (14).
import { DomainError } from '../errors/index.js';
import type { DomainWarning, RecipientType } from '../model/types.js';
import { fail, type ParseResult } from './result.js';
import {
  codiceFiscaleCheckChar,
  decodeOmocodia,
  nameCode,
  surnameCode,
  MONTH_LETTERS,
  OMOCODIA_LETTERS,
  OMOCODIA_POSITIONS,
} from './codice-fiscale.js';

declare const taxIdBrand: unique symbol;
/** A checked recipient tax id, upper case; made only by the functions of this module. */
export type TaxId = string & { readonly [taxIdBrand]: true };

/** CODICE_FISCALE: the 16-character personal code; PARTITA_IVA: 11 digits (partita IVA or numeric codice fiscale). */
export type TaxIdKind = 'CODICE_FISCALE' | 'PARTITA_IVA';

/** What a valid codice fiscale says about its holder (DOMAIN.md 2.2), omocodia decoded. */
export interface CodiceFiscaleInfo {
  birthYear2: number;
  birthMonth: number;
  birthDay: number;
  female: boolean;
  cadastralCode: string;
  bornAbroad: boolean;
  omocodic: boolean;
}

export type TaxIdResult = ParseResult<TaxId, { kind: TaxIdKind; info?: CodiceFiscaleInfo }>;

const OMO = '[0-9LMNPQRSTUV]';
/** Shape with any letter as month, so that a wrong month letter is reported as such, not as a format error. */
const CF_LAYOUT = new RegExp(`^[A-Z]{6}${OMO}{2}[A-Z]${OMO}{2}[A-Z]${OMO}{3}[A-Z]$`);
/** SEND's public taxId regex (send-delivery-b2b-pa.yaml), anchored on both alternatives. */
const SEND_TAX_ID = new RegExp(`^(?:[A-Z]{6}${OMO}{2}[A-Z]${OMO}{2}[A-Z]${OMO}{3}[A-Z]|[0-9]{11})$`);

export { codiceFiscaleCheckChar as computeTaxIdCheckChar };

/**
 * A tax id as a person types or reads it out: spaces anywhere (groups like "RSS MRA 80A01 H501U",
 * a stray space) carry no meaning and are dropped, letters upper-cased, so that every screen reads
 * the same code (DOMAIN.md 2.2, 2.3).
 */
export function normalizeTaxIdInput(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

/** Strict validation of a 16-character codice fiscale (DOMAIN.md 2.2): length, shape, month, day, check letter. */
export function parseCodiceFiscale(input: string): TaxIdResult {
  const s = normalizeTaxIdInput(input);
  if (s.length !== 16) return fail('TAX_ID_INVALID_LENGTH', { length: s.length, expected: '16' });
  if (!CF_LAYOUT.test(s)) return fail('TAX_ID_INVALID_FORMAT', {});
  const monthIndex = MONTH_LETTERS.indexOf(s[8] as string);
  if (monthIndex < 0) return fail('TAX_ID_INVALID_MONTH', { letter: s[8] as string });
  const decoded = decodeOmocodia(s);
  const dayField = Number(decoded.slice(9, 11));
  const female = dayField > 40;
  if (!((dayField >= 1 && dayField <= 31) || (dayField >= 41 && dayField <= 71))) {
    return fail('TAX_ID_INVALID_DAY', { day: decoded.slice(9, 11) });
  }
  const expected = codiceFiscaleCheckChar(s);
  if (s[15] !== expected) return fail('TAX_ID_INVALID_CHECK_CHAR', { found: s[15] as string, expected });
  const info: CodiceFiscaleInfo = {
    birthYear2: Number(decoded.slice(6, 8)),
    birthMonth: monthIndex + 1,
    birthDay: female ? dayField - 40 : dayField,
    female,
    cadastralCode: decoded.slice(11, 15),
    bornAbroad: decoded[11] === 'Z',
    omocodic: decoded !== s,
  };
  return { ok: true, value: s as TaxId, kind: 'CODICE_FISCALE', info, warnings: [] };
}

/** Check digit of DOMAIN.md 2.3 over the first 10 digits. */
export function computeVatCheckDigit(first10: string): number {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const d = Number(first10[i]);
    if (i % 2 === 0) sum += d;
    else sum += d * 2 > 9 ? d * 2 - 9 : d * 2;
  }
  return (10 - (sum % 10)) % 10;
}

/** Strict validation of an 11-digit partita IVA / numeric codice fiscale (DOMAIN.md 2.3). */
export function parseVatNumber(input: string): TaxIdResult {
  const s = normalizeTaxIdInput(input);
  if (!/^[0-9]{11}$/.test(s)) return fail('VAT_INVALID_FORMAT', { length: s.length });
  // Passes the arithmetic, but is no one's number (DOMAIN.md 2.3).
  if (s === '00000000000') return fail('VAT_INVALID', {});
  const expected = computeVatCheckDigit(s);
  if (Number(s[10]) !== expected) return fail('VAT_INVALID_CHECK_DIGIT', { found: s[10] as string, expected });
  return { ok: true, value: s as TaxId, kind: 'PARTITA_IVA', warnings: [] };
}

/**
 * A recipient's tax id as typed at a desk or in a form (DOMAIN.md 2.2, 2.3, 13).
 * PF needs the 16-character codice fiscale. PG takes the 11 digits and also a 16-character codice
 * fiscale, because a sole trader (ditta individuale) is identified by the owner's personal code.
 * Without a recipient type, the form decides: all digits -> partita IVA rules, otherwise codice fiscale.
 */
export function parseRecipientTaxId(input: string, recipientType?: RecipientType): TaxIdResult {
  const s = normalizeTaxIdInput(input);
  if (recipientType === 'PF') return parseCodiceFiscale(s);
  if (/^[0-9]+$/.test(s)) return parseVatNumber(s);
  if (s.length !== 16) return fail('TAX_ID_INVALID_LENGTH', { length: s.length, expected: '11/16' });
  return parseCodiceFiscale(s);
}

/**
 * A tax id arriving from SEND (DOMAIN.md 14): accepted when it matches SEND's public regex; a check
 * character that does not verify is a warning.
 */
export function acceptTaxIdFromSend(input: string): TaxIdResult {
  if (!SEND_TAX_ID.test(input)) return fail('TAX_ID_INVALID_FORMAT', {});
  const warnings: DomainWarning[] = [];
  const numeric = input.length === 11;
  const expected = numeric ? String(computeVatCheckDigit(input)) : codiceFiscaleCheckChar(input);
  const found = input.slice(-1);
  if (found !== expected) warnings.push({ code: 'TAX_ID_CHECK_CHAR_UNVERIFIED', params: { taxId: input, found, expected } });
  return { ok: true, value: input as TaxId, kind: numeric ? 'PARTITA_IVA' : 'CODICE_FISCALE', warnings };
}

/** Builds a valid partita IVA from its first 10 digits (simulator, test builders). */
export function makeVatNumber(first10digits: string): TaxId {
  if (!/^[0-9]{10}$/.test(first10digits)) throw new DomainError('VAT_INVALID_FORMAT', { length: first10digits.length });
  const result = parseVatNumber(first10digits + String(computeVatCheckDigit(first10digits)));
  if (!result.ok) throw new DomainError(result.code, result.params);
  return result.value;
}

/**
 * The omocodic variant of a codice fiscale at `level` (1..7): the `level` rightmost digits of
 * positions 7, 8, 10, 11, 13, 14, 15 become letters, and the check letter is recomputed (DOMAIN.md 2.2).
 */
export function makeOmocodicVariant(taxId: string, level: number): TaxId {
  const chars = [...decodeOmocodia(taxId.toUpperCase())];
  const positions = [...OMOCODIA_POSITIONS].reverse().slice(0, level);
  for (const p of positions) chars[p] = OMOCODIA_LETTERS[Number(chars[p])] as string;
  const body = chars.slice(0, 15).join('');
  const result = parseCodiceFiscale(body + codiceFiscaleCheckChar(body));
  if (!result.ok) throw new DomainError(result.code, result.params);
  return result.value;
}

/** The data a codice fiscale is made of. `birthDate` is `YYYY-MM-DD`; `cadastralCode` a letter + 3 digits. */
export interface TaxIdPerson {
  surname: string;
  name: string;
  birthDate: string;
  female: boolean;
  cadastralCode: string;
}

/** Builds the (non-omocodic) codice fiscale of a person, DOMAIN.md 2.2 (simulator, test builders). */
export function makeTaxId(person: TaxIdPerson): TaxId {
  const date = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(person.birthDate);
  const cadastral = person.cadastralCode.trim().toUpperCase();
  if (!date || !/^[A-Z][0-9]{3}$/.test(cadastral)) throw new DomainError('TAX_ID_INVALID_FORMAT', {});
  const [, year, month, day] = date as unknown as [string, string, string, string];
  const monthLetter = MONTH_LETTERS[Number(month) - 1];
  if (!monthLetter) throw new DomainError('TAX_ID_INVALID_MONTH', { letter: month });
  const dayField = String(Number(day) + (person.female ? 40 : 0)).padStart(2, '0');
  const body = surnameCode(person.surname) + nameCode(person.name) + year.slice(2) + monthLetter + dayField + cadastral;
  const result = parseCodiceFiscale(body + codiceFiscaleCheckChar(body));
  if (!result.ok) throw new DomainError(result.code, result.params);
  return result.value;
}
