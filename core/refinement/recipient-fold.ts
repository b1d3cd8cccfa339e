// One recipient's refinement data (DOMAIN.md 8), folded over the sorted timeline. Plain JSON.
import type { DomainWarning, LegalFact, TimelineCategory, WorkflowEndKind } from '../model/types.js';
import type { NormalizedElement } from '../timeline/element.js';
import { finalFeedbackKey, preOutcomeKey } from '../timeline/business-time.js';
import { formatInstant } from '../time/instant.js';
import { termFrom, UNREACHABLE_RULE_FROM_MS, workflowEndKind } from './rules.js';

export interface ElementRef {
  id: string;
  ms: number;
  category: TimelineCategory;
}

export interface TermState {
  ms: number;
  days: number;
  after2100: boolean;
  base: ElementRef;
  /** The base element named by 8.1 was missing; the workflow-end element's time was used. */
  fallback: boolean;
}

export interface RecipientFold {
  firstView: ElementRef | null;
  end: (ElementRef & { kind: WorkflowEndKind }) | null;
  term: TermState | null;
  /** The first OK SEND_DIGITAL_FEEDBACK: the cycle stops there (DOMAIN.md 7.2), B of 8.1. */
  okDigitalFeedback: ElementRef | null;
  lastOkAnalogFeedback: ElementRef | null;
  /** Latest SEND_ANALOG_FEEDBACK time (DOMAIN.md 5 business time of ANALOG_SUCCESS_WORKFLOW). */
  lastAnalogFeedbackMs: number | null;
  firstAnalogFailure: ElementRef | null;
  /** Pre-outcome ("A"/"D") progress times by `attempt|code`: the business time of their final feedback (DOMAIN.md 5). */
  preOutcomes: Record<string, number>;
  /** `attempt|code` of the pre-outcome each applied final feedback took its time from (or would have). */
  finalsApplied: string[];
  /** A SEND_DIGITAL_DOMICILE / SEND_ANALOG_DOMICILE / SEND_SIMPLE_REGISTERED_LETTER exists (DOMAIN.md 12 NOT_SENT). */
  hasSend: boolean;
  hasDeceased: boolean;
  /** An ANALOG_SUCCESS_WORKFLOW / ANALOG_WORKFLOW_RECIPIENT_DECEASED was applied (its time hangs on the feedbacks). */
  boundToFeedback: boolean;
  /** A COMPLETELY_UNREACHABLE(_CREATION_REQUEST) was applied (its time hangs on ANALOG_FAILURE_WORKFLOW). */
  boundToFailure: boolean;
  /** Business time of the first REFINEMENT applied, or null. */
  refinementMs: number | null;
  /** SCHEDULE_REFINEMENT elements: id and details.schedulingDate as written (checked at the end). */
  scheduled: { id: string; schedulingDate: string | null }[];
  /** Recipient-level legal facts, in sort order (DOMAIN.md 6). */
  legalFacts: LegalFact[];
}

export function createRecipientFold(): RecipientFold {
  return {
    firstView: null,
    end: null,
    term: null,
    okDigitalFeedback: null,
    lastOkAnalogFeedback: null,
    lastAnalogFeedbackMs: null,
    firstAnalogFailure: null,
    preOutcomes: {},
    finalsApplied: [],
    hasSend: false,
    hasDeceased: false,
    boundToFeedback: false,
    boundToFailure: false,
    refinementMs: null,
    scheduled: [],
    legalFacts: [],
  };
}

const ref = (e: NormalizedElement): ElementRef => ({ id: e.elementId, ms: e.atMs, category: e.category });

/**
 * DOMAIN.md 8.1: the workflow-end element chooses the row; B and S follow. Choices (8.1 names one
 * end per recipient): the first end in processing order wins; B is, for a digital success, the
 * first OK receipt (the cycle stops at it, 7.2: a receipt the provider sent twice does not move
 * B), for an analog success the last OK feedback processed before the end (a second attempt's);
 * when that element is missing the end element's own time is used, with a warning.
 */
function endWorkflow(rf: RecipientFold, e: NormalizedElement, kind: WorkflowEndKind, sentAtMs: number, warnings: DomainWarning[]): void {
  rf.end = { id: e.elementId, ms: e.atMs, category: e.category, kind };
  if (kind === 'DECEASED') return;
  let base: ElementRef | null = null;
  if (kind === 'DIGITAL_SUCCESS') base = rf.okDigitalFeedback;
  else if (kind === 'DIGITAL_FAILURE') base = ref(e);
  else if (kind === 'ANALOG_SUCCESS') base = rf.lastOkAnalogFeedback;
  else base = rf.firstAnalogFailure;
  const fallback = base === null;
  if (base === null) {
    base = ref(e);
    warnings.push({ code: 'REFINEMENT_BASE_MISSING', elementId: e.elementId, params: { recipientIndex: e.rec, category: e.category } });
  }
  if (kind === 'UNREACHABLE' && sentAtMs < UNREACHABLE_RULE_FROM_MS) {
    warnings.push({ code: 'PRE_RULE_SENT_AT', elementId: e.elementId, params: { sentAt: formatInstant(sentAtMs) } });
  }
  const t = termFrom(kind, base.ms)!;
  rf.term = { ms: t.ms, days: t.days, after2100: t.after2100, base, fallback };
}

