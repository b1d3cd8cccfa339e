import type { Catalog } from './types.js';

/** IUN, codice fiscale and partita IVA (DOMAIN.md 2, 14). Warnings (never rejections) at the end. */
export const identifiersCatalog = {
  IUN_INVALID_FORMAT: {
    it: 'Formato IUN non valido: il codice ha la forma XXXX-XXXX-XXXX-AAAAMM-X-1',
    en: 'Invalid IUN format: the code looks like XXXX-XXXX-XXXX-YYYYMM-X-1',
  },
  IUN_INVALID_CHARACTER: {
    it: 'Carattere non ammesso nello IUN: "{char}" in posizione {position}',
    en: 'Character not allowed in the IUN: "{char}" at position {position}',
  },
  IUN_INVALID_MONTH: { it: 'IUN: mese non valido ({month})', en: 'IUN: invalid month ({month})' },
  IUN_INVALID_CHECK_CHAR: {
    it: 'IUN: carattere di controllo errato, ricontrollare il codice',
    en: 'IUN: wrong check character, please check the code',
  },
  TAX_ID_INVALID_LENGTH: {
    it: 'Codice fiscale: lunghezza errata ({length} caratteri, attesi {expected})',
    en: 'Tax code: wrong length ({length} characters, expected {expected})',
  },
  TAX_ID_INVALID_FORMAT: { it: 'Codice fiscale: formato non valido', en: 'Tax code: invalid format' },
  TAX_ID_INVALID_MONTH: { it: 'Codice fiscale: mese non valido ({letter})', en: 'Tax code: invalid month ({letter})' },
  TAX_ID_INVALID_DAY: { it: 'Codice fiscale: giorno non valido ({day})', en: 'Tax code: invalid day ({day})' },
  TAX_ID_INVALID_CHECK_CHAR: {
    it: 'Codice fiscale: carattere di controllo errato, ricontrollare il codice',
    en: 'Tax code: wrong check character, please check the code',
  },
  VAT_INVALID_FORMAT: {
    it: 'Partita IVA non valida: servono 11 cifre',
    en: 'Invalid VAT number: 11 digits are required',
  },
  VAT_INVALID_CHECK_DIGIT: {
    it: 'Partita IVA non valida: cifra di controllo errata',
    en: 'Invalid VAT number: wrong check digit',
  },
  VAT_INVALID: { it: 'Partita IVA non valida', en: 'Invalid VAT number' },
  IUN_ADJACENT_LETTERS: {
    it: 'IUN insolito: lettere "{pair}" affiancate nel gruppo {group}; verificare il codice',
    en: 'Unusual IUN: letters "{pair}" side by side in group {group}; please check the code',
  },
  IUN_CHECK_CHAR_UNVERIFIED: {
    it: 'IUN {iun} ricevuto da SEND con carattere di controllo {found} invece di {expected}',
    en: 'IUN {iun} received from SEND with check character {found} instead of {expected}',
  },
  TAX_ID_CHECK_CHAR_UNVERIFIED: {
    it: 'Codice fiscale {taxId} ricevuto da SEND con carattere di controllo {found} invece di {expected}',
    en: 'Tax code {taxId} received from SEND with check character {found} instead of {expected}',
  },
} satisfies Catalog;
