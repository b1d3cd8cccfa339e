// Input schemas of the sender office's operations. Identifiers go through the core parsers (one
// rule, one message); the new-notification shape follows NewNotificationRequestV24/V26 of the B2B
// spec (../shared/specs/send-delivery-b2b-pa.yaml): recipients, documents with their SHA-256,
// pagoPA notices, protocol number, idempotence token, physical communication type.
import { z } from 'zod';
import { NOTIFICATION_STATUSES, normalizeIunInput, parseIun, parsePostcode, parseRecipientTaxId, parseVatNumber } from '../../../core/index.js';
import { alongOtherErrors, taxIdSchema, type Unchecked } from './schemas.js';

type Ctx = z.RefinementCtx;

function issue(ctx: Ctx, code: string, path: (string | number)[] = [], params: Record<string, string | number> = {}): void {
  ctx.addIssue({ code: 'custom', message: code, path, params: { code, ...params } });
}

/** A Europe/Rome calendar day typed in a form, `YYYY-MM-DD`. */
export const isoDaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((s) => {
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}, { params: { code: 'INPUT_DATE_INVALID' }, message: 'INPUT_DATE_INVALID' });

/** A whole IUN is checked strictly (DOMAIN.md 2.1); a shorter text searches IUNs beginning with it. */
const iunFilterSchema = z.string().transform((raw, ctx): string => {
  // Read as the core reads a typed IUN (spaces dropped: a code read out in groups).
  const s = normalizeIunInput(raw);
  if (s.replace(/-/g, '').length >= 20) {
    const r = parseIun(s);
    if (r.ok) return r.value;
    issue(ctx, r.code, [], r.params ?? {});
    return z.NEVER;
  }
  if (!/^[A-Z0-9-]{1,24}$/.test(s)) {
    issue(ctx, 'IUN_INVALID_FORMAT');
    return z.NEVER;
  }
  return s;
});

const senderTaxIdSchema = z.string().transform((raw, ctx): string => {
  const r = parseVatNumber(raw);
  if (r.ok) return r.value;
  issue(ctx, r.code, [], r.params ?? {});
  return z.NEVER;
});

export const senderFilterSchema = z.strictObject({
  from: isoDaySchema.optional(),
  to: isoDaySchema.optional(),
  statuses: z.array(z.enum(NOTIFICATION_STATUSES)).max(NOTIFICATION_STATUSES.length).optional(),
  recipientTaxId: taxIdSchema.optional(),
  iun: iunFilterSchema.optional(),
  protocol: z.string().trim().min(1).max(256).optional(),
  group: z.string().trim().min(1).max(1024).optional(),
  senderTaxId: senderTaxIdSchema.optional(),
}).superRefine((f, ctx) => {
  if (f.from && f.to && f.from > f.to) issue(ctx, 'SENDER_PERIOD_INVALID', ['to']);
});
export type SenderFilterInput = z.output<typeof senderFilterSchema>;

/** Sorts the indexes serve at any size (date; status then date): see db/repositories/sender-queries.ts. */
export const SENDER_SORTS = ['sentAt', 'status'] as const;

export const senderListSchema = z.strictObject({
  filter: senderFilterSchema.default({}),
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(200).default(50),
  sort: z.enum(SENDER_SORTS).default('sentAt'),
  direction: z.enum(['asc', 'desc']).default('desc'),
});

export const DASHBOARD_PERIODS = ['30d', '3m', '6m', '12m', 'custom'] as const;

export const dashboardSchema = z.strictObject({
  period: z.enum(DASHBOARD_PERIODS).default('30d'),
  from: isoDaySchema.optional(),
  to: isoDaySchema.optional(),
  senderTaxId: senderTaxIdSchema.optional(),
}).superRefine((q, ctx) => {
  if (q.period !== 'custom') return;
  if (!q.from) issue(ctx, 'INPUT_REQUIRED', ['from']);
  if (!q.to) issue(ctx, 'INPUT_REQUIRED', ['to']);
  if (q.from && q.to && q.from > q.to) issue(ctx, 'SENDER_PERIOD_INVALID', ['to']);
});

