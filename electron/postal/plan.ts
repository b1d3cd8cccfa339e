// Planning a postal write: read the item, let the core build the timeline elements of the
// outcome (DOMAIN.md 5, 7.3, 7.4). Nothing is written here, so a refusal leaves the transaction
// untouched (the CSV import relies on it to refuse a line and go on with the next).
import {
  allowedOutcomes,
  buildPaperEventElements,
  buildPostalOutcomeElements,
  DomainError,
  isDomainError,
  parseInstant,
  tryParseInstant,
  validatePaperEvent,
  type NextStepAfterFirstFailure,
  type PaperElementOptions,
  type PostalOutcome,
  type TimelineElementInput,
} from '../../core/index.js';
import type { StoreScope } from '../../db/store.js';
import type { OutcomeInput } from '../api/contract/postal.js';
import type { ItemSlot } from './attempts.js';
import { loadNotification, itemRefOf, readNotification, resolveSlot, type LoadedNotification, type PostalCall } from './load.js';
import { toCoreOutcome, type CoreOutcome, type FileLookup } from './outcome-input.js';
import { finalOf } from './probe.js';

export interface OutcomePlan {
  loaded: LoadedNotification;
  slot: ItemSlot & { ctx: NonNullable<ItemSlot['ctx']> };
  /** What the outbox message and the audit call it. */
  label: string;
  elements: TimelineElementInput[];
}

function sentSlot(slot: ItemSlot, kind: string): OutcomePlan['slot'] {
  // A second attempt prepared by SEND but not handed over yet has no outcome to record (DOMAIN.md 7.3).
  if (!slot.ctx) throw new DomainError('OUTCOME_NOT_ALLOWED_NOW', { kind });
  return slot as OutcomePlan['slot'];
}

function elementOptions(plan: Pick<OutcomePlan, 'loaded' | 'slot'>, call: PostalCall, next: CoreOutcome['next']): PaperElementOptions & { now: string } {
  const opts: PaperElementOptions & { now: string } = { iun: plan.loaded.record.notification.iun, recipientIndex: plan.slot.recipientIndex, now: call.now };
  if (next) opts.next = next;
  if (plan.slot.address) opts.physicalAddress = plan.slot.address;
  return opts;
}

/**
 * A first-attempt KO needs the next step (DOMAIN.md 7.3: a second attempt, or no address → the
 * workflow fails, or SEND's address search); any other outcome must not carry one. Its date must
 * not be before the outcome's nor after now.
 */
function checkNextStep(slot: ItemSlot, elements: readonly TimelineElementInput[], next: CoreOutcome['next'], call: PostalCall): void {
  const firstAttemptKo = slot.attempt === 0 && finalOf(elements) === 'KO';
  if (firstAttemptKo && next === undefined) throw new DomainError('POSTAL_NEXT_STEP_REQUIRED');
  if (!firstAttemptKo && next !== undefined) throw new DomainError('POSTAL_NEXT_STEP_NOT_ALLOWED');
  const at = (next as NextStepAfterFirstFailure | null | undefined)?.at;
  if (at === undefined) return;
  const feedback = elements.find((e) => e.category === 'SEND_ANALOG_FEEDBACK');
  if (parseInstant(at) > parseInstant(call.now)) throw new DomainError('OUTCOME_DATE_IN_FUTURE', { at });
  if (feedback && parseInstant(at) < parseInstant(feedback.at)) throw new DomainError('OUTCOME_OUT_OF_ORDER', { at, lastAt: feedback.at });
}

/**
 * The same outcome recorded a second time (a receipt scanned again, a CSV imported again after an
 * interruption): the paper event that opens it is already on the attempt, same code, same date.
 * Said as such: otherwise a journey event (force majeure, theft, not reportable) or a raw progress
 * code would be recorded twice, and the other outcomes refused as if they did not fit the item.
 */
function refuseRepeat(slot: OutcomePlan['slot'], elements: readonly TimelineElementInput[]): void {
  const first = elements.find((e) => typeof e.details?.deliveryDetailCode === 'string');
  if (!first) return;
  const code = first.details!.deliveryDetailCode as string;
  // A final feedback carries its A's date: the event to compare is the one recorded under its code.
  const ms = tryParseInstant(first.at);
  const same = slot.ctx.events.find((e) => e.code === code && tryParseInstant(e.at) === ms);
  if (same) throw new DomainError('POSTAL_OUTCOME_ALREADY_RECORDED', { code, at: same.at });
}

/** The elements `outcome` would have made with only the events before its date: what it wrote, if it was recorded. */
function buildAsOfItsDate(slot: OutcomePlan['slot'], outcome: PostalOutcome, options: PaperElementOptions & { now: string }): TimelineElementInput[] | undefined {
  if (!('at' in outcome)) return undefined;
  const ms = tryParseInstant(outcome.at);
  const earlier = slot.ctx.events.filter((e) => tryParseInstant(e.at) < ms);
  try {
    return buildPostalOutcomeElements({ ...slot.ctx, events: earlier }, outcome, options);
  } catch {
    return undefined;
  }
}

