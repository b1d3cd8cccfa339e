// One element, in sort order, through every rule: business-time warnings (DOMAIN.md 5), the
// recipient's workflow / term / views (8), legal facts (6) and the status machine (4).
// The full derivation and the incremental engine both go through this one function.
import type { DomainWarning } from '../model/types.js';
import { appendRecipientLegalFacts } from '../legal-facts/legal-facts.js';
import { observeViewing, observeWorkflow } from '../refinement/recipient-fold.js';
import { stepStatusWith } from '../status/fold.js';
import { formatInstant } from '../time/instant.js';
import type { NormalizedElement } from '../timeline/element.js';
import type { EngineState } from './state.js';

/**
 * Facts about the whole timeline that a rule needs before the element that carries them:
 * the recipient's first view (a REFINEMENT is ignored when the view is at or before it, even when
 * the view sorts after it: DOMAIN.md 8.2) and the deceased flag (4.2: in a multi-recipient
 * notification the view of a deceased recipient does not change status, even if the
 * ANALOG_WORKFLOW_RECIPIENT_DECEASED comes later).
 */
export interface Lookahead {
  /** Per recipient: business time of the first NOTIFICATION_VIEWED, or null. */
  firstViewMs: (number | null)[];
  /** Per recipient: an ANALOG_WORKFLOW_RECIPIENT_DECEASED exists. */
  deceased: boolean[];
}

/**
 * The warning for a business time replaced by its rule value (DOMAIN.md 5, 8.3). Choice: for
 * REFINEMENT the more specific REFINEMENT_DATE_MISMATCH of 8.3 is reported instead of
 * BUSINESS_TIME_MISMATCH (one warning per element, not two).
 */
function businessTimeWarning(e: NormalizedElement, warnings: DomainWarning[]): void {
  if (e.atMs === e.writtenAtMs) return;
  const params = { written: e.writtenAt, expected: formatInstant(e.atMs) };
  if (e.category === 'REFINEMENT') {
    warnings.push({ code: 'REFINEMENT_DATE_MISMATCH', elementId: e.elementId, params: { recipientIndex: e.rec, written: e.writtenAt, computed: params.expected } });
  } else {
    warnings.push({ code: 'BUSINESS_TIME_MISMATCH', elementId: e.elementId, params: { category: e.category, ...params } });
  }
}

/** Applies one element (the next in sort order) to the state; mutates it. */
export function stepElement(state: EngineState, e: NormalizedElement, look: Lookahead): void {
  const warnings = state.warnings;
  businessTimeWarning(e, warnings);
  let neutral = false;
  const rf = e.rec >= 0 ? state.recipients[e.rec] : undefined;
  if (rf !== undefined) {
    observeWorkflow(rf, e, state.sentAtMs, warnings);
    neutral = observeViewing(rf, e, look.firstViewMs[e.rec] ?? null, warnings);
    if (!neutral) appendRecipientLegalFacts(rf.legalFacts, e, formatInstant);
    if (e.category === 'NOTIFICATION_VIEWED' && state.recipientCount > 1 && look.deceased[e.rec] === true) neutral = true;
  }
  stepStatusWith(state.status, e, state.recipientCount, neutral, warnings);
}

/** Lookahead from the state itself (incremental engine: only what was applied so far). */
export function lookaheadFromState(state: EngineState): Lookahead {
  return {
    firstViewMs: state.recipients.map((rf) => (rf.firstView === null ? null : rf.firstView.ms)),
    deceased: state.recipients.map((rf) => rf.hasDeceased),
  };
}
