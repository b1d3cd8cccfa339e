import type { Catalog } from './types.js';

/** RADD desk rules: transactions, ACT/AOR eligibility, identity documents, history search (DOMAIN.md 10, 10.1, 13). */
export const deskCatalog = {
  // Transactions (DOMAIN.md 10.1)
  RADD_TRANSACTION_NOT_FOUND: {
    it: 'Operazione {operationId} inesistente',
    en: 'Operation {operationId} does not exist',
  },
  RADD_TRANSACTION_ALREADY_COMPLETED: {
    it: 'L\'operazione {operationId} risulta già completata',
    en: 'Operation {operationId} is already completed',
  },
  RADD_TRANSACTION_ALREADY_ABORTED: {
    it: 'L\'operazione {operationId} risulta annullata',
    en: 'Operation {operationId} was aborted',
  },
  RADD_TRANSACTION_IN_ERROR: {
    it: 'L\'operazione {operationId} risulta in errore: avviarla di nuovo con gli stessi dati o iniziarne una nuova',
    en: 'Operation {operationId} is in error: start it again with the same data or begin a new one',
  },
  RADD_TRANSACTION_ALREADY_EXISTS: {
    it: 'Esiste già un\'operazione {operationId} con dati diversi o già chiusa: iniziare una nuova operazione',
    en: 'An operation {operationId} already exists with different data or is already closed: begin a new operation',
  },
  RADD_TRANSACTION_NOT_STARTED: {
    it: 'L\'operazione {operationId} non ha ancora consegnato i documenti: avviarla di nuovo o annullarla',
    en: 'Operation {operationId} has not handed out the documents yet: start it again or abort it',
  },
  // RADD result codes as messages (DOMAIN.md 10.1)
  RADD_RESULT_OK: { it: 'Operazione eseguita', en: 'Done' },
  RADD_DOCUMENTS_NOT_READY: {
    it: 'Documenti in preparazione: riprovare tra {seconds} secondi con la stessa operazione',
    en: 'Documents are being prepared: try again in {seconds} seconds with the same operation',
  },
  RADD_INVALID_INPUT: { it: 'Dati inseriti non validi', en: 'The data entered is not valid' },
  RADD_GENERIC_FAILURE: {
    it: 'Si è verificato un errore: riprovare; se si ripete, segnalarlo all\'assistenza',
    en: 'Something went wrong: try again; if it persists, report it to support',
  },
  // ACT / AOR eligibility (DOMAIN.md 10, 13)
  NOTIFICATION_CANCELLED: {
    it: 'Questa notifica è stata annullata dall\'ente mittente: non può essere consegnata',
    en: 'This notification was cancelled by the sender: it cannot be handed out',
  },
  NOTIFICATION_REFUSED: {
    it: 'Notifica non disponibile: è stata rifiutata al momento del deposito',
    en: 'Notification not available: it was refused when deposited',
  },
  TAX_ID_NOT_RECIPIENT: {
    it: 'QR non associato al codice fiscale: la notifica non è indirizzata a {taxId}',
    en: 'QR code not linked to this tax code: the notification is not addressed to {taxId}',
  },
  IUN_NOT_OF_TAX_ID: {
    it: 'La notifica {iun} non è indirizzata al codice fiscale {taxId}: controllare lo IUN e il codice fiscale',
    en: 'Notification {iun} is not addressed to tax code {taxId}: check the IUN and the tax code',
  },
  PRINT_LIMIT_REACHED: {
    it: 'Stampa già eseguita: raggiunto il limite di {limit} stampe per questa notifica e questo destinatario',
    en: 'Already printed: the limit of {limit} prints for this notification and recipient is reached',
  },
  DOCUMENTS_NO_LONGER_AVAILABLE: {
    it: 'Documenti non più disponibili per questa notifica',
    en: 'Documents no longer available for this notification',
  },
  DELEGATION_MISSING: {
    it: 'Nessuna delega attiva di {recipientTaxId} a favore di {delegateTaxId}: il delegato non può ritirare',
    en: 'No active delegation from {recipientTaxId} to {delegateTaxId}: the delegate cannot collect',
  },
  AOR_NOTHING_PENDING: {
    it: 'Non ci sono avvisi non consegnati da stampare per questo codice fiscale',
    en: 'There are no undelivered notices to print for this tax code',
  },
  // Identity document (DOMAIN.md 10 step 1, schema identity-doc-info)
  IDENTITY_DOCUMENT_TYPE_INVALID: {
    it: 'Tipo di documento di identità non ammesso',
    en: 'Identity document type not accepted',
  },
  IDENTITY_DOCUMENT_NUMBER_INVALID: {
    it: 'Numero del documento di identità non valido: da 5 a 20 lettere o cifre',
    en: 'Identity document number not valid: 5 to 20 letters or digits',
  },
  IDENTITY_DOCUMENT_NUMBER_SHAPE: {
    it: 'Numero non valido per il tipo di documento scelto: si scrive come {example} (controllare anche il tipo)',
    en: 'Number not valid for the document type chosen: it reads like {example} (check the type too)',
  },
  IDENTITY_DOCUMENT_ISSUER_MISSING: {
    it: 'Indicare l\'ente che ha rilasciato il documento',
    en: 'Enter the authority that issued the document',
  },
  IDENTITY_DOCUMENT_DATE_INVALID: {
    it: 'Data del documento non valida (usare il formato AAAA-MM-GG)',
    en: 'Document date not valid (use the YYYY-MM-DD format)',
  },
  IDENTITY_DOCUMENT_ISSUED_IN_FUTURE: {
    it: 'La data di rilascio del documento è nel futuro',
    en: 'The document issue date is in the future',
  },
  IDENTITY_DOCUMENT_ISSUED_AFTER_EXPIRY: {
    it: 'La data di rilascio è successiva alla data di scadenza',
    en: 'The issue date is after the expiry date',
  },
  IDENTITY_DOCUMENT_EXPIRED: {
    it: 'Documento di identità scaduto il {expiryDate}: chiedere un documento valido',
    en: 'Identity document expired on {expiryDate}: ask for a valid document',
  },
  // History search (DOMAIN.md 10.1 History)
  HISTORY_QUERY_EMPTY: {
    it: 'Indicare uno IUN, un codice operazione o un codice fiscale',
    en: 'Enter an IUN, an operation id or a tax code',
  },
  HISTORY_DATE_INVALID: {
    it: 'Data non valida (usare il formato AAAA-MM-GG)',
    en: 'Date not valid (use the YYYY-MM-DD format)',
  },
  HISTORY_DATE_IN_FUTURE: {
    it: 'Non si possono cercare date future',
    en: 'Future dates cannot be searched',
  },
  HISTORY_DATE_RANGE_INVERTED: {
    it: 'La data iniziale è successiva alla data finale',
    en: 'The start date is after the end date',
  },
} satisfies Catalog;
