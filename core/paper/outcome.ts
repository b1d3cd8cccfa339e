// Postal entry by meaning (DOMAIN.md 7.3, 7.4): which outcomes a clerk may record now for an
// attempt, and the timeline elements one outcome becomes.
import { DomainError, type ErrorCode } from '../errors/index.js';
import type { IsoInstant, TimelineElementInput } from '../model/types.js';
import { tryParseInstant } from '../time/index.js';
import {
  giacenzaBase,
  giacenzaTermDate,
  replayAttempt,
  TERM_FINAL_CODES,
  type AttemptContext,
  type AttemptState,
} from './attempt-state.js';
import { paperCodeInfo, type PaperProduct } from './codes.js';
import { paperEventsToElements, type PaperElementOptions } from './elements.js';
import { planOutcome } from './outcome-plan.js';
import { paperEntryRefusal } from './workflow-open.js';
import {
  DOOR_KINDS,
  GIACENZA_CLOSING_KINDS,
  JOURNEY_KINDS,
  OUTCOME_CODES,
  POSTAL_OUTCOME_KINDS,
  type PostalOutcome,
  type PostalOutcomeKind,
  type PostalProduct,
} from './outcome-kinds.js';

type Blocker = { code: ErrorCode; params: Record<string, string | number> };

export interface PostalOutcomeOptions extends PaperElementOptions {
  /** The current time: an outcome dated after it is OUTCOME_DATE_IN_FUTURE. */
  now: IsoInstant;
}

function isPostalProduct(p: PaperProduct): p is PostalProduct {
  return p === 'AR' || p === '890' || p === 'RS';
}

/** The B/E code the next scans belong to: those of the last pre-outcome, else a 890 giacenza's RECAG011B. */
export function scanCodeFor(ctx: AttemptContext, state: AttemptState): string | undefined {
  const recorded = new Set(state.events.map((e) => e.code));
  const pre = state.lastPreOutcome;
  if (pre) {
    const code = pre.info.group + (pre.info.phase === 'A' ? 'B' : 'E');
    if (paperCodeInfo(code) && !recorded.has(code)) return code;
  }
  if (ctx.productType === '890' && state.giacenzaStart && !recorded.has('RECAG011B')) return 'RECAG011B';
  return undefined;
}

function blocked(code: ErrorCode, kind: PostalOutcomeKind, extra: Record<string, string | number> = {}): Blocker {
  return { code, params: { kind, ...extra } };
}

function afterFinalBlocker(state: AttemptState, kind: PostalOutcomeKind): Blocker | null {
  const final = state.final;
  if (!final) return null;
  const closingAfterTerm = TERM_FINAL_CODES.includes(final.code) && GIACENZA_CLOSING_KINDS.includes(kind) && !state.giacenzaClosure;
  return closingAfterTerm ? null : blocked('EVENT_AFTER_FINAL', kind, { finalCode: final.code });
}

/** Why `kind` cannot be recorded now, or null. One rule set for allowedOutcomes and the build. */
function outcomeBlocker(ctx: AttemptContext, state: AttemptState, kind: PostalOutcomeKind): Blocker | null {
  const stopped = paperEntryRefusal(ctx.notificationStatus);
  if (stopped) return blocked(stopped.code, kind, stopped.params);
  if (!isPostalProduct(ctx.productType) || !OUTCOME_CODES[kind][ctx.productType]) {
    return blocked('PRODUCT_MISMATCH', kind, { productType: ctx.productType });
  }
  if (kind === 'SCANS_RECEIVED') return scanCodeFor(ctx, state) ? null : blocked('OUTCOME_NOT_ALLOWED_NOW', kind);
  const afterFinal = afterFinalBlocker(state, kind);
  if (afterFinal || state.final) return afterFinal;
  // A pre-outcome (A/D) waits for its final (C/F): nothing else may come in between.
  if (state.pending) return blocked('OUTCOME_NOT_ALLOWED_NOW', kind, { pendingCode: state.pending.code });
  if (JOURNEY_KINDS.includes(kind)) return null;
  const inGiacenza = state.inesito !== undefined || state.giacenzaStart !== undefined;
  if (DOOR_KINDS.includes(kind)) return inGiacenza ? blocked('OUTCOME_NOT_ALLOWED_NOW', kind) : null;
  return inGiacenza ? null : blocked('GIACENZA_NOT_STARTED', kind);
}

