// SEND sender B2B API client (../shared/specs/send-delivery-b2b-pa.yaml; the subset of
// emulator-b2b-pa-v2-4.yaml). Authenticates with the `x-api-key` header (securityScheme ApiKeyAuth).
import { SyncError } from '../../sync/errors.js';
import { httpCall, type HttpCall } from '../../sync/http.js';
import {
  cancelResponseSchema,
  documentDownloadSchema,
  fullSentNotificationSchema,
  legalFactDownloadSchema,
  legalFactListSchema,
  newNotificationRequestSchema,
  newNotificationResponseSchema,
  preloadBulkRequestSchema,
  preloadResponseListSchema,
  progressResponseSchema,
  requestStatusResponseSchema,
  streamMetadataSchema,
  type NewNotificationRequest,
  type PreloadRequest,
  type PreloadResponse,
} from './schemas.js';
import type { z } from 'zod';

export interface SendB2bConfig {
  /** e.g. https://api.uat.notifichedigitali.it (no trailing slash needed). */
  baseUrl: string;
  /** Never logged; the host keeps it with safeStorage / a 0600 file. */
  apiKey: string;
  /** A v2.5 TIMELINE event stream created for this desk. */
  streamId: string;
  timeoutMs?: number;
  /** Timeout of one document upload to its presigned URL (default 60 s: acts can be large). */
  uploadTimeoutMs?: number;
}

/** Where and how to upload one preloaded document (from a PreLoadResponse). */
export interface UploadTarget {
  url: string;
  httpMethod: 'POST' | 'PUT';
  secret: string;
}

export type RequestLookup = { notificationRequestId: string } | { paProtocolNumber: string; idempotenceToken: string };

export class SendB2bClient {
  private readonly base: string;

  constructor(private readonly config: SendB2bConfig) {
    this.base = config.baseUrl.replace(/\/+$/, '');
  }

  private call(operation: string, method: HttpCall['method'], path: string, extra: Partial<HttpCall> = {}): HttpCall {
    return {
      peer: 'SEND', operation, method, url: this.base + path,
      headers: { 'x-api-key': this.config.apiKey }, timeoutMs: this.config.timeoutMs ?? 15_000, ...extra,
    };
  }

  /** presignedUploadRequest: a presigned upload URL, key and secret per document (1 to 15 per call). */
  async preload(items: readonly PreloadRequest[], signal?: AbortSignal): Promise<PreloadResponse[]> {
    const res = await httpCall(
      this.call('presignedUploadRequest', 'POST', '/delivery/attachments/preload', { json: items, requestSchema: preloadBulkRequestSchema, ...(signal ? { signal } : {}) }),
      preloadResponseListSchema,
    );
    return res.data;
  }

  /**
   * The upload of a preloaded document to its presigned URL, with the headers the spec lists
   * (content-type, x-amz-meta-secret, x-amz-checksum-sha256 = base64 SHA-256 of the bytes). The spec
   * describes the checksum as an HTTP trailer; fetch cannot send trailers and S3 accepts it as a
   * header, so it goes as a header. No x-api-key: the URL is the storage's, not SEND's API. Returns
   * x-amz-version-id, the document's `ref.versionToken`. A refusal is transient: the retry asks a
   * fresh URL (an expired one is the usual cause).
   */
  async upload(target: UploadTarget, doc: { bytes: Uint8Array; sha256: string; contentType: string }, signal?: AbortSignal): Promise<string> {
    let res;
    try {
      res = await httpCall({
        peer: 'SEND', operation: 'presignedUpload', method: target.httpMethod, url: target.url, body: doc.bytes, noBody: true, okStatuses: [200, 201, 204],
        headers: { 'content-type': doc.contentType, 'x-amz-meta-secret': target.secret, 'x-amz-checksum-sha256': doc.sha256 },
        timeoutMs: this.config.uploadTimeoutMs ?? 60_000, ...(signal ? { signal } : {}),
      });
    } catch (e) {
      if (e instanceof SyncError && e.code === 'SYNC_PEER_REJECTED') throw new SyncError('SYNC_PEER_REJECTED', e.params, { transient: true });
      throw e;
    }
    const version = res.headers.get('x-amz-version-id');
    if (!version) throw new SyncError('SYNC_SCHEMA_VIOLATION', { peer: 'SEND', operation: 'presignedUpload', path: 'x-amz-version-id' });
    return version;
  }

  /** sendNewNotificationV24: 202 -> the request id; 409 -> `duplicate` (same paProtocolNumber + idempotenceToken). */
  async sendNewNotification(body: NewNotificationRequest, signal?: AbortSignal): Promise<{ duplicate: true } | { duplicate: false; notificationRequestId: string }> {
    const res = await httpCall(
      this.call('sendNewNotificationV24', 'POST', '/delivery/v2.4/requests', { json: body, requestSchema: newNotificationRequestSchema, okStatuses: [202], handledStatuses: [409], ...(signal ? { signal } : {}) }),
      newNotificationResponseSchema,
    );
    return res.status === 409 ? { duplicate: true } : { duplicate: false, notificationRequestId: res.data.notificationRequestId };
  }

