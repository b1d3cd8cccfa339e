// DOMAIN.md 6, the legal-fact table, as data: which category produces which legal fact, how many,
// at which level. Per-recipient lists follow the element sort order (at, then category rank).
import type { LegalFact, LegalFactType, NotificationStatus, StatusCause, TimelineCategory } from '../model/types.js';

export interface LegalFactRule {
  category: TimelineCategory;
  type: LegalFactType;
  /** ONE: one per element; PER_ATTACHMENT: one per element of details.attachments. */
  count: 'ONE' | 'PER_ATTACHMENT';
  level: 'NOTIFICATION' | 'RECIPIENT';
}

export const LEGAL_FACT_RULES: readonly LegalFactRule[] = [
  // Notification level, produced only when the element changed the status (DOMAIN.md 12: SENDER_ACK
  // only when statusHistory contains ACCEPTED). Choice for NOTIFICATION_CANCELLED (unconfirmed in
  // DOMAIN.md 5): same rule, produced when the element opened the CANCELLED status.
  { category: 'REQUEST_ACCEPTED', type: 'SENDER_ACK', count: 'ONE', level: 'NOTIFICATION' },
  { category: 'NOTIFICATION_CANCELLED', type: 'NOTIFICATION_CANCELLED', count: 'ONE', level: 'NOTIFICATION' },
  { category: 'DIGITAL_SUCCESS_WORKFLOW', type: 'DIGITAL_DELIVERY', count: 'ONE', level: 'RECIPIENT' },
  { category: 'DIGITAL_FAILURE_WORKFLOW', type: 'DIGITAL_DELIVERY', count: 'ONE', level: 'RECIPIENT' },
  // Only the recipient's first view (a second one is ignored: DOMAIN.md 5 notes).
  { category: 'NOTIFICATION_VIEWED', type: 'RECIPIENT_ACCESS', count: 'ONE', level: 'RECIPIENT' },
  { category: 'COMPLETELY_UNREACHABLE', type: 'ANALOG_FAILURE_DELIVERY', count: 'ONE', level: 'RECIPIENT' },
  { category: 'SEND_DIGITAL_PROGRESS', type: 'PEC_RECEIPT', count: 'ONE', level: 'RECIPIENT' },
  { category: 'SEND_DIGITAL_FEEDBACK', type: 'PEC_RECEIPT', count: 'ONE', level: 'RECIPIENT' },
  { category: 'SEND_ANALOG_FEEDBACK', type: 'ANALOG_DELIVERY', count: 'ONE', level: 'RECIPIENT' },
  { category: 'SEND_ANALOG_PROGRESS', type: 'ANALOG_DELIVERY', count: 'PER_ATTACHMENT', level: 'RECIPIENT' },
  { category: 'SIMPLE_REGISTERED_LETTER_PROGRESS', type: 'ANALOG_DELIVERY', count: 'PER_ATTACHMENT', level: 'RECIPIENT' },
];

const BY_CATEGORY = new Map<string, LegalFactRule>();
for (const rule of LEGAL_FACT_RULES) BY_CATEGORY.set(rule.category, rule);

/** The rule for a category, if it produces a legal fact. */
export function legalFactRuleOf(category: TimelineCategory): LegalFactRule | undefined {
  return BY_CATEGORY.get(category);
}

/** Stable id of a legal fact: `<elementId>~<type>[~<n>]` (n = attachment index). */
export function legalFactId(elementId: string, type: LegalFactType, attachment?: number): string {
  return attachment === undefined ? elementId + '~' + type : elementId + '~' + type + '~' + attachment;
}

/**
 * Appends the recipient-level legal facts of one element (in sort order) to `out`; `formatAt`
 * prints the element's business time (called only when a fact is produced).
 */
export function appendRecipientLegalFacts(
  out: LegalFact[],
  e: { elementId: string; category: TimelineCategory; rec: number; atMs: number; details: Record<string, unknown> },
  formatAt: (ms: number) => string,
): void {
  const rule = BY_CATEGORY.get(e.category);
  if (rule === undefined || rule.level !== 'RECIPIENT') return;
  if (rule.count === 'ONE') {
    out.push({ id: legalFactId(e.elementId, rule.type), type: rule.type, elementId: e.elementId, recipientIndex: e.rec, at: formatAt(e.atMs) });
    return;
  }
  const attachments = e.details.attachments;
  if (!Array.isArray(attachments) || attachments.length === 0) return;
  const at = formatAt(e.atMs);
  for (let i = 0; i < attachments.length; i++) {
    out.push({ id: legalFactId(e.elementId, rule.type, i), type: rule.type, elementId: e.elementId, recipientIndex: e.rec, at });
  }
}

/** Notification-level legal facts from the status history (DOMAIN.md 6, 12), in history order. */
export function notificationLegalFacts(history: readonly { status: NotificationStatus; activeFrom: string; cause?: StatusCause }[]): LegalFact[] {
  const out: LegalFact[] = [];
  for (const h of history) {
    const cause = h.cause;
    if (cause === undefined) continue;
    const rule = BY_CATEGORY.get(cause.category);
    if (rule === undefined || rule.level !== 'NOTIFICATION') continue;
    out.push({ id: legalFactId(cause.elementId, rule.type), type: rule.type, elementId: cause.elementId, at: h.activeFrom });
  }
  return out;
}
