// The RADD desk counter (DOMAIN.md 9, 10, 10.1, 13; shared/specs/radd-alt-external.yaml): scan,
// identify the recipient or the delegate, find the notifications (ACT by QR/IUN, AOR by tax code),
// start the operation, print, tick what was handed over, complete or abort; the desk's history.
import { z } from 'zod';
import { DEFAULT_DELEGATE_TYPE, IDENTITY_DOCUMENT_TYPES, MAX_SCAN_BYTES, uploadBodyBytes, TRANSACTION_STATES, normalizeTaxIdInput, parseDelegateTaxId, parseRecipientTaxId } from '../../../core/index.js';
import { op, t } from './op.js';
import { alongOtherErrors, recipientTypeSchema, requestIdSchema, type Unchecked } from './schemas.js';
import type {
  DeskDailySummary,
  DeskFileView,
  DeskHistoryItem,
  DeskHistoryPage,
  DeskIdentityCheck,
  DeskInputView,
  DeskInquiryView,
  DeskScannerInbox,
  DeskScanView,
  DeskTransactionView,
} from './desk-views.js';

const clerk = ['clerk'] as const;
const clerkOrAdmin = ['clerk', 'admin'] as const;

/** Scans are JPEG/PNG/PDF of at most 15 MB; base64 adds a third, JSON a little more. */
export { MAX_SCAN_BYTES };

/** The desk chooses the operationId: a UUID v4, persisted before the first call (DOMAIN.md 10.1). */
export const operationIdSchema = z.string().trim().toLowerCase().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'UUID v4');
const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);
const daySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** One identity document (fields of shared/specs/json-schema-identity-doc-info.json). */
export const identityDocumentSchema = z.strictObject({
  type: z.enum(IDENTITY_DOCUMENT_TYPES),
  number: z.string().trim().min(1).max(40),
  issuer: z.string().trim().min(1).max(120),
  issueDate: daySchema,
  expiryDate: daySchema,
});

function codeIssue(ctx: z.RefinementCtx, path: (string | number)[], result: { ok: false; code: string; params?: Record<string, string | number> }): void {
  ctx.addIssue({ code: 'custom', path, message: result.code, params: { code: result.code, ...(result.params ?? {}) } });
}

const asType = (v: unknown): 'PF' | 'PG' | undefined => (v === 'PF' || v === 'PG' ? v : undefined);

/**
 * The tax codes and the delegate's presence, checked next to every other field's error (a wrong or
 * empty tax code is reported together with an empty document number, not after it is fixed).
 */
function identificationProblems(value: unknown, ctx: z.RefinementCtx): void {
  const v = value as Unchecked;
  if (typeof v.recipientTaxId === 'string') {
    const recipient = parseRecipientTaxId(v.recipientTaxId, asType(v.recipientType));
    if (!recipient.ok) codeIssue(ctx, ['recipientTaxId'], recipient);
  }
  if (v.collector !== 'DELEGATE') return;
  const delegate = v.delegate as Unchecked | undefined;
  if (delegate === undefined || delegate === null) {
    codeIssue(ctx, ['delegate'], { ok: false, code: 'INPUT_REQUIRED' });
  } else if (typeof delegate === 'object' && typeof delegate.taxId === 'string') {
    const parsed = parseDelegateTaxId(delegate.taxId, asType(delegate.delegateType) ?? DEFAULT_DELEGATE_TYPE);
    if (!parsed.ok) codeIssue(ctx, ['delegate', 'taxId'], parsed);
  }
}

/**
 * Who is at the counter (DOMAIN.md 10 step 1): the recipient (PF codice fiscale, PG 11 digits) and
 * their document, or a delegate (PF by default, or PG, its tax id checked for that type) with their own document, the recipient's document copy and the
 * signed delegation form. Scans are file-store keys returned by desk.uploadScan.
 */
