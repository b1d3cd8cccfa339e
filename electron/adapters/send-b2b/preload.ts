// The documents of a new notification, from this computer to SEND (send-delivery-b2b-pa.yaml,
// "1.a / 1.b"): presignedUploadRequest gives a presigned URL, key and secret per document; each
// document is uploaded there; the request then names it by `ref: { key, versionToken }` (the
// upload's x-amz-version-id) and `digests.sha256`. A retried item preloads and uploads again: SEND
// keys the request by idempotenceToken, so at most one request refers to the uploaded copies.
import { createHash } from 'node:crypto';
import { SyncError } from '../../sync/errors.js';
import { LOCAL_DOCUMENT_VERSION_TOKEN } from '../../sync/outbox-payloads.js';
import type { BlobReader } from '../../sync/types.js';
import type { SendB2bClient, UploadTarget } from './client.js';
import { PRELOAD_MAX_ITEMS, type NewNotificationRequest, type PreloadResponse } from './schemas.js';

type RequestDocument = NewNotificationRequest['documents'][number];

export interface PreloadContext {
  client: Pick<SendB2bClient, 'preload' | 'upload'>;
  readBlob: BlobReader | undefined;
  /** The request's idempotenceToken (names the item in messages). */
  token: string;
  signal?: AbortSignal;
}

export const isLocalDocument = (d: RequestDocument): boolean => d.ref.versionToken === LOCAL_DOCUMENT_VERSION_TOKEN;

function targetOf(answer: PreloadResponse | undefined, index: number): UploadTarget & { key: string } {
  const where = (field: string) => new SyncError('SYNC_SCHEMA_VIOLATION', { peer: 'SEND', operation: 'presignedUploadRequest', path: `${index}.${field}` });
  if (!answer) throw where('preloadIdx');
  if (!answer.url) throw where('url');
  if (!answer.key) throw where('key');
  if (answer.secret === undefined) throw where('secret');
  return { url: answer.url, key: answer.key, secret: answer.secret, httpMethod: answer.httpMethod ?? 'PUT' };
}

/** The stored bytes of a local document, checked against the digest the request declares. */
async function bytesOf(ctx: PreloadContext, d: RequestDocument, i: number): Promise<Uint8Array> {
  const bytes = ctx.readBlob ? await ctx.readBlob(d.ref.key) : undefined;
  if (!bytes) throw new SyncError('SYNC_BLOB_MISSING', { name: d.title ?? `Documento ${i + 1}`, operationId: ctx.token }, { transient: false });
  if (createHash('sha256').update(bytes).digest('base64') !== d.digests.sha256) {
    throw new SyncError('SYNC_REQUEST_INVALID', { peer: 'SEND', operation: 'presignedUploadRequest', path: `documents.${i}.digests.sha256` }, { transient: false });
  }
  return bytes;
}

/** Preloads and uploads one batch (at most 15) of local documents; returns their SEND refs by index. */
async function preloadBatch(ctx: PreloadContext, batch: { d: RequestDocument; i: number }[]): Promise<Map<number, RequestDocument['ref']>> {
  const answers = await ctx.client.preload(batch.map(({ d, i }) => ({ preloadIdx: String(i), contentType: d.contentType, sha256: d.digests.sha256 })), ctx.signal);
  const byIdx = new Map(answers.filter((a) => a.preloadIdx !== undefined).map((a) => [a.preloadIdx!, a]));
  const refs = new Map<number, RequestDocument['ref']>();
  for (const [k, { d, i }] of batch.entries()) {
    // SEND correlates by preloadIdx; an answer without it is taken in request order.
    const target = targetOf(byIdx.get(String(i)) ?? (byIdx.size === 0 ? answers[k] : undefined), i);
    // One document in memory at a time: acts can be large.
    const bytes = await bytesOf(ctx, d, i);
    const versionToken = await ctx.client.upload(target, { bytes, sha256: d.digests.sha256, contentType: d.contentType }, ctx.signal);
    refs.set(i, { key: target.key, versionToken });
  }
  return refs;
}

/**
 * The request's documents with every local one preloaded and uploaded, in their order; documents
 * that already name SEND's copy are kept as they are.
 */
export async function preloadDocuments(ctx: PreloadContext, documents: readonly RequestDocument[]): Promise<RequestDocument[]> {
  const local = documents.map((d, i) => ({ d, i })).filter(({ d }) => isLocalDocument(d));
  if (local.length === 0) return [...documents];
  const refs = new Map<number, RequestDocument['ref']>();
  for (let k = 0; k < local.length; k += PRELOAD_MAX_ITEMS) {
    for (const [i, ref] of await preloadBatch(ctx, local.slice(k, k + PRELOAD_MAX_ITEMS))) refs.set(i, ref);
  }
  return documents.map((d, i) => {
    const ref = refs.get(i);
    return ref ? { ...d, ref } : d;
  });
}
