// zod shapes of the SEND sender B2B operations the send-b2b adapter uses, written from
// ../shared/specs/send-delivery-b2b-pa.yaml (same shapes in emulator-b2b-pa-v2-4.yaml):
// attachment preload, requests v2.4, sent notification v2.5, progress stream v2.5, legal facts v2.0,
// document download.
// tests/integration/sync-spec-schemas.test.ts checks each against the OpenAPI files (required
// properties, property names, enums). Requests are strict; responses accept extra fields (a newer
// SEND may add some) but every required field must be there.
import { z } from 'zod';

export const SEND_IUN_PATTERN = /^[A-Z]{4}-[A-Z]{4}-[A-Z]{4}-[0-9]{6}-[A-Z]{1}-[0-9]{1}$/;
export const SEND_TAX_ID_PATTERN = /^([A-Z]{6}[0-9LMNPQRSTUV]{2}[A-Z]{1}[0-9LMNPQRSTUV]{2}[A-Z]{1}[0-9LMNPQRSTUV]{3}[A-Z]{1})|([0-9]{11})$/;

const iun = z.string().regex(SEND_IUN_PATTERN);
const taxId = z.string().max(16).regex(SEND_TAX_ID_PATTERN);
const dateTime = z.string().min(1);

/** NotificationPhysicalAddress */
export const physicalAddressSchema = z.object({
  at: z.string().max(44).optional(),
  address: z.string().max(1024),
  addressDetails: z.string().max(1024).optional(),
  zip: z.string().max(15).optional(),
  municipality: z.string().max(256),
  municipalityDetails: z.string().max(256).optional(),
  province: z.string().max(256).optional(),
  foreignState: z.string().max(256).optional(),
});

/** NotificationDigitalAddress */
export const digitalAddressSchema = z.object({ type: z.enum(['PEC']), address: z.string().max(320) });

/** PagoPaPayment (attachment left out: the desk does not upload payment attachments). */
export const pagoPaPaymentSchema = z.object({
  noticeCode: z.string().regex(/^\d+$/).max(18),
  creditorTaxId: z.string().regex(/^\d+$/).max(11),
  applyCost: z.boolean(),
});

/** NotificationPaymentItem (the F24 variant is not mapped). */
export const paymentItemSchema = z.object({ pagoPa: pagoPaPaymentSchema.optional() });

/** NotificationRecipientV23 */
export const recipientSchema = z.object({
  recipientType: z.enum(['PF', 'PG']),
  taxId,
  denomination: z.string().max(88),
  digitalDomicile: digitalAddressSchema.optional(),
  physicalAddress: physicalAddressSchema,
  payments: z.array(paymentItemSchema).optional(),
});

/** NotificationDocument */
export const documentSchema = z.object({
  digests: z.object({ sha256: z.string().max(44) }),
  contentType: z.string().max(15),
  ref: z.object({ key: z.string().max(512), versionToken: z.string().max(256) }),
  title: z.string().max(512).optional(),
  docIdx: z.string().regex(/^\d+$/).max(3).optional(),
});

/** The fields of NewNotificationRequestV24 (also the head of the status and sent-notification answers). */
const requestFields = {
  idempotenceToken: z.string().regex(/^[ -~]*$/).max(256).optional(),
  paProtocolNumber: z.string().max(256),
  subject: z.string().max(134),
  abstract: z.string().max(1024).optional(),
  recipients: z.array(recipientSchema).min(1),
  documents: z.array(documentSchema),
  notificationFeePolicy: z.enum(['FLAT_RATE', 'DELIVERY_MODE']),
  cancelledIun: iun.optional(),
  physicalCommunicationType: z.enum(['AR_REGISTERED_LETTER', 'REGISTERED_LETTER_890']),
  senderDenomination: z.string().max(88),
  senderTaxId: z.string().regex(/^\d+$/).max(11),
  group: z.string().max(1024).optional(),
  amount: z.number().int().optional(),
  paymentExpirationDate: z.string().max(10).optional(),
  taxonomyCode: z.string().regex(/^([0-9]{6}[A-Z]{1})$/),
  paFee: z.number().int().optional(),
  vat: z.number().int().optional(),
  pagoPaIntMode: z.enum(['NONE', 'SYNC', 'ASYNC']).optional(),
  additionalLanguages: z.array(z.string()).optional(),
};

/** NewNotificationRequestV24 (POST /delivery/v2.4/requests). */
export const newNotificationRequestSchema = z.strictObject(requestFields);
export type NewNotificationRequest = z.infer<typeof newNotificationRequestSchema>;

/** PreLoadRequest: one document to preload (POST /delivery/attachments/preload takes 1 to 15). */
export const preloadRequestSchema = z.strictObject({
  preloadIdx: z.string().regex(/^[a-zA-Z0-9._-]{1,512}$/).optional(),
  contentType: z.string().min(15).max(16).regex(/^application\/(pdf|json)$/).optional(),
  sha256: z.string().length(44).regex(/^[A-Za-z0-9+/]{43}=$|^[A-Za-z0-9+/]{44}$/),
});
export type PreloadRequest = z.infer<typeof preloadRequestSchema>;
/** The body of presignedUploadRequest (send-delivery-b2b-pa.yaml: an array of 1 to 15; the emulator's PreLoadBulkRequest). */
export const preloadBulkRequestSchema = z.array(preloadRequestSchema).min(1).max(15);
export const PRELOAD_MAX_ITEMS = 15;

