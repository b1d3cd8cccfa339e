// One postal outcome -> the raw paper events (codes and postal dates) it stands for, including the
// events SEND's paper channel adds for a giacenza (PNRN012, DOMAIN.md 7.3) and the RECAG012 the
// app writes for a 890 giacenza whose 10-day term has run.
import { DomainError } from '../errors/index.js';
import type { IsoInstant } from '../model/types.js';
import { parseInstant } from '../time/index.js';
import {
  giacenzaBase,
  giacenzaTermDate,
  isBeyondGiacenzaTerm,
  romeDaysBetween,
  type AttemptContext,
  type AttemptState,
} from './attempt-state.js';
import { THEFT_CAUSES, UNREACHABLE_CAUSES, isFailureCause, type FailureCause } from './codes.js';
import type { PaperEventInput } from './elements.js';
import { GIACENZA_CLOSING_KINDS, OUTCOME_CODES, type PostalOutcome, type PostalProduct } from './outcome-kinds.js';

/** `compiuta-giacenza-ar-duration` = 30 days (DOMAIN.md 7.3). */
const AR_HOLDING_DAYS = 30;

type WithAt = Exclude<PostalOutcome, { kind: 'GIACENZA_TERM_ELAPSED' | 'SCANS_RECEIVED' }>;

function causeOf(outcome: WithAt): FailureCause | undefined {
  if (outcome.kind === 'REFUSED') return 'M05';
  if (outcome.kind === 'DECEASED') return 'M02';
  if (outcome.kind !== 'UNDELIVERED' && outcome.kind !== 'THEFT_LOSS_DAMAGE') return undefined;
  const allowed = outcome.kind === 'UNDELIVERED' ? UNREACHABLE_CAUSES : THEFT_CAUSES;
  const cause: unknown = outcome.cause;
  if (cause === undefined || cause === null || cause === '') throw new DomainError('MISSING_FAILURE_CAUSE', { kind: outcome.kind });
  if (!isFailureCause(cause) || !allowed.includes(cause)) {
    throw new DomainError('INVALID_FAILURE_CAUSE', { code: outcome.kind, cause: String(cause) });
  }
  return cause;
}

/** Informative details of the pre-outcome and of the final (who received it, the discovered address). */
function detailsOf(outcome: WithAt): { pre?: Record<string, unknown>; final?: Record<string, unknown> } {
  switch (outcome.kind) {
    case 'DELIVERED_TO_OTHER_PERSON':
      return { pre: { receiverName: outcome.receiverName, receiverRelation: outcome.receiverRelation } };
    case 'DELIVERED_AT_CONCIERGE':
      return { pre: { receiverRelation: 'CONCIERGE', ...(outcome.receiverName ? { receiverName: outcome.receiverName } : {}) } };
    case 'COLLECTED_BY_DELEGATE_FROM_GIACENZA':
      return outcome.delegateName ? { pre: { delegateName: outcome.delegateName } } : {};
    case 'UNDELIVERED':
      // SEND's feedback carries the postman's discovered address as newAddress (attempt 1 goes there).
      return outcome.discoveredAddress
        ? { pre: { discoveredAddress: outcome.discoveredAddress }, final: { newAddress: outcome.discoveredAddress } }
        : {};
    default:
      return {};
  }
}

function event(code: string, at: IsoInstant, cause?: FailureCause, details?: Record<string, unknown>): PaperEventInput {
  const e: PaperEventInput = { code, at };
  if (cause) e.cause = cause;
  if (details) e.details = details;
  return e;
}

function noScans(outcome: WithAt): void {
  if (outcome.attachments?.length) throw new DomainError('ATTACHMENTS_NOT_ALLOWED', { kind: outcome.kind });
}

function tripleEvents(group: string, letters: 'ABC' | 'DEF', outcome: WithAt): PaperEventInput[] {
  const [pre, scans, final] = letters === 'ABC' ? ['A', 'B', 'C'] : ['D', 'E', 'F'];
  const cause = causeOf(outcome);
  const details = detailsOf(outcome);
  const events = [event(group + pre, outcome.at, cause, details.pre)];
  if (outcome.attachments?.length) {
    events.push({ code: group + scans, at: outcome.scansAt ?? outcome.at, attachments: outcome.attachments });
  }
  events.push(event(group + final, outcome.at, cause, details.final));
  return events;
}

