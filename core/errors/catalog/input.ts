import type { Catalog } from './types.js';

/**
 * What is wrong with a field of a form, whatever the screen: every check of the API's input schemas
 * (required, length, format, choice, number range) ends in one of these, so that the clerk never
 * reads the validation library's own English text. The field is named by the error's `path`.
 */
export const inputCatalog = {
  INPUT_REQUIRED: { it: 'Campo obbligatorio', en: 'Required field' },
  INPUT_TEXT_TOO_SHORT: { it: 'Inserire almeno {min} caratteri', en: 'Enter at least {min} characters' },
  INPUT_TEXT_TOO_LONG: { it: 'Inserire al massimo {max} caratteri', en: 'Enter at most {max} characters' },
  INPUT_TEXT_LENGTH: { it: 'Inserire esattamente {length} caratteri', en: 'Enter exactly {length} characters' },
  INPUT_TEXT_SINGLE_LINE: { it: 'Scrivere il testo su una sola riga', en: 'Write the text on a single line' },
  INPUT_FORMAT_INVALID: { it: 'Formato non valido: ricontrollare quanto inserito', en: 'Invalid format: please check what was entered' },
  INPUT_DATE_INVALID: { it: 'Data non valida: usare il formato gg/mm/aaaa', en: 'Invalid date: use the format dd/mm/yyyy' },
  INPUT_DATE_TIME_INVALID: {
    it: 'Data e ora non valide: usare il formato gg/mm/aaaa hh:mm',
    en: 'Invalid date and time: use the format dd/mm/yyyy hh:mm',
  },
  INPUT_EMAIL_INVALID: { it: 'Indirizzo email non valido', en: 'Invalid email address' },
  INPUT_LIST_EMPTY: { it: 'Aggiungere almeno un elemento', en: 'Add at least one item' },
  INPUT_LIST_TOO_SHORT: { it: 'Aggiungere almeno {min} elementi', en: 'Add at least {min} items' },
  INPUT_LIST_TOO_LONG: { it: 'Al massimo {max} elementi: toglierne qualcuno', en: 'At most {max} items: remove some' },
  INPUT_NUMBER_INVALID: { it: 'Inserire un numero', en: 'Enter a number' },
  INPUT_NUMBER_NOT_INTEGER: { it: 'Inserire un numero intero', en: 'Enter a whole number' },
  INPUT_NUMBER_TOO_SMALL: { it: 'Inserire un valore di almeno {min}', en: 'Enter a value of at least {min}' },
  INPUT_NUMBER_NOT_ABOVE: { it: 'Inserire un valore maggiore di {min}', en: 'Enter a value greater than {min}' },
  INPUT_NUMBER_TOO_BIG: { it: 'Inserire un valore non superiore a {max}', en: 'Enter a value of at most {max}' },
  INPUT_NUMBER_NOT_BELOW: { it: 'Inserire un valore minore di {max}', en: 'Enter a value less than {max}' },
  INPUT_NUMBER_NOT_MULTIPLE: { it: 'Inserire un multiplo di {divisor}', en: 'Enter a multiple of {divisor}' },
  INPUT_CHOICE_INVALID: { it: 'Scegliere uno dei valori proposti', en: 'Choose one of the values offered' },
  INPUT_VALUE_INVALID: { it: 'Valore non valido: ricontrollare il campo', en: 'Invalid value: please check the field' },
  INPUT_FIELDS_UNEXPECTED: {
    it: 'La richiesta contiene dati non previsti ({keys}): aggiornare l\'applicazione o segnalarlo all\'assistenza',
    en: 'The request contains unexpected data ({keys}): update the application or report it to support',
  },
} satisfies Catalog;
