// The largest files the desk accepts, in one place for the host (body cap, handler checks) and the
// screens (the same check before sending: a clerk learns which file is too large and by how much,
// instead of the host's bare "request too large"). Files travel as base64 inside a JSON body.
import type { Locale } from '../errors/codes.js';

const MIB = 1024 * 1024;

/** A scan of an identity document or a delegation at the counter (desk.uploadScan). */
export const MAX_SCAN_BYTES = 15 * MIB;
/** A PDF to notify (sender.uploadDocument). */
export const SENDER_MAX_DOCUMENT_BYTES = 30 * MIB;
/** A scan of a postal receipt (postal.uploadScan): sent in chunks, the limit is the whole file's. */
export const POSTAL_SCAN_MAX_BYTES = 10 * MIB;
/** A CSV of postal outcomes (postal.importCsv): sent in chunks, the limit is the whole file's. */
export const POSTAL_CSV_MAX_BYTES = 20 * MIB;

/** The HTTP body cap of an operation carrying one file of at most `maxFileBytes` as base64, with room for the rest of the JSON. */
export function uploadBodyBytes(maxFileBytes: number): number {
  return Math.ceil((maxFileBytes * 4) / 3) + 64 * 1024;
}

/** Bytes of a file from the length of its base64 text (padding counted out). */
export function base64DecodedBytes(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor((base64.length * 3) / 4) - padding);
}

/**
 * Megabytes as a message shows them in the reader's language: whole limits as they are ("15"),
 * sizes with one decimal, written with the language's decimal separator ("16,2" / "16.2"), rounded
 * up: a file just over a 15 MB limit reads "15,1 MB", never "15 MB" ("too large" must show).
 */
export function megabytesText(bytes: number, locale: Locale): string {
  if (bytes % MIB === 0) return String(bytes / MIB);
  const text = megabytes(bytes).toFixed(1);
  return locale === 'it' ? text.replace('.', ',') : text;
}

/** Megabytes to one decimal, rounded up, as a number: a DomainError's param, written in the reader's language when its message is made. */
export function megabytes(bytes: number): number {
  return Math.ceil((bytes / MIB) * 10) / 10;
}
