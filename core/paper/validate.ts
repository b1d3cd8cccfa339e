// Validation of one raw paper event (a code and a date, e.g. a row of a CSV import) against the
// attempt it belongs to: the typed errors of DOMAIN.md 7.4, last paragraph.
import type { ErrorCode } from '../errors/index.js';
import type { IsoInstant, TimelineCategory } from '../model/types.js';
import { formatRomeDate, tryParseInstant } from '../time/index.js';
import {
  giacenzaBase,
  giacenzaTermDate,
  isAllowedAfterFinal,
  replayAttempt,
  TERM_FINAL_CODES,
  type AttemptContext,
  type AttemptState,
} from './attempt-state.js';
import { paperEntryRefusal } from './workflow-open.js';
import {
  isCodeOfProduct,
  isFailureCause,
  isSimpleRegisteredLetter,
  paperCodeInfo,
  type FailureCause,
  type PaperCodeInfo,
  type PaperCodeKind,
  type PaperProduct,
} from './codes.js';

export type PaperEventCheck =
  | {
      ok: true;
      info: PaperCodeInfo;
      /** OK/KO when this event is the attempt's final feedback, else PROGRESS. */
      effectiveKind: PaperCodeKind;
      category: TimelineCategory;
      /** The failure cause it carries: the given one, or for a C/F final the one of its A/D. */
      cause?: FailureCause;
      /** Business time of the feedback for a final: the date of its pre-outcome A/D, or its own date (DOMAIN.md 5). */
      feedbackAt?: IsoInstant;
    }
  | { ok: false; code: ErrorCode; params: Record<string, string | number> };

export interface ValidateOptions {
  /** When given, a date after it is OUTCOME_DATE_IN_FUTURE. */
  now?: IsoInstant;
  /** The replayed state of `ctx.events`, when the caller already has it. */
  state?: AttemptState;
}

/** The timeline category an event becomes (DOMAIN.md 7.4: RS only ever makes SIMPLE_REGISTERED_LETTER_PROGRESS). */
export function paperEventCategory(product: PaperProduct, effectiveKind: PaperCodeKind): TimelineCategory {
  if (isSimpleRegisteredLetter(product)) return 'SIMPLE_REGISTERED_LETTER_PROGRESS';
  return effectiveKind === 'PROGRESS' ? 'SEND_ANALOG_PROGRESS' : 'SEND_ANALOG_FEEDBACK';
}

function failure(code: ErrorCode, params: Record<string, string | number>): PaperEventCheck {
  return { ok: false, code, params };
}

/** The pre-outcome A/D of the same outcome, for a final C/F (its date and cause go to the feedback). */
function preOutcomeOf(state: AttemptState, info: PaperCodeInfo) {
  if (info.phase !== 'C' && info.phase !== 'F') return undefined;
  const pre = info.phase === 'C' ? 'A' : 'D';
  return [...state.events].reverse().find((e) => e.info.group === info.group && e.info.phase === pre);
}

/**
 * A term final (RECAG012, PNRN012, PNAG012) says that the 10-day term after the inesito has run
 * (DOMAIN.md 7.3): dated before inesito + 10 days it would move the refinement base earlier than
 * the law's term. Refused for what a clerk records (typed or imported); SEND's own timeline never
 * comes through here (the sync stores it as SEND sent it, DOMAIN.md 14). Without an inesito or
 * giacenza start on the attempt there is no term to compare with.
 */
function checkTermDate(state: AttemptState, code: string, at: IsoInstant, ms: number): PaperEventCheck | null {
  if (!TERM_FINAL_CODES.includes(code)) return null;
  const base = giacenzaBase(state);
  if (!base) return null;
  const dueMs = tryParseInstant(giacenzaTermDate(base.ms));
  if (ms >= dueMs) return null;
  return failure('TERM_EVENT_TOO_EARLY', { code, at, earliest: formatRomeDate(dueMs), inesitoAt: base.at });
}

function checkCause(info: PaperCodeInfo, cause: string | undefined): PaperEventCheck | null {
  if (cause === undefined) return null;
  if (!isFailureCause(cause) || !(info.failureCauses ?? []).includes(cause)) {
    return failure('INVALID_FAILURE_CAUSE', { code: info.code, cause });
  }
  return null;
}

/**
 * Checks one raw paper event against its attempt (DOMAIN.md 7.4): OUTCOME_NOTIFICATION_CANCELLED
 * (the notification's workflow stopped, DOMAIN.md 4.2), UNKNOWN_PAPER_CODE,
 * PRODUCT_MISMATCH, INVALID_INSTANT, DATE_BEFORE_SEND, OUTCOME_DATE_IN_FUTURE (with `now`),
 * EVENT_AFTER_FINAL, TERM_EVENT_TOO_EARLY (a term final dated before inesito + 10 days),
 * INVALID_FAILURE_CAUSE, MISSING_FAILURE_CAUSE.
 */
export function validatePaperEvent(ctx: AttemptContext, code: string, at: IsoInstant, cause?: string,
  options: ValidateOptions = {}): PaperEventCheck {
  const stopped = paperEntryRefusal(ctx.notificationStatus);
  if (stopped) return failure(stopped.code, { ...stopped.params, code });
  const info = paperCodeInfo(code);
  if (!info) return failure('UNKNOWN_PAPER_CODE', { code });
  if (!isCodeOfProduct(info, ctx.productType)) return failure('PRODUCT_MISMATCH', { code, productType: ctx.productType });
  const ms = tryParseInstant(at);
  if (Number.isNaN(ms)) return failure('INVALID_INSTANT', { value: String(at) });
  const sentMs = tryParseInstant(ctx.sentAt);
  if (Number.isNaN(sentMs)) return failure('INVALID_INSTANT', { value: String(ctx.sentAt) });
  if (ms < sentMs) return failure('DATE_BEFORE_SEND', { at, sentAt: ctx.sentAt });
  if (options.now !== undefined && ms > tryParseInstant(options.now)) return failure('OUTCOME_DATE_IN_FUTURE', { at });
  const state = options.state ?? replayAttempt(ctx.events);
  if (state.final && !isAllowedAfterFinal(state, info)) {
    return failure('EVENT_AFTER_FINAL', { code, finalCode: state.final.code });
  }
  const termError = checkTermDate(state, code, at, ms);
  if (termError) return termError;
  const causeError = checkCause(info, cause);
  if (causeError) return causeError;
  const effectiveKind: PaperCodeKind = state.final ? 'PROGRESS' : info.kind;
  const pre = preOutcomeOf(state, info);
  const inherited = pre?.cause !== undefined && isFailureCause(pre.cause) ? pre.cause : undefined;
  const effectiveCause = (cause as FailureCause | undefined) ?? inherited;
  if (effectiveKind === 'KO' && info.requiresFailureCause && effectiveCause === undefined) {
    return failure('MISSING_FAILURE_CAUSE', { code });
  }
  const result: PaperEventCheck = { ok: true, info, effectiveKind, category: paperEventCategory(ctx.productType, effectiveKind) };
  if (effectiveCause !== undefined) result.cause = effectiveCause;
  if (effectiveKind !== 'PROGRESS') result.feedbackAt = pre?.at ?? at;
  return result;
}
