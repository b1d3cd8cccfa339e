// DOMAIN.md 4.2, the transition table, as data: one row per line of the table (a line naming two
// categories is two rows). Only rows that change status exist; anything else leaves it unchanged.
// REFUSED, CANCELLED and RETURNED_TO_SENDER have no rows: they are terminal.
import type { NotificationStatus, TimelineCategory } from '../model/types.js';

/**
 * ALL_ENDED: completion gate (DOMAIN.md 4.1 step 4c), reached only through the gate.
 * MULTI_RECIPIENT: only when N > 1. SINGLE_RECIPIENT: only when N = 1.
 */
export type TransitionCondition = 'ALL_ENDED' | 'MULTI_RECIPIENT' | 'SINGLE_RECIPIENT';

export interface TransitionRow {
  from: NotificationStatus;
  on: TimelineCategory;
  to: NotificationStatus;
  when?: TransitionCondition;
}

const r = (from: NotificationStatus, on: TimelineCategory, to: NotificationStatus, when?: TransitionCondition): TransitionRow =>
  when === undefined ? { from, on, to } : { from, on, to, when };

export const TRANSITIONS: readonly TransitionRow[] = [
  r('IN_VALIDATION', 'REQUEST_ACCEPTED', 'ACCEPTED'),
  r('IN_VALIDATION', 'REQUEST_REFUSED', 'REFUSED'),
  r('ACCEPTED', 'SEND_DIGITAL_DOMICILE', 'DELIVERING'),
  r('ACCEPTED', 'SEND_ANALOG_DOMICILE', 'DELIVERING'),
  r('ACCEPTED', 'NOTIFICATION_VIEWED', 'VIEWED'),
  r('ACCEPTED', 'COMPLETELY_UNREACHABLE', 'UNREACHABLE', 'ALL_ENDED'),
  r('ACCEPTED', 'NOTIFICATION_CANCELLED', 'CANCELLED'),
  r('ACCEPTED', 'NOT_HANDLED', 'CANCELLED'),
  r('DELIVERING', 'DIGITAL_DELIVERY_CREATION_REQUEST', 'DELIVERED', 'ALL_ENDED'),
  r('DELIVERING', 'ANALOG_SUCCESS_WORKFLOW', 'DELIVERED', 'ALL_ENDED'),
  r('DELIVERING', 'COMPLETELY_UNREACHABLE', 'UNREACHABLE', 'ALL_ENDED'),
  r('DELIVERING', 'NOTIFICATION_VIEWED', 'VIEWED'),
  r('DELIVERING', 'REFINEMENT', 'EFFECTIVE_DATE', 'MULTI_RECIPIENT'),
  r('DELIVERING', 'ANALOG_WORKFLOW_RECIPIENT_DECEASED', 'RETURNED_TO_SENDER', 'ALL_ENDED'),
  r('DELIVERING', 'NOTIFICATION_CANCELLED', 'CANCELLED'),
  r('DELIVERED', 'NOTIFICATION_VIEWED', 'VIEWED'),
  r('DELIVERED', 'REFINEMENT', 'EFFECTIVE_DATE'),
  r('DELIVERED', 'NOTIFICATION_CANCELLED', 'CANCELLED'),
  r('DELIVERED', 'NOT_HANDLED', 'CANCELLED'),
  r('EFFECTIVE_DATE', 'NOTIFICATION_VIEWED', 'VIEWED'),
  r('EFFECTIVE_DATE', 'NOTIFICATION_CANCELLED', 'CANCELLED'),
  r('UNREACHABLE', 'NOTIFICATION_VIEWED', 'VIEWED'),
  r('UNREACHABLE', 'REFINEMENT', 'EFFECTIVE_DATE'),
  r('UNREACHABLE', 'NOTIFICATION_CANCELLED', 'CANCELLED'),
  r('VIEWED', 'ANALOG_WORKFLOW_RECIPIENT_DECEASED', 'RETURNED_TO_SENDER', 'SINGLE_RECIPIENT'),
  r('VIEWED', 'NOTIFICATION_CANCELLED', 'CANCELLED'),
];

/** DOMAIN.md 4.1 step 4a: the elements that end one recipient's workflow. */
export const COMPLETION_CATEGORIES: readonly TimelineCategory[] = [
  'DIGITAL_DELIVERY_CREATION_REQUEST',
  'ANALOG_SUCCESS_WORKFLOW',
  'COMPLETELY_UNREACHABLE',
  'ANALOG_WORKFLOW_RECIPIENT_DECEASED',
];

/** DOMAIN.md 4.1 step 4c: the gate looks these up in this priority (one reached recipient => DELIVERED). */
export const GATE_PRIORITY: readonly TimelineCategory[] = COMPLETION_CATEGORIES;

/** DOMAIN.md 4.1 step 4c: the states in which a completion element goes through the gate. */
export const GATED_STATES: readonly NotificationStatus[] = ['ACCEPTED', 'DELIVERING'];

const INDEX = new Map<string, Map<string, TransitionRow>>();
for (const row of TRANSITIONS) {
  let byCategory = INDEX.get(row.from);
  if (byCategory === undefined) INDEX.set(row.from, (byCategory = new Map()));
  byCategory.set(row.on, row);
}

const COMPLETION = new Set<string>(COMPLETION_CATEGORIES);

export function isCompletionCategory(category: TimelineCategory): boolean {
  return COMPLETION.has(category);
}

// The rows of the last state looked up: a status fold asks about one state many times in a row.
let lastFrom: string | undefined;
let lastRows: Map<string, TransitionRow> | undefined;

/** The row for (state, category) that applies with N recipients, if any. */
export function findTransition(from: NotificationStatus, on: TimelineCategory, recipientCount: number): TransitionRow | undefined {
  if (from !== lastFrom) {
    lastFrom = from;
    lastRows = INDEX.get(from);
  }
  const row = lastRows?.get(on);
  if (row === undefined) return undefined;
  if (row.when === 'MULTI_RECIPIENT' && recipientCount <= 1) return undefined;
  if (row.when === 'SINGLE_RECIPIENT' && recipientCount !== 1) return undefined;
  return row;
}
