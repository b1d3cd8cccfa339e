import type { Catalog } from './types.js';

/**
 * Printing a stored document through the host (issue #6 item 5): the desktop app sends it to a
 * printer, browser mode opens it in the browser's PDF viewer. Written for the clerk at the counter,
 * who can act on them (printer, paper, retry), never for a developer.
 */
export const printingCatalog = {
  PRINT_DOCUMENT_NOT_FOUND: {
    it: 'Il documento da stampare non è nell\'archivio dello sportello: rigenerarlo (per esempio con «Stampa plico») e riprovare',
    en: 'The document to print is not in the desk archive: produce it again (for example with "Print bundle") and retry',
  },
  PRINT_FAILED: {
    it: 'La stampante non ha stampato il documento ({reason}): controllare che sia accesa, collegata e con carta, poi riprovare',
    en: 'The printer did not print the document ({reason}): check that it is on, connected and has paper, then retry',
  },
  PRINT_CANCELLED: {
    it: 'Stampa annullata: nulla è stato inviato alla stampante',
    en: 'Printing cancelled: nothing was sent to the printer',
  },
  PRINT_TIMEOUT: {
    it: 'La stampante non ha risposto in tempo: controllare la coda di stampa del computer, poi riprovare',
    en: 'The printer did not answer in time: check the computer\'s print queue, then retry',
  },
} satisfies Catalog;
