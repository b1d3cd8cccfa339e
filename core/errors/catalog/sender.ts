import type { Catalog } from './types.js';

/** Sender office screens: list, export, cancellation, new notification (DOMAIN.md 3-6, 13; B2B spec). */
export const senderCatalog = {
  SENDER_NOTIFICATION_NOT_CANCELLABLE: {
    it: 'La notifica {iun} è nello stato «{status}» e non può essere annullata',
    en: 'Notification {iun} is "{status}" and cannot be cancelled',
  },
  SENDER_PERIOD_INVALID: {
    it: 'Periodo non valido: la data iniziale deve precedere quella finale',
    en: 'Invalid period: the start date must come before the end date',
  },
  SENDER_EXPORT_NOT_FOUND: {
    it: 'Esportazione {jobId} non trovata o scaduta: avviarla di nuovo',
    en: 'Export {jobId} not found or expired: start it again',
  },
  SENDER_EXPORT_BUSY: {
    it: 'Sono già in corso {count} esportazioni: attendere che terminino',
    en: '{count} exports are already running: wait for them to finish',
  },
  SENDER_LEGAL_FACT_NOT_FOUND: {
    it: 'Attestazione {legalFactId} non trovata per la notifica {iun}',
    en: 'Attestation {legalFactId} not found for notification {iun}',
  },
  SENDER_DOCUMENT_NOT_FOUND: {
    it: 'Il documento {docIndex} della notifica {iun} non è disponibile su questo computer',
    en: 'Document {docIndex} of notification {iun} is not available on this computer',
  },
  SENDER_UPLOAD_NOT_FOUND: {
    it: 'Il documento «{title}» non risulta caricato: caricarlo di nuovo',
    en: 'Document "{title}" has not been uploaded: upload it again',
  },
  SENDER_UPLOAD_NOT_PDF: {
    it: 'Il file «{title}» non è un PDF: sono ammessi solo documenti PDF',
    en: 'File "{title}" is not a PDF: only PDF documents are accepted',
  },
  SENDER_UPLOAD_DIGEST_MISMATCH: {
    it: 'L\'impronta SHA-256 del file «{title}» non corrisponde a quella calcolata: caricarlo di nuovo',
    en: 'The SHA-256 digest of file "{title}" does not match the computed one: upload it again',
  },
  SENDER_NOTIFICATION_DUPLICATE: {
    it: 'Il protocollo {paProtocolNumber} con lo stesso codice della richiesta è già della notifica {iun}, con dati diversi: per una nuova notifica usare un altro protocollo o un altro codice della richiesta',
    en: 'Protocol {paProtocolNumber} with the same request code already belongs to notification {iun}, with different data: for a new notification use another protocol number or request code',
  },
  SENDER_RECIPIENT_DUPLICATE: {
    it: 'Il destinatario con codice fiscale {taxId} è indicato più di una volta',
    en: 'The recipient with tax code {taxId} is listed more than once',
  },
  SENDER_NOTICE_CODE_INVALID: {
    it: 'Codice avviso pagoPA non valido: servono esattamente 18 cifre',
    en: 'Invalid pagoPA notice code: exactly 18 digits are needed',
  },
  SENDER_NOTICE_CODE_DUPLICATE: {
    it: 'Il codice avviso {noticeCode} è indicato più di una volta',
    en: 'Notice code {noticeCode} is listed more than once',
  },
  SENDER_TAXONOMY_CODE_INVALID: {
    it: 'Codice tassonomico non valido: 6 cifre e una lettera maiuscola (es. 010202N)',
    en: 'Invalid taxonomy code: 6 digits and one capital letter (e.g. 010202N)',
  },
  SENDER_ZIP_REQUIRED: {
    it: 'Il CAP è obbligatorio per un indirizzo in Italia',
    en: 'The postcode is required for an address in Italy',
  },
  SENDER_ZIP_INVALID: {
    it: 'Il CAP di un indirizzo in Italia ha 5 cifre (es. 00187): «{zip}» non è valido',
    en: 'The postcode of an address in Italy has 5 digits (e.g. 00187): "{zip}" is not valid',
  },
  SENDER_DOCUMENTS_REQUIRED: {
    it: 'Allegare almeno un documento PDF',
    en: 'Attach at least one PDF document',
  },
  SENDER_PEC_INVALID: {
    it: 'Indirizzo PEC non valido',
    en: 'Invalid PEC address',
  },
  SENDER_TEXT_INVALID: {
    it: 'Testo non valido: sono ammessi solo caratteri stampabili ({max} al massimo)',
    en: 'Invalid text: only printable characters are allowed ({max} at most)',
  },
} satisfies Catalog;
