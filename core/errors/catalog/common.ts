import type { Catalog } from './types.js';

/** Codes shared by every area (API boundary, generic failures). */
export const commonCatalog = {
  VALIDATION_FAILED: { it: 'Dati non validi: controllare i campi evidenziati', en: 'Invalid data: check the highlighted fields' },
  UNKNOWN_OPERATION: { it: 'Operazione sconosciuta: {op}', en: 'Unknown operation: {op}' },
  UNAUTHORIZED: { it: 'Accesso non autorizzato: effettuare di nuovo l\'accesso', en: 'Not authorised: please sign in again' },
  FORBIDDEN: { it: 'Operazione non consentita per il proprio ruolo', en: 'This operation is not allowed for your role' },
  // Browser mode: the page could not reach the host at all (renderer/api/transport-http.ts).
  HOST_UNREACHABLE: { it: 'Applicazione non raggiungibile: verificare che RADD Desk sia in esecuzione', en: 'The application host cannot be reached: check that RADD Desk is running' },
  LINK_EXPIRED: {
    it: 'Il collegamento è scaduto o non è più valido: riaprire il documento dall\'applicazione (un collegamento vale due minuti e termina con l\'uscita)',
    en: 'This link has expired or is no longer valid: open the document again from the application (a link lasts two minutes and ends at sign-out)',
  },
  NOT_FOUND: { it: 'Elemento non trovato', en: 'Not found' },
  CONFLICT: { it: 'Operazione in conflitto con lo stato attuale', en: 'The operation conflicts with the current state' },
  PAYLOAD_TOO_LARGE: { it: 'Richiesta troppo grande', en: 'Request too large' },
  // A file over the limit of its operation, found by the screen before sending (FILE_TOO_LARGE
  // names the file), or by the host's body cap when it is sent anyway (UPLOAD_TOO_LARGE: the host
  // cannot read the name from a body it refuses; nor is a file without a name given one, by the screen).
  FILE_TOO_LARGE: {
    it: 'File troppo grande: «{fileName}» ({sizeMb} MB). Il massimo è {maxMb} MB',
    en: 'File too large: "{fileName}" ({sizeMb} MB). The maximum is {maxMb} MB',
  },
  UPLOAD_TOO_LARGE: {
    it: 'File troppo grande: il massimo è {maxMb} MB',
    en: 'File too large: the maximum is {maxMb} MB',
  },
  MALFORMED_REQUEST: { it: 'Richiesta non leggibile', en: 'Malformed request' },
  REQUEST_TIMEOUT: { it: 'La richiesta è arrivata incompleta: nulla è stato registrato, riprovare', en: 'The request arrived incomplete: nothing was recorded, please try again' },
  INTERNAL: { it: 'Errore interno (codice {correlationId}): riprovare; se si ripete, segnalarlo all\'assistenza', en: 'Internal error (reference {correlationId}): try again; if it persists, report it to support' },
  NOTIFICATION_NOT_FOUND: { it: 'Notifica non trovata', en: 'Notification not found' },
  // A request the screen named (its requestId) already carried out with other data: the id of a draft
  // sent again after the draft changed, by a screen that did not renew it (electron/api/answer-once.ts).
  REQUEST_ID_ALREADY_USED: {
    it: 'Questa richiesta è già stata eseguita con dati diversi: nulla è stato registrato di nuovo. Ricontrollare i dati e confermare di nuovo',
    en: 'This request was already carried out with other data: nothing was recorded again. Check the data and confirm again',
  },
} satisfies Catalog;