export const identificationSchema = z
  .strictObject({
    recipientType: recipientTypeSchema,
    recipientTaxId: z.string().max(32),
    recipientDenomination: z.string().trim().max(200).optional(),
    collector: z.enum(['RECIPIENT', 'DELEGATE']),
    recipientDocument: identityDocumentSchema,
    // A company delegate (PG, e.g. a CAF) acts through a person: `document` is that person's.
    delegate: z.strictObject({ taxId: z.string().max(32), delegateType: recipientTypeSchema.default(DEFAULT_DELEGATE_TYPE), denomination: z.string().trim().min(2).max(200), document: identityDocumentSchema }).optional(),
    scans: z.strictObject({
      recipientId: sha256Schema.optional(),
      delegateId: sha256Schema.optional(),
      delegationForm: sha256Schema.optional(),
      companyRegister: sha256Schema.optional(),
      selfDeclaration: sha256Schema.optional(),
    }),
  })
  .superRefine(identificationProblems, alongOtherErrors)
  .transform((v, ctx) => {
    // Runs only once every field passed: the tax codes are read again to keep their normal form.
    const recipient = parseRecipientTaxId(v.recipientTaxId, v.recipientType);
    if (!recipient.ok) codeIssue(ctx, ['recipientTaxId'], recipient);
    if (v.collector === 'DELEGATE' && !v.delegate) codeIssue(ctx, ['delegate'], { ok: false, code: 'INPUT_REQUIRED' });
    const delegate = v.collector === 'DELEGATE' && v.delegate ? parseDelegateTaxId(v.delegate.taxId, v.delegate.delegateType) : undefined;
    if (delegate && !delegate.ok) codeIssue(ctx, ['delegate', 'taxId'], delegate);
    if (!recipient.ok || (delegate && !delegate.ok)) return z.NEVER;
    return {
      ...v,
      recipientTaxId: recipient.value as string,
      delegate: v.collector === 'DELEGATE' && v.delegate && delegate?.ok ? { ...v.delegate, taxId: delegate.value as string } : undefined,
    };
  });
export type Identification = z.output<typeof identificationSchema>;

/** ACT: the IUN typed or the QR scanned (one of the two); AOR: neither. */
const targetSchema = {
  mode: z.enum(['ACT', 'AOR']),
  iun: z.string().max(40).optional(),
  qrCode: z.string().max(2048).optional(),
  identification: identificationSchema,
};
const targetRefine = (v: { mode: 'ACT' | 'AOR'; iun?: string | undefined; qrCode?: string | undefined }, ctx: z.RefinementCtx) => {
  if (v.mode === 'ACT' && !v.iun && !v.qrCode) ctx.addIssue({ code: 'custom', path: ['iun'], message: 'INPUT_REQUIRED', params: { code: 'INPUT_REQUIRED' } });
};

const historyFilter = z.strictObject({
  iun: z.string().trim().max(40).optional(),
  operationId: z.string().trim().max(64).optional(),
  // Read as the core's parsers read a typed code (spaces dropped): one typed in groups finds the same records.
  taxId: z.string().max(32).transform(normalizeTaxIdInput).optional(),
  recipientType: recipientTypeSchema.optional(),
  from: daySchema.optional(),
  to: daySchema.optional(),
  operationType: z.enum(['ACT', 'AOR']).optional(),
  state: z.enum(TRANSACTION_STATES).optional(),
});
export type DeskHistoryFilter = z.output<typeof historyFilter>;

const byOperation = z.strictObject({ operationId: operationIdSchema });
const operationTargets = (input: { operationId: string }, out: { iuns?: string[] } | undefined) => [input.operationId, ...(out?.iuns ?? [])];

