// timeline_elements rows <-> TimelineElement (DOMAIN.md 5).
import type { TimelineCategory, TimelineElement } from '../../core/index.js';
import { fromJson } from './json.js';

export interface TimelineRow {
  iun: string;
  element_id: string;
  category: string;
  at: string;
  recipient_index: number | null;
  details: string;
}

export const TIMELINE_COLUMNS = ['iun', 'element_id', 'category', 'at', 'recipient_index', 'details'] as const satisfies readonly (keyof TimelineRow)[];

/** Columns of TIMELINE_COLUMNS that timelineTuple gives as JS values (insert option `jsonColumns`). */
export const TIMELINE_JSON_COLUMNS = ['details'] as const;

/**
 * A row of TIMELINE_COLUMNS; `details` as a JS value, stored as JSON text (TIMELINE_JSON_COLUMNS).
 * `key`: the notification's IUN, or its nid for an insert keyed by nid.
 */
export function timelineTuple(key: string | number, e: TimelineElement): unknown[] {
  return [key, e.elementId, e.category, e.at, e.recipientIndex ?? null, e.details ?? {}];
}

export function rowToElement(r: TimelineRow): TimelineElement {
  const e: TimelineElement = { elementId: r.element_id, category: r.category as TimelineCategory, at: r.at, details: fromJson(r.details) ?? {} };
  if (r.recipient_index !== null) e.recipientIndex = r.recipient_index;
  return e;
}