/** Plans one outcome by meaning for the item a code names. Throws DomainError when it does not fit. */
export async function planOutcome(tx: StoreScope, files: FileLookup, code: string, input: OutcomeInput, call: PostalCall): Promise<OutcomePlan> {
  const ref = itemRefOf(code);
  const core = await toCoreOutcome(input, files, call.now);
  const loaded = await loadNotification(tx, ref.iun, code);
  const fits = (s: ItemSlot) => s.ctx !== undefined && allowedOutcomes(s.ctx, call.now).includes(input.kind);
  const slot = sentSlot(resolveSlot(loaded, ref, code, fits), input.kind);
  const options = elementOptions({ loaded, slot }, call, core.next);
  let elements: TimelineElementInput[];
  try {
    elements = buildPostalOutcomeElements(slot.ctx, core.outcome, options);
  } catch (e) {
    // Refused as out of place (the item went on since): if it is the very outcome already recorded
    // (a receipt entered twice, a request sent again), say that instead.
    if (isDomainError(e) && (e.code === 'OUTCOME_NOT_ALLOWED_NOW' || e.code === 'EVENT_AFTER_FINAL')) {
      const first = buildAsOfItsDate(slot, core.outcome, options);
      if (first) refuseRepeat(slot, first);
    }
    throw e;
  }
  refuseRepeat(slot, elements);
  checkNextStep(slot, elements, core.next, call);
  return { loaded, slot, label: input.kind, elements };
}

export interface RawPaperEvent {
  paperCode: string;
  at: string;
  cause?: string;
}

/** Plans one raw paper event (a code from a postal operator's export, DOMAIN.md 7.4). */
export async function planRawEvent(tx: StoreScope, code: string, event: RawPaperEvent, next: CoreOutcome['next'], call: PostalCall): Promise<OutcomePlan> {
  const ref = itemRefOf(code);
  const loaded = await loadNotification(tx, ref.iun, code);
  const fits = (s: ItemSlot) => s.ctx !== undefined && validatePaperEvent(s.ctx, event.paperCode, event.at, event.cause, { now: call.now }).ok;
  const slot = sentSlot(resolveSlot(loaded, ref, code, fits), event.paperCode);
  const paperEvent = event.cause === undefined ? { code: event.paperCode, at: event.at } : { code: event.paperCode, at: event.at, cause: event.cause };
  const elements = buildPaperEventElements(slot.ctx, paperEvent, elementOptions({ loaded, slot }, call, next));
  refuseRepeat(slot, elements);
  checkNextStep(slot, elements, next, call);
  return { loaded, slot, label: event.paperCode, elements };
}

/** What an entry asks to record, as read from a CSV line: an outcome by meaning or one raw paper event. */
export type AskedEntry = { kind: 'MEANING'; input: OutcomeInput } | { kind: 'RAW'; event: RawPaperEvent };

interface PaperEventKey { code: string; at: string; cause?: string | undefined }

function samePaperEvent(slot: OutcomePlan['slot'], want: PaperEventKey): boolean {
  const ms = tryParseInstant(want.at);
  return slot.ctx.events.some((e) => e.code === want.code && tryParseInstant(e.at) === ms && (e.cause ?? undefined) === (want.cause ?? undefined));
}

/**
 * The paper codes of an entry already recorded exactly as asked, else undefined: every paper event
 * it writes is on the item named by `code`, with the same code, date and cause (the same CSV sent
 * again after the host restarted and lost the import, or a line repeated in the file). What the
 * item did since does not matter (a notice imported again after the collection is still the notice
 * recorded). An entry recorded in part, or with another cause, is not: its refusal stands. Reads
 * only: call it after the entry's plan was refused, in the same transaction.
 */
export async function recordedAsAsked(tx: StoreScope, files: FileLookup, code: string, entry: AskedEntry, call: PostalCall): Promise<string[] | undefined> {
  try {
    const ref = itemRefOf(code);
    const loaded = await readNotification(tx, ref.iun);
    if (!loaded) return undefined;
    const slots = loaded.slots.filter((s): s is OutcomePlan['slot'] => s.ctx !== undefined
      && (ref.recipientIndex === undefined || (s.recipientIndex === ref.recipientIndex && s.attempt === ref.attempt)));
    const core = entry.kind === 'MEANING' ? await toCoreOutcome(entry.input, files, call.now) : undefined;
    for (const slot of slots) {
      let wanted: PaperEventKey[];
      if (entry.kind === 'RAW') {
        wanted = [{ code: entry.event.paperCode, at: entry.event.at, cause: entry.event.cause }];
      } else {
        const elements = buildAsOfItsDate(slot, core!.outcome, elementOptions({ loaded, slot }, call, core!.next)) ?? [];
        wanted = elements.filter((e) => typeof e.details?.deliveryDetailCode === 'string').map((e) => ({
          code: e.details!.deliveryDetailCode as string, at: e.at,
          cause: typeof e.details!.deliveryFailureCause === 'string' ? e.details!.deliveryFailureCause : undefined,
        }));
      }
      if (wanted.length > 0 && wanted.every((w) => samePaperEvent(slot, w))) return wanted.map((w) => w.code);
    }
    return undefined;
  } catch (e) {
    if (isDomainError(e)) return undefined;
    throw e;
  }
}
