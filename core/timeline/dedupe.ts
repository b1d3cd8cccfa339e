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

/**
 * Up to this many elements, duplicates are found pairwise: lengths first (free), then the hashes
 * of built ids (id-hash.ts), the texts last. A Map would hash every elementId, and built ids are
 * concatenated strings that must be copied flat before hashing: that costs more.
 */
const PAIRWISE_MAX = 64;

/** Same elementId, for two ids of equal length. */
function sameId(a: NormalizedElement, b: NormalizedElement): boolean {
  if (a.idHash !== undefined && b.idHash !== undefined && a.idHash !== b.idHash) return false;
  return a.elementId === b.elementId;
}

// elementId lengths of the list being deduplicated (scratch, reused: a packed array scans fast).
const lengths = new Int32Array(PAIRWISE_MAX);

/** Same choice as the Map version: per elementId, the first (in input order) of the minimal copies. */
function dedupePairwise(elements: NormalizedElement[]): NormalizedElement[] {
  let dropped: boolean[] | undefined;
  for (let i = 0; i < elements.length; i++) lengths[i] = elements[i]!.elementId.length;
  for (let i = 1; i < elements.length; i++) {
    const e = elements[i]!;
    const length = lengths[i];
    for (let j = 0; j < i; j++) {
      if (lengths[j] !== length) continue;
      const prev = elements[j]!;
      if (!sameId(e, prev) || dropped?.[j] === true) continue;
      dropped ??= new Array<boolean>(elements.length).fill(false);
      if (compareForDedupe(e, prev) < 0) dropped[j] = true;
      else dropped[i] = true;
      break; // at most one earlier copy is still kept
    }
  }
  return dropped === undefined ? elements : elements.filter((_, i) => !dropped[i]);
}

/** Drops duplicates by elementId, keeping the first per the order above. Result order is unspecified. */
export function dedupeElements(elements: NormalizedElement[]): NormalizedElement[] {
  if (elements.length <= PAIRWISE_MAX) return dedupePairwise(elements);
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
