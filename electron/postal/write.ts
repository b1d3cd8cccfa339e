// Writing a planned postal outcome, inside the caller's transaction: the timeline elements (derived
// state and legal facts updated by the store in the same transaction), one analog_outcomes row per
// paper event, and the outbox message the sync adapter delivers later.
import { buildElementId, type DerivedNotification, type TimelineCategory, type TimelineElementInput } from '../../core/index.js';
import type { StoreScope } from '../../db/store.js';
import { formatItemCode, requestIdOf } from './item-code.js';
import type { PostalCall } from './load.js';
import type { OutcomePlan } from './plan.js';

export const OUTBOX_POSTAL_OUTCOME = 'postal.recordOutcome';
export const OUTBOX_POSTAL_SEND = 'postal.sendSecondAttempt';

const PAPER_CATEGORIES = ['SEND_ANALOG_PROGRESS', 'SEND_ANALOG_FEEDBACK', 'SIMPLE_REGISTERED_LETTER_PROGRESS'];

export interface WriteResult {
  derived: DerivedNotification;
  /** elementIds stored by this write, in order. */
  elementIds: string[];
}

function idOf(iun: string, e: TimelineElementInput): string {
  return e.elementId ?? buildElementId(iun, e.category as TimelineCategory, e.recipientIndex, e.details ?? {}, e.at);
}

/**
 * Appends elements the core built and enqueues their outbox message. The store refusing an element
 * the core built is a bug, not a clerk's mistake: it aborts the transaction (INTERNAL).
 */
export async function appendAndEnqueue(tx: StoreScope, iun: string, elements: readonly TimelineElementInput[], kind: string,
  payload: Record<string, unknown>, call: PostalCall): Promise<WriteResult> {
  const append = await tx.timeline.appendElements(iun, elements);
  if (append.rejected.length > 0) {
    throw new Error(`the store refused an element built by the core: ${JSON.stringify(append.rejected[0])}`);
  }
  const inserted = new Set(append.inserted);
  const elementIds = elements.map((e) => idOf(iun, e)).filter((id) => inserted.has(id));
  if (elementIds.length > 0) {
    await tx.outbox.enqueue({
      kind,
      dedupeKey: `${kind}:${iun}:${elementIds[0]}`,
      payload: { ...payload, iun, elements: elements.filter((e) => inserted.has(idOf(iun, e))) },
      createdAt: call.now,
    });
  }
  return { derived: append.derived, elementIds };
}

/** Writes a planned outcome: timeline + derived state, analog_outcomes rows, outbox. */
export async function writePlan(tx: StoreScope, plan: OutcomePlan, call: PostalCall): Promise<WriteResult> {
  const iun = plan.loaded.record.notification.iun;
  const ref = { iun, recipientIndex: plan.slot.recipientIndex, attempt: plan.slot.attempt };
  const result = await appendAndEnqueue(tx, iun, plan.elements, OUTBOX_POSTAL_OUTCOME,
    { item: formatItemCode(ref), requestId: requestIdOf(ref), recipientIndex: ref.recipientIndex, attempt: ref.attempt, outcome: plan.label }, call);
  const stored = new Set(result.elementIds);
  for (const e of plan.elements) {
    const elementId = idOf(iun, e);
    if (!PAPER_CATEGORIES.includes(e.category) || !stored.has(elementId)) continue;
    const d = e.details ?? {};
    await tx.analogOutcomes.record({
      iun,
      recipientIndex: ref.recipientIndex,
      attempt: ref.attempt === 'RS' ? 0 : ref.attempt,
      deliveryDetailCode: String(d.deliveryDetailCode),
      at: e.at,
      ...(typeof d.deliveryFailureCause === 'string' ? { failureCause: d.deliveryFailureCause } : {}),
      ...(typeof d.discoveredAddress === 'object' && d.discoveredAddress !== null ? { discoveredAddress: d.discoveredAddress as Record<string, unknown> } : {}),
      ...(Array.isArray(d.attachments) ? { attachments: d.attachments as unknown[] } : {}),
      elementId,
      ...(call.operatorId ? { recordedBy: call.operatorId } : {}),
      recordedAt: call.now,
    });
  }
  return result;
}
