// The payload of every outbox kind, as its producer writes it (types.ts lists producers and keys).
// Adapters read payloads through `parseOutboxPayload`: a payload that does not match parks the item
// (SYNC_PAYLOAD_INVALID) instead of failing again and again. Objects are not strict where the
// producer may add fields later; the RADD payloads keep their own strict shapes (adapters/radd).
import { z } from 'zod';
import { raddAbortPayloadSchema, raddCompletePayloadSchema, raddStartPayloadSchema } from '../adapters/radd/payloads.js';
import { parsePayload } from './payload.js';
import type { OutboxItem, OutboxKind } from './types.js';

/** SEND's public IUN format (DOMAIN.md 2.1); the check character is SEND's business, not ours. */
const iun = z.string().regex(/^[A-Z]{4}-[A-Z]{4}-[A-Z]{4}-[0-9]{6}-[A-Z]-[0-9]$/);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A timeline element as the core builds it (core TimelineElementInput). */
export const outboxElementSchema = z.object({
  elementId: z.string().optional(),
  category: z.string().min(1),
  at: z.string().min(1),
  recipientIndex: z.number().int().min(0).optional(),
  details: z.custom<Record<string, unknown>>(isRecord).optional(),
});

/**
 * A document of a `send.newNotification` payload that is still on this computer: `ref.key` is the
 * hex SHA-256 of the stored file (db/files.ts) and `ref.versionToken` is this value. The send-b2b
 * adapter preloads it to SEND and sends SEND's key and version instead (the producer,
 * electron/sender/new-notification.ts, writes the same value: LOCAL_VERSION_TOKEN).
 */
export const LOCAL_DOCUMENT_VERSION_TOKEN = 'local';

/**
 * `send.newNotification`: the B2B NewNotificationRequestV24 body with its `idempotenceToken` (items
 * queued before the token travelled in the body have none: their key is the token, see
 * requestTokenOf). Checked here for its outline only: the adapters check SEND's exact shape
 * (adapters/send-b2b/schemas.ts) and answer SYNC_REQUEST_INVALID with the field.
 */
export const sendNewNotificationPayloadSchema = z.looseObject({
  paProtocolNumber: z.string().min(1),
  subject: z.string(),
  recipients: z.array(z.looseObject({ taxId: z.string(), recipientType: z.string(), denomination: z.string() })).min(1),
  documents: z.array(z.unknown()),
  senderTaxId: z.string(),
  senderDenomination: z.string(),
});

/** `send.cancelNotification`: SEND's PUT /delivery-push/v2.0/notifications/cancel/{iun}. */
export const sendCancelNotificationPayloadSchema = z.object({ iun });

/** `postal.recordOutcome`: a paper outcome recorded at the desk (electron/postal/write.ts writePlan). */
export const postalRecordOutcomePayloadSchema = z.object({
  iun,
  /** Item code `<iun>/<recipientIndex>/<attempt>`. */
  item: z.string().min(1),
  /** The PREPARE_* elementId the outcome answers. */
  requestId: z.string().min(1),
  recipientIndex: z.number().int().min(0),
  attempt: z.union([z.number().int().min(0), z.literal('RS')]),
  /** Outcome label (paper event code or kind of outcome). */
  outcome: z.string().min(1),
  elements: z.array(outboxElementSchema).min(1),
});

/** `postal.sendSecondAttempt`: the hand-over of a prepared second attempt (electron/postal/second-attempt.ts). */
export const postalSendSecondAttemptPayloadSchema = z.object({
  iun,
  item: z.string().min(1),
  recipientIndex: z.number().int().min(0),
  attempt: z.literal(1),
  elements: z.array(outboxElementSchema).min(1),
});

export const OUTBOX_PAYLOAD_SCHEMAS = {
  'send.newNotification': sendNewNotificationPayloadSchema,
  'send.cancelNotification': sendCancelNotificationPayloadSchema,
  'radd.startTransaction': raddStartPayloadSchema,
  'radd.completeTransaction': raddCompletePayloadSchema,
  'radd.abortTransaction': raddAbortPayloadSchema,
  'postal.recordOutcome': postalRecordOutcomePayloadSchema,
  'postal.sendSecondAttempt': postalSendSecondAttemptPayloadSchema,
} as const satisfies Record<OutboxKind, z.ZodType>;

export type OutboxPayload<K extends OutboxKind> = z.infer<(typeof OUTBOX_PAYLOAD_SCHEMAS)[K]>;

/** The item's payload read with its kind's schema; throws SyncError SYNC_PAYLOAD_INVALID (permanent). */
export function parseOutboxPayload<K extends OutboxKind>(item: Pick<OutboxItem, 'payload'> & { kind: K }): OutboxPayload<K> {
  return parsePayload(OUTBOX_PAYLOAD_SCHEMAS[item.kind] as unknown as z.ZodType<OutboxPayload<K>>, item);
}

/**
 * SEND's idempotenceToken of a `send.newNotification` item: the one its body carries (SEND scopes it
 * to the sender and protocol number, so the outbox key is a digest of the three), else the item's
 * key (items queued before the body carried it, and requests keyed by their local IUN).
 */
export function requestTokenOf(item: Pick<OutboxItem, 'payload' | 'idempotencyKey'>): string {
  const carried = isRecord(item.payload) ? item.payload.idempotenceToken : undefined;
  return typeof carried === 'string' && carried !== '' ? carried : item.idempotencyKey;
}
