// elementId of an input element given without one, from the DOMAIN.md 5 pattern of its category.
import type { TimelineCategory } from '../model/types.js';
import { categoryInfo } from './categories.js';
import type { CategoryInfo, IdSegment } from './categories.js';
import { appendPiece, hashAppend, hashedPiece } from './id-hash.js';
import type { HashedPiece } from './id-hash.js';

function scalar(v: unknown): string | undefined {
  if (typeof v === 'string') return v === '' ? undefined : v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'boolean') return String(v);
  return undefined;
}

/** The attempt a paper or digital element belongs to: details.sentAttemptMade, 0 when absent (DOMAIN.md 5). */
export function attemptOf(details: Record<string, unknown>): string {
  return scalar(details.sentAttemptMade) ?? '0';
}

/**
 * Value of one segment. DOMAIN.md 5 gives the sources and two fallbacks (ATTEMPT 0, CORRELATIONID
 * = the `at` as written). For the other segments it gives none; choice: a missing value is also
 * replaced by the `at` as written, so that two distinct events lacking it are not merged as
 * duplicates, while the same event repeated still is.
 */
function segmentValue(seg: IdSegment, details: Record<string, unknown>, at: string): string {
  switch (seg) {
    case 'ATTEMPT':
      return attemptOf(details);
    case 'REPEAT':
      return details.isFirstSendRetry === true ? 'true' : 'false';
    case 'SOURCE':
      return scalar(details.digitalAddressSource) ?? at;
    case 'IDX':
      return scalar(details.progressIndex) ?? at;
    case 'COURTESYADDRESSTYPE':
      return scalar(details.digitalAddressType) ?? at;
    case 'CORRELATIONID':
      return scalar(details.correlationId) ?? at;
    case 'DELIVERYMODE':
      return scalar(details.deliveryMode) ?? at;
    case 'CONTACTPHASE':
      return scalar(details.contactPhase) ?? at;
  }
}

const RECINDEX = '.RECINDEX_';
const RECINDEX_PIECES: HashedPiece[] = Array.from({ length: 8 }, (_, i) => hashedPiece(RECINDEX + i));
const AT_LABEL = hashedPiece('.AT_');

/** A category's pattern made ready once: head `<PREFIX>[.IUN_]`, then each segment with its `.<SEG>_` label. */
interface IdPlan {
  head: HashedPiece;
  segments: { seg: IdSegment; label: HashedPiece }[];
}

const PLANS: (IdPlan | undefined)[] = []; // by category rank
function planOf(info: CategoryInfo): IdPlan {
  let plan = PLANS[info.rank];
  if (plan === undefined) {
    const { iun, prefix, segments } = info.pattern;
    plan = { head: hashedPiece(iun ? prefix + '.IUN_' : prefix), segments: segments.map((seg) => ({ seg, label: hashedPiece('.' + seg + '_') })) };
    PLANS[info.rank] = plan;
  }
  return plan;
}

// The last IUN seen and its hash: consecutive elements nearly always belong to one notification.
let lastIun: HashedPiece = hashedPiece('');

/** An elementId built from its pattern, with its hash (see id-hash.ts). */
export interface BuiltId {
  id: string;
  hash: number;
}

/**
 * Builds the id from the category's info (the normaliser has it at hand already), piece by piece,
 * hashing the pieces as they are appended.
 */
export function buildElementIdWithHash(
  iun: string,
  info: CategoryInfo,
  recipientIndex: number | undefined,
  details: Record<string, unknown>,
  at: string,
): BuiltId {
  const plan = planOf(info);
  let id = plan.head.text;
  let h = plan.head.hash;
  if (info.pattern.iun) {
    if (lastIun.text !== iun) lastIun = hashedPiece(iun);
    id += iun;
    h = appendPiece(h, lastIun);
  }
  if ((info.pattern.recipient || info.other) && recipientIndex !== undefined) {
    const piece = RECINDEX_PIECES[recipientIndex];
    if (piece !== undefined) {
      id += piece.text;
      h = appendPiece(h, piece);
    } else {
      id += RECINDEX + recipientIndex;
      h = hashAppend(hashAppend(h, RECINDEX), String(recipientIndex));
    }
  }
  for (let i = 0; i < plan.segments.length; i++) {
    const { seg, label } = plan.segments[i]!;
    const value = segmentValue(seg, details, at);
    id += label.text + value;
    h = hashAppend(appendPiece(h, label), value);
  }
  if (info.other) {
    id += AT_LABEL.text + at;
    h = hashAppend(appendPiece(h, AT_LABEL), at);
  }
  return { id, hash: h };
}

/** Builds the id from the category's info (the normaliser has it at hand already). */
export function buildElementIdFor(
  iun: string,
  info: CategoryInfo,
  recipientIndex: number | undefined,
  details: Record<string, unknown>,
  at: string,
): string {
  return buildElementIdWithHash(iun, info, recipientIndex, details, at).id;
}

/** Builds `<PREFIX>.IUN_<iun>[.RECINDEX_<i>][...]` (DOMAIN.md 5). `at` is the timestamp as written. */
export function buildElementId(
  iun: string,
  category: TimelineCategory,
  recipientIndex: number | undefined,
  details: Record<string, unknown>,
  at: string,
): string {
  return buildElementIdFor(iun, categoryInfo(category)!, recipientIndex, details, at);
}
