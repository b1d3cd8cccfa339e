// Scans of postal receipts (AR card, 890 receipt, 23L, CAD/CAN notice): uploaded in chunks,
// recognised and checked by their bytes (never by the name: a renamed or truncated file is
// refused), then stored content-addressed in the desk's file store. An outcome names them by key.
import { PDFDocument } from 'pdf-lib';
import { DomainError, POSTAL_SCAN_MAX_BYTES } from '../../core/index.js';
import type { ScanUploadView } from '../api/contract/postal-views.js';
import { ChunksOnce, decodeChunk, UploadRegistry } from './uploads.js';

/** The screen checks the same limit before sending (renderer/api/uploads.ts); this check stays for any other client. */
export const MAX_POSTAL_SCAN_BYTES = POSTAL_SCAN_MAX_BYTES;

export type ScanMediaType = 'image/png' | 'image/jpeg' | 'application/pdf';

interface ScanUpload {
  fileName: string;
  chunks: Buffer[];
  size: number;
  /** Every chunk received, each answered once; after the last one the upload stays (its bytes dropped) to answer repeats. */
  received: ChunksOnce<ScanUploadView>;
}

export interface ScanSink {
  put(bytes: Uint8Array): Promise<{ sha256: string; size: number }>;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const ascii = (bytes: Uint8Array, from: number, to: number) => Buffer.from(bytes.subarray(from, to)).toString('latin1');

/** A PNG with its IHDR first and its IEND at the end (a truncated download has no IEND). */
function isPng(b: Uint8Array): boolean {
  return b.byteLength > 40 && PNG_SIGNATURE.every((x, i) => b[i] === x) && ascii(b, 12, 16) === 'IHDR' && ascii(b, b.byteLength - 12, b.byteLength).includes('IEND');
}

/** A JPEG starting with SOI and ending with EOI (trailing padding tolerated). */
function isJpeg(b: Uint8Array): boolean {
  if (b.byteLength < 4 || b[0] !== 0xff || b[1] !== 0xd8 || b[2] !== 0xff) return false;
  const tail = b.subarray(Math.max(0, b.byteLength - 64));
  for (let i = tail.byteLength - 2; i >= 0; i--) if (tail[i] === 0xff && tail[i + 1] === 0xd9) return true;
  return false;
}

/** A PDF that pdf-lib can open and that has at least one page. */
async function isReadablePdf(b: Uint8Array): Promise<boolean> {
  if (ascii(b, 0, 5) !== '%PDF-') return false;
  try {
    const doc = await PDFDocument.load(b, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: true });
    return doc.getPageCount() > 0;
  } catch {
    return false;
  }
}

/** The media type of a readable scan, or undefined for anything else. */
export async function sniffPostalScan(bytes: Uint8Array): Promise<ScanMediaType | undefined> {
  if (isPng(bytes)) return 'image/png';
  if (isJpeg(bytes)) return 'image/jpeg';
  if (await isReadablePdf(bytes)) return 'application/pdf';
  return undefined;
}

export interface ScanChunk {
  uploadId?: string;
  /** The screen's name for a new upload (first chunk, no uploadId): that chunk sent again continues the same upload. */
  requestId?: string;
  fileName: string;
  offset: number;
  chunk: string;
  last: boolean;
}

/**
 * Receives scans in chunks; the last chunk checks the whole file and stores it. A chunk sent again
 * after its answer was lost (the same upload, offset and bytes) gets the first answer, with nothing
 * taken or stored twice: the last chunk's repeat is marked answeredAgain (no second audit entry). The
 * first chunk is the same upload again when the screen named it (requestId). Another chunk at an
 * offset already received is POSTAL_UPLOAD_CHUNK_CONFLICT, a gap (or a chunk after the last) is
 * POSTAL_UPLOAD_OUT_OF_ORDER: either ends an upload still receiving (uploads.ts ChunksOnce, shared
 * with the CSV import).
 */
export class ScanUploads {
  private readonly uploads = new UploadRegistry<ScanUpload>({ ttlMs: 30 * 60_000, maxEntries: 50, notFound: 'POSTAL_UPLOAD_NOT_FOUND' });

  async receive(input: ScanChunk, sink: ScanSink): Promise<ScanUploadView> {
    const uploadId = input.uploadId
      ?? this.uploads.open(input.requestId, () => ({ fileName: input.fileName, chunks: [], size: 0, received: new ChunksOnce(input.fileName) }));
    const upload = this.uploads.get(uploadId);
    const bytes = decodeChunk(input.chunk);
    // Taken at once (size and bytes), answered when done: a repeat arriving meanwhile waits for the same answer.
    return upload.received.receive(input, bytes, () => this.uploads.delete(uploadId), () => this.take(uploadId, upload, bytes, input.last, sink));
  }

  private async take(uploadId: string, upload: ScanUpload, bytes: Buffer, last: boolean, sink: ScanSink): Promise<ScanUploadView> {
    upload.size += bytes.byteLength;
    upload.chunks.push(bytes);
    if (upload.size > MAX_POSTAL_SCAN_BYTES) {
      this.uploads.delete(uploadId);
      throw new DomainError('POSTAL_SCAN_TOO_LARGE', { fileName: upload.fileName, maxMb: MAX_POSTAL_SCAN_BYTES / 1048576 });
    }
    if (!last) return { uploadId, receivedBytes: upload.size, scan: null };
    const whole = Buffer.concat(upload.chunks);
    upload.chunks = [];
    try {
      const mediaType = await sniffPostalScan(whole);
      if (!mediaType) throw new DomainError('POSTAL_SCAN_UNREADABLE', { fileName: upload.fileName });
      const stored = await sink.put(whole);
      return { uploadId, receivedBytes: upload.size, scan: { sha256: stored.sha256, size: stored.size, mediaType, fileName: upload.fileName } };
    } catch (e) {
      this.uploads.delete(uploadId);
      throw e;
    }
  }
}
