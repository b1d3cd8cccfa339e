// Business-time equalities of DOMAIN.md 5, applied before sorting (they move elements):
// * ANALOG_SUCCESS_WORKFLOW, ANALOG_WORKFLOW_RECIPIENT_DECEASED = `at` of that recipient's last
//   SEND_ANALOG_FEEDBACK (last = latest business time);
// * COMPLETELY_UNREACHABLE_CREATION_REQUEST, COMPLETELY_UNREACHABLE = `at` of that recipient's
//   ANALOG_FAILURE_WORKFLOW (the first one in sort order, should there be several);
// * REFINEMENT = the term date S (done by the engine, which computes S: see core/engine).
// When the reference element is absent the written time stands. The warning
// BUSINESS_TIME_MISMATCH is emitted by the engine when it processes the element.
import type { TimelineCategory } from '../model/types.js';
import type { NormalizedElement } from './element.js';

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

/** Applies the feedback / failure equalities to a deduplicated list, in place. */
export function applyAnalogBusinessTimes(elements: NormalizedElement[], recipientCount: number): void {
  let needed = false;
  for (const e of elements) {
    const source = businessTimeSource(e.category);
    if (source === 'LAST_ANALOG_FEEDBACK' || source === 'ANALOG_FAILURE') needed = true;
  }
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
