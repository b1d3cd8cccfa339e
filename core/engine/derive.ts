// Full derivation (DOMAIN.md 4.1): normalise, deduplicate, apply the business-time equalities,
// sort, fold every element through the rules, finalise. Deterministic: any input order and any
// duplication give the same result. Bad elements become errors; the rest goes on.
import type { DerivedNotification, DomainWarning, TimelineElement, TimelineElementInput } from '../model/types.js';
import { createRecipientFold, observeWorkflow } from '../refinement/recipient-fold.js';
import type { RecipientFold } from '../refinement/recipient-fold.js';
import { formatInstant } from '../time/instant.js';
import { applyBusinessTimes } from '../timeline/business-time.js';
import { dedupeElements, dedupeKeyOf } from '../timeline/dedupe.js';
import { sortElements, toTimelineElement } from '../timeline/element.js';
import type { NormalizedElement } from '../timeline/element.js';
import { normalizeElement } from '../timeline/normalize.js';
import { derivedOf } from './finalize.js';
import { createEngineState } from './state.js';
import type { EngineNotification, EngineState } from './state.js';
import { stepElement } from './step.js';
import type { Lookahead } from './step.js';

/**
 * DOMAIN.md 5: REFINEMENT's business time is the term S. S depends only on the workflow elements
 * (never on REFINEMENT itself), so a first pass over them gives every S; REFINEMENTs then move
 * to S and the list is sorted again if any moved.
 */
function applyRefinementTimes(sorted: NormalizedElement[], recipientCount: number, sentAtMs: number): void {
  const folds: RecipientFold[] = [];
  for (let i = 0; i < recipientCount; i++) folds.push(createRecipientFold());
  const ignored: DomainWarning[] = [];
  for (const e of sorted) if (e.rec >= 0 && e.category !== 'REFINEMENT') observeWorkflow(folds[e.rec]!, e, sentAtMs, ignored);
  let moved = false;
  for (const e of sorted) {
    const term = e.category === 'REFINEMENT' && e.rec >= 0 ? folds[e.rec]!.term : null;
    if (term !== null && term.ms !== e.atMs) {
      e.atMs = term.ms;
      moved = true;
    }
  }
  if (moved) sortElements(sorted);
}

/** Steps 1-2 of DOMAIN.md 4.1 with the feedback / failure corrections of section 5. */
function prepare(n: EngineNotification, inputs: readonly unknown[], errors: DomainWarning[]): NormalizedElement[] {
  const ctx = { iun: n.iun, recipientCount: n.recipientCount };
  const normalized: NormalizedElement[] = [];
  for (const input of inputs) {
    const e = normalizeElement(input, ctx, errors);
    if (e !== undefined) normalized.push(e);
  }
  const elements = dedupeElements(normalized);
  applyBusinessTimes(elements, n.recipientCount);
  sortElements(elements);
  return elements;
}

/** Lookahead over the whole sorted timeline: first view and deceased flag per recipient. */
function lookaheadOf(elements: readonly NormalizedElement[], recipientCount: number): Lookahead {
  const firstView: (number | null)[] = [];
  const deceased: boolean[] = [];
  for (let i = 0; i < recipientCount; i++) {
    firstView.push(null);
    deceased.push(false);
  }
  for (const e of elements) {
    if (e.rec < 0) continue;
    if (e.category === 'NOTIFICATION_VIEWED' && firstView[e.rec] === null) firstView[e.rec] = e.atMs;
    else if (e.category === 'ANALOG_WORKFLOW_RECIPIENT_DECEASED') deceased[e.rec] = true;
  }
  return { firstViewMs: firstView, deceased };
}

/**
 * Folds the sorted elements. A REFINEMENT is usually written at its term S already (SEND writes it
 * so), and its workflow end comes before it: then it is in place. Otherwise the REFINEMENTs are
 * moved to S first (applyRefinementTimes) and the fold starts again.
 */
function foldSorted(n: EngineNotification, elements: NormalizedElement[], keepKeys: boolean, corrected: boolean): EngineState {
  const state = createEngineState(n);
  const look = lookaheadOf(elements, n.recipientCount);
  for (const e of elements) {
    if (!corrected && e.category === 'REFINEMENT' && e.rec >= 0 && state.recipients[e.rec]!.term?.ms !== e.atMs) {
      applyRefinementTimes(elements, n.recipientCount, state.sentAtMs);
      return foldSorted(n, elements, keepKeys, true);
    }
    stepElement(state, e, look);
    if (keepKeys) {
      state.appliedIds.push(e.elementId);
      state.appliedKeys.push(dedupeKeyOf(e));
    }
  }
  const last = elements[elements.length - 1];
  if (last !== undefined) state.last = [last.atMs, last.rank, last.rec, last.elementId];
  return state;
}

function fold(n: EngineNotification, inputs: readonly unknown[], keepKeys: boolean): { state: EngineState; errors: DomainWarning[] } {
  const errors: DomainWarning[] = [];
  const elements = prepare(n, inputs, errors);
  return { state: foldSorted(n, elements, keepKeys, false), errors };
}

/**
 * Derives status, history, views, refinements and legal facts of a notification from its timeline
 * (DOMAIN.md 4-8, 12). `errors` lists the input elements that were skipped; rule warnings are in
 * `result.warnings`. Throws only when `n` itself is invalid (sentAt, recipientCount).
 */
export function deriveNotification(
  n: EngineNotification,
  inputs: readonly TimelineElementInput[],
): { result: DerivedNotification; errors: DomainWarning[] } {
  const { state, errors } = fold(n, inputs, false);
  return { result: derivedOf(state, false), errors };
}

/** A complete EngineState from all the elements of a notification (after 'needs-rederive'). */
export function rebuildEngineState(
  n: EngineNotification,
  inputs: readonly TimelineElementInput[],
): { state: EngineState; errors: DomainWarning[] } {
  return fold(n, inputs, true);
}

/**
 * The timeline as the engine reads it: valid elements only, duplicates dropped, business times
 * corrected (DOMAIN.md 5), in processing order (DOMAIN.md 4.1 step 2).
 */
export function prepareTimeline(
  n: EngineNotification,
  inputs: readonly TimelineElementInput[],
): { elements: TimelineElement[]; errors: DomainWarning[] } {
  const state = createEngineState(n);
  const errors: DomainWarning[] = [];
  const elements = prepare(n, inputs, errors);
  applyRefinementTimes(elements, n.recipientCount, state.sentAtMs);
  return { elements: elements.map((e) => toTimelineElement(e, formatInstant)), errors };
}
