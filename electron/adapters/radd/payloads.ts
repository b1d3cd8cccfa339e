// The outbox payloads of RADD desk operations (DOMAIN.md 10, 10.1). The host enqueues them in the
// transaction that records the desk action; the radd and demo adapters deliver them. The
// idempotency key of every radd.* item is the operationId.
import { z } from 'zod';

const docInfo = z.strictObject({
  docType: z.string().min(1),
  docNumber: z.string().min(1),
  docIssuer: z.string().min(1),
  issueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  expireDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});

/**
 * Identity evidence of the operation (DOMAIN.md 10.1): document details of the recipient (and the
 * delegate), and references of the scans kept on this computer (content-addressed store).
 * Absent when the operator organisation keeps the scans itself and uploads nothing.
 */
export const evidenceSchema = z.strictObject({
  recipient: docInfo,
  delegate: docInfo.optional(),
  files: z.strictObject({
    delega: z.string().optional(),
    visura: z.string().optional(),
    autodichiarazione: z.string().optional(),
  }).optional(),
});
export type RaddEvidence = z.infer<typeof evidenceSchema>;

const operationType = z.enum(['ACT', 'AOR']);

export const raddStartPayloadSchema = z.strictObject({
  operationType,
  operationId: z.string().min(1).max(1024),
  recipientTaxId: z.string().min(11).max(16),
  recipientType: z.enum(['PF', 'PG']),
  delegateTaxId: z.string().min(11).max(16).optional(),
  /** ACT only: one of the two (DOMAIN.md 10 step 2). */
  iun: z.string().optional(),
  qrCode: z.string().optional(),
  /** Transaction start time (the business time of NOTIFICATION_VIEWED, DOMAIN.md 10 step 5). */
  operationDate: z.string().min(1),
  evidence: evidenceSchema.optional(),
});
export type RaddStartPayload = z.infer<typeof raddStartPayloadSchema>;

export const raddCompletePayloadSchema = z.strictObject({
  operationType,
  operationId: z.string().min(1).max(1024),
  operationDate: z.string().min(1),
});
export type RaddCompletePayload = z.infer<typeof raddCompletePayloadSchema>;

export const raddAbortPayloadSchema = raddCompletePayloadSchema.extend({ reason: z.string().max(1024).optional() });
export type RaddAbortPayload = z.infer<typeof raddAbortPayloadSchema>;
