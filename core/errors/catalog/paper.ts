import type { Catalog } from './types.js';

/** Postal entry and paper events (DOMAIN.md 7.3, 7.4). Params: code, kind, productType, at, sentAt... */
export const paperCatalog = {
  UNKNOWN_PAPER_CODE: { it: 'Codice evento postale sconosciuto: {code}', en: 'Unknown postal event code: {code}' },
  EVENT_AFTER_FINAL: {
    it: 'Il recapito di questo invio è già concluso (esito {finalCode}): non si possono aggiungere altri eventi',
    en: 'Delivery of this item is already closed (outcome {finalCode}): no further events can be added',
  },
  DATE_BEFORE_SEND: {
    it: 'La data {at} è precedente alla spedizione dell\'invio ({sentAt})',
    en: 'The date {at} is before the item was sent ({sentAt})',
  },
  PRODUCT_MISMATCH: {
    it: 'Esito non previsto per questo tipo di invio ({productType})',
    en: 'This outcome does not exist for this kind of item ({productType})',
  },
  MISSING_FAILURE_CAUSE: {
    it: 'Indicare il motivo del mancato recapito',
    en: 'Please give the reason the item was not delivered',
  },
  INVALID_FAILURE_CAUSE: {
    it: 'Motivo {cause} non ammesso per questo esito',
    en: 'Reason {cause} is not allowed for this outcome',
  },
  OUTCOME_NOT_ALLOWED_NOW: {
    it: 'Questo esito non si può registrare nello stato attuale dell\'invio',
    en: 'This outcome cannot be recorded in the current state of the item',
  },
  OUTCOME_DATE_IN_FUTURE: {
    it: 'La data {at} è nel futuro: indicare la data riportata sulla ricevuta',
    en: 'The date {at} is in the future: enter the date shown on the receipt',
  },
  OUTCOME_OUT_OF_ORDER: {
    it: 'La data {at} è precedente a un evento già registrato ({lastAt})',
    en: 'The date {at} is before an event already recorded ({lastAt})',
  },
  GIACENZA_NOT_STARTED: {
    it: 'L\'invio non risulta in giacenza: registrare prima l\'avviso di giacenza',
    en: 'The item is not held at the post office: record the notice of attempted delivery first',
  },
  GIACENZA_NOT_EXPIRED: {
    it: 'La giacenza non è ancora compiuta (servono almeno {days} giorni)',
    en: 'The holding period has not ended yet (at least {days} days are needed)',
  },
  ATTACHMENTS_NOT_ALLOWED: {
    it: 'Per questo esito non sono previste scansioni',
    en: 'This outcome has no scans',
  },
  MISSING_ATTACHMENTS: {
    it: 'Allegare almeno una scansione',
    en: 'Attach at least one scan',
  },
  // DOMAIN.md 7.3: the term final of a giacenza comes at inesito + 10 days, not before (postal entry only).
  TERM_EVENT_TOO_EARLY: {
    it: '{code} non può avere una data precedente al {earliest}: il termine di 10 giorni decorre dall\'avviso di giacenza del {inesitoAt}',
    en: '{code} cannot be dated before {earliest}: the 10-day term runs from the notice of attempted delivery of {inesitoAt}',
  },
  // DOMAIN.md 3, 4.2: CANCELLED is terminal, the notification's workflow has stopped.
  OUTCOME_NOTIFICATION_CANCELLED: {
    it: 'Notifica annullata dall\'ente mittente: l\'iter di consegna è chiuso e non si registrano più esiti postali per questo invio',
    en: 'Notification cancelled by the sender: its delivery process is closed and no more postal outcomes are recorded for this item',
  },
} satisfies Catalog;
