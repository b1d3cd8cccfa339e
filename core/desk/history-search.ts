// Search of the desk's own operation log (DOMAIN.md 10.1 "History"): by IUN, by operationId, or by
// recipient tax id with an optional date range; no future dates; "to" means the end of that day.
// Days are Europe/Rome calendar days.
import type { IsoInstant, RecipientType } from '../model/types.js';
import { normalizeTaxIdInput } from '../identifiers/tax-id.js';
import { deskFailure, type DeskFailure } from './result.js';
import { formatInstant, formatRomeDate, tryParseInstant } from '../time/index.js';
import { parseCalendarDate, romeEndOfDay, romeStartOfDay } from './days.js';

export type HistorySearchInput =
  | { by: 'IUN'; iun: string }
  | { by: 'OPERATION_ID'; operationId: string }
  | { by: 'TAX_ID'; taxId: string; recipientType: RecipientType; from?: string | null; to?: string | null };

export type HistorySearchQuery =
  | { by: 'IUN'; iun: string }
  /**
   * A whole operation id, or (prefix) its first characters as the history list shows them
   * ("9e4d2ce8…"): at least OPERATION_ID_MIN_PREFIX hex digits, lower case, ellipsis removed.
   */
  | { by: 'OPERATION_ID'; operationId: string; prefix: boolean }
  | {
      by: 'TAX_ID';
      taxId: string;
      recipientType: RecipientType;
      /** 00:00 Rome of the "from" day, inclusive. */
      fromInstant: IsoInstant | null;
      /** Last millisecond of the "to" day in Rome, inclusive. */
      toInstant: IsoInstant | null;
    };

export type HistorySearchErrorCode =
  | 'HISTORY_QUERY_EMPTY'
  | 'HISTORY_DATE_INVALID'
  | 'HISTORY_DATE_IN_FUTURE'
  | 'HISTORY_DATE_RANGE_INVERTED';

export type HistorySearchResult = { ok: true; query: HistorySearchQuery } | DeskFailure<HistorySearchErrorCode>;

/** The shortest start of an operation id a search accepts: the 8 hex digits the history list shows. */
export const OPERATION_ID_MIN_PREFIX = 8;
const WHOLE_OPERATION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const OPERATION_ID_START = /^[0-9a-f]{8}(?:-[0-9a-f]{0,4}){0,3}(?:-[0-9a-f]{0,12})?$/;

/**
 * An operation id typed or copied at the desk: trimmed, lower case, without the ellipsis of the
 * shortened form the history list shows ("9e4d2ce8…", "9e4d2ce8..."). A whole id is searched as
 * it is; the start of one (at least 8 hex digits, in the id's own shape) finds every operation
 * whose id begins so; anything else is searched as typed (and finds nothing).
 */
function operationIdQuery(typed: string): { operationId: string; prefix: boolean } {
  const id = typed.trim().toLowerCase().replace(/(?:…|\.{3})$/, '').trim();
  if (WHOLE_OPERATION_ID.test(id)) return { operationId: id, prefix: false };
  return { operationId: id, prefix: OPERATION_ID_START.test(id) };
}

function checkDay(day: string | null | undefined, today: string, field: string): DeskFailure<HistorySearchErrorCode> | null {
  if (day === null || day === undefined || day === '') return null;
  if (!parseCalendarDate(day)) return deskFailure('HISTORY_DATE_INVALID', { field });
  // ISO calendar dates compare correctly as strings.
  if (day > today) return deskFailure('HISTORY_DATE_IN_FUTURE', { field });
  return null;
}

export type HistoryRangeResult =
  | { ok: true; fromInstant: IsoInstant | null; toInstant: IsoInstant | null }
  | DeskFailure<HistorySearchErrorCode>;

/**
 * A Dal/Al range of Rome calendar days (either may be empty): valid days, not in the future, not
 * inverted; "from" = 00:00 of that day, "to" = its last millisecond.
 */
export function validateHistoryRange(fromDay: string | null | undefined, toDay: string | null | undefined, now: IsoInstant): HistoryRangeResult {
  const today = formatRomeDate(tryParseInstant(now));
  const from = fromDay || null;
  const to = toDay || null;
  const problem = checkDay(from, today, 'from') ?? checkDay(to, today, 'to');
  if (problem) return problem;
  // Named on "Al", the day that comes before the other.
  if (from !== null && to !== null && from > to) return deskFailure('HISTORY_DATE_RANGE_INVERTED', { field: 'to' });
  return {
    ok: true,
    fromInstant: from === null ? null : formatInstant(romeStartOfDay(from)),
    toInstant: to === null ? null : formatInstant(romeEndOfDay(to)),
  };
}

function byTaxId(input: Extract<HistorySearchInput, { by: 'TAX_ID' }>, now: IsoInstant): HistorySearchResult {
  const taxId = normalizeTaxIdInput(input.taxId);
  if (taxId === '') return deskFailure('HISTORY_QUERY_EMPTY', {});
  const range = validateHistoryRange(input.from, input.to, now);
  if (!range.ok) return range;
  return {
    ok: true,
    query: { by: 'TAX_ID', taxId, recipientType: input.recipientType, fromInstant: range.fromInstant, toInstant: range.toInstant },
  };
}

/** Validates and normalises a history search typed at the desk. */
export function validateHistorySearch(input: HistorySearchInput, now: IsoInstant): HistorySearchResult {
  switch (input.by) {
    case 'IUN': {
      const iun = input.iun.trim().toUpperCase();
      return iun === '' ? deskFailure('HISTORY_QUERY_EMPTY', {}) : { ok: true, query: { by: 'IUN', iun } };
    }
    case 'OPERATION_ID': {
      const q = operationIdQuery(input.operationId);
      return q.operationId === '' ? deskFailure('HISTORY_QUERY_EMPTY', {}) : { ok: true, query: { by: 'OPERATION_ID', ...q } };
    }
    case 'TAX_ID':
      return byTaxId(input, now);
  }
}

/** Whether an operation started at `at` falls in the query's date range (inclusive both ends). */
export function isInHistoryRange(at: IsoInstant, query: HistorySearchQuery): boolean {
  if (query.by !== 'TAX_ID') return true;
  const t = tryParseInstant(at);
  if (query.fromInstant !== null && t < tryParseInstant(query.fromInstant)) return false;
  if (query.toInstant !== null && t > tryParseInstant(query.toInstant)) return false;
  return true;
}
