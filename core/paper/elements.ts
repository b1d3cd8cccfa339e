// Paper events -> the timeline elements SEND writes for them (DOMAIN.md 5, 7.3): progress,
// feedback with its business time, and the workflow elements that follow a final outcome.
import { DomainError } from '../errors/index.js';
import type { IsoInstant, PhysicalAddress, TimelineCategory, TimelineElementInput } from '../model/types.js';
import { addDays24h, formatInstant, parseInstant, tryParseInstant } from '../time/index.js';
import { buildElementId } from '../timeline/element-id.js';
import {
  giacenzaBase,
  giacenzaTermDate,
  isBeyondGiacenzaTerm,
  isGiacenzaClosureGroup,
  nextProgressIndex,
  replayAttempt,
  type AttemptContext,
  type PaperEventRecord,
} from './attempt-state.js';
import { paperCodeInfo } from './codes.js';
import { validatePaperEvent, type PaperEventCheck } from './validate.js';

/** A scan of the postal receipt (AR card, 23L, CAD, plico...), as SEND's details.attachments. */
export interface PaperAttachment {
  documentType: string;
  url: string;
  id?: string;
  date?: IsoInstant;
}

/** One paper event to append: a code, its postal date, and what it carries. */
export interface PaperEventInput {
  code: string;
  at: IsoInstant;
  cause?: string;
  attachments?: readonly PaperAttachment[];
  /** Informative details copied onto the element (receiver, holding office, newAddress...). */
  details?: Record<string, unknown>;
}

/** What SEND does after a KO of the first attempt: a second attempt, or no usable address (DOMAIN.md 7.3). */
export type NextStepAfterFirstFailure =
  | { kind: 'SECOND_ATTEMPT'; address: PhysicalAddress; at?: IsoInstant }
  | { kind: 'NO_SECOND_ADDRESS'; failureCause: 'D00' | 'D01' | 'D02'; at?: IsoInstant };

export interface PaperElementOptions {
  iun: string;
  recipientIndex: number;
  /** When given, a date after it is OUTCOME_DATE_IN_FUTURE. */
  now?: IsoInstant;
  /** Used only after a KO of attempt 0; without it nothing follows the feedback (the workflow decides later). */
  next?: NextStepAfterFirstFailure;
  /** `at` of ANALOG_FAILURE_WORKFLOW when it is not the feedback's (the AAR deposit may come later). */
  failureWorkflowAt?: IsoInstant;
  /** The address the item reached, for ANALOG_SUCCESS_WORKFLOW.details.physicalAddress. */
  physicalAddress?: PhysicalAddress;
}

/** Analog terms (DOMAIN.md 8.1): the engine recomputes S; this is the value SEND writes in schedulingDate. */
const ANALOG_TERM_DAYS = 10;

function element(opts: PaperElementOptions, category: TimelineCategory, at: IsoInstant,
  details: Record<string, unknown>): TimelineElementInput {
  return {
    elementId: buildElementId(opts.iun, category, opts.recipientIndex, details, at),
    category,
    at,
    recipientIndex: opts.recipientIndex,
    details,
  };
}

function scheduleRefinement(opts: PaperElementOptions, base: IsoInstant): TimelineElementInput {
  const schedulingDate = formatInstant(addDays24h(parseInstant(base), ANALOG_TERM_DAYS));
  return element(opts, 'SCHEDULE_REFINEMENT', base, { schedulingDate });
}

/** DOMAIN.md 7.3: attempt 1 KO, or no attempt-1 address -> deposit of the AAR, unreachable, refinement. */
function failureChain(opts: PaperElementOptions, at: IsoInstant): TimelineElementInput[] {
  return [
    element(opts, 'ANALOG_FAILURE_WORKFLOW', at, {}),
    element(opts, 'COMPLETELY_UNREACHABLE_CREATION_REQUEST', at, {}),
    element(opts, 'COMPLETELY_UNREACHABLE', at, {}),
    scheduleRefinement(opts, at),
  ];
}

function afterFirstAttemptFailure(ctx: AttemptContext, opts: PaperElementOptions, feedbackAt: IsoInstant): TimelineElementInput[] {
  const next = opts.next;
  if (!next) return [];
  const at = next.at ?? feedbackAt;
  if (next.kind === 'SECOND_ATTEMPT') {
    return [element(opts, 'PREPARE_ANALOG_DOMICILE', at,
      { sentAttemptMade: 1, productType: ctx.productType, physicalAddress: next.address })];
  }
  return [
    element(opts, 'PREPARE_ANALOG_DOMICILE_FAILURE', at, { sentAttemptMade: 1, failureCause: next.failureCause }),
    ...failureChain(opts, opts.failureWorkflowAt ?? at),
  ];
}

