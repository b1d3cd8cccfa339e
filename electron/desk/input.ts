// The start field of the counter (DOMAIN.md 9, 2): a scanner types an AAR QR (the full URL or the
// bare token) and Enter, or the clerk types an IUN or a tax code. Told apart by shape, then checked
// with the core's own parsers, so a wrong check character gets the core's message.
import { DomainError, normalizeIunInput, parseIun, parseRecipientTaxId, parseScannedAar, type ParseFailure, type RecipientType } from '../../core/index.js';

export type ClassifiedInput =
  | { kind: 'QR'; token: string; qrCode: string }
  | { kind: 'IUN'; iun: string }
  | { kind: 'TAX_ID'; taxId: string; recipientType: RecipientType };

const LOOKS_LIKE_URL = /^[a-z][a-z0-9+.-]*:\/\//i;
/** An opaque AAR token is at least 32 base64url characters (core/aar); nothing else is that long here. */
const LOOKS_LIKE_TOKEN = /^[A-Za-z0-9_-]{32,}$/;
/** 4+4+4 letters, 6 digits, a letter, a digit: with or without dashes, any case. */
const LOOKS_LIKE_IUN = /^[A-Z]{4}-?[A-Z]{4}-?[A-Z]{4}-?[0-9]{6}-?[A-Z]-?[0-9]$/;
const LOOKS_LIKE_TAX_ID = /^(?:[A-Z0-9]{16}|[0-9]{11})$/;

function ensure<T>(r: { ok: true; value: T } | ParseFailure): T {
  if (!r.ok) throw new DomainError(r.code, r.params);
  return r.value;
}

/**
 * Classifies the scanned/typed text. Throws AAR_QR_INVALID for a URL that is not a SEND AAR link,
 * the core's IUN_* / TAX_ID_* codes for a malformed identifier, DESK_INPUT_UNRECOGNISED otherwise.
 */
export function classifyDeskInput(text: string): ClassifiedInput {
  const raw = text.trim();
  if (LOOKS_LIKE_URL.test(raw) || LOOKS_LIKE_TOKEN.test(raw)) {
    const scanned = parseScannedAar(raw);
    return { kind: 'QR', token: scanned.token, qrCode: raw };
  }
  const upper = raw.toUpperCase();
  if (LOOKS_LIKE_IUN.test(upper) || upper.includes('-')) {
    return { kind: 'IUN', iun: ensure(parseIun(normalizeIunInput(upper))) };
  }
  if (LOOKS_LIKE_TAX_ID.test(upper.replace(/\s+/g, ''))) {
    const compact = upper.replace(/\s+/g, '');
    const recipientType: RecipientType = /^[0-9]{11}$/.test(compact) ? 'PG' : 'PF';
    return { kind: 'TAX_ID', taxId: ensure(parseRecipientTaxId(compact, recipientType)), recipientType };
  }
  throw new DomainError('DESK_INPUT_UNRECOGNISED');
}