/** Sends, feedbacks and workflow ends of one recipient (everything the term depends on). */
export function observeWorkflow(rf: RecipientFold, e: NormalizedElement, sentAtMs: number, warnings: DomainWarning[]): void {
  switch (e.category) {
    case 'SEND_DIGITAL_DOMICILE':
    case 'SEND_ANALOG_DOMICILE':
    case 'SEND_SIMPLE_REGISTERED_LETTER':
      rf.hasSend = true;
      return;
    case 'SEND_DIGITAL_FEEDBACK':
      if (e.details.responseStatus === 'OK' && rf.okDigitalFeedback === null) rf.okDigitalFeedback = ref(e);
      return;
    case 'SEND_ANALOG_PROGRESS': {
      const k = preOutcomeKey(e);
      if (k !== undefined && !(rf.preOutcomes[k]! >= e.atMs)) rf.preOutcomes[k] = e.atMs;
      return;
    }
    case 'SEND_ANALOG_FEEDBACK': {
      const k = finalFeedbackKey(e);
      if (k !== undefined) rf.finalsApplied.push(k);
      // After RECAG012 a giacenza outcome is progress: the attempt's final stays RECAG012 (DOMAIN.md 7.4 *).
      if (e.progressAfterTerm) return;
      if (rf.lastAnalogFeedbackMs === null || e.atMs > rf.lastAnalogFeedbackMs) rf.lastAnalogFeedbackMs = e.atMs;
      if (e.details.responseStatus === 'OK') rf.lastOkAnalogFeedback = ref(e);
      return;
    }
    case 'ANALOG_FAILURE_WORKFLOW':
      if (rf.firstAnalogFailure === null) rf.firstAnalogFailure = ref(e);
      break;
    case 'ANALOG_SUCCESS_WORKFLOW':
      rf.boundToFeedback = true;
      break;
    case 'ANALOG_WORKFLOW_RECIPIENT_DECEASED':
      rf.boundToFeedback = true;
      rf.hasDeceased = true;
      break;
    case 'COMPLETELY_UNREACHABLE':
    case 'COMPLETELY_UNREACHABLE_CREATION_REQUEST':
      rf.boundToFailure = true;
      break;
    default:
      break;
  }
  const kind = workflowEndKind(e.category, e.details);
  if (kind !== undefined && rf.end === null) endWorkflow(rf, e, kind, sentAtMs, warnings);
}

/**
 * Views, refinements and scheduled refinements (DOMAIN.md 5 notes, 8.2). Returns true when the
 * element must be ignored for status: a second NOTIFICATION_VIEWED; a REFINEMENT with a view at or
 * before its date (`viewMs` is the recipient's first view, looked up over the whole timeline);
 * a REFINEMENT without a term (DOMAIN.md 8.1: no term, nothing to refine by lapse of time — choice).
 */
export function observeViewing(rf: RecipientFold, e: NormalizedElement, viewMs: number | null, warnings: DomainWarning[]): boolean {
  const recipientIndex = e.rec;
  if (e.category === 'NOTIFICATION_VIEWED') {
    if (rf.firstView === null) {
      rf.firstView = ref(e);
      return false;
    }
    warnings.push({ code: 'DUPLICATE_VIEW', elementId: e.elementId, params: { recipientIndex } });
    return true;
  }
  if (e.category === 'SCHEDULE_REFINEMENT') {
    const d = e.details.schedulingDate;
    rf.scheduled.push({ id: e.elementId, schedulingDate: typeof d === 'string' ? d : d === undefined ? null : String(d) });
    return false;
  }
  if (e.category !== 'REFINEMENT') return false;
  if (rf.refinementMs === null) rf.refinementMs = e.atMs;
  if (rf.term === null) {
    warnings.push({ code: 'REFINEMENT_WITHOUT_TERM', elementId: e.elementId, params: { recipientIndex } });
    return true;
  }
  if (viewMs !== null && viewMs <= rf.term.ms) {
    warnings.push({ code: 'REFINEMENT_AFTER_VIEW', elementId: e.elementId, params: { recipientIndex, viewedAt: formatInstant(viewMs) } });
    return true;
  }
  return false;
}
