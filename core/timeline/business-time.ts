// Business times of DOMAIN.md 5, applied before sorting (they move elements):
// * SEND_DIGITAL_FEEDBACK = the PEC receipt's time, `details.notificationDate` in SEND (when the
//   element carries a readable one);
// * a final SEND_ANALOG_FEEDBACK (code ending in C, or F for absolute unreachability) = the time of
//   its pre-outcome progress event of the same recipient and attempt (the same code ending in A, or
//   D: DOMAIN.md 7.4 suffixes), the latest one should there be several; PNRN012 / PNAG012 /
//   RECAG012 have none and keep their written time;
// * ANALOG_SUCCESS_WORKFLOW, ANALOG_WORKFLOW_RECIPIENT_DECEASED = `at` of that recipient's last
//   SEND_ANALOG_FEEDBACK (last = latest business time);
// * COMPLETELY_UNREACHABLE_CREATION_REQUEST, COMPLETELY_UNREACHABLE = `at` of that recipient's
//   ANALOG_FAILURE_WORKFLOW (the first one in sort order, should there be several);
// * REFINEMENT = the term date S (done by the engine, which computes S: see core/engine).
// A RECAG005C-007C feedback after its attempt's RECAG012 / PNAG012 is progress (DOMAIN.md 7.4 *):
// it is marked (progressAfterTerm) and is not "the last SEND_ANALOG_FEEDBACK" above, nor the
// attempt's final for the refinement term (recipient-fold.ts).
// When the reference element is absent the written time stands. The warning
// BUSINESS_TIME_MISMATCH is emitted by the engine when it processes the element.
import type { TimelineCategory } from '../model/types.js';
import { tryParseInstant } from '../time/instant.js';
import type { NormalizedElement } from './element.js';
import { attemptOf } from './element-id.js';

/** A PEC feedback's receipt time (`details.notificationDate`), when it carries a readable one. */
export function receiptTimeOf(e: Pick<NormalizedElement, 'category' | 'details'>): number | undefined {
  if (e.category !== 'SEND_DIGITAL_FEEDBACK') return undefined;
  const ms = tryParseInstant(e.details.notificationDate as string);
  return Number.isNaN(ms) ? undefined : ms;
}

/** The reference an element's business time is bound to, if any. */
export function businessTimeSource(category: TimelineCategory): 'LAST_ANALOG_FEEDBACK' | 'ANALOG_FAILURE' | 'TERM' | undefined {
  switch (category) {
    case 'ANALOG_SUCCESS_WORKFLOW':
    case 'ANALOG_WORKFLOW_RECIPIENT_DECEASED':
      return 'LAST_ANALOG_FEEDBACK';
    case 'COMPLETELY_UNREACHABLE_CREATION_REQUEST':
    case 'COMPLETELY_UNREACHABLE':
      return 'ANALOG_FAILURE';
    case 'REFINEMENT':
      return 'TERM';
    default:
      return undefined;
  }
}

function isEarlier(a: NormalizedElement, b: NormalizedElement): boolean {
  return a.atMs < b.atMs || (a.atMs === b.atMs && a.elementId < b.elementId);
}

type CodedElement = Pick<NormalizedElement, 'category' | 'details'>;

/** `attempt|code` of a pre-outcome progress event ("A", or "D" for absolute unreachability). */
export function preOutcomeKey(e: CodedElement): string | undefined {
  if (e.category !== 'SEND_ANALOG_PROGRESS') return undefined;
  const code = e.details.deliveryDetailCode;
  if (typeof code !== 'string' || code.length < 2 || !(code.endsWith('A') || code.endsWith('D'))) return undefined;
  return `${attemptOf(e.details)}|${code}`;
}

/** For a final postal feedback, the `attempt|code` key of the pre-outcome event it closes. */
export function finalFeedbackKey(e: CodedElement): string | undefined {
  if (e.category !== 'SEND_ANALOG_FEEDBACK') return undefined;
  const code = e.details.deliveryDetailCode;
  if (typeof code !== 'string' || code.length < 2) return undefined;
  const pre = code.endsWith('C') ? 'A' : code.endsWith('F') ? 'D' : undefined;
  return pre === undefined ? undefined : `${attemptOf(e.details)}|${code.slice(0, -1)}${pre}`;
}

