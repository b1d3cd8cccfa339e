// elementId of an input element given without one, from the DOMAIN.md 5 pattern of its category.
import type { TimelineCategory } from '../model/types.js';
import { categoryInfo } from './categories.js';
import type { CategoryInfo, IdSegment } from './categories.js';

function scalar(v: unknown): string | undefined {
  if (typeof v === 'string') return v === '' ? undefined : v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'boolean') return String(v);
  return undefined;
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
      return scalar(details.sentAttemptMade) ?? '0';
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

/** Builds the id from the category's info (the normaliser has it at hand already). */
export function buildElementIdFor(
  iun: string,
  info: CategoryInfo,
  recipientIndex: number | undefined,
  details: Record<string, unknown>,
  at: string,
): string {
  const pattern = info.pattern;
  let id = pattern.prefix;
  if (pattern.iun) id += '.IUN_' + iun;
  if ((pattern.recipient || info.other) && recipientIndex !== undefined) id += '.RECINDEX_' + recipientIndex;
  for (const seg of pattern.segments) id += '.' + seg + '_' + segmentValue(seg, details, at);
  if (info.other) id += '.AT_' + at;
  return id;
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
