// Printing a stored PDF (issue #6 item 5), the same way from every "Stampa" button: the host's
// `documents.print` decides. The desktop app prints it (a toast names the printer); browser mode
// gets its URL back and the PDF opens in a new tab, in the browser's own viewer, to print from there.
import { ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { useToast } from 'primevue/usetoast';
import type { PrintedDocumentView } from '../../electron/api/contract/index.js';
import { ApiCallError, call } from '../api/client.js';
import { SESSION_KEY, takeToken } from '../api/transport-http.js';
import { useApiError } from './use-api-error.js';

/**
 * A `/files/…` path with the run token and the session in the query: the browser's PDF viewer
 * cannot send headers, and this GET is the one request that carries them this way.
 */
export function viewerUrl(path: string): string {
  const params = new URLSearchParams({ token: takeToken() ?? '' });
  const session = window.sessionStorage.getItem(SESSION_KEY);
  if (session) params.set('session', session);
  return `${path}?${params.toString()}`;
}

export function usePrint() {
  const { t } = useI18n();
  const toast = useToast();
  const { show } = useApiError();
  const printing = ref(false);

  function sentMessage(out: PrintedDocumentView): string {
    if (out.printerName) return t('printing.sentTo', { name: out.printerName });
    return out.mode === 'dialog' ? t('printing.sentChosen') : t('printing.sentDefault');
  }

  /** Prints the stored document; resolves to the host's answer, or null when it was not printed (the toast says why). */
  async function print(sha256: string, title?: string): Promise<PrintedDocumentView | null> {
    printing.value = true;
    try {
      const out = await call('documents.print', title ? { sha256, title } : { sha256 });
      if (out.printed === 'browser') window.open(viewerUrl(out.url), '_blank', 'noopener');
      else toast.add({ severity: 'success', summary: sentMessage(out), life: 5000 });
      return out;
    } catch (e) {
      // Closing the print dialog is the clerk's choice, not a fault.
      if (e instanceof ApiCallError && e.code === 'PRINT_CANCELLED') toast.add({ severity: 'info', summary: e.message, life: 5000 });
      else show(e, t('printing.failed'));
      return null;
    } finally {
      printing.value = false;
    }
  }

  return { print, printing };
}
