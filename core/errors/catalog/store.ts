import type { Catalog } from './types.js';

/** Codes of the local store (db/): opening, integrity, backups, documents on disk. */
export const storeCatalog = {
  DB_NEWER_VERSION: {
    it: 'L\'archivio è stato creato da una versione più recente dell\'applicazione ({migrations}): aggiornare l\'applicazione. L\'archivio non è stato modificato',
    en: 'The database was written by a newer version of the application ({migrations}): update the application. The database was not modified',
  },
  DB_NOT_A_DATABASE: {
    it: 'Il file {path} non è un archivio dell\'applicazione: non è stato aperto né modificato',
    en: 'The file {path} is not an application database: it was neither opened nor modified',
  },
  DB_INTEGRITY_FAILED: {
    it: 'Controllo di integrità dell\'archivio fallito ({detail}): ripristinare l\'ultima copia di sicurezza',
    en: 'Database integrity check failed ({detail}): restore the latest backup',
  },
  DB_READ_ONLY: {
    it: 'L\'archivio è in sola lettura: impossibile salvare. Controllare i permessi della cartella dei dati',
    en: 'The database is read-only: nothing can be saved. Check the permissions of the data folder',
  },
  DB_DISK_FULL: {
    it: 'Disco pieno: impossibile salvare. Liberare spazio e riprovare',
    en: 'Disk full: nothing can be saved. Free some space and try again',
  },
  DB_BUSY: {
    it: 'Archivio occupato da un\'altra operazione: riprovare tra qualche secondo',
    en: 'The database is busy with another operation: try again in a few seconds',
  },
  DB_BACKUP_UNSUPPORTED: {
    it: 'Copia di sicurezza non disponibile per questo tipo di archivio ({client})',
    en: 'Backup is not available for this kind of database ({client})',
  },
  DB_BACKUP_TARGET_EXISTS: {
    it: 'Il file di destinazione della copia esiste già: {path}',
    en: 'The backup target file already exists: {path}',
  },
  DOCUMENT_MISSING: {
    it: 'Documento non disponibile su questo computer (impronta {sha256})',
    en: 'Document not available on this computer (digest {sha256})',
  },
  DOCUMENT_CHECKSUM_MISMATCH: {
    it: 'Documento danneggiato: l\'impronta non corrisponde (attesa {expected}): non può essere consegnato',
    en: 'Document damaged: its digest does not match (expected {expected}): it cannot be handed out',
  },
} satisfies Catalog;
