import type { Catalog } from './types.js';

/** Codes of the first-run setup: creating the desk's first administrator (issue #11). */
export const firstRunCatalog = {
  AUTH_SETUP_ALREADY_DONE: {
    it: 'L\'amministratore è già stato creato: accedere con nome utente e password',
    en: 'The administrator already exists: sign in with user name and password',
  },
  AUTH_PASSWORDS_DIFFER: {
    it: 'Le due password non coincidono: scriverle di nuovo',
    en: 'The two passwords do not match: type them again',
  },
} satisfies Catalog;