/** GIACENZA_TERM_ELAPSED carries a computed date (inesito + 10 days): not before that date has come. */
function termNotYetElapsed(state: AttemptState, kind: PostalOutcomeKind, nowMs: number): boolean {
  const base = giacenzaBase(state);
  return kind === 'GIACENZA_TERM_ELAPSED' && base !== undefined && tryParseInstant(giacenzaTermDate(base.ms)) > nowMs;
}

/**
 * The outcome kinds a clerk may record now for this attempt (DOMAIN.md 7.3, 7.4), in
 * POSTAL_OUTCOME_KINDS order. With `now`, GIACENZA_TERM_ELAPSED is left out until its date has come.
 */
export function allowedOutcomes(ctx: AttemptContext, now?: IsoInstant): PostalOutcomeKind[] {
  const state = replayAttempt(ctx.events);
  const nowMs = now === undefined ? Number.POSITIVE_INFINITY : parseOrThrow(now);
  return POSTAL_OUTCOME_KINDS.filter((kind) => outcomeBlocker(ctx, state, kind) === null && !termNotYetElapsed(state, kind, nowMs));
}

function parseOrThrow(value: IsoInstant): number {
  const ms = tryParseInstant(value);
  if (Number.isNaN(ms)) throw new DomainError('INVALID_INSTANT', { value: String(value) });
  return ms;
}

/** DOMAIN.md 7.4 dates: not before the send, not in the future, not before what is already recorded. */
function checkDates(ctx: AttemptContext, state: AttemptState, outcome: PostalOutcome, nowMs: number): void {
  if (!('at' in outcome)) return;
  const ms = parseOrThrow(outcome.at);
  if (ms < parseOrThrow(ctx.sentAt)) throw new DomainError('DATE_BEFORE_SEND', { at: outcome.at, sentAt: ctx.sentAt });
  const later = [outcome.at];
  if ('scansAt' in outcome && outcome.scansAt !== undefined) later.push(outcome.scansAt);
  if ('giacenzaAt' in outcome && outcome.giacenzaAt !== undefined) later.push(outcome.giacenzaAt);
  for (const value of later) {
    const t = parseOrThrow(value);
    if (t > nowMs) throw new DomainError('OUTCOME_DATE_IN_FUTURE', { at: value });
    if (t < ms) throw new DomainError('OUTCOME_OUT_OF_ORDER', { at: value, lastAt: outcome.at });
  }
  const last = state.events.reduce((a, e) => (e.ms > a.ms ? e : a), { ms: Number.NEGATIVE_INFINITY, at: '' });
  if (ms < last.ms) throw new DomainError('OUTCOME_OUT_OF_ORDER', { at: outcome.at, lastAt: last.at });
}

/**
 * The timeline elements one postal outcome becomes (DOMAIN.md 5, 7.3, 7.4): SEND_ANALOG_PROGRESS
 * (pre-outcome, scans), SEND_ANALOG_FEEDBACK dated like the pre-outcome, and the workflow elements
 * SEND writes after a final. Throws DomainError when the outcome is not allowed now or its dates are wrong.
 */
export function buildPostalOutcomeElements(ctx: AttemptContext, outcome: PostalOutcome, opts: PostalOutcomeOptions): TimelineElementInput[] {
  const state = replayAttempt(ctx.events);
  const blocker = outcomeBlocker(ctx, state, outcome.kind);
  if (blocker) throw new DomainError(blocker.code, blocker.params);
  const nowMs = parseOrThrow(opts.now);
  checkDates(ctx, state, outcome, nowMs);
  const planned = planOutcome(ctx, state, outcome, nowMs, scanCodeFor(ctx, state));
  return paperEventsToElements(ctx, planned, opts);
}
