// Delegations (SEND mandates) registered at the desk (DOMAIN.md 1 "Delegate", 10 step 1): a
// recipient (PF or PG) authorises a delegate (PF or PG) for a period of Europe/Rome calendar days.
// A mandate is never deleted: revoking ends its validity, so that the desk log keeps naming it.
import type { ErrorCode } from '../errors/index.js';
import { parseRecipientTaxId } from '../identifiers/tax-id.js';
import type { IsoInstant, RecipientType } from '../model/types.js';
import { formatInstant, formatRomeReadable, tryParseInstant } from '../time/index.js';
import { normaliseTaxId } from './act-inquiry.js';
import { parseCalendarDate, romeEndOfDay, romeStartOfDay } from './days.js';

export const MANDATE_STATES = ['ACTIVE', 'NOT_YET_VALID', 'ENDED'] as const;
export type MandateState = (typeof MANDATE_STATES)[number];

/** A stored mandate as these rules need it (open ends are null). */
export interface MandateRecordInput {
  mandateId: string;
  delegatorTaxId: string;
  delegateTaxId: string;
  validFrom?: IsoInstant | null;
  validTo?: IsoInstant | null;
}

/** The form: tax codes as typed, validity as calendar days `YYYY-MM-DD` ("to" optional: open-ended). */
export interface MandateDraft {
  delegatorTaxId: string;
  delegateTaxId: string;
  delegateDenomination: string;
  delegateType: RecipientType;
  validFrom: string;
  validTo?: string | null | undefined;
}

/** A checked draft: normalised tax codes, validity from 00:00 of the first day to the end of the last. */
export interface NewMandate {
  delegatorTaxId: string;
  delegateTaxId: string;
  delegateDenomination: string;
  delegateType: RecipientType;
  validFrom: IsoInstant;
  validTo: IsoInstant | null;
}

export type MandateField = 'delegatorTaxId' | 'delegateTaxId' | 'delegateDenomination' | 'validFrom' | 'validTo';
export interface MandateProblem {
  field: MandateField;
  code: ErrorCode;
  params: Record<string, string | number>;
}
export type MandateDraftResult = { ok: true; value: NewMandate } | { ok: false; problems: MandateProblem[] };
export type MandateFailure = { ok: false; code: ErrorCode; params: Record<string, string | number> };

const dayText = (ms: number) => formatRomeReadable(ms).slice(0, 10);

/** ENDED after its last instant, NOT_YET_VALID before its first, ACTIVE otherwise (the bounds of hasActiveMandate). */
export function mandateState(m: Pick<MandateRecordInput, 'validFrom' | 'validTo'>, now: IsoInstant): MandateState {
  const t = tryParseInstant(now);
  if (m.validTo && t > tryParseInstant(m.validTo)) return 'ENDED';
  if (m.validFrom && t < tryParseInstant(m.validFrom)) return 'NOT_YET_VALID';
  return 'ACTIVE';
}

function dayProblem(field: 'validFrom' | 'validTo', value: string): MandateProblem | null {
  return parseCalendarDate(value) ? null : { field, code: 'MANDATE_DATE_INVALID', params: { value: value.slice(0, 20) } };
}

function taxIdProblems(draft: MandateDraft): MandateProblem[] {
  const out: MandateProblem[] = [];
  const delegator = parseRecipientTaxId(draft.delegatorTaxId);
  if (!delegator.ok) out.push({ field: 'delegatorTaxId', code: delegator.code, params: delegator.params });
  const delegate = parseRecipientTaxId(draft.delegateTaxId, draft.delegateType);
  if (!delegate.ok) out.push({ field: 'delegateTaxId', code: delegate.code, params: delegate.params });
  if (delegator.ok && delegate.ok && delegator.value === delegate.value) {
    out.push({ field: 'delegateTaxId', code: 'MANDATE_SELF_DELEGATION', params: { taxId: delegate.value } });
  }
  return out;
}

