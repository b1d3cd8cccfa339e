// Files at the counter: a scan read from disk as base64 for desk.uploadScan, and a desk PDF opened
// in the browser's own viewer or saved (browser mode: GET /files/<sha256>?ticket=…, the one request
// that cannot carry headers; the host gives the address, with a ticket for that file that ends in
// two minutes, so neither the token nor the session goes into the browser's history). The host
// names the file after the operation's document (IUN and title), in the viewer's "save" as in the
// downloads and in the desktop app's save dialog.
import { call } from '../../api/client.js';
import { clickDownload, saveBase64 } from '../../composables/save-file.js';
import { showApiError } from '../../composables/use-api-error.js';
import { i18n } from '../../i18n/index.js';

/**
 * Opens a PDF of the operation for printing; false where there is no viewer route (the Electron
 * window prints itself) or the host refused (the toast says why).
 */
export async function openPdf(fileId: string, operationId?: string): Promise<boolean> {
  if (window.raddDesk) return false;
  try {
    const { url } = await call('documents.viewUrl', { sha256: fileId, ...(operationId ? { operationId } : {}) });
    window.open(url, '_blank', 'noopener');
    return true;
  } catch (e) {
    showApiError(e, () => i18n.global.t('printing.openFailed'));
    return false;
  }
}

/**
 * "Scarica": saves a PDF of the operation under its document's name. Browser mode downloads it from
 * the host (sent as an attachment); the desktop app gets the bytes and asks where to save them.
 * False when the host refused (the toast says why).
 */
export async function savePdf(fileId: string, operationId: string): Promise<boolean> {
  try {
    if (window.raddDesk) {
      const file = await call('documents.getFile', { sha256: fileId, operationId });
      saveBase64(file.base64, file.contentType, file.fileName);
    } else {
      const { url } = await call('documents.viewUrl', { sha256: fileId, operationId, download: true });
      // '' : the name is the one the host sends with the file.
      clickDownload(url, '');
    }
    return true;
  } catch (e) {
    showApiError(e, () => i18n.global.t('printing.saveFailed'));
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
