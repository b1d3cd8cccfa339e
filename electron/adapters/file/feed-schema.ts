// The records of offline bundles, in the core model's shape (core/model/types.ts): what a central
// office exports for a desk without network, and what the desk exports back (its outbox items).
import { z } from 'zod';
import { OUTBOX_KINDS } from '../../sync/types.js';

const physicalAddress = z.object({
  address: z.string(),
  addressDetails: z.string().optional(),
  at: z.string().optional(),
  zip: z.string(),
  municipality: z.string(),
  municipalityDetails: z.string().optional(),
  province: z.string().optional(),
  foreignState: z.string().optional(),
});

const recipient = z.object({
  taxId: z.string(),
  recipientType: z.enum(['PF', 'PG']),
  denomination: z.string(),
  digitalDomicile: z.object({ type: z.enum(['PEC', 'SERCQ']), address: z.string() }).optional(),
  physicalAddress: physicalAddress.optional(),
  payments: z.array(z.object({ noticeCode: z.string(), creditorTaxId: z.string(), amountCents: z.number().int().optional(), dueDate: z.string().optional() })).optional(),
});

export const notificationSchema = z.object({
  iun: z.string(),
  sentAt: z.string().min(1),
  senderDenomination: z.string(),
  senderTaxId: z.string(),
  subject: z.string(),
  abstract: z.string().optional(),
  paProtocolNumber: z.string().optional(),
  group: z.string().optional(),
  physicalCommunicationType: z.enum(['REGISTERED_LETTER_890', 'AR_REGISTERED_LETTER']),
  recipients: z.array(recipient).min(1),
  documents: z.array(z.object({ title: z.string(), contentType: z.string(), digests: z.object({ sha256: z.string() }), ref: z.string().optional() })),
});

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export const elementInputSchema = z.object({
  elementId: z.string().optional(),
  category: z.string().min(1),
  at: z.string().min(1),
  recipientIndex: z.number().int().min(0).optional(),
  // An object, checked as such only: the core engine reads what it needs, and walking every key
  // here doubled the import cost of large feeds (tests/bench/sync.ts).
  details: z.custom<Record<string, unknown>>(isRecord).optional(),
});

/** One line of feed.ndjson. */
export const feedRecordSchema = z.object({ notification: notificationSchema, timeline: z.array(elementInputSchema) });
export type FeedRecord = z.infer<typeof feedRecordSchema>;

/** One line of outbox.ndjson. */
export const outboxRecordSchema = z.object({
  kind: z.enum(OUTBOX_KINDS),
  idempotencyKey: z.string().min(1),
  payload: z.unknown(),
  createdAt: z.string().min(1),
});
export type OutboxRecord = z.infer<typeof outboxRecordSchema>;
