// Files of the sender screens: a PDF the host returned (base64) saved through the browser's
// downloads, a document read from disk with its SHA-256 (WebCrypto) for sender.uploadDocument,
// and the CSV export: browser mode streams it from the URL sender.exportStart answers with
// (`/export/<jobId>.csv?ticket=…`: a short-lived ticket for that job, never the token or the session,
// since the download cannot carry headers), the desktop window reads it in chunks.
import { call } from '../../api/client.js';
import { megabytesText, messageFor, SENDER_MAX_DOCUMENT_BYTES, type Locale } from '../../../core/index.js';
import type { SenderExportStartView, SenderFileView } from '../../../electron/api/contract/index.js';
import { clickDownload, saveBase64, saveBlob } from '../../composables/save-file.js';

export function saveFile(file: SenderFileView): void {
  saveBase64(file.base64, file.contentType, file.fileName);
}

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/**
 * The chosen files over SEND's 30 MB, told before a byte is read: reading, hashing and encoding a
 * 31 MB file took ~10 s with nothing on screen before the refusal, and it stopped the files chosen
 * with it. `ok` are the files to upload, `tooLarge` the message naming each of the others.
 */
export function bySize<F extends { name: string; size: number }>(files: readonly F[], locale: Locale): { ok: F[]; tooLarge: string[] } {
  const ok = files.filter((f) => f.size <= SENDER_MAX_DOCUMENT_BYTES);
  const tooLarge = files.filter((f) => f.size > SENDER_MAX_DOCUMENT_BYTES).map((f) =>
    messageFor('FILE_TOO_LARGE', locale, { fileName: f.name, sizeMb: megabytesText(f.size, locale), maxMb: megabytesText(SENDER_MAX_DOCUMENT_BYTES, locale) }));
  return { ok, tooLarge };
}

/** The bytes of a chosen file, in base64, and their SHA-256 in base64 (the B2B digest form). */
export async function readForUpload(file: File): Promise<{ dataBase64: string; sha256Base64: string }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return { dataBase64: toBase64(bytes), sha256Base64: toBase64(digest) };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Downloads a prepared export, reporting progress (rows written / total) until it is done. */
export async function downloadExport(job: SenderExportStartView, onProgress: (written: number, total: number) => void): Promise<void> {
  if (window.raddDesk) {
    const parts: string[] = [];
    for (;;) {
      const chunk = await call('sender.exportChunk', { jobId: job.jobId });
      parts.push(chunk.csv);
      onProgress(chunk.written, chunk.total);
      if (chunk.done) break;
    }
    saveBlob(new Blob(parts, { type: 'text/csv;charset=utf-8' }), job.fileName);
    return;
  }
  // The host's URL as given: its ticket opens this job for two minutes (the download starts at once).
  clickDownload(job.downloadUrl, job.fileName);
  // The browser fetches the file by itself; the host's job says how far it got.
  for (let idle = 0; idle < 120; ) {
    await sleep(250);
    const s = await call('sender.exportStatus', { jobId: job.jobId });
    onProgress(s.written, s.total);
    if (s.state === 'done') return;
    if (s.state === 'failed') throw new Error('export failed');
    idle = s.state === 'ready' ? idle + 1 : 0;
  }
  throw new Error('export not started');
}