export const deskContract = {
  'desk.identifyInput': op({
    input: z.strictObject({ text: z.string().max(2048) }),
    output: t<DeskInputView>(),
    roles: clerk,
    doc: 'Tell what the start field received: an AAR QR (URL or token), an IUN, or a tax code',
  }),
  'desk.checkIdentity': op({
    // The form as it is, however incomplete: its fields are checked by the handler (identificationSchema),
    // so that an empty field and a missing scan are told in one answer, not one after the other.
    input: z.strictObject({ identification: z.looseObject({}).describe("The identification as typed, however incomplete: the shape of desk.inquiry's `identification`") }),
    output: t<DeskIdentityCheck>(),
    roles: clerk,
    doc: 'Check an identification as typed: every field, the identity documents (expired ones refused) and the scans the person at the counter needs, all at once',
  }),
  'desk.uploadScan': op({
    input: z.strictObject({ fileName: z.string().trim().min(1).max(200), dataBase64: z.string().min(1) }),
    output: t<DeskScanView>(),
    roles: clerk,
    doc: 'Store a scan (JPEG, PNG or PDF, at most 15 MB) by its SHA-256',
    mutates: true,
    maxBodyBytes: uploadBodyBytes(MAX_SCAN_BYTES),
    maxFileBytes: MAX_SCAN_BYTES,
    auditTargets: (_input, out) => (out ? [out.scanId] : []),
  }),
  'desk.listScannerInbox': op({
    input: z.strictObject({}),
    output: t<DeskScannerInbox>(),
    roles: clerk,
    doc: 'The newest files in the scanner folder',
  }),
  'desk.importFromScanner': op({
    input: z.strictObject({ name: z.string().min(1).max(200) }),
    output: t<DeskScanView>(),
    roles: clerk,
    doc: 'Store a file of the scanner folder as a scan',
    mutates: true,
    auditTargets: (_input, out) => (out ? [out.scanId] : []),
  }),
  'desk.inquiry': op({
    input: z.strictObject(targetSchema).superRefine(targetRefine, alongOtherErrors),
    output: t<DeskInquiryView>(),
    roles: clerk,
    doc: 'ACT: the notification of a QR or IUN for the identified person; AOR: the undelivered notices of a tax code',
  }),
  'desk.startTransaction': op({
    input: z.strictObject({ operationId: operationIdSchema, ...targetSchema }).superRefine(targetRefine, alongOtherErrors),
    output: t<DeskTransactionView>(),
    roles: clerk,
    doc: 'Start a RADD operation (idempotent on the operationId chosen by the desk)',
    mutates: true,
    auditTargets: operationTargets,
  }),
  'desk.printBundle': op({
    input: byOperation,
    output: t<DeskTransactionView & { bundle: DeskFileView | null }>(),
    roles: clerk,
    doc: 'Assemble the print bundle (cover, acts, AAR, attestations) of a started operation',
    mutates: true,
    auditTargets: operationTargets,
  }),
  'desk.downloadDocument': op({
    input: z.strictObject({ operationId: operationIdSchema, position: z.number().int().min(0).max(10_000) }),
    output: t<DeskTransactionView & { file: DeskFileView | null }>(),
    roles: clerk,
    doc: 'One document of a started operation, on its own',
    mutates: true,
    auditTargets: operationTargets,
  }),
  'desk.markHandedOver': op({
    input: z.strictObject({ operationId: operationIdSchema, position: z.number().int().min(0).max(10_000), handedOver: z.boolean() }),
    output: t<DeskTransactionView>(),
    roles: clerk,
    doc: 'Tick (or untick) a printed document as handed over',
    mutates: true,
    auditTargets: operationTargets,
  }),
  'desk.completeTransaction': op({
    input: byOperation,
    output: t<DeskTransactionView>(),
    roles: clerk,
    doc: 'Complete an operation: records the view or retrieval, the legal fact, the receipt, and queues the sync',
    mutates: true,
    auditTargets: operationTargets,
  }),
  'desk.abortTransaction': op({
    input: z.strictObject({ operationId: operationIdSchema, reason: z.string().trim().min(3).max(500) }),
    output: t<DeskTransactionView>(),
    roles: clerk,
    doc: 'Abort an operation with a reason: nothing is recorded on the notifications',
    mutates: true,
    auditTargets: operationTargets,
  }),
  'desk.getTransaction': op({
    input: byOperation,
    output: t<DeskTransactionView>(),
    roles: clerkOrAdmin,
    doc: 'One operation of the desk log, with documents, checksums, people and state',
  }),
  'desk.listOpenTransactions': op({
    input: z.strictObject({}),
    output: t<DeskHistoryItem[]>(),
    roles: clerk,
    doc: 'Operations of this desk still open (to resume or abort, also after a restart)',
  }),
  'desk.searchHistory': op({
    input: historyFilter,
    output: t<DeskHistoryPage>(),
    roles: clerkOrAdmin,
    doc: 'Search the desk log by IUN, operationId or tax code and dates; filter by ACT/AOR and state',
  }),
  'desk.dailySummary': op({
    input: z.strictObject({ day: daySchema.optional() }),
    output: t<DeskDailySummary>(),
    roles: clerkOrAdmin,
    doc: 'Pickups of one day at this desk: by ACT/AOR, by recipient or delegate, by operator',
  }),
  'desk.reprintReceipt': op({
    input: byOperation,
    output: t<DeskFileView>(),
    roles: clerkOrAdmin,
    doc: 'The receipt of a completed operation, to print again',
    mutates: true,
    auditTargets: (input) => [input.operationId],
  }),
  'desk.receiptPrinted': op({
    input: byOperation.extend({ requestId: requestIdSchema.optional() }),
    output: t<DeskTransactionView>(),
    roles: clerkOrAdmin,
    doc: 'Record that the receipt of a completed operation was sent to the printer (the next print is a reprint); idempotent on the requestId the screen gives each print',
    mutates: true,
    auditTargets: (input) => [input.operationId],
  }),
};
