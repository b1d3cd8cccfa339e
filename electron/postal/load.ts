// Reading a notification for a postal write (locked for the rest of the transaction) and choosing
// the paper item a scanned code names.
import { DomainError, paperEntryRefusal, type IsoInstant, type Locale, type TimelineElement } from '../../core/index.js';
import type { NotificationRecord, StoreScope } from '../../db/store.js';
import { itemSlotsOf, type ItemSlot } from './attempts.js';
import { parseItemCode, type ItemRef } from './item-code.js';

/** Who records, and when "now" is (outcomes may not be dated after it: DOMAIN.md 7.4). */
export interface PostalCall {
  now: IsoInstant;
  locale: Locale;
  operatorId?: string;
}

export interface LoadedNotification {
  record: NotificationRecord;
  elements: TimelineElement[];
  slots: ItemSlot[];
}

/** The same without a lock, for read-only lists; undefined when absent or still IN_VALIDATION. */
export async function readNotification(store: StoreScope, iun: string): Promise<LoadedNotification | undefined> {
  const record = await store.notifications.getByIun(iun);
  if (!record || record.derived.status === 'IN_VALIDATION') return undefined;
  const elements = await store.timelineElements.listByIun(iun);
  return { record, elements, slots: itemSlotsOf(record.notification, elements, record.derived.status) };
}

/**
 * Refuses a notification whose workflow has stopped (cancelled by the sender, DOMAIN.md 4.2) before
 * any item is chosen, so that the clerk reads why rather than "no such item" (the core's rule).
 */
export function assertTakesPaperEvents(record: NotificationRecord): void {
  const refusal = paperEntryRefusal(record.derived.status);
  if (refusal) throw new DomainError(refusal.code, { ...refusal.params, iun: record.notification.iun });
}

/** The item reference in a code; throws the parser's code (POSTAL_ITEM_CODE_INVALID, IUN_INVALID_*). */
export function itemRefOf(code: string): ItemRef {
  const parsed = parseItemCode(code);
  if (!parsed.ok) throw new DomainError(parsed.code, parsed.params);
  return parsed.value;
}

/**
 * The notification of an item with its timeline and paper items. Locks the notification first
 * (PostgreSQL row lock; SQLite transactions are serialised), so that what the core checks is what
 * the write appends to. A notification still IN_VALIDATION is not found (DOMAIN.md 13).
 */
export async function loadNotification(tx: StoreScope, iun: string, item: string): Promise<LoadedNotification> {
  const head = await tx.notifications.lockForTimeline(iun);
  const record = head ? await tx.notifications.getByIun(iun) : undefined;
  if (!record || record.derived.status === 'IN_VALIDATION') throw new DomainError('POSTAL_ITEM_NOT_FOUND', { item });
  assertTakesPaperEvents(record);
  const elements = await tx.timelineElements.listByIun(iun);
  return { record, elements, slots: itemSlotsOf(record.notification, elements, record.derived.status) };
}

/**
 * The item a code names: the exact recipient/attempt when the code has them, else the only item of
 * the IUN that `fits` (e.g. the one where the chosen outcome is allowed now).
 */
export function resolveSlot(loaded: LoadedNotification, ref: ItemRef, item: string, fits: (slot: ItemSlot) => boolean): ItemSlot {
  if (ref.recipientIndex !== undefined) {
    const slot = loaded.slots.find((s) => s.recipientIndex === ref.recipientIndex && s.attempt === ref.attempt);
    if (!slot) throw new DomainError('POSTAL_ITEM_NOT_FOUND', { item });
    return slot;
  }
  const candidates = loaded.slots.filter(fits);
  if (candidates.length === 1) return candidates[0]!;
  if (candidates.length === 0) {
    // Name the item when the IUN has only one: the core then says why the outcome does not fit it.
    if (loaded.slots.length === 1) return loaded.slots[0]!;
    throw new DomainError('POSTAL_ITEM_NOT_FOUND', { item });
  }
  throw new DomainError('POSTAL_ITEM_AMBIGUOUS', { iun: ref.iun });
}
