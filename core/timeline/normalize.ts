// TimelineElementInput -> NormalizedElement (DOMAIN.md 4.1 step 1, 5). A bad element becomes a
// typed error and is skipped; the others go on.
import type { DomainWarning } from '../model/types.js';
import { rememberInstantText, tryParseInstant } from '../time/instant.js';
import { categoryInfo } from './categories.js';
import { buildElementIdWithHash } from './element-id.js';
import type { NormalizedElement } from './element.js';

/** What normalisation needs to know about the notification. */
export interface TimelineContext {
  iun: string;
  recipientCount: number;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function reject(errors: DomainWarning[], code: string, params: Record<string, string | number>, elementId: unknown): undefined {
  const w: DomainWarning = { code, params };
  if (typeof elementId === 'string') w.elementId = elementId;
  errors.push(w);
  return undefined;
}

/**
 * Checks the recipientIndex; returns it (-1 when absent) or undefined after recording the error.
 * Read as written elsewhere: a number given as digits in a text ("0"); a recipient-level element
 * without one on a single-recipient notification is that recipient's (it cannot be anyone else's).
 */
function readRecipient(
  raw: Record<string, unknown>,
  category: string,
  required: boolean,
  ctx: TimelineContext,
  errors: DomainWarning[],
): number | undefined {
  let ri = raw.recipientIndex;
  if (ri === undefined || ri === null) {
    if (!required) return -1;
    return ctx.recipientCount === 1 ? 0 : reject(errors, 'RECIPIENT_INDEX_MISSING', { category }, raw.elementId);
  }
  if (typeof ri === 'string' && /^\d{1,4}$/.test(ri)) ri = Number(ri);
  if (typeof ri !== 'number' || !Number.isInteger(ri) || ri < 0 || ri >= ctx.recipientCount) {
    return reject(errors, 'RECIPIENT_INDEX_OUT_OF_RANGE', { recipientIndex: String(ri), recipientCount: ctx.recipientCount }, raw.elementId);
  }
  return ri;
}

/** Detail values every rule compares in SEND's spelling (upper case), with the values they take. */
const UPPER_CASE_VALUES: readonly (readonly [field: string, values: readonly string[]])[] = [
  ['responseStatus', ['OK', 'KO']],
  ['endWorkflowStatus', ['SUCCESS', 'FAILURE']],
];
/** `isFirstSendRetry` written as a text. */
const RETRY_TEXT = /^\s*(true|false)\s*$/i;

/**
 * Details as the rules read them: `responseStatus` written "ok" / "ko" is SEND's OK / KO,
 * `endWorkflowStatus` "failure" is FAILURE (a rule comparing the written text would read it as a
 * success), and `isFirstSendRetry` written "true" / "false" is the boolean (the elementId built
 * from it would otherwise collide with the first send's). The written object is kept when nothing
 * changes.
 */
function readableDetails(details: Record<string, unknown>): Record<string, unknown> {
  // No closure here: this runs for every element, and a function made per call costs (tsx names
  // each one: ~6 % of a bulk import's JS thread).
  let out: Record<string, unknown> | undefined;
  for (const [field, values] of UPPER_CASE_VALUES) {
    const v = details[field];
    if (typeof v !== 'string' || values.includes(v)) continue;
    const upper = v.trim().toUpperCase();
    if (values.includes(upper)) (out ??= { ...details })[field] = upper;
  }
  const retry = details.isFirstSendRetry;
  if (typeof retry === 'string' && RETRY_TEXT.test(retry)) (out ??= { ...details }).isFirstSendRetry = retry.trim().toLowerCase() === 'true';
  return out ?? details;
}

/**
 * Normalises one input element: known category, valid `at`, recipientIndex in range (required when
 * the category's elementId pattern has RECINDEX), elementId built from the pattern when absent.
 * Returns undefined and appends a typed error when the element must be skipped.
 */
export function normalizeElement(input: unknown, ctx: TimelineContext, errors: DomainWarning[]): NormalizedElement | undefined {
  if (!isRecord(input)) return reject(errors, 'INVALID_ELEMENT', { reason: 'not an object' }, undefined);
  const { category, at, elementId } = input;
  if (typeof category !== 'string') return reject(errors, 'INVALID_ELEMENT', { reason: 'category missing' }, elementId);
  // A category written in lower case (SEND and DOMAIN.md 5 spell them in upper case) is the same one.
  const info = categoryInfo(category) ?? categoryInfo(category.trim().toUpperCase());
  if (info === undefined) return reject(errors, 'UNKNOWN_CATEGORY', { category }, elementId);
  if (typeof at !== 'string') return reject(errors, 'INVALID_INSTANT', { value: String(at) }, elementId);
  const atMs = tryParseInstant(at);
  if (Number.isNaN(atMs)) return reject(errors, 'INVALID_INSTANT', { value: at }, elementId);
  rememberInstantText(atMs, at); // most printed instants are elements' own times
  const written = input.details ?? {};
  if (!isRecord(written)) return reject(errors, 'INVALID_ELEMENT', { reason: 'details is not an object' }, elementId);
  const details = readableDetails(written);
  if (elementId !== undefined && elementId !== null && (typeof elementId !== 'string' || elementId === '')) {
    return reject(errors, 'INVALID_ELEMENT', { reason: 'elementId is not a text' }, undefined);
  }
  const rec = readRecipient(input, category, info.pattern.recipient, ctx, errors);
  if (rec === undefined) return undefined;
  const built = typeof elementId === 'string' ? { id: elementId, hash: undefined } : buildElementIdWithHash(ctx.iun, info, rec < 0 ? undefined : rec, details, at);
  return {
    elementId: built.id,
    category: info.category,
    atMs,
    writtenAt: at,
    writtenAtMs: atMs,
    rank: info.rank,
    rec,
    details,
    idHash: built.hash,
  };
}