/**
 * PreLoadResponse: every field is optional in the spec; the adapter needs url, key, secret and
 * httpMethod and refuses an answer without them (SYNC_SCHEMA_VIOLATION, adapters/send-b2b/preload.ts).
 */
export const preloadResponseSchema = z.looseObject({
  preloadIdx: z.string().optional(),
  secret: z.string().optional(),
  httpMethod: z.enum(['POST', 'PUT']).optional(),
  url: z.string().optional(),
  key: z.string().optional(),
});
export type PreloadResponse = z.infer<typeof preloadResponseSchema>;
export const preloadResponseListSchema = z.array(preloadResponseSchema);

/** NewNotificationResponse (202 of sendNewNotificationV24). */
export const newNotificationResponseSchema = z.looseObject({
  notificationRequestId: z.string(),
  paProtocolNumber: z.string(),
  idempotenceToken: z.string().optional(),
});

/** NewNotificationRequestStatusResponseV24 (GET /delivery/v2.4/requests). */
export const requestStatusResponseSchema = z.looseObject({
  ...requestFields,
  notificationRequestId: z.string(),
  notificationRequestStatus: z.string(),
  retryAfter: z.number().int().optional(),
  iun: iun.optional(),
  errors: z.array(z.looseObject({ code: z.string(), element: z.string().optional(), detail: z.string().optional() })).optional(),
});

/** RequestStatus: 202 of notificationCancellation (PUT /delivery-push/v2.0/notifications/cancel/{iun}). */
export const cancelResponseSchema = z.looseObject({
  status: z.string(),
  details: z.array(z.looseObject({ code: z.string(), level: z.string().optional(), detail: z.string().optional() })).max(9999).optional(),
});
export type CancelResponse = z.infer<typeof cancelResponseSchema>;

/** LegalFactsIdV20 */
export const legalFactsIdSchema = z.object({ key: z.string().max(512), category: z.string() });

/** TimelineElementV25: every field optional in the spec; details kept as received. */
export const timelineElementSchema = z.looseObject({
  elementId: z.string().max(512).optional(),
  timestamp: dateTime.optional(),
  ingestionTimestamp: dateTime.optional(),
  eventTimestamp: dateTime.optional(),
  notificationSentAt: dateTime.optional(),
  legalFactsIds: z.array(legalFactsIdSchema).optional(),
  category: z.string().optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type SendTimelineElement = z.infer<typeof timelineElementSchema>;

/** NotificationStatusHistoryElement */
export const statusHistoryElementSchema = z.object({
  status: z.string(),
  activeFrom: dateTime,
  relatedTimelineElements: z.array(z.string()),
});

/** FullSentNotificationV25 (GET /delivery/v2.5/notifications/sent/{iun}). */
export const fullSentNotificationSchema = z.looseObject({
  ...requestFields,
  senderPaId: z.string().optional(),
  iun,
  sentAt: dateTime,
  cancelledByIun: iun.optional(),
  documentsAvailable: z.boolean().optional(),
  notificationStatus: z.string(),
  notificationStatusHistory: z.array(statusHistoryElementSchema),
  timeline: z.array(timelineElementSchema),
});
export type FullSentNotification = z.infer<typeof fullSentNotificationSchema>;

/** ProgressResponseElementV25 (one event of GET /delivery-progresses/v2.5/streams/{streamId}/events). */
export const progressElementSchema = z.looseObject({
  eventId: z.string(),
  notificationRequestId: z.string().optional(),
  iun: iun.optional(),
  newStatus: z.string().optional(),
  element: timelineElementSchema,
});
export const progressResponseSchema = z.array(progressElementSchema);
export type ProgressElement = z.infer<typeof progressElementSchema>;

/** StreamMetadataResponseV25 (GET /delivery-progresses/v2.5/streams/{streamId}: the health check). */
export const streamMetadataSchema = z.looseObject({
  title: z.string(),
  eventType: z.enum(['STATUS', 'TIMELINE']),
  // Required by send-delivery-b2b-pa.yaml, absent from the emulator's file: optional here.
  groups: z.array(z.string()).optional(),
  filterValues: z.array(z.string()).optional(),
  streamId: z.string(),
  activationDate: dateTime,
  disabledDate: dateTime.optional(),
  version: z.string().optional(),
});

/** LegalFactListElementV20 (GET /delivery-push/v2.0/{iun}/legal-facts answers an array of them). */
export const legalFactListElementSchema = z.looseObject({
  taxId: taxId.optional(),
  iun,
  legalFactsId: legalFactsIdSchema,
});
export const legalFactListSchema = z.array(legalFactListElementSchema);

/** LegalFactDownloadMetadataResponse (GET /delivery-push/{iun}/download/legal-facts/{legalFactId}). */
export const legalFactDownloadSchema = z.looseObject({
  filename: z.string(),
  contentLength: z.number(),
  url: z.string().optional(),
  retryAfter: z.number().optional(),
});

/** NotificationAttachmentDownloadMetadataResponse (GET .../attachments/documents/{docIdx}). */
export const documentDownloadSchema = z.looseObject({
  filename: z.string(),
  contentType: z.string(),
  contentLength: z.number().int(),
  sha256: z.string(),
  url: z.string().optional(),
  retryAfter: z.number().int().optional(),
});
