import type { Catalog } from './types.js';

/**
 * The RADD desk counter flow (scan, identify, print, hand over, complete; DOMAIN.md 9, 10, 10.1, 13):
 * what the host refuses on top of the core's desk rules (catalogue `desk`).
 */
export const deskCounterCatalog = {
  DESK_INPUT_UNRECOGNISED: {
    it: 'Codice non riconosciuto: scansionare il QR dell\'avviso, oppure digitare lo IUN o il codice fiscale',
    en: 'Code not recognised: scan the notice QR code, or type the IUN or the tax code',
  },
  AAR_QR_UNKNOWN: {
    it: 'QR non riconosciuto da SEND: il codice non corrisponde a nessun avviso. Verificare l\'avviso o cercare la notifica per IUN',
    en: 'QR code not recognised by SEND: it matches no notice. Check the notice or search the notification by IUN',
  },
  ACT_DOCUMENT_MISSING: {
    it: 'Il documento "{title}" della notifica {iun} non è presente su questo computer: non si può stampare. Sincronizzare i documenti o segnalarlo all\'assistenza',
    en: 'Document "{title}" of notification {iun} is not on this computer: it cannot be printed. Synchronise the documents or report it to support',
  },
  DELEGATION_FORM_MISSING: {
    it: 'Delega mancante: acquisire la scansione della delega firmata dal destinatario',
    en: 'Delegation missing: scan the delegation form signed by the recipient',
  },
  IDENTITY_SCAN_MISSING: {
    it: 'Manca la scansione del documento di identità',
    en: 'The identity document scan is missing',
  },
  COMPANY_DOCUMENTS_MISSING: {
    it: 'Per una persona giuridica servono la visura camerale e l\'autodichiarazione del legale rappresentante',
    en: 'A legal person needs the company register extract and the legal representative\'s self-declaration',
  },
  DELEGATE_IS_RECIPIENT: {
    it: 'Il delegato non può essere il destinatario stesso: scegliere "ritira il destinatario"',
    en: 'The delegate cannot be the recipient: choose "the recipient collects"',
  },
  SCAN_TYPE_NOT_ALLOWED: {
    it: 'Formato del file non ammesso: usare un\'immagine JPEG o PNG oppure un PDF',
    en: 'File format not accepted: use a JPEG or PNG image or a PDF',
  },
  SCAN_TOO_LARGE: {
    it: 'File troppo grande ({sizeMb} MB): il massimo è {maxMb} MB',
    en: 'File too large ({sizeMb} MB): the maximum is {maxMb} MB',
  },
  SCAN_EMPTY: { it: 'Il file è vuoto', en: 'The file is empty' },
  SCAN_NOT_FOUND: {
    it: 'Scansione non trovata su questo computer: acquisirla di nuovo',
    en: 'Scan not found on this computer: scan it again',
  },
  SCANNER_FOLDER_UNAVAILABLE: {
    it: 'Cartella dello scanner non disponibile ({folder}): controllare le impostazioni',
    en: 'Scanner folder not available ({folder}): check the settings',
  },
  SCANNER_FILE_NOT_FOUND: {
    it: 'Il file {name} non è più nella cartella dello scanner',
    en: 'File {name} is no longer in the scanner folder',
  },
  DESK_DOCUMENTS_NOT_HANDED_OVER: {
    it: 'Mancano {missing} documenti da consegnare: spuntare ogni documento consegnato prima di completare',
    en: '{missing} documents still to hand over: tick every document handed over before completing',
  },
  DESK_DOCUMENT_NOT_PRINTED: {
    it: 'Stampare o scaricare il documento prima di segnarlo come consegnato',
    en: 'Print or download the document before marking it as handed over',
  },
  DESK_DOCUMENT_NOT_IN_OPERATION: {
    it: 'Il documento indicato non fa parte dell\'operazione {operationId}',
    en: 'The document given is not part of operation {operationId}',
  },
  DESK_TRANSACTION_NOT_OPEN: {
    it: 'L\'operazione {operationId} non è più aperta: è stata chiusa nel frattempo e non è stato modificato nulla',
    en: 'Operation {operationId} is no longer open: it was closed meanwhile and nothing was changed',
  },
  RADD_TRANSACTION_COMPLETED_ELSEWHERE: {
    it: 'L\'operazione {operationId} è già stata completata da un altro sportello ({deskId}): nessuna nuova registrazione',
    en: 'Operation {operationId} was already completed by another desk ({deskId}): nothing new recorded',
  },
  DESK_RECEIPT_NOT_AVAILABLE: {
    it: 'La ricevuta esiste solo per le operazioni completate',
    en: 'A receipt exists only for completed operations',
  },
  DESK_PRINT_FAILED: {
    it: 'Stampa non riuscita: {reason}. L\'operazione è passata in errore e non può essere completata',
    en: 'Printing failed: {reason}. The operation is now in error and cannot be completed',
  },
} satisfies Catalog;
