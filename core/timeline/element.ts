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
}

/** Sort order of DOMAIN.md 4.1 step 2: at, category rank, recipientIndex, elementId. */
export function compareElements(a: NormalizedElement, b: NormalizedElement): number {
  if (a.atMs !== b.atMs) return a.atMs < b.atMs ? -1 : 1;
  if (a.rank !== b.rank) return a.rank - b.rank;
  if (a.rec !== b.rec) return a.rec - b.rec;
  return a.elementId < b.elementId ? -1 : a.elementId > b.elementId ? 1 : 0;
}

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
