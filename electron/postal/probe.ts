// What each allowed meaning becomes, asked of the core itself: the outcome is built (not written)
// at today's date, so the screen can show the codes beside the meaning, whether it is the final
// outcome, which causes it accepts and why it cannot be recorded yet (DOMAIN.md 7.3, 7.4).
import {
  allowedOutcomes,
  buildPostalOutcomeElements,
  codedMessage,
  FAILURE_CAUSES,
  isDomainError,
  isFailureCause,
  paperCodeInfo,
  type AttemptContext,
  type ErrorCode,
  type FailureCause,
  type IsoInstant,
  type Locale,
  type PostalOutcome,
  type PostalOutcomeKind,
  type TimelineElementInput,
} from '../../core/index.js';
import type { OutcomeOptionView, PostalStepView } from '../api/contract/postal-views.js';
import type { AttemptRef } from './item-code.js';

export interface ProbeTarget {
  ctx: AttemptContext;
  iun: string;
  recipientIndex: number;
  attempt: AttemptRef;
}

const PAPER_CATEGORIES = ['SEND_ANALOG_PROGRESS', 'SEND_ANALOG_FEEDBACK', 'SIMPLE_REGISTERED_LETTER_PROGRESS'];

/** One element as the screens show it: its code and meaning, intermediate or final. */
export function stepOf(e: TimelineElementInput): PostalStepView {
  const code = typeof e.details?.deliveryDetailCode === 'string' ? e.details.deliveryDetailCode : undefined;
  const info = code ? paperCodeInfo(code) : undefined;
  const step: PostalStepView = { category: e.category, at: e.at, role: roleOf(e) };
  if (code) step.code = code;
  if (info) step.meaning = info.meaning;
  // Postal failure cause (M01...), or the no-address cause of a PREPARE_ANALOG_DOMICILE_FAILURE (D00...).
  const cause = e.details?.deliveryFailureCause ?? e.details?.failureCause;
  if (typeof cause === 'string') step.failureCause = cause;
  const attachments = e.details?.attachments;
  if (Array.isArray(attachments) && attachments.length > 0) step.attachments = attachments.length;
  return step;
}

function roleOf(e: TimelineElementInput): PostalStepView['role'] {
  if (e.category === 'SEND_ANALOG_FEEDBACK') return e.details?.responseStatus === 'KO' ? 'KO' : 'OK';
  if (e.category === 'SIMPLE_REGISTERED_LETTER_PROGRESS') {
    // RS codes only ever make progress elements; their own kind says whether the letter's story ended.
    const info = paperCodeInfo(String(e.details?.deliveryDetailCode ?? ''));
    return info && info.kind !== 'PROGRESS' && info.phase !== 'A' && info.phase !== 'D' ? info.kind : 'PROGRESS';
  }
  return PAPER_CATEGORIES.includes(e.category) ? 'PROGRESS' : 'WORKFLOW';
}

function sample(kind: PostalOutcomeKind, at: IsoInstant, cause?: FailureCause): PostalOutcome {
  switch (kind) {
    case 'GIACENZA_TERM_ELAPSED':
      return { kind };
    case 'SCANS_RECEIVED':
      return { kind, at, attachments: [{ documentType: 'AR', url: 'probe' }] };
    case 'DELIVERED_TO_OTHER_PERSON':
      return { kind, at, receiverName: 'probe', receiverRelation: 'probe' };
    case 'UNDELIVERED':
    case 'THEFT_LOSS_DAMAGE':
      return { kind, at, cause: cause as FailureCause };
    default:
      return { kind, at } as PostalOutcome;
  }
}

type Trial = { ok: true; elements: TimelineElementInput[] } | { ok: false; code: ErrorCode; params: Record<string, string | number> };

function attempt(t: ProbeTarget, outcome: PostalOutcome, now: IsoInstant): Trial {
  try {
    return { ok: true, elements: buildPostalOutcomeElements(t.ctx, outcome, { iun: t.iun, recipientIndex: t.recipientIndex, now }) };
  } catch (e) {
    if (isDomainError(e)) return { ok: false, code: e.code, params: e.params };
    throw e;
  }
}

/** The causes the core accepts for a meaning that carries one (none for the others). */
function causesFor(t: ProbeTarget, kind: PostalOutcomeKind, now: IsoInstant): FailureCause[] {
  if (kind !== 'UNDELIVERED' && kind !== 'THEFT_LOSS_DAMAGE') return [];
  return Object.keys(FAILURE_CAUSES).filter(isFailureCause).filter((c) => {
    const r = attempt(t, sample(kind, now, c), now);
    return r.ok || (r.code !== 'INVALID_FAILURE_CAUSE' && r.code !== 'MISSING_FAILURE_CAUSE');
  });
}

/** The final outcome an element list carries (feedback responseStatus, or an RS closing code). */
export function finalOf(elements: readonly TimelineElementInput[]): 'OK' | 'KO' | null {
  for (const e of elements) {
    const role = roleOf(e);
    if (role === 'OK' || role === 'KO') return role;
  }
  return null;
}

/** One allowed meaning with what the core makes of it today. */
export function probeOption(t: ProbeTarget, kind: PostalOutcomeKind, now: IsoInstant, locale: Locale): OutcomeOptionView {
  const causes = causesFor(t, kind, now);
  const trial = attempt(t, sample(kind, now, causes[0]), now);
  const labelled = causes.map((code) => ({ code, label: FAILURE_CAUSES[code] }));
  const elements = trial.ok ? trial.elements : [];
  const final = finalOf(elements);
  return {
    kind,
    codes: elements.map((e) => e.details?.deliveryDetailCode).filter((c): c is string => typeof c === 'string'),
    final,
    asksNextStep: t.attempt === 0 && final === 'KO',
    causes: labelled,
    blockedNow: trial.ok ? null : codedMessage(trial.code, locale, trial.params),
  };
}

/** Every meaning the core allows now for the item, with its probe. */
export function optionsFor(t: ProbeTarget, now: IsoInstant, locale: Locale): OutcomeOptionView[] {
  return allowedOutcomes(t.ctx, now).map((kind) => probeOption(t, kind, now, locale));
}
