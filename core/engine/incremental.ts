// Incremental engine for the store: apply one element to a stored EngineState. An element that
// sorts after everything applied is folded in directly. When the result could differ from a full
// derivation (the element sorts earlier, or it changes something already decided from elements
// applied before it) the answer is 'needs-rederive': the store then stores the element and calls
// rebuildEngineState with all the notification's elements. The given state is never modified.
import type { DomainWarning, TimelineCategory } from '../model/types.js';
import type { RecipientFold } from '../refinement/recipient-fold.js';
import type { HistoryState, StatusFold } from '../status/fold.js';
import { workflowEndKind } from '../refinement/rules.js';
import { businessTimeSource, finalFeedbackKey, isGiacenzaOrderDependent, preOutcomeKey, receiptTimeOf } from '../timeline/business-time.js';
import { compareWithKey, dedupeKeyOf } from '../timeline/dedupe.js';
import type { NormalizedElement } from '../timeline/element.js';
import { normalizeElement } from '../timeline/normalize.js';
import { compareToSortKey, ENGINE_STATE_VERSION } from './state.js';
import type { EngineState } from './state.js';
import { lookaheadFromState, stepElement } from './step.js';

export type ApplyOutcome = 'applied' | 'duplicate' | 'rejected' | 'needs-rederive';

export interface ApplyResult {
  state: EngineState;
  outcome: ApplyOutcome;
  /** The typed error of a rejected element. */
  error?: DomainWarning;
}

/** DOMAIN.md 5 business time from what the state knows (the full derivation knows the whole timeline). */
function correctBusinessTime(e: NormalizedElement, rf: RecipientFold | undefined): void {
  const receipt = receiptTimeOf(e);
  if (receipt !== undefined) e.atMs = receipt;
  if (rf === undefined) return;
  const final = finalFeedbackKey(e);
  const pre = final === undefined ? undefined : rf.preOutcomes[final];
  if (pre !== undefined) e.atMs = pre;
  const source = businessTimeSource(e.category);
  if (source === 'LAST_ANALOG_FEEDBACK' && rf.lastAnalogFeedbackMs !== null) e.atMs = rf.lastAnalogFeedbackMs;
  else if (source === 'ANALOG_FAILURE' && rf.firstAnalogFailure !== null) e.atMs = rf.firstAnalogFailure.ms;
  else if (source === 'TERM' && rf.term !== null) e.atMs = rf.term.ms;
}

function endsWorkflow(category: TimelineCategory): boolean {
  return workflowEndKind(category, {}) !== undefined;
}

/**
 * True when the element, although it sorts last, would change a decision taken on elements applied
 * before it: the business time of an applied ANALOG_SUCCESS_WORKFLOW / DECEASED (later feedback) or
 * COMPLETELY_UNREACHABLE (late ANALOG_FAILURE_WORKFLOW), the term of an applied REFINEMENT (late
 * workflow end), a REFINEMENT made void by a view at the same instant, or a view of a recipient
 * found deceased later (multi-recipient).
 */
function invalidatesApplied(state: EngineState, e: NormalizedElement, rf: RecipientFold | undefined): boolean {
  if (rf === undefined) return false;
  switch (e.category) {
    case 'SEND_ANALOG_FEEDBACK':
      // RECAG012 and a giacenza outcome decide together which is the attempt's final (DOMAIN.md 7.4 *).
      return rf.boundToFeedback || (rf.lastAnalogFeedbackMs !== null && isGiacenzaOrderDependent(e));
    case 'SEND_ANALOG_PROGRESS': {
      // A pre-outcome event after its final feedback: that feedback's time (and what hangs on it) moves.
      const k = preOutcomeKey(e);
      return k !== undefined && rf.finalsApplied.includes(k);
    }
    case 'ANALOG_FAILURE_WORKFLOW':
      if (rf.firstAnalogFailure === null && rf.boundToFailure) return true;
      break;
    case 'NOTIFICATION_VIEWED':
      return rf.firstView === null && rf.refinementMs !== null && e.atMs <= rf.refinementMs;
    case 'ANALOG_WORKFLOW_RECIPIENT_DECEASED':
      if (state.recipientCount > 1 && rf.firstView !== null) return true;
      break;
    default:
      break;
  }
  return endsWorkflow(e.category) && rf.end === null && rf.refinementMs !== null;
}

