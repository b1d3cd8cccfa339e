// The postal screen's view of one paper item: the notification, the recipient, the address, the
// attempt's events and the outcomes the core allows now (DOMAIN.md 7.3, 7.4, 13).
import {
  currentStatusLabel,
  deliveredSubLabel,
  SUB_LABEL_TEXT,
  type IsoInstant,
  type Locale,
  type TimelineElementInput,
} from '../../core/index.js';
import type { NotificationRecord } from '../../db/store.js';
import type { OutcomeOptionView, PostalItemView } from '../api/contract/postal-views.js';
import { itemElements, type ItemSlot } from './attempts.js';
import { formatItemCode, requestIdOf } from './item-code.js';
import { optionsFor, stepOf } from './probe.js';

/** Meanings that end a giacenza: while one is allowed the item is still at the post office. */
const GIACENZA_CLOSING = ['COLLECTED_FROM_GIACENZA', 'COLLECTED_BY_DELEGATE_FROM_GIACENZA', 'NOT_COLLECTED_AT_GIACENZA', 'GIACENZA_EXPIRED'];

function stateOf(slot: ItemSlot, events: readonly TimelineElementInput[], allowed: readonly OutcomeOptionView[]): PostalItemView['state'] {
  if (!slot.ctx) return 'PREPARED';
  const closed = events.some((e) => e.category === 'SEND_ANALOG_FEEDBACK') || !allowed.some((o) => o.kind !== 'SCANS_RECEIVED');
  return closed ? 'CLOSED' : 'OPEN';
}

export interface ViewOptions {
  now: IsoInstant;
  locale: Locale;
}

/** The view of one slot of a stored notification. */
export function buildItemView(record: NotificationRecord, elements: readonly TimelineElementInput[], slot: ItemSlot, opts: ViewOptions): PostalItemView {
  const { notification: n, derived } = record;
  const ref = { iun: n.iun, recipientIndex: slot.recipientIndex, attempt: slot.attempt };
  const events = itemElements(elements, slot);
  const allowed = slot.ctx ? optionsFor({ ctx: slot.ctx, ...ref }, opts.now, opts.locale) : [];
  const recipient = n.recipients[slot.recipientIndex];
  const state = derived.perRecipient[slot.recipientIndex];
  const sub = deliveredSubLabel(events.map((e) => String(e.details?.deliveryDetailCode ?? '')));
  return {
    code: formatItemCode(ref),
    requestId: requestIdOf(ref),
    ...ref,
    productType: slot.productType,
    state: stateOf(slot, events, allowed),
    held: allowed.some((o) => GIACENZA_CLOSING.includes(o.kind)),
    subject: n.subject,
    senderDenomination: n.senderDenomination,
    notificationSentAt: n.sentAt,
    status: derived.status,
    statusLabel: currentStatusLabel(derived),
    recipient: {
      denomination: recipient?.denomination ?? '',
      taxId: recipient?.taxId ?? '',
      recipientType: recipient?.recipientType ?? 'PF',
      outcome: state?.outcome ?? 'IN_PROGRESS',
      termDate: state?.termDate ?? null,
      refinementDate: state?.refinementDate ?? null,
    },
    address: slot.address,
    sentAt: slot.ctx?.sentAt ?? slot.preparedAt ?? n.sentAt,
    events: events.map(stepOf),
    allowed,
    subLabel: sub ? SUB_LABEL_TEXT[sub] : null,
  };
}

/** Whether the clerk can do something with the item now (an outcome other than late scans, or the second send). */
export function isActionable(view: PostalItemView): boolean {
  return view.state === 'PREPARED' || view.allowed.some((o) => o.kind !== 'SCANS_RECEIVED');
}