  /**
   * notificationCancellation: 202 with RequestStatus. SEND answers a repeat with 202 too, carrying
   * the detail NOTIFICATION_ALREADY_CANCELLED; 404 (unknown IUN) is a SYNC_PEER_REJECTED.
   */
  async cancelNotification(iun: string, signal?: AbortSignal): Promise<z.infer<typeof cancelResponseSchema>> {
    const path = `/delivery-push/v2.0/notifications/cancel/${encodeURIComponent(iun)}`;
    const res = await httpCall(this.call('notificationCancellation', 'PUT', path, { okStatuses: [202], ...(signal ? { signal } : {}) }), cancelResponseSchema);
    return res.data;
  }

  /** retrieveNotificationRequestStatusV24; undefined when SEND does not know the request (404). */
  async requestStatus(lookup: RequestLookup, signal?: AbortSignal): Promise<z.infer<typeof requestStatusResponseSchema> | undefined> {
    const q = new URLSearchParams(lookup as Record<string, string>);
    const res = await httpCall(
      this.call('retrieveNotificationRequestStatusV24', 'GET', `/delivery/v2.4/requests?${q}`, { handledStatuses: [404], ...(signal ? { signal } : {}) }),
      requestStatusResponseSchema,
    );
    return res.status === 404 ? undefined : res.data;
  }

  /** retrieveSentNotificationV25: header, timeline and status history; undefined on 404. */
  async sentNotification(iun: string, signal?: AbortSignal): Promise<z.infer<typeof fullSentNotificationSchema> | undefined> {
    const res = await httpCall(
      this.call('retrieveSentNotificationV25', 'GET', `/delivery/v2.5/notifications/sent/${encodeURIComponent(iun)}`, { handledStatuses: [404], ...(signal ? { signal } : {}) }),
      fullSentNotificationSchema,
    );
    return res.status === 404 ? undefined : res.data;
  }

  /** consumeEventStreamV25 after `lastEventId`; retryAfterMs from SEND's `retry-after` (milliseconds). */
  async consumeEvents(lastEventId: string | undefined, signal?: AbortSignal): Promise<{ events: z.infer<typeof progressResponseSchema>; retryAfterMs?: number }> {
    const q = lastEventId ? `?${new URLSearchParams({ lastEventId })}` : '';
    const res = await httpCall(
      this.call('consumeEventStreamV25', 'GET', `/delivery-progresses/v2.5/streams/${encodeURIComponent(this.config.streamId)}/events${q}`, { retryAfterUnit: 'ms', ...(signal ? { signal } : {}) }),
      progressResponseSchema,
    );
    const header = res.headers.get('retry-after');
    const retryAfterMs = header !== null && Number.isFinite(Number(header)) ? Number(header) : undefined;
    return retryAfterMs === undefined ? { events: res.data } : { events: res.data, retryAfterMs };
  }

  /** retrieveEventStreamV25: the stream's metadata (used as health check). */
  async streamMetadata(signal?: AbortSignal): Promise<z.infer<typeof streamMetadataSchema>> {
    const res = await httpCall(this.call('retrieveEventStreamV25', 'GET', `/delivery-progresses/v2.5/streams/${encodeURIComponent(this.config.streamId)}`, signal ? { signal } : {}), streamMetadataSchema);
    return res.data;
  }

  /** retrieveNotificationLegalFactsV20 */
  async legalFacts(iun: string, signal?: AbortSignal): Promise<z.infer<typeof legalFactListSchema>> {
    const res = await httpCall(this.call('retrieveNotificationLegalFactsV20', 'GET', `/delivery-push/v2.0/${encodeURIComponent(iun)}/legal-facts`, signal ? { signal } : {}), legalFactListSchema);
    return res.data;
  }

  /** downloadLegalFactById: a presigned URL, or retryAfter (seconds) while SEND generates the PDF. */
  async legalFactDownload(iun: string, legalFactId: string, signal?: AbortSignal): Promise<z.infer<typeof legalFactDownloadSchema>> {
    const path = `/delivery-push/${encodeURIComponent(iun)}/download/legal-facts/${encodeURIComponent(legalFactId)}`;
    const res = await httpCall(this.call('downloadLegalFactById', 'GET', path, signal ? { signal } : {}), legalFactDownloadSchema);
    return res.data;
  }

  /** retrieveSentNotificationDocument: metadata and presigned URL of the docIdx-th notified document. */
  async documentDownload(iun: string, docIdx: number, signal?: AbortSignal): Promise<z.infer<typeof documentDownloadSchema>> {
    const path = `/delivery/notifications/sent/${encodeURIComponent(iun)}/attachments/documents/${docIdx}`;
    const res = await httpCall(this.call('retrieveSentNotificationDocument', 'GET', path, signal ? { signal } : {}), documentDownloadSchema);
    return res.data;
  }
}
