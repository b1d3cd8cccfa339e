import type { Catalog } from './types.js';

/**
 * Codes of the workflow engine (DOMAIN.md 4-8, 12): rejected timeline elements, warnings about
 * elements that break a rule of the domain, and the scenario-file check.
 */
export const timelineCatalog = {
  INVALID_INSTANT: {
    it: 'Data e ora non valide: "{value}" (formato atteso 2026-03-10T09:15:00+01:00)',
    en: 'Invalid date and time: "{value}" (expected format 2026-03-10T09:15:00+01:00)',
  },
  INVALID_RECIPIENT_COUNT: {
    it: 'Numero di destinatari non valido: {recipientCount}',
    en: 'Invalid number of recipients: {recipientCount}',
  },
  INVALID_ELEMENT: {
    it: 'Evento della notifica non leggibile: {reason}',
    en: 'Unreadable notification event: {reason}',
  },
  UNKNOWN_CATEGORY: {
    it: 'Tipo di evento sconosciuto: {category}; l\'evento è stato ignorato',
    en: 'Unknown event type: {category}; the event was ignored',
  },
  RECIPIENT_INDEX_MISSING: {
    it: 'Evento {category} senza indicazione del destinatario; l\'evento è stato ignorato',
    en: 'Event {category} does not say which recipient it is for; the event was ignored',
  },
  RECIPIENT_INDEX_OUT_OF_RANGE: {
    it: 'Destinatario n. {recipientIndex} inesistente: la notifica ha {recipientCount} destinatari',
    en: 'Recipient no. {recipientIndex} does not exist: the notification has {recipientCount} recipients',
  },
  BUSINESS_TIME_MISMATCH: {
    it: 'Data dell\'evento {category} incoerente ({written}): usata la data prevista dalle regole ({expected})',
    en: 'Date of event {category} is inconsistent ({written}): the date given by the rules was used ({expected})',
  },
  DUPLICATE_COMPLETION: {
    it: 'Il flusso di invio del destinatario n. {recipientIndex} risulta concluso due volte: conteggiato una sola volta',
    en: 'The delivery workflow of recipient no. {recipientIndex} ends twice: counted once',
  },
  DUPLICATE_VIEW: {
    it: 'Seconda presa visione del destinatario n. {recipientIndex}: vale solo la prima',
    en: 'Second viewing by recipient no. {recipientIndex}: only the first one counts',
  },
  REFINEMENT_DATE_MISMATCH: {
    it: 'Data di perfezionamento indicata ({written}) diversa da quella calcolata ({computed}) per il destinatario n. {recipientIndex}: vale quella calcolata',
    en: 'Stated refinement date ({written}) differs from the computed one ({computed}) for recipient no. {recipientIndex}: the computed one applies',
  },
  REFINEMENT_AFTER_VIEW: {
    it: 'Perfezionamento per decorrenza termini del destinatario n. {recipientIndex} ignorato: aveva già preso visione il {viewedAt}',
    en: 'Refinement by lapse of time of recipient no. {recipientIndex} ignored: the recipient had already viewed it on {viewedAt}',
  },
  REFINEMENT_WITHOUT_TERM: {
    it: 'Perfezionamento per decorrenza termini del destinatario n. {recipientIndex} ignorato: nessun termine applicabile',
    en: 'Refinement by lapse of time of recipient no. {recipientIndex} ignored: no term applies',
  },
  REFINEMENT_BASE_MISSING: {
    it: 'Manca l\'evento da cui decorre il termine del destinatario n. {recipientIndex}: usata la data di {category}',
    en: 'The event the term of recipient no. {recipientIndex} runs from is missing: the date of {category} was used',
  },
  PRE_RULE_SENT_AT: {
    it: 'Notifica inviata il {sentAt}, prima del 27/11/2024: il termine per irreperibilità è calcolato con la regola in vigore dopo tale data',
    en: 'Notification sent on {sentAt}, before 27/11/2024: the unreachability term is computed with the rule in force after that date',
  },
  EXPLAIN_TRACE_MISSING: {
    it: 'Spiegazione non disponibile: ricalcolare lo stato della notifica',
    en: 'No explanation available: derive the notification again',
  },
  SCENARIO_INVALID: {
    it: 'File di scenario non valido in {path}: {reason}',
    en: 'Invalid scenario file at {path}: {reason}',
  },
} satisfies Catalog;
