// A new notification from the form: stored here under a locally generated valid IUN (DOMAIN.md
// 2.1, core makeIun with a node:crypto RNG), IN_VALIDATION as the engine derives it from an empty
// timeline (DOMAIN.md 3: until SEND accepts it), and queued in the outbox as a B2B
// NewNotificationRequest for the sync adapter, in the same transaction.
import { createHash, randomInt } from 'node:crypto';
import {
  currentStatusLabel,
  DomainError,
  formatInstant,
  iunYearMonthOf,
  makeIun,
  pickIunLetters,
  type Notification,
  type NotificationRecipient,
  type PhysicalAddress,
} from '../../core/index.js';
import { base64ToHex } from '../../db/files.js';
import type { Store, StoreScope } from '../../db/store.js';
import type { NewNotificationInput } from '../api/contract/sender-schemas.js';
import type { SenderCreatedView } from '../api/contract/sender-views.js';

export const NEW_NOTIFICATION_OUTBOX_KIND = 'send.newNotification';
/** Documents in the request name their local file until the adapter preloads them to SEND. */
export const LOCAL_VERSION_TOKEN = 'local';

type Scope = StoreScope & Pick<Store, 'files'>;

function recipientOf(r: NewNotificationInput['recipients'][number]): NotificationRecipient {
  // The domain address always has a zip (empty for an address abroad without one).
  const address = Object.fromEntries(Object.entries({ ...r.physicalAddress, zip: r.physicalAddress.zip ?? '' }).filter(([, v]) => v !== undefined)) as unknown as PhysicalAddress;
  const out: NotificationRecipient = { taxId: r.taxId, recipientType: r.recipientType, denomination: r.denomination, physicalAddress: address };
  if (r.digitalDomicile) out.digitalDomicile = { type: 'PEC', address: r.digitalDomicile.address };
  if (r.payments?.length) {
    out.payments = r.payments.map((p) => ({ noticeCode: p.noticeCode, creditorTaxId: p.creditorTaxId, ...(p.amountCents !== undefined ? { amountCents: p.amountCents } : {}), ...(p.dueDate ? { dueDate: p.dueDate } : {}) }));
  }
  return out;
}

/** The B2B NewNotificationRequestV24 body (without idempotenceToken: createNotification adds it). */
export function b2bRequestOf(input: NewNotificationInput): Record<string, unknown> {
  const req: Record<string, unknown> = {
    paProtocolNumber: input.paProtocolNumber,
    subject: input.subject,
    recipients: input.recipients.map((r) => ({
      recipientType: r.recipientType,
      taxId: r.taxId,
      denomination: r.denomination,
      ...(r.digitalDomicile ? { digitalDomicile: { type: 'PEC', address: r.digitalDomicile.address } } : {}),
      physicalAddress: Object.fromEntries(Object.entries(r.physicalAddress).filter(([, v]) => v !== undefined)),
      ...(r.payments?.length ? { payments: r.payments.map((p) => ({ pagoPa: { noticeCode: p.noticeCode, creditorTaxId: p.creditorTaxId, applyCost: p.applyCost } })) } : {}),
    })),
    documents: input.documents.map((d, i) => ({
      digests: { sha256: d.sha256Base64 },
      contentType: 'application/pdf',
      ref: { key: base64ToHex(d.sha256Base64), versionToken: LOCAL_VERSION_TOKEN },
      title: d.title,
      docIdx: String(i),
    })),
    notificationFeePolicy: input.notificationFeePolicy,
    physicalCommunicationType: input.physicalCommunicationType,
    senderDenomination: input.senderDenomination,
    senderTaxId: input.senderTaxId,
    taxonomyCode: input.taxonomyCode,
  };
  if (input.abstract) req.abstract = input.abstract;
  if (input.group) req.group = input.group;
  if (input.paFee !== undefined) req.paFee = input.paFee;
  if (input.vat !== undefined) req.vat = input.vat;
  return req;
}

async function freshIun(store: Scope, sentAt: string): Promise<string> {
  for (;;) {
    const iun = makeIun(pickIunLetters((n) => randomInt(n)), iunYearMonthOf(sentAt));
    if (!(await store.notifications.exists(iun))) return iun;
  }
}

/**
 * An Italian province is written as its upper-case sigla (MI, not mi) on the envelope, the AAR and
 * the attestations; a foreign address keeps its region as typed. The zip is already trimmed by the
 * schema (sender-schemas.ts).
 */
export function normaliseAddresses(input: NewNotificationInput): NewNotificationInput {
  return {
    ...input,
    recipients: input.recipients.map((r) => {
      const a = r.physicalAddress;
      if (a.province === undefined || a.foreignState !== undefined) return r;
      return { ...r, physicalAddress: { ...a, province: a.province.toUpperCase() } };
    }),
  };
}

