import type { Catalog } from './types.js';

/**
 * The postal desk (item codes, scans, batch entry, CSV import, second attempt). The rules of the
 * outcomes themselves are in paper.ts (DOMAIN.md 7.3, 7.4).
 */
export const postalCatalog = {
  POSTAL_ITEM_CODE_INVALID: {
    it: 'Codice invio non riconosciuto: {value}. Usare lo IUN, IUN/destinatario/tentativo o il codice della raccomandata',
    en: 'Item code not recognised: {value}. Use the IUN, IUN/recipient/attempt or the registered letter code',
  },
  POSTAL_ITEM_NOT_FOUND: {
    it: 'Nessun invio cartaceo per {item}',
    en: 'No paper item for {item}',
  },
  POSTAL_ITEM_AMBIGUOUS: {
    it: 'Lo IUN {iun} ha più invii aperti: indicare destinatario e tentativo',
    en: 'IUN {iun} has several open items: give the recipient and the attempt',
  },
  POSTAL_NEXT_STEP_REQUIRED: {
    it: 'Primo tentativo non recapitato: indicare il passo successivo (secondo tentativo, nessun nuovo indirizzo o ricerca dell\'indirizzo)',
    en: 'First attempt not delivered: give the next step (second attempt, no new address or address search)',
  },
  POSTAL_NEXT_STEP_NOT_ALLOWED: {
    it: 'Il passo successivo si indica solo per un primo tentativo non recapitato',
    en: 'A next step is given only for a first attempt that was not delivered',
  },
  POSTAL_NEXT_STEP_INVALID: {
    it: 'Passo successivo non valido: {value} (ammessi: D00, D01, D02, RICERCA)',
    en: 'Invalid next step: {value} (allowed: D00, D01, D02, RICERCA)',
  },
  POSTAL_NOT_PREPARED: {
    it: 'Nessun secondo tentativo da spedire per {item}',
    en: 'No second attempt to send for {item}',
  },
  POSTAL_DATE_INVALID: {
    it: 'Data non valida: {value}. Usare GG/MM/AAAA o AAAA-MM-GG, con l\'ora HH:MM se è sulla ricevuta',
    en: 'Invalid date: {value}. Use DD/MM/YYYY or YYYY-MM-DD, with the time HH:MM if the receipt has it',
  },
  // A date without a time stands for 12:00 (electron/postal/receipt-date.ts): today before midday it would be in the future.
  POSTAL_TIME_REQUIRED: {
    it: 'Per la data di oggi ({value}) indicare anche l\'ora sulla ricevuta: senza ora vale le 12:00, che non sono ancora passate',
    en: 'For today\'s date ({value}) give the time on the receipt too: without a time it stands for 12:00, which has not come yet',
  },
  POSTAL_DATE_BEFORE_PREPARE: {
    it: 'La data {at} è precedente alla preparazione del secondo tentativo ({preparedAt})',
    en: 'The date {at} is before the second attempt was prepared ({preparedAt})',
  },
  POSTAL_FIELD_REQUIRED: {
    it: 'Campo obbligatorio mancante: {field}',
    en: 'Required field missing: {field}',
  },
  POSTAL_OUTCOME_ALREADY_RECORDED: {
    it: 'Esito già registrato: {code} del {at} risulta già per questo invio (non è stato registrato di nuovo)',
    en: 'Outcome already recorded: {code} of {at} is already on this item (it was not recorded again)',
  },
  POSTAL_UNKNOWN_OUTCOME: {
    it: 'Esito sconosciuto: {value}',
    en: 'Unknown outcome: {value}',
  },
  POSTAL_BATCH_LINE_REFUSED: {
    it: 'Riga {line} ({item}): {reason} — nessun esito del lotto è stato registrato',
    en: 'Line {line} ({item}): {reason} — no outcome of the batch was recorded',
  },
  // The id of a batch already recorded sent with other items or another outcome (electron/postal/batch-once.ts).
  POSTAL_BATCH_ID_ALREADY_USED: {
    it: 'Questo lotto è già stato registrato con altri invii o un altro esito: nulla è stato registrato di nuovo. Ricontrollare l\'elenco e confermare come nuovo lotto',
    en: 'This batch was already recorded with other items or another outcome: nothing was recorded again. Check the list and confirm it as a new batch',
  },
  POSTAL_SCAN_UNREADABLE: {
    it: 'Il file {fileName} non è un\'immagine PNG/JPEG o un PDF leggibile',
    en: 'The file {fileName} is not a readable PNG/JPEG image or PDF',
  },
  POSTAL_SCAN_TOO_LARGE: {
    it: 'Il file {fileName} è troppo grande (massimo {maxMb} MB)',
    en: 'The file {fileName} is too large (at most {maxMb} MB)',
  },
  POSTAL_SCAN_NOT_FOUND: {
    it: 'Scansione non trovata: caricarla di nuovo',
    en: 'Scan not found: please upload it again',
  },
  POSTAL_UPLOAD_NOT_FOUND: {
    it: 'Caricamento non trovato o scaduto: ricominciare',
    en: 'Upload not found or expired: please start again',
  },
  POSTAL_UPLOAD_OUT_OF_ORDER: {
    it: 'Parte del file ricevuta fuori ordine: ricominciare il caricamento',
    en: 'Part of the file arrived out of order: please start the upload again',
  },
  // A chunk at an offset already received, with other bytes (a repeat with the same bytes gets its first answer).
  POSTAL_UPLOAD_CHUNK_CONFLICT: {
    it: 'Una parte del file {fileName} già ricevuta è arrivata di nuovo con un contenuto diverso: ricominciare il caricamento',
    en: 'A part of the file {fileName} already received arrived again with different content: please start the upload again',
  },
  POSTAL_CSV_ENCODING_INVALID: {
    it: 'Il file non è in UTF-8 (riga {line}): salvarlo come "CSV UTF-8" e riprovare',
    en: 'The file is not UTF-8 (line {line}): save it as "CSV UTF-8" and try again',
  },
  POSTAL_CSV_WRONG_COLUMNS: {
    it: 'Colonne del file non valide (mancanti: {missing}; non previste: {unknown}). Colonne ammesse: {expected}',
    en: 'Invalid file columns (missing: {missing}; not expected: {unknown}). Allowed columns: {expected}',
  },
  POSTAL_CSV_EMPTY: {
    it: 'Il file non contiene righe di esiti',
    en: 'The file contains no outcome lines',
  },
  POSTAL_CSV_TOO_LARGE: {
    it: 'File troppo grande: al massimo {maxLines} righe e {maxMb} MB',
    en: 'File too large: at most {maxLines} lines and {maxMb} MB',
  },
  POSTAL_CSV_FIELD_INVALID: {
    it: 'Valore non valido nella colonna {column}: {value}',
    en: 'Invalid value in column {column}: {value}',
  },
  POSTAL_CSV_LINE_FIELDS: {
    it: 'La riga ha {found} campi invece di {expected}',
    en: 'The line has {found} fields instead of {expected}',
  },
  POSTAL_IMPORT_NOT_FOUND: {
    it: 'Importazione non trovata o scaduta: caricare di nuovo il file',
    en: 'Import not found or expired: upload the file again',
  },
  POSTAL_IMPORT_BUSY: {
    it: 'Importazione già in corso per questo file',
    en: 'This file is already being imported',
  },
  // A step named by where it starts (postal.importCsvStep `from`) that is neither the next one nor one already answered.
  POSTAL_IMPORT_STEP_OUT_OF_ORDER: {
    it: 'Questo passo dell\'importazione non segue l\'ultimo: le righe già importate sono {done}. Riprendere l\'importazione per continuare da lì',
    en: 'This import step does not follow the last one: {done} lines are already imported. Resume the import to go on from there',
  },
  POSTAL_IMPORT_NOT_READY: {
    it: 'Il file non è stato ancora caricato del tutto',
    en: 'The file has not been fully uploaded yet',
  },
} satisfies Catalog;
