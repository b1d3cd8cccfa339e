// The sender office's operations: dashboard, list, detail with timeline and legal facts, CSV
// export, cancellation, new notification (DOMAIN.md 3-8, 13; the B2B new-notification request).
import { z } from 'zod';
import { SENDER_MAX_DOCUMENT_BYTES, uploadBodyBytes } from '../../../core/index.js';
import { op, t, type Role } from './op.js';
import { iunSchema } from './schemas.js';
import { dashboardSchema, exportStartSchema, newNotificationSchema, senderListSchema, uploadDocumentSchema } from './sender-schemas.js';
import type {
  DashboardView,
  SenderCancelView,
  SenderCreatedView,
  SenderDetailView,
  SenderExportChunk,
  SenderExportStartView,
  SenderExportView,
  SenderFileView,
  SenderFiltersView,
  SenderListView,
  SenderUploadView,
} from './sender-views.js';

/** Reading: the sender office and the administrator. Changing: the sender office only. */
const readers: readonly Role[] = ['sender', 'admin'];
const writers: readonly Role[] = ['sender'];
const jobId = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);
/** Documents up to 30 MB, in base64 inside the JSON body. */
export { SENDER_MAX_DOCUMENT_BYTES };

export const senderContract = {
  'sender.dashboard': op({
    input: dashboardSchema,
    output: t<DashboardView>(),
    roles: readers,
    doc: 'Counts by status, sent/delivered/perfected per day, channels, mean times, failures and refinements due, for a period',
  }),
  'sender.filters': op({
    input: z.strictObject({}),
    output: t<SenderFiltersView>(),
    roles: readers,
    doc: 'Senders, groups and statuses to filter by, and the sender the operator belongs to',
  }),
  'sender.list': op({
    input: senderListSchema,
    output: t<SenderListView>(),
    roles: readers,
    doc: 'One page of notifications matching the filters, sorted, with the total count',
  }),
  'sender.detail': op({
    input: z.strictObject({ iun: iunSchema }),
    output: t<SenderDetailView>(),
    roles: readers,
    doc: 'A notification with recipients, refinement dates, availability, documents, timeline, legal facts and explanations',
  }),
  'sender.legalFact': op({
    input: z.strictObject({ iun: iunSchema, legalFactId: z.string().min(1).max(400) }),
    output: t<SenderFileView>(),
    roles: readers,
    doc: 'The PDF of one legal fact of a notification',
  }),
  'sender.document': op({
    input: z.strictObject({ iun: iunSchema, docIndex: z.number().int().min(0).max(999) }),
    output: t<SenderFileView>(),
    roles: readers,
    doc: 'One notified document, its checksum verified against the notification',
  }),
  'sender.cancel': op({
    input: z.strictObject({ iun: iunSchema }),
    output: t<SenderCancelView>(),
    roles: writers,
    doc: 'Cancel a notification (cannot be undone): cancellation elements on the timeline, request queued for SEND',
    mutates: true,
    auditTargets: (input) => [input.iun],
  }),
  'sender.uploadDocument': op({
    input: uploadDocumentSchema,
    output: t<SenderUploadView>(),
    roles: writers,
    doc: 'Store a PDF to notify, by its SHA-256 (checked against the one the screen computed)',
    mutates: true,
    maxBodyBytes: uploadBodyBytes(SENDER_MAX_DOCUMENT_BYTES),
    maxFileBytes: SENDER_MAX_DOCUMENT_BYTES,
    auditTargets: (_input, out) => (out ? [out.sha256Hex] : []),
  }),
  'sender.create': op({
    input: newNotificationSchema,
    output: t<SenderCreatedView>(),
    roles: writers,
    doc: 'Store a new notification (in validation until SEND accepts it) and queue it for the sync adapter',
    mutates: true,
    auditTargets: (_input, out) => (out ? [out.iun] : []),
  }),
  'sender.checkNew': op({
    input: newNotificationSchema,
    output: t<{ valid: true }>(),
    roles: writers,
    doc: 'Check a new notification as typed, without storing it: every problem of every field in one answer (the form asks it when an amount it cannot read keeps it from sending)',
  }),
  'sender.exportStart': op({
    input: exportStartSchema,
    output: t<SenderExportStartView>(),
    roles: readers,
    doc: 'Prepare a CSV export of the notifications matching the filters, with the address at which browser mode downloads it and a ticket valid for that export for two minutes',
  }),
  'sender.exportStatus': op({
    input: z.strictObject({ jobId }),
    output: t<SenderExportView>(),
    roles: readers,
    doc: 'Progress of a CSV export',
  }),
  'sender.exportChunk': op({
    input: z.strictObject({ jobId, maxRows: z.number().int().min(1).max(20_000).default(5000) }),
    output: t<SenderExportChunk>(),
    roles: readers,
    doc: 'The next rows of a CSV export (the desktop window reads the file this way)',
  }),
};
