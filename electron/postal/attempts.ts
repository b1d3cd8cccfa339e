// The paper items of a notification, read from its timeline with the core's attempt contexts
// (DOMAIN.md 5 rows 22-29, 7.3): each recipient's 890/AR attempts 0 and 1 and the RS letter.
import {
  analogAttemptContextOf,
  categoryRank,
  tryParseInstant,
  simpleLetterContextOf,
  type AttemptContext,
  type IsoInstant,
  type Notification,
  type NotificationStatus,
  type PhysicalAddress,
  type TimelineElementInput,
} from '../../core/index.js';
import type { AttemptRef } from './item-code.js';

export interface ItemSlot {
  recipientIndex: number;
  attempt: AttemptRef;
  /** Absent for a PREPARED second attempt (no SEND_ANALOG_DOMICILE yet). */
  ctx?: AttemptContext;
  productType: string;
  preparedAt?: IsoInstant;
  address: PhysicalAddress | null;
}

function attemptOf(e: TimelineElementInput): number {
  const v = e.details?.sentAttemptMade;
  return typeof v === 'number' ? v : 0;
}

function asAddress(v: unknown): PhysicalAddress | null {
  if (typeof v !== 'object' || v === null) return null;
  const a = v as Partial<PhysicalAddress>;
  return typeof a.address === 'string' && typeof a.municipality === 'string' ? (a as PhysicalAddress) : null;
}

function prepareOf(elements: readonly TimelineElementInput[], rec: number, attempt: number): TimelineElementInput | undefined {
  return elements.find((e) => e.category === 'PREPARE_ANALOG_DOMICILE' && e.recipientIndex === rec && attemptOf(e) === attempt);
}

function analogSlot(n: Notification, elements: readonly TimelineElementInput[], rec: number, attempt: 0 | 1, status: NotificationStatus): ItemSlot | undefined {
  const recipientAddress = n.recipients[rec]?.physicalAddress ?? null;
  const prepare = prepareOf(elements, rec, attempt);
  const address = attempt === 0 ? asAddress(prepare?.details?.physicalAddress) ?? recipientAddress : asAddress(prepare?.details?.physicalAddress);
  const ctx = analogAttemptContextOf(elements, rec, attempt);
  if (ctx) return { recipientIndex: rec, attempt, ctx: { ...ctx, notificationStatus: status }, productType: ctx.productType, address };
  // A second attempt SEND prepared (DOMAIN.md 7.3) that the postal operator has not accepted yet.
  if (attempt === 1 && prepare) {
    return { recipientIndex: rec, attempt, productType: String(prepare.details?.productType ?? ''), preparedAt: prepare.at, address };
  }
  return undefined;
}

/**
 * Every paper item of a notification, by recipient then attempt (RS last). Each context carries the
 * notification's status, so that the core refuses every event of a cancelled one (DOMAIN.md 4.2).
 */
export function itemSlotsOf(n: Notification, elements: readonly TimelineElementInput[], status: NotificationStatus): ItemSlot[] {
  const out: ItemSlot[] = [];
  n.recipients.forEach((r, rec) => {
    for (const attempt of [0, 1] as const) {
      const slot = analogSlot(n, elements, rec, attempt, status);
      if (slot) out.push(slot);
    }
    const rs = simpleLetterContextOf(elements, rec);
    if (rs) out.push({ recipientIndex: rec, attempt: 'RS', ctx: { ...rs, notificationStatus: status }, productType: rs.productType, address: r.physicalAddress ?? null });
  });
  return out;
}

const progressIndexOf = (e: TimelineElementInput) => (typeof e.details?.progressIndex === 'number' ? e.details.progressIndex : 0);

/** Business time, then category rank (progress before feedback: DOMAIN.md 5), then progressIndex. */
function byBusinessOrder(a: TimelineElementInput, b: TimelineElementInput): number {
  return tryParseInstant(a.at) - tryParseInstant(b.at) || (categoryRank(a.category) ?? 99) - (categoryRank(b.category) ?? 99) || progressIndexOf(a) - progressIndexOf(b);
}

/** The paper events of one item (progress and feedback elements of that attempt). */
export function itemElements(elements: readonly TimelineElementInput[], slot: Pick<ItemSlot, 'recipientIndex' | 'attempt'>): TimelineElementInput[] {
  const categories = slot.attempt === 'RS' ? ['SIMPLE_REGISTERED_LETTER_PROGRESS'] : ['SEND_ANALOG_PROGRESS', 'SEND_ANALOG_FEEDBACK'];
  const attempt = slot.attempt === 'RS' ? 0 : slot.attempt;
  return elements
    .filter((e) => e.recipientIndex === slot.recipientIndex && categories.includes(e.category) && attemptOf(e) === attempt)
    .sort(byBusinessOrder);
}