/** The workflow elements SEND writes after a final feedback, all at the feedback's business time (DOMAIN.md 5, 7.3). */
function afterFinal(ctx: AttemptContext, opts: PaperElementOptions, check: PaperEventCheck & { ok: true },
  feedbackAt: IsoInstant): TimelineElementInput[] {
  if (check.effectiveKind === 'OK') {
    // Deceased: a final OK with cause M02; SEND schedules no refinement for it (DOMAIN.md 8.1).
    if (check.cause === 'M02') return [element(opts, 'ANALOG_WORKFLOW_RECIPIENT_DECEASED', feedbackAt, {})];
    const details = opts.physicalAddress ? { physicalAddress: opts.physicalAddress } : {};
    return [element(opts, 'ANALOG_SUCCESS_WORKFLOW', feedbackAt, details), scheduleRefinement(opts, feedbackAt)];
  }
  if (ctx.attempt === 0) return afterFirstAttemptFailure(ctx, opts, feedbackAt);
  return failureChain(opts, opts.failureWorkflowAt ?? feedbackAt);
}

function eventDetails(ctx: AttemptContext, event: PaperEventInput, check: PaperEventCheck & { ok: true }): Record<string, unknown> {
  const details: Record<string, unknown> = { sentAttemptMade: ctx.attempt, deliveryDetailCode: event.code };
  if (check.cause !== undefined) details.deliveryFailureCause = check.cause;
  if (event.attachments?.length) details.attachments = event.attachments.map((a) => ({ ...a }));
  return { ...details, ...event.details };
}

/**
 * The timeline elements for paper events appended, in order, to an attempt. Each event is
 * validated against the attempt as it stands (DomainError with the codes of validatePaperEvent).
 */
export function paperEventsToElements(ctx: AttemptContext, events: readonly PaperEventInput[],
  opts: PaperElementOptions): TimelineElementInput[] {
  const recorded: PaperEventRecord[] = [...ctx.events];
  const out: TimelineElementInput[] = [];
  for (const event of events) {
    const state = replayAttempt(recorded);
    const check = validatePaperEvent({ ...ctx, events: recorded }, event.code, event.at, event.cause, { now: opts.now, state });
    if (!check.ok) throw new DomainError(check.code, check.params);
    const details = eventDetails(ctx, event, check);
    const record: PaperEventRecord = { code: event.code, at: event.at };
    if (check.cause !== undefined) record.cause = check.cause;
    if (check.category === 'SEND_ANALOG_FEEDBACK') {
      const feedbackAt = check.feedbackAt ?? event.at;
      out.push(element(opts, 'SEND_ANALOG_FEEDBACK', feedbackAt, { ...details, responseStatus: check.effectiveKind }));
      out.push(...afterFinal(ctx, opts, check, feedbackAt));
    } else {
      record.progressIndex = nextProgressIndex(state);
      out.push(element(opts, check.category, event.at, { ...details, progressIndex: record.progressIndex }));
    }
    recorded.push(record);
  }
  return out;
}

/**
 * DOMAIN.md 7.3: a giacenza closed (collected, refused, expired: the C of RECRN003-005, RECAG005-008)
 * more than 10 calendar days after the inesito is closed by the paper channel with the term final,
 * PNRN012 (AR) or RECAG012 (890), dated inesito + 10 days; the postal operator's C then is progress.
 * A postal operator's export carries only its own codes, so the term is added here, as the outcome
 * by meaning does (outcome-plan.ts). "Closed" is the date of the C's pre-outcome A, else its own.
 */
function withGiacenzaTerm(ctx: AttemptContext, event: PaperEventInput): PaperEventInput[] {
  const info = paperCodeInfo(event.code);
  if (!info || info.phase !== 'C' || !isGiacenzaClosureGroup(info.group)) return [event];
  if (ctx.productType !== 'AR' && ctx.productType !== '890') return [event];
  const state = replayAttempt(ctx.events);
  const base = giacenzaBase(state);
  if (state.final || !base) return [event];
  const pre = state.pending?.info.group === info.group ? state.pending : undefined;
  const closedMs = tryParseInstant(pre?.at ?? event.at);
  if (Number.isNaN(closedMs) || !isBeyondGiacenzaTerm(base.ms, closedMs)) return [event];
  return [{ code: ctx.productType === 'AR' ? 'PNRN012' : 'RECAG012', at: giacenzaTermDate(base.ms) }, event];
}

/**
 * One raw paper event (CSV import, manual code entry) -> its timeline elements; validates first.
 * A late giacenza closure also gets its term final (PNRN012 / RECAG012, DOMAIN.md 7.3).
 */
export function buildPaperEventElements(ctx: AttemptContext, event: PaperEventInput, opts: PaperElementOptions): TimelineElementInput[] {
  return paperEventsToElements(ctx, withGiacenzaTerm(ctx, event), opts);
}
