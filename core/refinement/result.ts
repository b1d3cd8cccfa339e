// DOMAIN.md 8.3 (refinement per recipient) and 12 (outcome per recipient).
import type { RecipientOutcome, RefinedBy, WorkflowEndKind } from '../model/types.js';
import type { RecipientFold } from './recipient-fold.js';

export interface RefinementResult {
  viewedMs: number | null;
  termMs: number | null;
  refinementMs: number | null;
  refinedBy: RefinedBy | null;
}

/**
 * DOMAIN.md 8.3: a view V refines when there is no term S or V <= S (business times, whatever the
 * order the elements were written in); otherwise S refines (also when the recipient views later).
 */
export function refinementOf(rf: RecipientFold): RefinementResult {
  const viewedMs = rf.firstView === null ? null : rf.firstView.ms;
  const termMs = rf.term === null ? null : rf.term.ms;
  if (viewedMs !== null && (termMs === null || viewedMs <= termMs)) {
    return { viewedMs, termMs, refinementMs: viewedMs, refinedBy: 'VIEWING' };
  }
  if (termMs !== null) return { viewedMs, termMs, refinementMs: termMs, refinedBy: 'TERM' };
  return { viewedMs, termMs, refinementMs: null, refinedBy: null };
}

const OUTCOME_OF_END: Readonly<Record<WorkflowEndKind, RecipientOutcome>> = {
  DIGITAL_SUCCESS: 'DIGITAL_DELIVERED',
  DIGITAL_FAILURE: 'DIGITAL_FAILED',
  ANALOG_SUCCESS: 'ANALOG_DELIVERED',
  UNREACHABLE: 'UNREACHABLE',
  DECEASED: 'DECEASED',
};

/**
 * DOMAIN.md 12: NOT_SENT when the notification was refused, or when the recipient viewed and has no
 * send element at all; otherwise the workflow end, or IN_PROGRESS. A cancellation is not among
 * NOT_SENT's cases: a cancelled notification's recipient with no send and no view is IN_PROGRESS
 * ("nothing final yet" for that recipient), as section 12 reads.
 */
export function outcomeOf(rf: RecipientFold, refused: boolean): RecipientOutcome {
  if (refused) return 'NOT_SENT';
  if (rf.end !== null) return OUTCOME_OF_END[rf.end.kind];
  if (!rf.hasSend && rf.firstView !== null) return 'NOT_SENT';
  return 'IN_PROGRESS';
}
