// The postal desk (DOMAIN.md 7.3, 7.4): find a paper item by its code, record outcomes by meaning
// one by one or in batches, import them from CSV, attach scans, and list the giacenze.
// Item codes: docs/decisions/postal-item-code.md. Files travel in chunks (≤ 512 KiB each) so that
// every request stays under the HTTP host's body cap.
import { z } from 'zod';
import { POSTAL_OUTCOME_KINDS } from '../../../core/index.js';
import { op, t } from './op.js';
import { requestIdSchema } from './schemas.js';
import type {
  BatchPreviewView,
  BatchRecordedView,
  CsvImportView,
  FindItemResult,
  GiacenzaRegisterView,
  PostalItemView,
  RecordedOutcomeView,
  ScanUploadView,
} from './postal-views.js';

export type * from './postal-views.js';

/** Raw bytes of one chunk, base64: 512 KiB of file make ~700 KB of JSON. */
export const MAX_CHUNK_BYTES = 512 * 1024;
const base64Chunk = z.string().max(Math.ceil(MAX_CHUNK_BYTES / 3) * 4).regex(/^[A-Za-z0-9+/]*={0,2}$/);
const uploadId = z.string().regex(/^[0-9a-f-]{36}$/);

const text = (max: number) => z.string().trim().min(1).max(max);
/** Date (and time, when the receipt has it) from the receipt: `YYYY-MM-DD[THH:MM]` Europe/Rome, `DD/MM/YYYY[ HH:MM]`, or ISO with offset; a date alone is 12:00. */
const receiptDate = z.string().trim().min(1).max(40);

export const physicalAddressSchema = z.object({
  address: text(200),
  addressDetails: text(200).optional(),
  zip: z.string().trim().regex(/^[0-9A-Z -]{3,10}$/i),
  municipality: text(100),
  province: z.string().trim().max(10).optional(),
});

export const SCAN_DOCUMENT_TYPES = ['AR', '23L', 'CAD', 'CAN', 'ARCAD', 'Plico'] as const;

export const scanRefSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  documentType: z.enum(SCAN_DOCUMENT_TYPES),
});

export const nextStepSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('SECOND_ATTEMPT'), address: physicalAddressSchema, at: receiptDate.optional() }),
  z.object({ kind: z.literal('NO_SECOND_ADDRESS'), failureCause: z.enum(['D00', 'D01', 'D02']), at: receiptDate.optional() }),
  // SEND looks for the address (registries): nothing is written now, the sync brings the result.
  z.object({ kind: z.literal('ADDRESS_INVESTIGATION') }),
]);

/** One outcome by meaning; which fields a meaning needs is checked by the host and the core. */
export const outcomeInputSchema = z.object({
  kind: z.enum(POSTAL_OUTCOME_KINDS),
  at: receiptDate.optional(),
  cause: z.string().trim().max(3).optional(),
  receiverName: text(120).optional(),
  receiverRelation: text(60).optional(),
  delegateName: text(120).optional(),
  office: text(120).optional(),
  giacenzaAt: receiptDate.optional(),
  discoveredAddress: physicalAddressSchema.optional(),
  scans: z.array(scanRefSchema).max(10).optional(),
  next: nextStepSchema.optional(),
});
export type OutcomeInput = z.output<typeof outcomeInputSchema>;

const itemCode = z.string().trim().min(1).max(120);
export const MAX_BATCH_ITEMS = 500;
const batchInput = z.object({
  items: z.array(itemCode).min(1).max(MAX_BATCH_ITEMS),
  outcome: outcomeInputSchema,
});
/** The screen names a batch it confirms (UUID v4): confirmed again with the same id and request, it gets the same answer. */
const batchId = z.string().trim().toLowerCase().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'UUID v4');

const ROLES = ['postal'] as const;

