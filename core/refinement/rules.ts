// DOMAIN.md 8.1 as data: the row chosen by the recipient's workflow-end element, its base B and
// its day count D. Read it side by side with the table in DOMAIN.md.
import type { TimelineCategory, WorkflowEndKind } from '../model/types.js';
import { addDays24h, isAfterRome2100 } from '../time/terms.js';

export interface TermRule {
  /** Rule id used by explanations. */
  rule: string;
  /** The category whose `at` is B (with responseStatus OK for the feedbacks). */
  base: TimelineCategory | null;
  /** D in 24-hour days; null = no term (DOMAIN.md 8.1: a deceased recipient has none). */
  days: number | null;
  /** Digital success only: one more day when B is strictly after 21:00 Rome time. */
  after2100Days: number | null;
}

export const TERM_RULES: Readonly<Record<WorkflowEndKind, TermRule>> = {
  DIGITAL_SUCCESS: { rule: 'DOMAIN 8.1 digital success', base: 'SEND_DIGITAL_FEEDBACK', days: 7, after2100Days: 8 },
  DIGITAL_FAILURE: { rule: 'DOMAIN 8.1 digital failure', base: 'DIGITAL_DELIVERY_CREATION_REQUEST', days: 15, after2100Days: null },
  ANALOG_SUCCESS: { rule: 'DOMAIN 8.1 analog success', base: 'SEND_ANALOG_FEEDBACK', days: 10, after2100Days: null },
  UNREACHABLE: { rule: 'DOMAIN 8.1 analog failure (unreachable)', base: 'ANALOG_FAILURE_WORKFLOW', days: 10, after2100Days: null },
  DECEASED: { rule: 'DOMAIN 8.1 deceased recipient (no term)', base: null, days: null, after2100Days: null },
};

/**
 * The 8.1 row selected by a workflow-end element, or undefined for other categories.
 * DIGITAL_DELIVERY_CREATION_REQUEST: endWorkflowStatus FAILURE is digital failure; any other value
 * (SUCCESS, or absent: choice, SEND always writes it) is digital success.
 */
export function workflowEndKind(category: TimelineCategory, details: Record<string, unknown>): WorkflowEndKind | undefined {
  switch (category) {
    case 'DIGITAL_DELIVERY_CREATION_REQUEST':
      return details.endWorkflowStatus === 'FAILURE' ? 'DIGITAL_FAILURE' : 'DIGITAL_SUCCESS';
    case 'ANALOG_SUCCESS_WORKFLOW':
      return 'ANALOG_SUCCESS';
    case 'ANALOG_FAILURE_WORKFLOW':
    case 'COMPLETELY_UNREACHABLE':
      return 'UNREACHABLE';
    case 'ANALOG_WORKFLOW_RECIPIENT_DECEASED':
      return 'DECEASED';
    default:
      return undefined;
  }
}

/** S = B + D x 24 h, with the 21:00 rule for digital success (DOMAIN.md 8.1). */
export function termFrom(kind: WorkflowEndKind, baseMs: number): { ms: number; days: number; after2100: boolean } | null {
  const rule = TERM_RULES[kind];
  if (rule.days === null) return null;
  const after2100 = rule.after2100Days !== null && isAfterRome2100(baseMs);
  const days = after2100 ? rule.after2100Days! : rule.days;
  return { ms: addDays24h(baseMs, days), days, after2100 };
}

/**
 * DOMAIN.md 8.1: the unreachable row starts from ANALOG_FAILURE_WORKFLOW only for notifications sent
 * after 2024-11-27; the core implements that rule only and warns for older ones. Choices: the
 * warning (PRE_RULE_SENT_AT) is raised only when the unreachable row is used, the only row the
 * date changes; a notification sent on 2024-11-27 itself (Rome time) already follows the new rule.
 */
export const UNREACHABLE_RULE_FROM_MS = Date.UTC(2024, 10, 26, 23, 0, 0); // 2024-11-27T00:00+01:00
