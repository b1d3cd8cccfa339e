// RADD operator API client (../shared/specs/radd-alt-external.yaml, /radd-net/api/v1): bearer JWT
// of the operator organisation, `uid` header = pseudonymous clerk id "user@site" (never a tax code).
import type { z } from 'zod';
import { SyncError } from '../../sync/errors.js';
import { httpBytes, httpCall, type HttpCall } from '../../sync/http.js';
import {
  abortRequestSchema,
  abortResponseSchema,
  actInquiryResponseSchema,
  actStartRequestSchema,
  aorInquiryResponseSchema,
  aorStartRequestSchema,
  completeRequestSchema,
  completeResponseSchema,
  documentUploadRequestSchema,
  documentUploadResponseSchema,
  startTransactionResponseSchema,
  type ActStartRequest,
  type AorStartRequest,
} from './schemas.js';

export interface RaddConfig {
  /** e.g. https://api.radd.uat.notifichedigitali.it */
  baseUrl: string;
  /** The operator's JWT (RS256); never logged. */
  token: string;
  /** Pseudonymous clerk id "USR1029@UFFRO129" (spec parameter `uid`). */
  uid: string;
  timeoutMs?: number;
  /** Timeout of the zip PUT (default 60 s: scans can be 15 MB each on a slow line). */
  uploadTimeoutMs?: number;
}

export type OperationType = 'ACT' | 'AOR';
export type StartResponse = z.infer<typeof startTransactionResponseSchema>;
export type TransactionResponse = z.infer<typeof completeResponseSchema>;

const lower = (t: OperationType) => (t === 'ACT' ? 'act' : 'aor');

export class RaddClient {
  private readonly base: string;

  constructor(private readonly config: RaddConfig) {
    this.base = config.baseUrl.replace(/\/+$/, '');
  }

  private call(operation: string, method: HttpCall['method'], path: string, extra: Partial<HttpCall> = {}): HttpCall {
    return {
      peer: 'RADD', operation, method, url: this.base + path, timeoutMs: this.config.timeoutMs ?? 15_000,
      headers: { authorization: `Bearer ${this.config.token}`, uid: this.config.uid }, ...extra,
    };
  }

  /** documentUpload: a presigned URL for the evidence zip. */
  async documentUpload(body: { operationId: string; checksum: string }, signal?: AbortSignal): Promise<{ url: string; fileKey: string; secret: string }> {
    const res = await httpCall(this.call('documentUpload', 'POST', '/radd-net/api/v1/documents/upload', { json: body, requestSchema: documentUploadRequestSchema, ...(signal ? { signal } : {}) }), documentUploadResponseSchema);
    const d = res.data;
    if (d.status?.code === 99) throw new SyncError('SYNC_RADD_UPLOAD_FAILED', { operationId: body.operationId, status: 200 });
    if (!d.url || !d.fileKey || d.secret === undefined) throw new SyncError('SYNC_SCHEMA_VIOLATION', { peer: 'RADD', operation: 'documentUpload', path: 'url' });
    return { url: d.url, fileKey: d.fileKey, secret: d.secret };
  }

  /** The PUT of the zip to the presigned URL (no JWT); returns x-amz-version-id (the start's versionToken). */
  async putZip(url: string, zip: Uint8Array, secret: string, checksum: string, operationId: string, signal?: AbortSignal): Promise<string | undefined> {
    try {
      const res = await httpCall({
        peer: 'RADD', operation: 'presignedUpload', method: 'PUT', url, body: zip, noBody: true,
        headers: { 'content-type': 'application/zip', 'x-amz-meta-secret': secret, 'x-amz-checksum-sha256': checksum },
        timeoutMs: this.config.uploadTimeoutMs ?? 60_000, ...(signal ? { signal } : {}),
      });
      return res.headers.get('x-amz-version-id') ?? undefined;
    } catch (e) {
      if (e instanceof SyncError && e.code === 'SYNC_PEER_REJECTED') throw new SyncError('SYNC_RADD_UPLOAD_FAILED', { operationId, status: e.params.status ?? 0 });
      throw e;
    }
  }

  async actInquiry(q: { recipientTaxId: string; recipientType: 'PF' | 'PG'; iun?: string; qrCode?: string }, signal?: AbortSignal) {
    const qs = new URLSearchParams(Object.entries(q).filter(([, v]) => v !== undefined) as [string, string][]);
    return (await httpCall(this.call('actInquiry', 'GET', `/radd-net/api/v1/act/inquiry?${qs}`, signal ? { signal } : {}), actInquiryResponseSchema)).data;
  }

  async aorInquiry(q: { recipientTaxId: string; recipientType: 'PF' | 'PG' }, signal?: AbortSignal) {
    const qs = new URLSearchParams(q);
    return (await httpCall(this.call('aorInquiry', 'GET', `/radd-net/api/v1/aor/inquiry?${qs}`, signal ? { signal } : {}), aorInquiryResponseSchema)).data;
  }

  async startTransaction(type: OperationType, body: ActStartRequest | AorStartRequest, signal?: AbortSignal): Promise<StartResponse> {
    const requestSchema = type === 'ACT' ? actStartRequestSchema : aorStartRequestSchema;
    const op = type === 'ACT' ? 'startActTransaction' : 'startAorTransaction';
    return (await httpCall(this.call(op, 'POST', `/radd-net/api/v1/${lower(type)}/transaction/start`, { json: body, requestSchema, ...(signal ? { signal } : {}) }), startTransactionResponseSchema)).data;
  }

  async completeTransaction(type: OperationType, body: { operationId: string; operationDate: string }, signal?: AbortSignal): Promise<TransactionResponse> {
    const op = type === 'ACT' ? 'completeActTransaction' : 'completeAorTransaction';
    return (await httpCall(this.call(op, 'POST', `/radd-net/api/v1/${lower(type)}/transaction/complete`, { json: body, requestSchema: completeRequestSchema, ...(signal ? { signal } : {}) }), completeResponseSchema)).data;
  }

  async abortTransaction(type: OperationType, body: { operationId: string; operationDate: string; reason?: string }, signal?: AbortSignal): Promise<TransactionResponse> {
    const op = type === 'ACT' ? 'abortActTransaction' : 'abortAorTransaction';
    return (await httpCall(this.call(op, 'POST', `/radd-net/api/v1/${lower(type)}/transaction/abort`, { json: body, requestSchema: abortRequestSchema, ...(signal ? { signal } : {}) }), abortResponseSchema)).data;
  }

  /** documentDownload: the cover page ("frontespizio") PDF of an operation. */
  async coverPage(type: OperationType, operationId: string, signal?: AbortSignal): Promise<Buffer> {
    const path = `/radd-net/api/v1/download/${lower(type)}/${encodeURIComponent(operationId)}`;
    return httpBytes({ ...this.call('documentDownload', 'GET', path, signal ? { signal } : {}), maxBytes: 20 * 1024 * 1024 });
  }
}
