import type { Catalog } from './types.js';

/**
 * Synchronisation with SEND / RADD through the sync adapters (demo, send-b2b, radd, file).
 * A code says whether the engine may retry (see electron/sync/errors.ts); the text is for the clerk
 * who reads the sync status or the list of parked items.
 */
export const syncCatalog = {
  SYNC_NOT_RUNNING: {
    it: 'La sincronizzazione non è attiva: controllare le impostazioni dell\'adattatore',
    en: 'Sync is not running: check the adapter settings',
  },
  // Transport: worth retrying.
  SYNC_PEER_UNREACHABLE: {
    it: 'Servizio {peer} non raggiungibile: verificare la connessione. Nuovo tentativo automatico',
    en: 'Service {peer} unreachable: check the connection. It will be retried automatically',
  },
  SYNC_PEER_TIMEOUT: {
    it: 'Il servizio {peer} non ha risposto entro {timeoutMs} ms. Nuovo tentativo automatico',
    en: 'Service {peer} did not answer within {timeoutMs} ms. It will be retried automatically',
  },
  SYNC_PEER_UNAVAILABLE: {
    it: 'Il servizio {peer} è momentaneamente non disponibile (HTTP {status}). Nuovo tentativo automatico',
    en: 'Service {peer} is temporarily unavailable (HTTP {status}). It will be retried automatically',
  },
  SYNC_PEER_RATE_LIMITED: {
    it: 'Il servizio {peer} chiede di rallentare: nuovo tentativo tra {retryAfterMs} ms',
    en: 'Service {peer} asks to slow down: retrying in {retryAfterMs} ms',
  },
  // The peer answered, but not with what its API promises: nothing is applied. The API operation
  // (params.operation) is for the log (engine's 'sync: failure'), never in the clerk's text.
  SYNC_PEER_GARBAGE: {
    it: 'Risposta illeggibile dal servizio {peer}: nessun dato è stato modificato',
    en: 'Unreadable answer from service {peer}: no data was changed',
  },
  SYNC_SCHEMA_VIOLATION: {
    it: 'Risposta del servizio {peer} non conforme alle specifiche (campo {path}): nessun dato è stato modificato',
    en: 'Answer from service {peer} does not match its specification (field {path}): no data was changed',
  },
  SYNC_REQUEST_INVALID: {
    it: 'Dati da inviare non conformi alle specifiche (campo {path}): l\'invio è stato sospeso',
    en: 'Data to send does not match the specification (field {path}): sending was suspended',
  },
  // {detail} is the peer's own text as it sent it (data, not translated), or one of the two
  // messages below, sent as their code (withReason(…, 'detail')) and rendered in the reader's language.
  SYNC_PEER_REJECTED: {
    it: 'Il servizio {peer} ha rifiutato la richiesta (HTTP {status}): {detail}',
    en: 'Service {peer} refused the request (HTTP {status}): {detail}',
  },
  SYNC_PEER_NO_DETAIL: {
    it: 'nessun dettaglio nella risposta',
    en: 'no detail in the answer',
  },
  SYNC_PEER_CONFLICT_NOT_OURS: {
    it: 'SEND ha già una richiesta con lo stesso numero di protocollo, che non risulta essere quella inviata da questo computer: verificare il numero di protocollo',
    en: 'SEND already has a request with the same protocol number, which does not appear to be the one sent from this computer: check the protocol number',
  },
  SYNC_PEER_AUTH_FAILED: {
    it: 'Credenziali non accettate dal servizio {peer} (HTTP {status}): controllare la chiave nelle impostazioni',
    en: 'Credentials refused by service {peer} (HTTP {status}): check the key in the settings',
  },
  SYNC_IUN_INVALID_FORMAT: {
    it: 'Identificativo di notifica ricevuto dal servizio {peer} non valido: {iun}',
    en: 'Notification identifier received from service {peer} is not valid: {iun}',
  },
  SYNC_TAX_ID_INVALID_FORMAT: {
    it: 'Codice fiscale ricevuto dal servizio {peer} non valido (notifica {iun})',
    en: 'Tax code received from service {peer} is not valid (notification {iun})',
  },
  SYNC_UNKNOWN_NOTIFICATION: {
    it: 'Aggiornamenti ricevuti per la notifica {iun}, che non è presente su questo computer: nuovo tentativo automatico',
    en: 'Updates received for notification {iun}, which is not on this computer: it will be retried automatically',
  },
  // RADD result codes (DOMAIN.md 10.1) on outbox items.
  SYNC_RADD_NOT_READY: {
    it: 'Documenti non ancora pronti presso SEND per l\'operazione {operationId}: nuovo tentativo tra {retryAfterMs} ms',
    en: 'Documents not ready yet at SEND for operation {operationId}: retrying in {retryAfterMs} ms',
  },
  SYNC_RADD_NOT_STARTED: {
    it: 'SEND non conosce ancora l\'operazione {operationId}: si riprova dopo l\'invio dell\'avvio',
    en: 'SEND does not know operation {operationId} yet: retrying after the start is sent',
  },
  // {message} is SEND's own text, in Italian as SEND sends it (data, shown as sent): the message
  // around it says, in the reader's language, that it is SEND's answer.
  SYNC_RADD_REFUSED: {
    it: 'SEND ha rifiutato l\'operazione {operationId} (codice {code}). Risposta di SEND: «{message}»',
    en: 'SEND refused operation {operationId} (code {code}). SEND\'s answer, as sent: "{message}"',
  },
  SYNC_RADD_UPLOAD_FAILED: {
    it: 'Caricamento dei documenti d\'identità dell\'operazione {operationId} non riuscito (HTTP {status})',
    en: 'Upload of the identity documents of operation {operationId} failed (HTTP {status})',
  },
  SYNC_RADD_EVIDENCE_INVALID: {
    it: 'Estremi del documento d\'identità dell\'operazione {operationId} non validi (campo {path})',
    en: 'Identity document details of operation {operationId} are not valid (field {path})',
  },
  SYNC_BLOB_MISSING: {
    it: 'File {name} dell\'operazione {operationId} non trovato su questo computer',
    en: 'File {name} of operation {operationId} not found on this computer',
  },
  // Offline bundles (file adapter).
  SYNC_BUNDLE_CHECKSUM_MISMATCH: {
    it: 'Il pacchetto {file} è danneggiato o modificato ({entry}): non è stato importato nulla',
    en: 'Bundle {file} is damaged or was modified ({entry}): nothing was imported',
  },
  SYNC_BUNDLE_SIGNATURE_INVALID: {
    it: 'La firma del pacchetto {file} non corrisponde alla chiave di questo sportello: non è stato importato nulla',
    en: 'The signature of bundle {file} does not match this desk\'s key: nothing was imported',
  },
  SYNC_BUNDLE_MALFORMED: {
    it: 'Il pacchetto {file} non è leggibile ({detail}): non è stato importato nulla',
    en: 'Bundle {file} cannot be read ({detail}): nothing was imported',
  },
  SYNC_BUNDLE_KEY_MISSING: {
    it: 'Chiave dello sportello per i pacchetti non configurata: impostarla nelle impostazioni',
    en: 'The desk key for bundles is not configured: set it in the settings',
  },
  SYNC_BUNDLE_DIR_UNAVAILABLE: {
    it: 'Cartella dei pacchetti {dir} non disponibile: collegare la chiavetta o controllare le impostazioni',
    en: 'Bundle folder {dir} not available: plug in the USB stick or check the settings',
  },
  // Engine and configuration.
  SYNC_ADAPTER_UNKNOWN: {
    it: 'Modalità di sincronizzazione sconosciuta: {adapter} (ammesse: {known})',
    en: 'Unknown synchronisation mode: {adapter} (allowed: {known})',
  },
  SYNC_ADAPTER_NOT_CONFIGURED: {
    it: 'Sincronizzazione {adapter} non configurata: manca {setting}',
    en: 'Synchronisation {adapter} is not configured: {setting} is missing',
  },
  SYNC_PUSH_UNSUPPORTED: {
    it: 'La modalità {adapter} non può inviare operazioni di tipo {kind}',
    en: 'Mode {adapter} cannot send operations of type {kind}',
  },
  SYNC_OUTBOX_KIND_UNKNOWN: {
    it: 'Operazione in coda di tipo sconosciuto ({kind}): sospesa per verifica',
    en: 'Queued operation of an unknown type ({kind}): suspended for review',
  },
  // Not an error: the note kept on an item the chosen adapter does not carry (docs/decisions/sync.md).
  SYNC_LOCAL_ONLY: {
    it: 'Operazione {kind} registrata solo su questo computer: la modalità {adapter} non la trasmette',
    en: 'Operation {kind} recorded on this computer only: mode {adapter} does not transmit it',
  },
  SYNC_PAYLOAD_INVALID: {
    it: 'Operazione in coda {kind} non leggibile (campo {path}): sospesa per verifica',
    en: 'Queued operation {kind} cannot be read (field {path}): suspended for review',
  },
  SYNC_ITEM_NOT_FOUND: {
    it: 'Operazione in coda {id} non trovata',
    en: 'Queued operation {id} not found',
  },
  SYNC_ITEM_PARKED: {
    it: 'Operazione {kind} sospesa dopo {attempts} tentativi: {reason}',
    en: 'Operation {kind} suspended after {attempts} attempts: {reason}',
  },
  SYNC_STOPPED: {
    it: 'Sincronizzazione interrotta',
    en: 'Synchronisation stopped',
  },
} satisfies Catalog;
