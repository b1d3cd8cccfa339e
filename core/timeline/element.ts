// The engine's working form of a timeline element: the public TimelineElement plus what the
// engine needs again and again (instant parsed once, rank, recipient as a number).
import type { TimelineCategory, TimelineElement } from '../model/types.js';

export interface NormalizedElement {
  elementId: string;
  category: TimelineCategory;
  /** Business time (DOMAIN.md 5), after the section 5 corrections, as epoch ms. */
  atMs: number;
  /** The timestamp as written in the input. */
  writtenAt: string;
  writtenAtMs: number;
  /** Category rank (DOMAIN.md 5 row order). */
  rank: number;
  /** Recipient index, -1 for notification-level elements. */
  rec: number;
  details: Record<string, unknown>;
  /**
   * Hash of elementId when the engine built it (id-hash.ts); undefined for an id given in the
   * input. Used only to tell ids apart cheaply; equal hashes are confirmed with ===.
   */
  idHash?: number | undefined;
  /**
   * A RECAG005C-007C feedback that came after its attempt's RECAG012 / PNAG012: progress, not the
   * attempt's final (DOMAIN.md 7.4 *). Set by applyBusinessTimes.
   */
  progressAfterTerm?: true;
}

/** Sort order of DOMAIN.md 4.1 step 2: at, category rank, recipientIndex, elementId. */
export function compareElements(a: NormalizedElement, b: NormalizedElement): number {
  if (a.atMs !== b.atMs) return a.atMs < b.atMs ? -1 : 1;
  if (a.rank !== b.rank) return a.rank - b.rank;
  if (a.rec !== b.rec) return a.rec - b.rec;
  return a.elementId < b.elementId ? -1 : a.elementId > b.elementId ? 1 : 0;
}

/**
 * Sorts in place by compareElements. Timelines arrive nearly sorted and are short: an insertion
 * sort with the comparator inlined does about n comparisons there, where Array.prototype.sort
 * calls back into JS for each and allocates. compareElements is a total order once elementIds are
 * unique (after dedupe), so the result is the same whichever way it is sorted.
 */
export function sortElements(elements: NormalizedElement[]): void {
  if (elements.length > INSERTION_SORT_MAX) {
    elements.sort(compareElements);
    return;
  }
  for (let i = 1; i < elements.length; i++) {
    const e = elements[i]!;
    let j = i - 1;
    while (j >= 0 && compareElements(elements[j]!, e) > 0) {
      elements[j + 1] = elements[j]!;
      j--;
    }
    elements[j + 1] = e;
  }
}

const INSERTION_SORT_MAX = 64;

/** The public form (`at` = the business time: as written, or the rule value when corrected). */
export function toTimelineElement(e: NormalizedElement, formatAt: (ms: number) => string): TimelineElement {
  const out: TimelineElement = {
    elementId: e.elementId,
    category: e.category,
    at: e.atMs === e.writtenAtMs ? e.writtenAt : formatAt(e.atMs),
    details: e.details,
  };
  if (e.rec >= 0) out.recipientIndex = e.rec;
  return out;
}