function copyRecipient(rf: RecipientFold): RecipientFold {
  return {
    firstView: rf.firstView,
    end: rf.end,
    term: rf.term,
    okDigitalFeedback: rf.okDigitalFeedback,
    lastOkAnalogFeedback: rf.lastOkAnalogFeedback,
    lastAnalogFeedbackMs: rf.lastAnalogFeedbackMs,
    firstAnalogFailure: rf.firstAnalogFailure,
    preOutcomes: { ...rf.preOutcomes },
    finalsApplied: rf.finalsApplied.slice(),
    hasSend: rf.hasSend,
    hasDeceased: rf.hasDeceased,
    boundToFeedback: rf.boundToFeedback,
    boundToFailure: rf.boundToFailure,
    refinementMs: rf.refinementMs,
    scheduled: rf.scheduled.slice(),
    legalFacts: rf.legalFacts.slice(),
  };
}

/**
 * Copy-on-write for one step: every array or object the step may change (stepElement only pushes
 * to these arrays and replaces the other fields) is copied; everything else is shared with the
 * given state, which therefore stays as it was. Fields are listed, not spread: same object
 * shapes every time, which keeps this cheap. appliedIds / appliedKeys get the element appended
 * by the caller (one exact-size copy each, instead of a copy that grows on its first push).
 */
function copyForStep(s: EngineState, rec: number): EngineState {
  const history = s.status.history.slice();
  const current = history[history.length - 1]!;
  const entry: HistoryState = { status: current.status, atMs: current.atMs, related: current.related.slice() };
  if (current.cause !== undefined) entry.cause = current.cause;
  history[history.length - 1] = entry;
  const recipients = s.recipients.slice();
  if (rec >= 0 && rec < recipients.length) recipients[rec] = copyRecipient(recipients[rec]!);
  const status: StatusFold = { state: s.status.state, completedBy: s.status.completedBy.slice(), completed: s.status.completed, seen: s.status.seen.slice(), history };
  return {
    version: s.version,
    iun: s.iun,
    sentAt: s.sentAt,
    sentAtMs: s.sentAtMs,
    recipientCount: s.recipientCount,
    appliedIds: s.appliedIds,
    appliedKeys: s.appliedKeys,
    last: s.last,
    status,
    recipients,
    warnings: s.warnings.slice(),
  };
}

/**
 * Applies one input element to a state: 'applied' (new state returned), 'duplicate' (same
 * elementId already applied and kept), 'rejected' (invalid element, typed error),
 * 'needs-rederive' (store the element, then rebuild from all elements with rebuildEngineState; also
 * for a state written by another engine version).
 */
export function applyElement(state: EngineState, input: unknown): ApplyResult {
  if (state.version !== ENGINE_STATE_VERSION) return { state, outcome: 'needs-rederive' }; // stored by another engine version
  const errors: DomainWarning[] = [];
  const e = normalizeElement(input, { iun: state.iun, recipientCount: state.recipientCount }, errors);
  if (e === undefined) return { state, outcome: 'rejected', error: errors[0]! };
  const i = state.appliedIds.indexOf(e.elementId);
  const key = i < 0 ? undefined : state.appliedKeys[i];
  if (key !== undefined) return { state, outcome: compareWithKey(e, key) < 0 ? 'needs-rederive' : 'duplicate' };
  const rf = e.rec >= 0 ? state.recipients[e.rec] : undefined;
  correctBusinessTime(e, rf);
  if (state.last !== null && compareToSortKey(e, state.last) < 0) return { state, outcome: 'needs-rederive' };
  if (invalidatesApplied(state, e, rf)) return { state, outcome: 'needs-rederive' };
  const next = copyForStep(state, e.rec);
  stepElement(next, e, lookaheadFromState(next));
  next.appliedIds = state.appliedIds.concat(e.elementId);
  next.appliedKeys = state.appliedKeys.concat([dedupeKeyOf(e)]);
  next.last = [e.atMs, e.rank, e.rec, e.elementId];
  return { state: next, outcome: 'applied' };
}
