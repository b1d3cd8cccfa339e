// The size check of every file upload, before the file is sent: the same limits as the host's
// (core), so a file over the limit is refused with a message naming it and both sizes
// ("File troppo grande: «scan.pdf» (16,2 MB). Il massimo è 15 MB") instead of the host's body cap
// answering for it. One place for every screen that uploads (counter scans, PDFs to notify).
import {
  base64DecodedBytes, codedMessage, MAX_SCAN_BYTES, megabytes, POSTAL_CSV_MAX_BYTES, POSTAL_SCAN_MAX_BYTES, SENDER_MAX_DOCUMENT_BYTES, type Locale,
} from '../../core/index.js';
import type { ApiError } from '../../electron/api/contract/envelope.js';

/** The operations that carry one file as base64: the largest file, and the input field naming it. */
export const FILE_UPLOADS: Readonly<Record<string, { maxBytes: number; nameField: string }>> = {
  'desk.uploadScan': { maxBytes: MAX_SCAN_BYTES, nameField: 'fileName' },
  'sender.uploadDocument': { maxBytes: SENDER_MAX_DOCUMENT_BYTES, nameField: 'title' },
};

/** The FILE_TOO_LARGE error of an upload whose file is over its operation's limit, or null. */
export function fileTooLarge(op: string, input: unknown, locale: Locale): ApiError | null {
  const upload = FILE_UPLOADS[op];
  if (!upload || typeof input !== 'object' || input === null) return null;
  const fields = input as Record<string, unknown>;
  const data = fields.dataBase64;
  if (typeof data !== 'string') return null;
  const size = base64DecodedBytes(data);
  if (size <= upload.maxBytes) return null;
  return tooLargeError(String(fields[upload.nameField] ?? ''), size, upload.maxBytes, locale);
}

/**
 * The operations that carry one file in chunks (postal receipt scans, CSV of outcomes): the whole
 * file's limit. The host counts the bytes as the chunks arrive and refuses past it, i.e. after ten
 * megabytes went up for nothing: the screen checks the file before its first chunk.
 */
export const CHUNKED_UPLOADS: Readonly<Record<string, number>> = {
  'postal.uploadScan': POSTAL_SCAN_MAX_BYTES,
  'postal.importCsv': POSTAL_CSV_MAX_BYTES,
};

/** The FILE_TOO_LARGE error of a file to send in chunks that is over its operation's limit, or null. */
export function chunkedFileTooLarge(op: string, file: { name: string; size: number }, locale: Locale): ApiError | null {
  const maxBytes = CHUNKED_UPLOADS[op];
  if (maxBytes === undefined || file.size <= maxBytes) return null;
  // A file without a name is not given one here: a made-up name would be in one language inside
  // both languages' messages; the message says the limit only.
  if (!file.name) return codedMessage('UPLOAD_TOO_LARGE', locale, { maxMb: megabytes(maxBytes) });
  return tooLargeError(file.name, file.size, maxBytes, locale);
}

/**
 * FILE_TOO_LARGE with its params: the sizes as numbers, written in the message's language ("16,2" /
 * "16.2"), so that the screen renders it again in the other language on a switch (host-text.ts).
 */
function tooLargeError(fileName: string, bytes: number, maxBytes: number, locale: Locale): ApiError {
  return codedMessage('FILE_TOO_LARGE', locale, { fileName, sizeMb: megabytes(bytes), maxMb: megabytes(maxBytes) });
}