/** Giacenza outcomes that are a final OK only when no RECAG012 came before (DOMAIN.md 7.4 *). */
const FINAL_ONLY_BEFORE_TERM: ReadonlySet<string> = new Set(['RECAG005C', 'RECAG006C', 'RECAG007C']);
/** The 890 giacenza's term finals: RECAG012, and PNAG012 dated like it (DOMAIN.md 7.3). */
const GIACENZA_TERM_FINALS: ReadonlySet<string> = new Set(['RECAG012', 'PNAG012']);

/**
 * A feedback whose place as its attempt's final depends on the order of RECAG012 and the giacenza
 * outcome (RECAG005C-007C, RECAG012, PNAG012): the incremental engine rederives when one arrives
 * after another feedback of the recipient.
 */
export function isGiacenzaOrderDependent(e: CodedElement): boolean {
  if (e.category !== 'SEND_ANALOG_FEEDBACK') return false;
  const code = e.details.deliveryDetailCode;
  return typeof code === 'string' && (FINAL_ONLY_BEFORE_TERM.has(code) || GIACENZA_TERM_FINALS.has(code));
}

/** Marks the RECAG005C-007C feedbacks later than their attempt's RECAG012 / PNAG012 (business times) as progress. */
function markProgressAfterTerm(elements: NormalizedElement[]): void {
  let terms: Map<string, number> | undefined;
  for (const e of elements) {
    if (e.category !== 'SEND_ANALOG_FEEDBACK' || !GIACENZA_TERM_FINALS.has(e.details.deliveryDetailCode as string)) continue;
    const key = `${e.rec}|${attemptOf(e.details)}`;
    terms ??= new Map();
    const cur = terms.get(key);
    if (cur === undefined || e.atMs < cur) terms.set(key, e.atMs);
  }
  if (terms === undefined) return;
  for (const e of elements) {
    if (e.category !== 'SEND_ANALOG_FEEDBACK' || !FINAL_ONLY_BEFORE_TERM.has(e.details.deliveryDetailCode as string)) continue;
    const term = terms.get(`${e.rec}|${attemptOf(e.details)}`);
    if (term !== undefined && term < e.atMs) e.progressAfterTerm = true;
  }
}

/** Final feedbacks take their pre-outcome event's time (see the header). */
function applyPreOutcomeTimes(elements: NormalizedElement[]): void {
  const pre = new Map<string, number>();
  for (const e of elements) {
    const k = preOutcomeKey(e);
    if (k === undefined) continue;
    const key = `${e.rec}|${k}`;
    const cur = pre.get(key);
    if (cur === undefined || e.atMs > cur) pre.set(key, e.atMs);
  }
  if (pre.size === 0) return;
  for (const e of elements) {
    const k = finalFeedbackKey(e);
    const ms = k === undefined ? undefined : pre.get(`${e.rec}|${k}`);
    if (ms !== undefined) e.atMs = ms;
  }
}

/** Applies the receipt times and the feedback / failure equalities to a deduplicated list, in place. */
export function applyBusinessTimes(elements: NormalizedElement[], recipientCount: number): void {
  let needed = false;
  for (const e of elements) {
    const receipt = receiptTimeOf(e);
    if (receipt !== undefined) e.atMs = receipt;
    const source = businessTimeSource(e.category);
    if (source === 'LAST_ANALOG_FEEDBACK' || source === 'ANALOG_FAILURE') needed = true;
  }
  applyPreOutcomeTimes(elements);
  markProgressAfterTerm(elements);
  if (!needed) return;
  const lastFeedback: number[] = [];
  const failure: (NormalizedElement | undefined)[] = [];
  for (let i = 0; i < recipientCount; i++) {
    lastFeedback.push(Number.NaN);
    failure.push(undefined);
  }
  for (const e of elements) {
    if (e.rec < 0) continue;
    if (e.category === 'SEND_ANALOG_FEEDBACK') {
      if (e.progressAfterTerm) continue;
      const cur = lastFeedback[e.rec]!;
      if (Number.isNaN(cur) || e.atMs > cur) lastFeedback[e.rec] = e.atMs;
    } else if (e.category === 'ANALOG_FAILURE_WORKFLOW') {
      const cur = failure[e.rec];
      if (cur === undefined || isEarlier(e, cur)) failure[e.rec] = e;
    }
  }
  for (const e of elements) {
    if (e.rec < 0) continue;
    const source = businessTimeSource(e.category);
    if (source === 'LAST_ANALOG_FEEDBACK') {
      const ms = lastFeedback[e.rec]!;
      if (!Number.isNaN(ms)) e.atMs = ms;
    } else if (source === 'ANALOG_FAILURE') {
      const f = failure[e.rec];
      if (f !== undefined) e.atMs = f.atMs;
    }
  }
}
