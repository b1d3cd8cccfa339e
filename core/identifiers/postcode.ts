// The postcode of a notification's physical address (B2B NotificationPhysicalAddress, DOMAIN.md 13):
// in Italy a CAP is required and is exactly 5 digits ("123" was accepted and would have gone to
// SEND); an address abroad (a foreign state given) may omit it and keeps its own country's format.
import { fail, type ParseResult } from './result.js';

const ITALY = /^(italia|italy|it|ita)$/i;

/** Whether the address is in Italy: no foreign state, or one naming Italy itself. */
export function isItalianAddress(foreignState: string | null | undefined): boolean {
  const s = (foreignState ?? '').trim();
  return s === '' || ITALY.test(s);
}

/**
 * A postcode as typed, for an address in Italy or abroad: trimmed; `value` undefined when none was
 * typed (allowed abroad only). Refused: SENDER_ZIP_REQUIRED (Italy, none), SENDER_ZIP_INVALID
 * (Italy, not 5 digits).
 */
export function parsePostcode(zip: string | null | undefined, foreignState: string | null | undefined): ParseResult<string | undefined> {
  const s = (zip ?? '').trim();
  const italian = isItalianAddress(foreignState);
  if (s === '') return italian ? fail('SENDER_ZIP_REQUIRED') : { ok: true, value: undefined, warnings: [] };
  if (italian && !/^\d{5}$/.test(s)) return fail('SENDER_ZIP_INVALID', { zip: s });
  return { ok: true, value: s, warnings: [] };
}
