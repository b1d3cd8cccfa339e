// Files at the counter: a scan read from disk as base64 for desk.uploadScan, and a desk PDF opened
// in the browser's own viewer (browser mode: GET /files/<sha256> with the run token and session in
// the query, the one request that cannot carry headers).
import { viewerUrl } from '../../composables/use-print.js';

export function pdfUrl(fileId: string): string {
  return viewerUrl(`/files/${fileId}`);
}

/** Opens a PDF for printing; false where there is no viewer route (the Electron window prints itself). */
export function openPdf(fileId: string): boolean {
  if (window.raddDesk) return false;
  window.open(pdfUrl(fileId), '_blank', 'noopener');
  return true;
}

export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}
