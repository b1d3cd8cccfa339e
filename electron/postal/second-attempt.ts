// The hand-over of a second attempt (DOMAIN.md 7.3): after a first-attempt KO SEND prepares attempt 1
// at a new address (PREPARE_ANALOG_DOMICILE); when the postal operator accepts the re-addressed item,
// the desk writes its SEND_ANALOG_DOMICILE, dated from the acceptance receipt. From then on the
// item's outcomes are recorded like the first attempt's.
// The core has no builder for this element yet (reported): the element is the DOMAIN.md 5 row 27
// shape with its id left to the store's normaliser (core buildElementId).
import { DomainError, parseInstant, type TimelineElementInput } from '../../core/index.js';
import type { StoreScope } from '../../db/store.js';
import type { PostalItemView } from '../api/contract/postal-views.js';
import { buildItemView } from './item-view.js';
import { formatItemCode } from './item-code.js';
import { itemRefOf, loadNotification, resolveSlot, type PostalCall } from './load.js';
import { parseReceiptDate } from './receipt-date.js';
import { appendAndEnqueue, OUTBOX_POSTAL_SEND } from './write.js';

/** Records that a prepared second attempt was sent; returns the item, now open for outcomes. */
export async function sendSecondAttempt(tx: StoreScope, code: string, rawAt: string, call: PostalCall): Promise<PostalItemView> {
  const ref = itemRefOf(code);
  const at = parseReceiptDate(rawAt, call.now);
  const loaded = await loadNotification(tx, ref.iun, code);
  const slot = resolveSlot(loaded, ref, code, (s) => s.ctx === undefined);
  if (slot.ctx || slot.preparedAt === undefined) throw new DomainError('POSTAL_NOT_PREPARED', { item: code });
  if (parseInstant(at) > parseInstant(call.now)) throw new DomainError('OUTCOME_DATE_IN_FUTURE', { at });
  if (parseInstant(at) < parseInstant(slot.preparedAt)) throw new DomainError('POSTAL_DATE_BEFORE_PREPARE', { at, preparedAt: slot.preparedAt });
  const details: Record<string, unknown> = { sentAttemptMade: 1, productType: slot.productType };
  if (slot.address) details.physicalAddress = slot.address;
  const element: TimelineElementInput = { category: 'SEND_ANALOG_DOMICILE', at, recipientIndex: slot.recipientIndex, details };
  const iun = loaded.record.notification.iun;
  const item = formatItemCode({ iun, recipientIndex: slot.recipientIndex, attempt: 1 });
  await appendAndEnqueue(tx, iun, [element], OUTBOX_POSTAL_SEND, { item, recipientIndex: slot.recipientIndex, attempt: 1 }, call);
  const after = await loadNotification(tx, iun, code);
  const sent = after.slots.find((s) => s.recipientIndex === slot.recipientIndex && s.attempt === 1)!;
  return buildItemView(after.record, after.elements, sent, call);
}
