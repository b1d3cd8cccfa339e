// The attachment side of the SEND test peer (send-delivery-b2b-pa.yaml "1.a / 1.b"):
// presignedUploadRequest hands out a key, a secret and an upload URL per document; the upload
// (on loopback, possibly through the fault proxy) must carry x-amz-meta-secret, the content type
// asked for and x-amz-checksum-sha256 = base64 SHA-256 of the bytes actually received; it answers
// x-amz-version-id. A new notification request is accepted only when every document names an
// uploaded key and version whose bytes have the declared digests.sha256.
import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { NewNotificationRequest, PreloadRequest, PreloadResponse } from '../../electron/adapters/send-b2b/schemas.js';

interface Slot {
  key: string;
  secret: string;
  sha256: string;
  contentType: string;
  /** Version ids of the uploads received for this key (a retried upload adds one). */
  versions: string[];
}

export interface UploadAnswer {
  status: number;
  code?: string;
  versionId?: string;
}

export class SendUploads {
  private readonly slots = new Map<string, Slot>();
  private n = 0;
  /** Uploads refused: wrong secret, content type or checksum (the adapter's must stay 0). */
  badUploads = 0;
  /** Uploads that carried the SEND API key (it must never go to the storage URL). */
  apiKeyLeaks = 0;
  /** Requests refused because a document named no uploaded copy (the adapter's must stay 0). */
  badReferences = 0;

  /** One slot per asked document, answered in request order with the same preloadIdx. */
  preload(items: readonly PreloadRequest[], uploadBase: () => string): PreloadResponse[] {
    return items.map((it) => {
      this.n += 1;
      const key = `PN_NOTIFICATION_ATTACHMENTS-${String(this.n).padStart(6, '0')}.pdf`;
      const slot: Slot = { key, secret: `S${this.n}X${this.n * 7919}`, sha256: it.sha256, contentType: it.contentType ?? 'application/pdf', versions: [] };
      this.slots.set(key, slot);
      return { preloadIdx: it.preloadIdx, secret: slot.secret, httpMethod: 'PUT', url: `${uploadBase()}/upload/${encodeURIComponent(key)}`, key };
    });
  }

  /** The PUT to a presigned URL. */
  upload(key: string, headers: IncomingHttpHeaders, body: Buffer, trailers: NodeJS.Dict<string>): UploadAnswer {
    if (headers['x-api-key'] !== undefined) this.apiKeyLeaks += 1;
    const slot = this.slots.get(key);
    if (!slot) return { status: 404, code: 'NoSuchUpload' };
    const refuse = (status: number, code: string): UploadAnswer => {
      this.badUploads += 1;
      return { status, code };
    };
    if (headers['x-amz-meta-secret'] !== slot.secret) return refuse(403, 'SignatureDoesNotMatch');
    if (headers['content-type'] !== slot.contentType) return refuse(400, 'InvalidContentType');
    // The spec sends it as a trailer; a header is accepted too (S3 takes both).
    const declared = headers['x-amz-checksum-sha256'] ?? trailers['x-amz-checksum-sha256'];
    const actual = createHash('sha256').update(body).digest('base64');
    if (declared !== actual || actual !== slot.sha256) return refuse(400, 'BadDigest');
    const versionId = `v${slot.versions.length + 1}.${slot.key.slice(-10, -4)}`;
    slot.versions.push(versionId);
    return { status: 200, versionId };
  }

  /** Whether every document of a request names an uploaded version with the declared digest. */
  referencesUploaded(req: NewNotificationRequest): boolean {
    const ok = req.documents.every((d) => {
      const slot = this.slots.get(d.ref.key);
      return slot !== undefined && slot.versions.includes(d.ref.versionToken) && slot.sha256 === d.digests.sha256;
    });
    if (!ok) this.badReferences += 1;
    return ok;
  }

  /** Uploads received and accepted. */
  uploadCount(): number {
    return [...this.slots.values()].reduce((n, s) => n + s.versions.length, 0);
  }

  /** The digest of the bytes uploaded under `key` (undefined when nothing was uploaded there). */
  uploadedSha256(key: string): string | undefined {
    const slot = this.slots.get(key);
    return slot && slot.versions.length > 0 ? slot.sha256 : undefined;
  }
}
