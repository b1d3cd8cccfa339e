import type { Catalog } from './types.js';

/**
 * Delegations registered at the desk (DOMAIN.md 10 step 1): the "Deleghe" screen. Dates in the
 * params are Europe/Rome days written DD/MM/YYYY.
 */
export const deskMandatesCatalog = {
  MANDATE_SELF_DELEGATION: {
    it: 'Delegante e delegato hanno lo stesso codice fiscale ({taxId}): una persona non può delegare sé stessa',
    en: 'Delegator and delegate have the same tax code ({taxId}): nobody can delegate themselves',
  },
  MANDATE_DENOMINATION_REQUIRED: {
    it: 'Indicare nome e cognome (o la denominazione) del delegato',
    en: 'Enter the delegate\'s full name (or company name)',
  },
  MANDATE_DATE_INVALID: {
    it: 'Data non valida: {value}',
    en: 'Invalid date: {value}',
  },
  MANDATE_VALIDITY_INVERTED: {
    it: 'La delega non può finire ({validTo}) prima di iniziare ({validFrom})',
    en: 'The delegation cannot end ({validTo}) before it starts ({validFrom})',
  },
  MANDATE_VALID_TO_PAST: {
    it: 'La delega sarebbe già scaduta ({validTo}): indicare come ultimo giorno oggi o una data futura',
    en: 'The delegation would already be over ({validTo}): give today or a later day as its last day',
  },
  MANDATE_OVERLAPS: {
    it: 'Esiste già una delega valida tra queste due persone nello stesso periodo: revocarla prima di registrarne una nuova',
    en: 'A valid delegation between these two people already covers that period: revoke it before registering a new one',
  },
  MANDATE_NOT_FOUND: {
    it: 'Delega non trovata: aggiornare l\'elenco e riprovare',
    en: 'Delegation not found: refresh the list and try again',
  },
  MANDATE_ALREADY_ENDED: {
    it: 'La delega è già terminata ({validTo}): non c\'è nulla da revocare',
    en: 'The delegation has already ended ({validTo}): there is nothing to revoke',
  },
} satisfies Catalog;