// ------------------------------------------------------------------ new notification (B2B V24)

/** Printable ISO-8859-1 text without `|` (the spec's Denomination rule), trimmed. */
const latin1 = (max: number, min = 1) => z.string().trim().min(min).max(max).refine((s) => /^[ -{}~\u00A0-\u00FF]*$/.test(s), { params: { code: 'SENDER_TEXT_INVALID', max }, message: 'SENDER_TEXT_INVALID' });
const line = (max: number, min = 0) => z.string().trim().min(min).max(max).refine((s) => !/[\r\n]/.test(s), { params: { code: 'INPUT_TEXT_SINGLE_LINE' }, message: 'INPUT_TEXT_SINGLE_LINE' });
const optionalLine = (max: number) => line(max).optional().transform((s) => (s === '' ? undefined : s));

// The spec's NotificationDigitalAddress pattern, simplified to its common (dot-atom) branch.
const PEC = /^[a-zA-Z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-zA-Z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?\.)+[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?$/;

const ZIP_CHARS = /^(\w| |-)*$/;

export const physicalAddressInputSchema = z.strictObject({
  at: optionalLine(44),
  address: line(1024, 2),
  addressDetails: optionalLine(1024),
  zip: z.string().trim().max(15).regex(ZIP_CHARS).optional().transform((s) => (s === '' ? undefined : s)),
  municipality: line(256, 2),
  municipalityDetails: optionalLine(256),
  province: optionalLine(256),
  foreignState: optionalLine(256),
}).superRefine((value, ctx) => {
  // The spec: the postcode may be omitted only for an address abroad; in Italy a CAP is 5 digits
  // (core parsePostcode). Told with the other fields' errors; a zip refused by its own field rule
  // (too long, other characters) is not told twice.
  const a = value as Unchecked;
  const zip = typeof a.zip === 'string' ? a.zip : undefined;
  if (zip !== undefined && (zip.trim().length > 15 || !ZIP_CHARS.test(zip.trim()))) return;
  const parsed = parsePostcode(zip, typeof a.foreignState === 'string' ? a.foreignState : undefined);
  if (!parsed.ok) issue(ctx, parsed.code, ['zip'], parsed.params);
}, alongOtherErrors);

export const paymentInputSchema = z.strictObject({
  noticeCode: z.string().trim().refine((s) => /^\d{18}$/.test(s), { params: { code: 'SENDER_NOTICE_CODE_INVALID' }, message: 'SENDER_NOTICE_CODE_INVALID' }),
  creditorTaxId: senderTaxIdSchema,
  applyCost: z.boolean().default(false),
  amountCents: z.number().int().min(0).max(1e12).optional(),
  dueDate: isoDaySchema.optional(),
});

export const recipientInputSchema = z.strictObject({
  recipientType: z.enum(['PF', 'PG']),
  taxId: z.string().max(32),
  denomination: latin1(88),
  digitalDomicile: z.strictObject({
    type: z.literal('PEC').default('PEC'),
    address: z.string().trim().max(320).refine((s) => PEC.test(s), { params: { code: 'SENDER_PEC_INVALID' }, message: 'SENDER_PEC_INVALID' }),
  }).optional(),
  physicalAddress: physicalAddressInputSchema,
  payments: z.array(paymentInputSchema).max(10).optional(),
}).superRefine((value, ctx) => {
  // The tax code is checked for the recipient's type next to the other fields' errors.
  const r = value as Unchecked;
  if (typeof r.taxId !== 'string') return;
  const parsed = parseRecipientTaxId(r.taxId, r.recipientType === 'PF' || r.recipientType === 'PG' ? r.recipientType : undefined);
  if (!parsed.ok) issue(ctx, parsed.code, ['taxId'], parsed.params ?? {});
}, alongOtherErrors).transform((r, ctx) => {
  // PF needs the 16-character codice fiscale; PG the 11 digits or a sole trader's codice fiscale.
  const parsed = parseRecipientTaxId(r.taxId, r.recipientType);
  if (!parsed.ok) {
    issue(ctx, parsed.code, ['taxId'], parsed.params ?? {});
    return z.NEVER;
  }
  return { ...r, taxId: parsed.value as string };
});

export const documentInputSchema = z.strictObject({
  title: line(512, 1),
  /** Base64 SHA-256 of the uploaded PDF (sender.uploadDocument answered it). */
  sha256Base64: z.string().regex(/^[A-Za-z0-9+/]{43}=$/),
});

export const newNotificationSchema = z.strictObject({
  paProtocolNumber: line(256, 1),
  idempotenceToken: z.string().trim().max(256).regex(/^[ -~]*$/).optional().transform((s) => (s === '' ? undefined : s)),
  subject: line(134, 1),
  abstract: z.string().trim().max(1024).optional().transform((s) => (s === '' ? undefined : s)),
  senderDenomination: latin1(88),
  senderTaxId: senderTaxIdSchema,
  taxonomyCode: z.string().trim().refine((s) => /^[0-9]{6}[A-Z]$/.test(s), { params: { code: 'SENDER_TAXONOMY_CODE_INVALID' }, message: 'SENDER_TAXONOMY_CODE_INVALID' }),
  notificationFeePolicy: z.enum(['FLAT_RATE', 'DELIVERY_MODE']).default('FLAT_RATE'),
  paFee: z.number().int().min(0).max(100).optional(),
  vat: z.number().int().min(0).max(100).optional(),
  physicalCommunicationType: z.enum(['AR_REGISTERED_LETTER', 'REGISTERED_LETTER_890']),
  group: z.string().trim().max(1024).regex(/^[ -~]*$/).optional().transform((s) => (s === '' ? undefined : s)),
  recipients: z.array(recipientInputSchema).min(1).max(50),
  documents: z.array(documentInputSchema).max(30),
}).superRefine((n, ctx) => {
  const seen = new Map<string, number>();
  n.recipients.forEach((r, i) => {
    if (seen.has(r.taxId)) issue(ctx, 'SENDER_RECIPIENT_DUPLICATE', ['recipients', i, 'taxId'], { taxId: r.taxId });
    seen.set(r.taxId, i);
  });
  const notices = new Set<string>();
  n.recipients.forEach((r, i) => r.payments?.forEach((p, j) => {
    if (notices.has(p.noticeCode)) issue(ctx, 'SENDER_NOTICE_CODE_DUPLICATE', ['recipients', i, 'payments', j, 'noticeCode'], { noticeCode: p.noticeCode });
    notices.add(p.noticeCode);
  }));
}).superRefine((value, ctx) => {
  const n = value as Unchecked;
  // At least one act to notify, said as such ("add at least one item" did not say of what).
  if (Array.isArray(n.documents) && n.documents.length === 0) issue(ctx, 'SENDER_DOCUMENTS_REQUIRED', ['documents']);
  // The spec: paFee and vat are required with DELIVERY_MODE (told with the other fields' errors).
  if (n.notificationFeePolicy !== 'DELIVERY_MODE') return;
  if (n.paFee === undefined || n.paFee === null) issue(ctx, 'INPUT_REQUIRED', ['paFee']);
  if (n.vat === undefined || n.vat === null) issue(ctx, 'INPUT_REQUIRED', ['vat']);
}, alongOtherErrors);
export type NewNotificationInput = z.output<typeof newNotificationSchema>;

export const uploadDocumentSchema = z.strictObject({
  title: line(512, 1),
  dataBase64: z.string().min(1),
  /** The digest the screen computed (WebCrypto); the host recomputes and compares. */
  sha256Base64: z.string().regex(/^[A-Za-z0-9+/]{43}=$/),
});

export const exportStartSchema = z.strictObject({
  filter: senderFilterSchema.default({}),
  separator: z.enum([';', ',']).default(';'),
});
