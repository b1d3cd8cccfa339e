// zod shapes of the RADD operator API (../shared/specs/radd-alt-external.yaml, /radd-net/api/v1)
// and of the identity-evidence metadata (../shared/specs/json-schema-identity-doc-info.json).
// tests/integration/sync-spec-schemas.test.ts checks them against those files.
import { z } from 'zod';

const dateTime = z.string().min(1);

/** ResponseStatus (codes 0 OK, 99 KO). */
export const responseStatusSchema = z.looseObject({ code: z.literal([0, 99]).optional(), message: z.string().optional() });

/** DocumentUploadRequest */
export const documentUploadRequestSchema = z.strictObject({ operationId: z.string().min(1), checksum: z.string().min(1) });

/** DocumentUploadResponse */
export const documentUploadResponseSchema = z.looseObject({
  url: z.string().optional(),
  fileKey: z.string().optional(),
  secret: z.string().optional(),
  status: responseStatusSchema.optional(),
});

/** ActInquiryResponseStatus codes (DOMAIN.md 10.1). */
export const ACT_INQUIRY_CODES = [0, 2, 3, 4, 10, 80, 99] as const;
export const actInquiryResponseSchema = z.looseObject({
  result: z.boolean().optional(),
  status: z.looseObject({ code: z.literal(ACT_INQUIRY_CODES).optional(), message: z.string().optional() }).optional(),
});

/** AORInquiryResponse */
export const aorInquiryResponseSchema = z.looseObject({ result: z.boolean().optional(), status: responseStatusSchema.optional() });

const startFields = {
  versionToken: z.string().optional(),
  operationId: z.string().min(1),
  recipientTaxId: z.string().min(1),
  recipientType: z.enum(['PF', 'PG']),
  delegateTaxId: z.string().optional(),
  fileKey: z.string().optional(),
  checksum: z.string().optional(),
  operationDate: dateTime.optional(),
};

/** AorStartTransactionRequest */
export const aorStartRequestSchema = z.strictObject(startFields);
/** ActStartTransactionRequest: the AOR fields plus iun or qrCode. */
export const actStartRequestSchema = z.strictObject({ ...startFields, qrCode: z.string().optional(), iun: z.string().optional() });
export type ActStartRequest = z.infer<typeof actStartRequestSchema>;
export type AorStartRequest = z.infer<typeof aorStartRequestSchema>;

/** StartTransactionResponseStatus codes: 0 OK, 2 not ready (retryAfter ms), 3, 4, 5, 10, 80, 99. */
export const START_CODES = [0, 2, 3, 4, 5, 10, 80, 99] as const;
export const downloadUrlSchema = z.looseObject({ url: z.string().optional(), needAuthentication: z.boolean().optional(), documentType: z.string().optional() });
export const startTransactionResponseSchema = z.looseObject({
  downloadUrlList: z.array(downloadUrlSchema).optional(),
  status: z.looseObject({ code: z.literal(START_CODES).optional(), message: z.string().optional(), retryAfter: z.number().optional() }).optional(),
});

/** CompleteTransactionRequest */
export const completeRequestSchema = z.strictObject({ operationId: z.string().min(1), operationDate: dateTime });
/** AbortTransactionRequest */
export const abortRequestSchema = z.strictObject({ operationId: z.string().min(1), reason: z.string().optional(), operationDate: dateTime });

/** TransactionResponseStatus codes: 0 OK (also an identical repeat), 1 no such transaction, 2 already closed, 99 KO. */
export const TRANSACTION_CODES = [0, 1, 2, 99] as const;
const transactionStatus = z.looseObject({ code: z.literal(TRANSACTION_CODES).optional(), message: z.string().optional() });
export const completeResponseSchema = z.looseObject({ status: transactionStatus.optional() });
export const abortResponseSchema = z.looseObject({ status: transactionStatus.optional() });

const printable = z.string().regex(/^[ -~]{1,1024}$/);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** metadati_destinatario.json / metadati_delegato.json (json-schema-identity-doc-info.json). */
export const identityDocInfoSchema = z.strictObject({
  operationId: printable,
  docType: printable,
  docNumber: printable,
  docIssuer: printable,
  issueDate: isoDate,
  expireDate: isoDate,
});
export type IdentityDocInfo = z.infer<typeof identityDocInfoSchema>;
