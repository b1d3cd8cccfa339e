// A PDF to notify, uploaded from the new-notification form: stored content-addressed (hex
// SHA-256) after checking it is a PDF and that its SHA-256 equals the one the screen computed
// (the B2B request carries the base64 digest: NotificationAttachmentDigests).
import { createHash } from 'node:crypto';
import { DomainError } from '../../core/index.js';
import type { FileStore } from '../../db/files.js';
import type { SenderUploadView } from '../api/contract/sender-views.js';
import { SENDER_MAX_DOCUMENT_BYTES } from '../api/contract/sender.js';

const PDF_MAGIC = Buffer.from('%PDF-');

export async function storeUpload(files: FileStore, input: { title: string; dataBase64: string; sha256Base64: string }): Promise<SenderUploadView> {
  const bytes = Buffer.from(input.dataBase64, 'base64');
  if (bytes.length === 0 || bytes.length > SENDER_MAX_DOCUMENT_BYTES || !bytes.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC)) {
    throw new DomainError('SENDER_UPLOAD_NOT_PDF', { title: input.title });
  }
  const digest = createHash('sha256').update(bytes).digest();
  if (digest.toString('base64') !== input.sha256Base64) throw new DomainError('SENDER_UPLOAD_DIGEST_MISMATCH', { title: input.title });
  const { sha256, size } = await files.put(bytes);
  return { title: input.title, sha256Hex: sha256, sha256Base64: input.sha256Base64, size };
}
