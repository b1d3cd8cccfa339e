// The radd adapter: delivers the desk's RADD operations (start with the identity-evidence upload,
// complete, abort; ACT and AOR) to the RADD operator API, idempotent on operationId (DOMAIN.md 10.1).
// RADD has no feed, so this adapter does not pull. Inquiries and the cover page are direct calls
// for the desk screens (`client`).
import type { Logger } from '../../logger.js';
import { describeFailure, SyncError } from '../../sync/errors.js';
import { parsePayload } from '../../sync/payload.js';
import type { AdapterHealth, OutboxItem, PullPage, PushResult, SyncAdapter } from '../../sync/types.js';
import { RaddClient, type OperationType, type RaddConfig, type StartResponse, type TransactionResponse } from './client.js';
import { buildEvidenceZip, type BlobReader } from './evidence.js';
import { raddAbortPayloadSchema, raddCompletePayloadSchema, raddStartPayloadSchema, type RaddStartPayload } from './payloads.js';

export interface RaddAdapterOptions extends RaddConfig {
  readBlob: BlobReader;
  logger?: Logger;
  now?: () => number;
}

interface Upload {
  checksum: string;
  fileKey: string;
  versionToken?: string;
}

/** Start result codes (DOMAIN.md 10.1) -> outcome. 0 is handled by the caller. */
export function startFailure(operationId: string, status: StartResponse['status']): SyncError {
  const code = status?.code ?? 99;
  const message = (status?.message ?? '').slice(0, 200);
  if (code === 2) {
    const retryAfterMs = Math.max(0, status?.retryAfter ?? 1000);
    return new SyncError('SYNC_RADD_NOT_READY', { operationId, retryAfterMs }, { retryAfterMs });
  }
  // 99 is RADD's generic KO: worth a few retries before a human looks at it.
  return new SyncError('SYNC_RADD_REFUSED', { operationId, code, message }, { transient: code === 99 });
}

/**
 * Complete/abort result codes: 0 done (also for an identical repeat); 2 "already closed", which for
 * our own retried item means the first attempt landed (read the state, never record twice);
 * 1 "no such transaction": the start has not landed yet, retry later.
 */
export function closeOutcome(operationId: string, res: TransactionResponse): PushResult {
  const code = res.status?.code ?? 99;
  if (code === 0) return { status: 'applied', remoteRef: operationId };
  if (code === 2) return { status: 'duplicate', remoteRef: operationId, data: { message: res.status?.message ?? '' } };
  if (code === 1) throw new SyncError('SYNC_RADD_NOT_STARTED', { operationId });
  throw new SyncError('SYNC_RADD_REFUSED', { operationId, code, message: (res.status?.message ?? '').slice(0, 200) }, { transient: true });
}

export function createRaddAdapter(opts: RaddAdapterOptions): SyncAdapter & { client: RaddClient } {
  const client = new RaddClient(opts);
  const now = opts.now ?? Date.now;
  // Uploads already done in this run: a start retried after "not ready" (code 2) reuses the fileKey.
  const uploads = new Map<string, Upload>();

  async function upload(p: RaddStartPayload, signal?: AbortSignal): Promise<Upload | undefined> {
    if (!p.evidence) return undefined;
    const { zip, checksum } = await buildEvidenceZip({ ...p, evidence: p.evidence }, opts.readBlob);
    const known = uploads.get(p.operationId);
    if (known && known.checksum === checksum) return known;
    const presigned = await client.documentUpload({ operationId: p.operationId, checksum }, signal);
    const versionToken = await client.putZip(presigned.url, zip, presigned.secret, checksum, p.operationId, signal);
    const done: Upload = { checksum, fileKey: presigned.fileKey, ...(versionToken ? { versionToken } : {}) };
    uploads.set(p.operationId, done);
    return done;
  }

  async function start(item: OutboxItem, signal?: AbortSignal): Promise<PushResult> {
    const p = parsePayload(raddStartPayloadSchema, item);
    const up = await upload(p, signal);
    const body = {
      operationId: p.operationId, recipientTaxId: p.recipientTaxId, recipientType: p.recipientType, operationDate: p.operationDate,
      ...(p.delegateTaxId ? { delegateTaxId: p.delegateTaxId } : {}),
      ...(up ? { fileKey: up.fileKey, checksum: up.checksum, ...(up.versionToken ? { versionToken: up.versionToken } : {}) } : {}),
      ...(p.operationType === 'ACT' ? (p.qrCode ? { qrCode: p.qrCode } : { iun: p.iun }) : {}),
    };
    const res = await client.startTransaction(p.operationType, body, signal);
    if (res.status?.code !== 0 && res.status?.code !== undefined) throw startFailure(p.operationId, res.status);
    uploads.delete(p.operationId);
    return { status: 'applied', remoteRef: p.operationId, data: { downloadUrlList: res.downloadUrlList ?? [] } };
  }

  async function push(item: OutboxItem, options: { signal?: AbortSignal } = {}): Promise<PushResult> {
    switch (item.kind) {
      case 'radd.startTransaction':
        return start(item, options.signal);
      case 'radd.completeTransaction': {
        const p = parsePayload(raddCompletePayloadSchema, item);
        return closeOutcome(p.operationId, await client.completeTransaction(p.operationType as OperationType, { operationId: p.operationId, operationDate: p.operationDate }, options.signal));
      }
      case 'radd.abortTransaction': {
        const p = parsePayload(raddAbortPayloadSchema, item);
        const body = { operationId: p.operationId, operationDate: p.operationDate, ...(p.reason ? { reason: p.reason } : {}) };
        return closeOutcome(p.operationId, await client.abortTransaction(p.operationType, body, options.signal));
      }
      default:
        throw new SyncError('SYNC_PUSH_UNSUPPORTED', { adapter: 'radd', kind: item.kind }, { transient: false });
    }
  }

  async function health(signal?: AbortSignal): Promise<AdapterHealth> {
    const t0 = now();
    const checkedAt = () => new Date(now()).toISOString();
    try {
      // An AOR inquiry for PagoPA's own tax code: read-only, answers quickly, proves key and uid.
      await client.aorInquiry({ recipientTaxId: '15376371009', recipientType: 'PG' }, signal);
      return { ok: true, checkedAt: checkedAt(), latencyMs: now() - t0 };
    } catch (e) {
      const f = describeFailure(e);
      return { ok: false, checkedAt: checkedAt(), code: f.code, params: f.params };
    }
  }

  return {
    name: 'radd',
    stream: 'radd',
    client,
    capabilities: () => ({ pull: false, push: ['radd.startTransaction', 'radd.completeTransaction', 'radd.abortTransaction'], fetch: false, offline: false }),
    health,
    async pull(cursor): Promise<PullPage> {
      return { notifications: [], elements: [], cursor: cursor ?? '', hasMore: false };
    },
    push,
  };
}