/**
 * The rules of the form alone: both tax codes valid (the delegator PF or PG, the delegate of the
 * type chosen), not the same person, real days, and the last day not before the first.
 */
export function checkMandateDraft(draft: MandateDraft): MandateDraftResult {
  const problems = taxIdProblems(draft);
  const denomination = draft.delegateDenomination.trim();
  if (denomination.length < 2) problems.push({ field: 'delegateDenomination', code: 'MANDATE_DENOMINATION_REQUIRED', params: {} });
  const to = draft.validTo ? draft.validTo : null;
  const fromProblem = dayProblem('validFrom', draft.validFrom);
  const toProblem = to === null ? null : dayProblem('validTo', to);
  for (const p of [fromProblem, toProblem]) if (p) problems.push(p);
  if (!fromProblem && !toProblem && to !== null && to < draft.validFrom) {
    problems.push({ field: 'validTo', code: 'MANDATE_VALIDITY_INVERTED', params: { validFrom: dayText(romeStartOfDay(draft.validFrom)), validTo: dayText(romeStartOfDay(to)) } });
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      delegatorTaxId: normaliseTaxId(draft.delegatorTaxId),
      delegateTaxId: normaliseTaxId(draft.delegateTaxId),
      delegateDenomination: denomination,
      delegateType: draft.delegateType,
      validFrom: formatInstant(romeStartOfDay(draft.validFrom)),
      validTo: to === null ? null : formatInstant(romeEndOfDay(to)),
    },
  };
}

function overlaps(a: Pick<NewMandate, 'validFrom' | 'validTo'>, b: Pick<MandateRecordInput, 'validFrom' | 'validTo'>): boolean {
  const start = (v: IsoInstant | null | undefined) => (v ? tryParseInstant(v) : Number.NEGATIVE_INFINITY);
  const end = (v: IsoInstant | null | undefined) => (v ? tryParseInstant(v) : Number.POSITIVE_INFINITY);
  return start(a.validFrom) <= end(b.validTo) && start(b.validFrom) <= end(a.validTo);
}

/**
 * A new mandate against what the desk already holds: it must not be over before it starts to count
 * (last day already past), nor overlap a mandate between the same two people that has not ended
 * (one delegation per pair at a time: revoke the old one first).
 */
export function checkNewMandate(m: NewMandate, existing: readonly MandateRecordInput[], now: IsoInstant): { ok: true } | MandateFailure {
  if (m.validTo && mandateState(m, now) === 'ENDED') return { ok: false, code: 'MANDATE_VALID_TO_PAST', params: { validTo: dayText(tryParseInstant(m.validTo)) } };
  const samePair = (e: MandateRecordInput) => normaliseTaxId(e.delegatorTaxId) === m.delegatorTaxId && normaliseTaxId(e.delegateTaxId) === m.delegateTaxId;
  const clash = existing.find((e) => samePair(e) && mandateState(e, now) !== 'ENDED' && overlaps(m, e));
  if (clash) return { ok: false, code: 'MANDATE_OVERLAPS', params: { mandateId: clash.mandateId } };
  return { ok: true };
}

/**
 * Revoking ends the validity just before `now` (so the mandate no longer counts from this very
 * instant, hasActiveMandate being inclusive); an ended mandate cannot be revoked again. A mandate
 * not started yet ends before it starts, so it never counts.
 */
export function revokeMandate(m: Pick<MandateRecordInput, 'validFrom' | 'validTo'>, now: IsoInstant): { ok: true; validTo: IsoInstant } | MandateFailure {
  if (mandateState(m, now) === 'ENDED') return { ok: false, code: 'MANDATE_ALREADY_ENDED', params: { validTo: dayText(tryParseInstant(m.validTo as IsoInstant)) } };
  return { ok: true, validTo: formatInstant(tryParseInstant(now) - 1) };
}
