// DOMAIN.md 4.1 steps 3-5: the status machine, one element at a time. The fold state is plain
// JSON (the incremental engine keeps it in the store).
import type { DomainWarning, NotificationStatus, StatusCause, TimelineCategory } from '../model/types.js';
import { findTransition, GATE_PRIORITY, GATED_STATES, isCompletionCategory } from './transitions.js';

export interface HistoryState {
  status: NotificationStatus;
  atMs: number;
  related: string[];
  cause?: StatusCause;
}

export interface StatusFold {
  state: NotificationStatus;
  /** Per recipient: the elementId of the completion element that counted it (4.1 step 4a), or null. */
  completedBy: (string | null)[];
  completed: number;
  /** Categories seen since the last change (4.1 step 4b). */
  seen: TimelineCategory[];
  history: HistoryState[];
}

/** DOMAIN.md 4.1 step 3: IN_VALIDATION from sentAt. */
export function createStatusFold(sentAtMs: number, recipientCount: number): StatusFold {
  const completedBy: (string | null)[] = [];
  for (let i = 0; i < recipientCount; i++) completedBy.push(null); // cheaper than new Array(n).fill
  return {
    state: 'IN_VALIDATION',
    completedBy,
    completed: 0,
    seen: [],
    history: [{ status: 'IN_VALIDATION', atMs: sentAtMs, related: [] }],
  };
}

/** What the status step needs to know about one element. */
export interface StatusInput {
  elementId: string;
  category: TimelineCategory;
  atMs: number;
  rec: number;
}

export interface StatusStepOptions {
  recipientCount: number;
  /**
   * The element is ignored for status (DOMAIN.md 5 notes: second view, REFINEMENT after a view;
   * 4.2: a view by a deceased recipient when N > 1). It still belongs to the history entry.
   */
  neutral: boolean;
}

/** DOMAIN.md 4.1 step 4a: counts each recipient once; a second completion is DUPLICATE_COMPLETION. */
function countCompletion(fold: StatusFold, e: StatusInput, warnings: DomainWarning[]): void {
  if (e.rec < 0) return;
  if (fold.completedBy[e.rec] != null) {
    warnings.push({ code: 'DUPLICATE_COMPLETION', elementId: e.elementId, params: { recipientIndex: e.rec } });
    return;
  }
  fold.completedBy[e.rec] = e.elementId;
  fold.completed += 1;
}

/** DOMAIN.md 4.1 step 4c: the next status and why. */
function nextStatus(fold: StatusFold, e: StatusInput, n: number): { to: NotificationStatus; cause: StatusCause } | undefined {
  if (GATED_STATES.includes(fold.state) && isCompletionCategory(e.category)) {
    if (fold.completed !== n) return undefined; // wait for the other recipients
    const via = GATE_PRIORITY.find((c) => fold.seen.includes(c))!;
    const row = findTransition(fold.state, via, n);
    if (row === undefined) return undefined;
    const completionElementIds = fold.completedBy.filter((id): id is string => id !== null);
    return { to: row.to, cause: { elementId: e.elementId, category: e.category, gate: { via, completionElementIds } } };
  }
  const row = findTransition(fold.state, e.category, n);
  return row === undefined ? undefined : { to: row.to, cause: { elementId: e.elementId, category: e.category } };
}

/** Applies one element (in sort order) to the status fold; mutates it. */
export function stepStatus(fold: StatusFold, e: StatusInput, opts: StatusStepOptions, warnings: DomainWarning[]): void {
  stepStatusWith(fold, e, opts.recipientCount, opts.neutral, warnings);
}

/** stepStatus with the options as arguments (the engine's hot loop: no options object per element). */
export function stepStatusWith(fold: StatusFold, e: StatusInput, recipientCount: number, neutral: boolean, warnings: DomainWarning[]): void {
  if (isCompletionCategory(e.category)) countCompletion(fold, e, warnings);
  const next = neutral ? undefined : (fold.seen.push(e.category), nextStatus(fold, e, recipientCount));
  if (next === undefined || next.to === fold.state) {
    fold.history[fold.history.length - 1]!.related.push(e.elementId);
    return;
  }
  // 4.1 step 4d: open the new entry; the current element starts it and is not kept in `seen`.
  fold.history.push({ status: next.to, atMs: e.atMs, related: [e.elementId], cause: next.cause });
  fold.state = next.to;
  fold.seen.length = 0; // emptied in place: no other holder (the incremental engine steps a copy)
}
