// The code a postal clerk scans or types to name a paper item (docs/decisions/postal-item-code.md):
// SEND's paper items are one recipient's attempt of one notification (DOMAIN.md 5, rows 22-27).
// Accepted: the paper channel's requestId, `<IUN>/<recIndex>/<attempt>` and the IUN alone.
import { parseIun, type ParseFailure } from '../../core/index.js';

/** 0 / 1: the registered letter (890/AR) attempt; 'RS': the simple registered letter after a digital failure. */
export type AttemptRef = 0 | 1 | 'RS';

/** What a scanned code names: one item, or an IUN whose open items the clerk chooses among. */
export interface ItemRef {
  iun: string;
  recipientIndex?: number;
  attempt?: AttemptRef;
}

export type ItemCodeResult = { ok: true; value: ItemRef } | ParseFailure;

const MAX_RECIPIENTS = 100;

// PREPARE_ANALOG_DOMICILE.IUN_<iun>.RECINDEX_<i>.ATTEMPT_<a> (the paper channel's requestId);
// SEND_ANALOG_DOMICILE.… names the same item, so a scan of either is accepted.
const ANALOG_REQUEST_ID = /^(?:PREPARE|SEND)_ANALOG_DOMICILE\.IUN_([A-Z0-9-]+)\.RECINDEX_(\d{1,2})\.ATTEMPT_([01])$/;
const SIMPLE_REQUEST_ID = /^(?:PREPARE|SEND)_SIMPLE_REGISTERED_LETTER\.IUN_([A-Z0-9-]+)\.RECINDEX_(\d{1,2})$/;
const SLASHED = /^([A-Z0-9-]+)\/(\d{1,2})\/([01]|RS)$/;

function invalid(value: string): ParseFailure {
  return { ok: false, code: 'POSTAL_ITEM_CODE_INVALID', params: { value: value.slice(0, 80) } };
}

function withIun(rawIun: string, rest: Omit<ItemRef, 'iun'>): ItemCodeResult {
  const iun = parseIun(rawIun);
  if (!iun.ok) return iun;
  if (rest.recipientIndex !== undefined && rest.recipientIndex >= MAX_RECIPIENTS) return invalid(rawIun);
  return { ok: true, value: { iun: iun.value, ...rest } };
}

function attemptOf(raw: string): AttemptRef {
  return raw === 'RS' ? 'RS' : (Number(raw) as 0 | 1);
}

/**
 * Parses a scanned or typed item code. Case and surrounding blanks do not matter; the IUN inside
 * gets the strict check of a typed identifier (DOMAIN.md 14).
 */
export function parseItemCode(input: string): ItemCodeResult {
  const s = input.trim().toUpperCase();
  if (s.length === 0 || s.length > 120) return invalid(s);
  const analog = ANALOG_REQUEST_ID.exec(s);
  if (analog) return withIun(analog[1]!, { recipientIndex: Number(analog[2]), attempt: attemptOf(analog[3]!) });
  const simple = SIMPLE_REQUEST_ID.exec(s);
  if (simple) return withIun(simple[1]!, { recipientIndex: Number(simple[2]), attempt: 'RS' });
  const slashed = SLASHED.exec(s);
  if (slashed) return withIun(slashed[1]!, { recipientIndex: Number(slashed[2]), attempt: attemptOf(slashed[3]!) });
  if (s.includes('/') || s.includes('.')) return invalid(s);
  return withIun(s, {});
}

/** The canonical code of an item, as printed in lists and reports: `<IUN>/<recIndex>/<attempt>`. */
export function formatItemCode(ref: Required<ItemRef>): string {
  return `${ref.iun}/${ref.recipientIndex}/${ref.attempt}`;
}

/** The paper channel's requestId of an item (what a SEND-printed barcode carries). */
export function requestIdOf(ref: Required<ItemRef>): string {
  return ref.attempt === 'RS'
    ? `PREPARE_SIMPLE_REGISTERED_LETTER.IUN_${ref.iun}.RECINDEX_${ref.recipientIndex}`
    : `PREPARE_ANALOG_DOMICILE.IUN_${ref.iun}.RECINDEX_${ref.recipientIndex}.ATTEMPT_${ref.attempt}`;
}