export const postalContract = {
  'postal.findItem': op({
    input: z.object({ code: itemCode }),
    output: t<FindItemResult>(),
    roles: ROLES,
    doc: 'Find the paper items of a scanned code (requestId, IUN/recipient/attempt or IUN) with the outcomes allowed now',
  }),
  'postal.previewOutcome': op({
    input: z.object({ code: itemCode, outcome: outcomeInputSchema }),
    output: t<RecordedOutcomeView>(),
    roles: ROLES,
    doc: 'Show the codes, status and dates an outcome would produce, without recording it',
  }),
  'postal.recordOutcome': op({
    input: z.object({ code: itemCode, outcome: outcomeInputSchema, requestId: requestIdSchema.optional() }),
    output: t<RecordedOutcomeView>(),
    roles: ROLES,
    mutates: true,
    doc: 'Record one postal outcome by meaning (timeline, derived state, outbox in one transaction); idempotent on the requestId chosen by the screen',
    auditTargets: (input, out) => [out?.item.iun ?? input.code, input.outcome.kind],
  }),
  'postal.sendSecondAttempt': op({
    input: z.object({ code: itemCode, at: receiptDate, requestId: requestIdSchema.optional() }),
    output: t<PostalItemView>(),
    roles: ROLES,
    mutates: true,
    doc: 'Record that a prepared second attempt was handed over for delivery (date of the acceptance receipt); idempotent on the requestId chosen by the screen',
    auditTargets: (input, out) => [out?.iun ?? input.code],
  }),
  'postal.previewBatch': op({
    input: batchInput,
    output: t<BatchPreviewView>(),
    roles: ROLES,
    doc: 'Check a batch (one outcome and date for many items) line by line, without recording it',
  }),
  'postal.recordBatch': op({
    input: batchInput.extend({ batchId: batchId.optional() }),
    output: t<BatchRecordedView>(),
    roles: ROLES,
    mutates: true,
    doc: 'Record one outcome for many items in one transaction: all or nothing, the failing line named; idempotent on the batchId chosen by the screen',
    auditTargets: (input) => [input.outcome.kind, `${input.items.length} items`, ...(input.batchId ? [input.batchId] : [])],
  }),
  'postal.uploadScan': op({
    input: z.object({
      uploadId: uploadId.optional(),
      /**
       * The screen's name for a new upload (on the first chunk, without uploadId): that chunk sent
       * again after its answer was lost continues the same upload (the uploadId is this id).
       */
      requestId: requestIdSchema.optional(),
      fileName: text(200),
      /**
       * Byte offset of this chunk in the file. A chunk sent again (same upload, offset and bytes) gets
       * its first answer; another chunk at an offset already received (POSTAL_UPLOAD_CHUNK_CONFLICT) or
       * a gap (POSTAL_UPLOAD_OUT_OF_ORDER) ends the upload.
       */
      offset: z.number().int().min(0),
      chunk: base64Chunk,
      last: z.boolean(),
    }),
    output: t<ScanUploadView>(),
    roles: ROLES,
    mutates: true,
    // One audit entry per stored file (written by the handler), not one per chunk.
    auditedBy: 'handler',
    doc: 'Upload a scan (AR card, 23L, CAD/CAN) in chunks; the last chunk checks it and stores it content-addressed; a chunk sent again gets its first answer',
  }),
  'postal.importCsv': op({
    input: z.object({
      jobId: uploadId.optional(),
      /**
       * The screen's name for a new import (on the first chunk, without jobId): that chunk sent again
       * after its answer was lost continues the same job (the jobId is this id).
       */
      requestId: requestIdSchema.optional(),
      fileName: text(200),
      /**
       * Byte offset of this chunk in the file. A chunk sent again (same job, offset, bytes, 'last' and
       * file name) gets its first answer; another chunk at an offset already received
       * (POSTAL_UPLOAD_CHUNK_CONFLICT) or a gap (POSTAL_UPLOAD_OUT_OF_ORDER) is refused.
       */
      offset: z.number().int().min(0),
      chunk: base64Chunk,
      last: z.boolean(),
    }),
    output: t<CsvImportView>(),
    roles: ROLES,
    doc: 'Upload a CSV of outcomes in chunks: encoding and columns are checked; nothing is recorded yet; a chunk sent again gets its first answer',
  }),
  'postal.importCsvStep': op({
    input: z.object({
      jobId: uploadId,
      /**
       * Where the step starts: the `done` of the last answer (0 for the first step). The same step asked
       * again (its answer lost) gets the same answer and records nothing twice; a step neither next nor
       * already answered is POSTAL_IMPORT_STEP_OUT_OF_ORDER. Without it, the next lines.
       */
      from: z.number().int().min(0).optional(),
      maxLines: z.number().int().min(1).max(200).optional(),
    }),
    output: t<CsvImportView>(),
    roles: ROLES,
    mutates: true,
    // Each step commits its own lines and audit entry, so that the job's progress matches the store.
    auditedBy: 'handler',
    doc: 'Import the next lines of an uploaded CSV, the step named by where it starts (asked again, answered again without recording twice); returns their report (accepted / refused with reason / skipped: already recorded as in the file)',
  }),
  'postal.importCsvStatus': op({
    input: z.object({ jobId: uploadId }),
    output: t<CsvImportView>(),
    roles: ROLES,
    doc: 'Progress and full line-by-line report of a CSV import',
  }),
  'postal.giacenzaRegister': op({
    input: z.object({}),
    output: t<GiacenzaRegisterView>(),
    roles: ROLES,
    doc: 'Items held at the post office, with the days left before the holding period ends, most urgent first',
  }),
};