/** The notification as stored locally, from the form (the IUN and deposit instant given). */
function notificationOf(input: NewNotificationInput, iun: string, sentAt: string): Notification {
  const notification: Notification = {
    iun, sentAt, senderDenomination: input.senderDenomination, senderTaxId: input.senderTaxId, subject: input.subject,
    paProtocolNumber: input.paProtocolNumber, physicalCommunicationType: input.physicalCommunicationType,
    recipients: input.recipients.map(recipientOf),
    documents: input.documents.map((d) => ({ title: d.title, contentType: 'application/pdf', digests: { sha256: d.sha256Base64 }, ref: base64ToHex(d.sha256Base64) })),
  };
  if (input.abstract) notification.abstract = input.abstract;
  if (input.group) notification.group = input.group;
  return notification;
}

/** JSON with the keys of every object sorted, `undefined` left out: equal data, equal text. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => (x && typeof x === 'object' && !Array.isArray(x)
    ? Object.fromEntries(Object.entries(x as Record<string, unknown>).filter(([, y]) => y !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    : x));
}

/**
 * Whether `input` repeats, field for field, the request already stored under its key: the
 * notification (amounts included) and the B2B request queued for SEND (taxonomy, fees, applyCost).
 */
async function repeatsStoredRequest(store: Scope, input: NewNotificationInput, iun: string, dedupeKey: string): Promise<boolean> {
  const [record, queued] = await Promise.all([store.notifications.getByIun(iun), store.outbox.findByDedupeKey(dedupeKey)]);
  if (!record || !queued) return false;
  const { iun: _i, sentAt: _s, ...stored } = record.notification;
  const { iun: _j, sentAt: _t, ...asked } = notificationOf(input, iun, record.notification.sentAt);
  const { idempotenceToken: _token, ...queuedBody } = (queued.payload ?? {}) as Record<string, unknown>;
  return canonical(stored) === canonical(asked) && canonical(queuedBody) === canonical(b2bRequestOf(input));
}

export async function createNotification(store: Scope, typed: NewNotificationInput, opts: { scope: string | undefined; nowMs: number }): Promise<SenderCreatedView> {
  const input = normaliseAddresses(typed);
  // An operator of one sender deposits for that sender only.
  if (opts.scope !== undefined && input.senderTaxId !== opts.scope) throw new DomainError('FORBIDDEN');
  for (const d of input.documents) {
    if (!(await store.files.has(base64ToHex(d.sha256Base64)))) throw new DomainError('SENDER_UPLOAD_NOT_FOUND', { title: d.title });
  }
  if (input.idempotenceToken !== undefined) {
    // The same request again (the screen's retry after its answer was lost, a second click): the
    // notification already created, never a second one; another request under the same key is
    // refused, naming the notification that holds it (SEND answers 409).
    const existing = await store.senderRequests.findByKey(input.senderTaxId, input.paProtocolNumber, input.idempotenceToken);
    if (existing) {
      if (await repeatsStoredRequest(store, input, existing.iun, existing.outboxDedupeKey)) return createdView(store, existing.iun);
      throw new DomainError('SENDER_NOTIFICATION_DUPLICATE', { paProtocolNumber: input.paProtocolNumber, iun: existing.iun });
    }
  }
  const sentAt = formatInstant(opts.nowMs);
  const iun = await freshIun(store, sentAt);
  const token = input.idempotenceToken ?? iun;
  await store.timeline.importNotifications([{ notification: notificationOf(input, iun, sentAt), elements: [] }], { keepEngineState: true });
  const dedupeKey = newNotificationDedupeKey(input, token, iun);
  // The token travels in the request itself (the adapter sends it as SEND's idempotenceToken).
  const queued = await store.outbox.enqueue({ kind: NEW_NOTIFICATION_OUTBOX_KIND, payload: { ...b2bRequestOf(input), idempotenceToken: token }, createdAt: sentAt, dedupeKey });
  // Unreachable (the key names this sender, protocol and token, checked above): never a request
  // stored here without its item for SEND.
  if (!queued) throw new Error(`new notification ${iun}: outbox key ${dedupeKey} already taken`);
  await store.senderRequests.insert({ iun, senderTaxId: input.senderTaxId, paProtocolNumber: input.paProtocolNumber, idempotenceToken: token, outboxDedupeKey: dedupeKey, createdAt: sentAt });
  return createdView(store, iun);
}

/**
 * The outbox key of a request. SEND scopes an idempotenceToken to its sender and protocol number, so
 * the same token typed for two protocols is two requests: the key is a digest of the three (64 hex
 * characters, within the key's column whatever the token's length, up to SEND's 256). A request
 * without a token of its own is keyed by its local IUN, which is then its token.
 */
export function newNotificationDedupeKey(input: Pick<NewNotificationInput, 'senderTaxId' | 'paProtocolNumber'>, token: string, iun: string): string {
  if (token === iun) return `${NEW_NOTIFICATION_OUTBOX_KIND}:${iun}`;
  const digest = createHash('sha256').update(`${input.senderTaxId}\n${input.paProtocolNumber}\n${token}`).digest('hex');
  return `${NEW_NOTIFICATION_OUTBOX_KIND}:req-${digest}`;
}

async function createdView(store: Scope, iun: string): Promise<SenderCreatedView> {
  const derived = (await store.notifications.getByIun(iun))!.derived;
  const awaitingSend = (await store.senderRequests.awaitingSend([iun])).has(iun);
  return { iun, status: derived.status, statusLabel: currentStatusLabel(derived), awaitingSend };
}
