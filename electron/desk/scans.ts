// Scans of identity documents and delegation forms (DOMAIN.md 10.1: JPEG/PNG, 15 MB max each; PDFs
// too): recognised by their bytes (never by the name), stored content-addressed, and wrapped in a
// one-page PDF when the RADD upload zip wants a PDF (delega.pdf, visura.pdf, autodichiarazione.pdf).
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { DomainError, formatInstant, megabytes } from '../../core/index.js';
import type { FileStore } from '../../db/files.js';
import { MAX_SCAN_BYTES } from '../api/contract/desk.js';
import type { DeskScannerInbox, DeskScanView } from '../api/contract/desk-views.js';

export type ScanContentType = DeskScanView['contentType'];

const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d];
const EXTENSIONS = new Set(['.jpg', '.jpeg', '.png', '.pdf']);
const INBOX_LIMIT = 20;

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** The scan's type from its first bytes; throws SCAN_EMPTY / SCAN_TOO_LARGE / SCAN_TYPE_NOT_ALLOWED. */
export function sniffScan(bytes: Uint8Array): ScanContentType {
  if (bytes.byteLength === 0) throw new DomainError('SCAN_EMPTY');
  if (bytes.byteLength > MAX_SCAN_BYTES) throw new DomainError('SCAN_TOO_LARGE', { sizeMb: megabytes(bytes.byteLength), maxMb: megabytes(MAX_SCAN_BYTES) });
  if (startsWith(bytes, JPEG)) return 'image/jpeg';
  if (startsWith(bytes, PNG)) return 'image/png';
  if (startsWith(bytes, PDF)) return 'application/pdf';
  throw new DomainError('SCAN_TYPE_NOT_ALLOWED');
}

/** Decodes a base64 body and stores it as a scan. */
export async function storeScan(files: FileStore, fileName: string, dataBase64: string): Promise<DeskScanView> {
  // Reject before decoding anything a 15 MB file cannot be.
  if (dataBase64.length > Math.ceil((MAX_SCAN_BYTES * 4) / 3) + 4) {
    throw new DomainError('SCAN_TOO_LARGE', { sizeMb: megabytes((dataBase64.length * 3) / 4), maxMb: megabytes(MAX_SCAN_BYTES) });
  }
  return storeScanBytes(files, fileName, Buffer.from(dataBase64, 'base64'));
}

export async function storeScanBytes(files: FileStore, fileName: string, bytes: Uint8Array): Promise<DeskScanView> {
  const contentType = sniffScan(bytes);
  const { sha256, size } = await files.put(bytes);
  return { scanId: sha256, contentType, bytes: size, name: basename(fileName).slice(0, 200) };
}

/**
 * The scan as a PDF for the upload zip: a PDF as it is, an image on one page of its own size.
 * Deterministic (no dates, no ids), so that a repeated start builds the same zip and checksum.
 */
export async function scanAsPdf(bytes: Uint8Array): Promise<Uint8Array> {
  const type = sniffScan(bytes);
  if (type === 'application/pdf') return bytes;
  const doc = await PDFDocument.create({ updateMetadata: false });
  const image = type === 'image/jpeg' ? await doc.embedJpg(bytes) : await doc.embedPng(bytes);
  const page = doc.addPage([image.width, image.height]);
  page.drawImage(image, { x: 0, y: 0, width: image.width, height: image.height });
  return doc.save({ useObjectStreams: false });
}

/** The newest scan files of the scanner folder (the scanner saves there; the clerk picks one). */
export async function listScannerInbox(folder: string): Promise<DeskScannerInbox> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    throw new DomainError('SCANNER_FOLDER_UNAVAILABLE', { folder });
  }
  const files = await Promise.all(
    names
      .filter((n) => EXTENSIONS.has(n.slice(n.lastIndexOf('.')).toLowerCase()))
      .map(async (name) => {
        const info = await stat(join(folder, name)).catch(() => undefined);
        return info?.isFile() ? { name, bytes: info.size, modifiedMs: info.mtimeMs } : undefined;
      }),
  );
  const present = files.filter((f): f is NonNullable<typeof f> => f !== undefined).sort((a, b) => b.modifiedMs - a.modifiedMs);
  return { folder, files: present.slice(0, INBOX_LIMIT).map((f) => ({ name: f.name, bytes: f.bytes, modifiedAt: formatInstant(Math.floor(f.modifiedMs)) })) };
}

/** Reads one file of the scanner folder (a plain name: no path may leave the folder). */
export async function readScannerFile(folder: string, name: string): Promise<Uint8Array> {
  if (basename(name) !== name || name.startsWith('.')) throw new DomainError('SCANNER_FILE_NOT_FOUND', { name: basename(name) });
  try {
    return await readFile(join(folder, name));
  } catch {
    throw new DomainError('SCANNER_FILE_NOT_FOUND', { name });
  }
}
