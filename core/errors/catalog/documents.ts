import type { Catalog } from './types.js';

/** Documents and printing: AAR codes (DOMAIN.md 9) and the print bundle (DOMAIN.md 10.1). */
export const documentsCatalog = {
  AAR_QR_INVALID: {
    it: 'Il codice letto non è un QR di un avviso SEND (AAR): inquadrare di nuovo il QR oppure cercare la notifica per IUN',
    en: 'The scanned code is not a SEND notice (AAR) QR code: scan the QR code again or search the notification by IUN',
  },
  AAR_TOKEN_INPUT_INVALID: {
    it: 'Impossibile creare il codice di accesso dell\'avviso: dato non valido ({field})',
    en: 'Cannot create the notice access code: invalid value ({field})',
  },
  DOCUMENT_EMPTY: {
    it: 'Il documento «{title}» è vuoto e non può essere stampato: scaricarlo di nuovo',
    en: 'The document "{title}" is empty and cannot be printed: download it again',
  },
  DOCUMENT_CORRUPTED: {
    it: 'Il documento «{title}» è danneggiato o non è un PDF leggibile: scaricarlo di nuovo',
    en: 'The document "{title}" is damaged or is not a readable PDF: download it again',
  },
} satisfies Catalog;
