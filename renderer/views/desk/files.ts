// Files at the counter: a scan read from disk as base64 for desk.uploadScan, and a desk PDF opened
// in the browser's own viewer (browser mode: GET /files/<sha256>?ticket=…, the one request that
// cannot carry headers; the host gives the address, with a ticket for that file that ends in two
// minutes, so neither the token nor the session goes into the browser's history).
import { call } from '../../api/client.js';
import { showApiError } from '../../composables/use-api-error.js';
import { i18n } from '../../i18n/index.js';

/**
 * Opens a PDF for printing; false where there is no viewer route (the Electron window prints
 * itself) or the host refused (the toast says why).
 */
export async function openPdf(fileId: string): Promise<boolean> {
  if (window.raddDesk) return false;
  try {
    const { url } = await call('documents.viewUrl', { sha256: fileId });
    window.open(url, '_blank', 'noopener');
    return true;
  } catch (e) {
    showApiError(e, i18n.global.t('printing.openFailed'));
    return false;
  }
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
