import type { Catalog } from './types.js';

/** Codes of operators, sign-in, the audit log and stored secrets (issue #11). */
export const authCatalog = {
  AUTH_INVALID_CREDENTIALS: {
    it: 'Nome utente o password non corretti',
    en: 'Wrong user name or password',
  },
  AUTH_LOCKED: {
    it: 'Utente bloccato per troppi tentativi errati: riprovare tra {minutes} minuti o rivolgersi all\'amministratore',
    en: 'User locked after too many failed attempts: try again in {minutes} minutes or ask the administrator',
  },
  AUTH_ACCOUNT_DISABLED: {
    it: 'Utente disattivato: rivolgersi all\'amministratore',
    en: 'This user is disabled: ask the administrator',
  },
  AUTH_NO_OPERATOR: {
    it: 'Nessun utente collegato: effettuare l\'accesso con il proprio utente',
    en: 'No user signed in: sign in with your own user',
  },
  OPERATOR_NOT_FOUND: {
    it: 'Utente non trovato',
    en: 'User not found',
  },
  OPERATOR_USERNAME_ALREADY_USED: {
    it: 'Il nome utente {username} è già usato da un altro utente',
    en: 'The user name {username} is already taken',
  },
  OPERATOR_LAST_ADMIN: {
    it: 'Deve restare almeno un amministratore attivo: operazione non eseguita',
    en: 'At least one active administrator must remain: nothing was changed',
  },
  AUDIT_EXPORT_TOO_LARGE: {
    it: 'Troppe voci da esportare (più di {max}): restringere il periodo o i filtri',
    en: 'Too many entries to export (more than {max}): narrow the period or the filters',
  },
  SECRET_STORAGE_UNAVAILABLE: {
    it: 'Archivio protetto del sistema non disponibile: impossibile salvare la credenziale',
    en: 'The system\'s protected storage is not available: the credential cannot be saved',
  },
} satisfies Catalog;