/**
 * The 10-day term of a giacenza (DOMAIN.md 7.3). AR: past the term (or expired) the paper channel
 * writes PNRN012 dated inesito + 10 days as the final, and the C becomes progress. 890: the app
 * writes RECAG012 with that date before the outcome, which then is progress (DOMAIN.md 7.4 *).
 */
function withGiacenzaTerm(ctx: AttemptContext, state: AttemptState, outcome: WithAt, events: PaperEventInput[]): PaperEventInput[] {
  const base = giacenzaBase(state);
  if (!base || ctx.productType === 'RS' || !GIACENZA_CLOSING_KINDS.includes(outcome.kind)) return events;
  const at = parseInstant(outcome.at);
  const expired = outcome.kind === 'GIACENZA_EXPIRED';
  if (expired && ctx.productType === 'AR' && romeDaysBetween((state.giacenzaStart ?? base).ms, at) < AR_HOLDING_DAYS) {
    throw new DomainError('GIACENZA_NOT_EXPIRED', { days: AR_HOLDING_DAYS });
  }
  // After a term final the outcome is progress and needs no term of its own.
  if (state.final) return events;
  const beyond = isBeyondGiacenzaTerm(base.ms, at);
  if (expired && !beyond) throw new DomainError('GIACENZA_NOT_EXPIRED', { days: 10 });
  if (!beyond) return events;
  const term = event(ctx.productType === 'AR' ? 'PNRN012' : 'RECAG012', giacenzaTermDate(base.ms));
  if (ctx.productType === '890') return [term, ...events];
  return [...events.slice(0, -1), term, ...events.slice(-1)];
}

function termElapsed(state: AttemptState, nowMs: number): PaperEventInput[] {
  const base = giacenzaBase(state);
  if (!base) throw new DomainError('GIACENZA_NOT_STARTED', { kind: 'GIACENZA_TERM_ELAPSED' });
  const at = giacenzaTermDate(base.ms);
  if (parseInstant(at) > nowMs) throw new DomainError('OUTCOME_DATE_IN_FUTURE', { at });
  return [event('RECAG012', at)];
}

function inGiacenza(ctx: AttemptContext, outcome: Extract<PostalOutcome, { kind: 'IN_GIACENZA' }>,
  codes: { inesito: string; giacenza: string }): PaperEventInput[] {
  const giacenzaAt = outcome.giacenzaAt ?? outcome.at;
  const office = outcome.office ? { giacenzaOffice: outcome.office } : undefined;
  const events = [event(codes.inesito, outcome.at), event(codes.giacenza, giacenzaAt, undefined, office)];
  if (!outcome.attachments?.length) return events;
  // Only the 890 has scans of a giacenza (23L, CAD, ARCAD: RECAG011B).
  if (ctx.productType !== '890') throw new DomainError('ATTACHMENTS_NOT_ALLOWED', { kind: outcome.kind });
  return [...events, { code: 'RECAG011B', at: outcome.scansAt ?? giacenzaAt, attachments: outcome.attachments }];
}

/**
 * The raw paper events of an outcome the caller has already checked is allowed now.
 * `scanCode` is the B/E code the scans of SCANS_RECEIVED go to.
 */
export function planOutcome(ctx: AttemptContext, state: AttemptState, outcome: PostalOutcome, nowMs: number,
  scanCode: string | undefined): PaperEventInput[] {
  if (outcome.kind === 'GIACENZA_TERM_ELAPSED') return termElapsed(state, nowMs);
  if (outcome.kind === 'SCANS_RECEIVED') {
    if (!outcome.attachments?.length) throw new DomainError('MISSING_ATTACHMENTS', { kind: outcome.kind });
    return [{ code: scanCode as string, at: outcome.at, attachments: outcome.attachments }];
  }
  const spec = OUTCOME_CODES[outcome.kind][ctx.productType as PostalProduct];
  if (!spec || 'scans' in spec) throw new DomainError('PRODUCT_MISMATCH', { kind: outcome.kind, productType: ctx.productType });
  if (outcome.kind === 'IN_GIACENZA' && 'inesito' in spec) return inGiacenza(ctx, outcome, spec);
  if ('single' in spec) {
    noScans(outcome);
    return [event(spec.single, outcome.at, causeOf(outcome), detailsOf(outcome).pre)];
  }
  if (!('triple' in spec)) throw new DomainError('PRODUCT_MISMATCH', { kind: outcome.kind, productType: ctx.productType });
  return withGiacenzaTerm(ctx, state, outcome, tripleEvents(spec.triple, spec.letters, outcome));
}
