// Printing a stored PDF (issue #6 item 5), the same way from every "Stampa" button: the host's
// `documents.print` decides. The desktop app prints it (a toast names the printer); browser mode
// gets its URL back (with a short-lived ticket for that file) and the PDF opens in a new tab, in the
// browser's own viewer, to print from there.
import { ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { useToast } from 'primevue/usetoast';
import type { PrintedDocumentView } from '../../electron/api/contract/index.js';
import { ApiCallError, call } from '../api/client.js';
import { errorText } from '../api/host-text.js';
import { sentOnce } from '../api/request-id.js';
import { textToast, useApiError } from './use-api-error.js';

export function usePrint() {
  const { t } = useI18n();
  const toast = useToast();
  const { show } = useApiError();
  const printing = ref(false);

  function sentMessage(out: PrintedDocumentView): string {
    if (out.printerName) return t('printing.sentTo', { name: out.printerName });
    return out.mode === 'dialog' ? t('printing.sentChosen') : t('printing.sentDefault');
  }

  /**
   * Prints the stored document (`title`: the print job's name; `operationId`: the desk operation it
   * belongs to, which names the file in the browser's viewer); resolves to the host's answer, or
   * null when it was not printed (the toast says why).
   */
  async function print(sha256: string, of: { title?: string; operationId?: string } = {}): Promise<PrintedDocumentView | null> {
    printing.value = true;
    try {
      // One click, one id: sent again while its answer is lost, the host prints it once; the next click prints again.
      const out = await sentOnce((requestId) => call('documents.print', { sha256, ...(of.title ? { title: of.title } : {}), ...(of.operationId ? { operationId: of.operationId } : {}), requestId }));
      if (out.printed === 'browser') window.open(out.url, '_blank', 'noopener');
      else toast.add(textToast('success', () => sentMessage(out), 5000));
      return out;
    } catch (e) {
      // Closing the print dialog is the clerk's choice, not a fault.
      if (e instanceof ApiCallError && e.code === 'PRINT_CANCELLED') toast.add({ severity: 'info', get summary() { return errorText(e); }, life: 5000 });
      else show(e, () => t('printing.failed'));
      return null;
    } finally {
      printing.value = false;
    }
  }

  return { print, printing };
}
