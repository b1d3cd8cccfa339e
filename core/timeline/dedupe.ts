// DOMAIN.md 4.1 step 1: of elements sharing an elementId keep the first, independently of input
// order. Choice (4.1 does not say more): "first" compares the written time, then the category
// rank, the recipientIndex, the written text of `at`, and last a fingerprint of the details. Step 2
// compares the corrected business times instead; the two agree for copies of one element, because
// the section 5 corrections give equal values to elements of one category and recipient.
import type { NormalizedElement } from './element.js';
import { detailsFingerprint } from './fingerprint.js';

/** The order used to choose among elements sharing an elementId, as a JSON-friendly tuple. */
export type DedupeKey = [writtenAtMs: number, rank: number, rec: number, writtenAt: string, fingerprint: string];

export function dedupeKeyOf(e: NormalizedElement): DedupeKey {
  return [e.writtenAtMs, e.rank, e.rec, e.writtenAt, detailsFingerprint(e.details)];
}

/** Compares two dedupe keys; the fingerprint (slow) is looked at only on a full tie. */
function compareCheap(a: NormalizedElement, b: NormalizedElement): number {
  if (a.writtenAtMs !== b.writtenAtMs) return a.writtenAtMs < b.writtenAtMs ? -1 : 1;
  if (a.rank !== b.rank) return a.rank - b.rank;
  if (a.rec !== b.rec) return a.rec - b.rec;
  return a.writtenAt < b.writtenAt ? -1 : a.writtenAt > b.writtenAt ? 1 : 0;
}

/** Negative when `a` is kept over `b`. */
export function compareForDedupe(a: NormalizedElement, b: NormalizedElement): number {
  const c = compareCheap(a, b);
  if (c !== 0) return c;
  const fa = detailsFingerprint(a.details);
  const fb = detailsFingerprint(b.details);
  return fa < fb ? -1 : fa > fb ? 1 : 0;
}

/** Compares an element with a stored key (incremental engine). */
export function compareWithKey(a: NormalizedElement, key: DedupeKey): number {
  if (a.writtenAtMs !== key[0]) return a.writtenAtMs < key[0] ? -1 : 1;
  if (a.rank !== key[1]) return a.rank - key[1];
  if (a.rec !== key[2]) return a.rec - key[2];
  if (a.writtenAt !== key[3]) return a.writtenAt < key[3] ? -1 : 1;
  const f = detailsFingerprint(a.details);
  return f < key[4] ? -1 : f > key[4] ? 1 : 0;
}

/** Drops duplicates by elementId, keeping the first per the order above. Result order is unspecified. */
export function dedupeElements(elements: NormalizedElement[]): NormalizedElement[] {
  const byId = new Map<string, NormalizedElement>();
  let dropped = false;
  for (const e of elements) {
    const prev = byId.get(e.elementId);
    if (prev === undefined) byId.set(e.elementId, e);
    else {
      dropped = true;
      if (compareForDedupe(e, prev) < 0) byId.set(e.elementId, e);
    }
  }
  return dropped ? [...byId.values()] : elements;
}
