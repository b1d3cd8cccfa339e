// Italian/English labels of the timeline categories (DOMAIN.md 5) and of the PEC codes (DOMAIN.md
// 7.2), with a one-line description of an element drawn from its details, so that the sender's
// timeline reads in words and the renderer never maps a category itself.
import type { LegalFact, LegalFactType, TimelineCategory, TimelineElement } from '../model/types.js';
import type { LocalizedText } from './status-labels.js';
import { FAILURE_CAUSES, isFailureCause, paperCodeInfo } from '../paper/codes.js';

const l = (it: string, en: string): LocalizedText => ({ it, en });

/** One label per category: the 42 rows of DOMAIN.md 5 and the other known categories. */
export const TIMELINE_CATEGORY_LABELS: Readonly<Record<TimelineCategory, LocalizedText>> = {
  SENDER_ACK_CREATION_REQUEST: l('Richiesta attestazione di presa in carico', 'Sender acknowledgement requested'),
  VALIDATE_NORMALIZE_ADDRESSES_REQUEST: l('Indirizzi inviati per la normalizzazione', 'Addresses sent for normalisation'),
  NORMALIZED_ADDRESS: l('Indirizzo normalizzato', 'Address normalised'),
  REQUEST_REFUSED: l('Notifica rifiutata in validazione', 'Notification refused at validation'),
  REQUEST_ACCEPTED: l('Notifica accettata (presa in carico)', 'Notification accepted'),
  AAR_CREATION_REQUEST: l('Richiesta avviso di avvenuta ricezione (AAR)', 'Notice of receipt (AAR) requested'),
  AAR_GENERATION: l('Avviso di avvenuta ricezione (AAR) generato', 'Notice of receipt (AAR) generated'),
  SEND_COURTESY_MESSAGE: l('Messaggio di cortesia inviato', 'Courtesy message sent'),
  PROBABLE_SCHEDULING_ANALOG_DATE: l('Data prevista per l\'invio cartaceo', 'Planned date of the paper sending'),
  GET_ADDRESS: l('Verifica del domicilio digitale', 'Digital domicile checked'),
  PUBLIC_REGISTRY_CALL: l('Consultazione dei registri pubblici', 'Public registries queried'),
  PUBLIC_REGISTRY_RESPONSE: l('Risposta dei registri pubblici', 'Public registries answered'),
  SCHEDULE_ANALOG_WORKFLOW: l('Invio cartaceo pianificato', 'Paper sending planned'),
  SCHEDULE_DIGITAL_WORKFLOW: l('Secondo ciclo di invio digitale pianificato', 'Second digital cycle planned'),
  PREPARE_DIGITAL_DOMICILE: l('Preparazione dell\'invio digitale', 'Digital sending prepared'),
  SEND_DIGITAL_DOMICILE: l('Invio al domicilio digitale (PEC)', 'Sent to the digital domicile (PEC)'),
  SEND_DIGITAL_PROGRESS: l('Aggiornamento dell\'invio PEC', 'PEC sending update'),
  SEND_DIGITAL_FEEDBACK: l('Esito dell\'invio PEC', 'PEC sending outcome'),
  DIGITAL_DELIVERY_CREATION_REQUEST: l('Flusso digitale concluso', 'Digital workflow ended'),
  DIGITAL_SUCCESS_WORKFLOW: l('Consegna digitale riuscita', 'Digital delivery succeeded'),
  DIGITAL_FAILURE_WORKFLOW: l('Mancato recapito digitale (AMR)', 'Digital delivery failed (AMR)'),
  PREPARE_SIMPLE_REGISTERED_LETTER: l('Preparazione della raccomandata semplice', 'Simple registered letter prepared'),
  SEND_SIMPLE_REGISTERED_LETTER: l('Raccomandata semplice con l\'AAR inviata', 'Simple registered letter with the AAR sent'),
  SIMPLE_REGISTERED_LETTER_PROGRESS: l('Aggiornamento della raccomandata semplice', 'Simple registered letter update'),
  PREPARE_ANALOG_DOMICILE: l('Preparazione dell\'invio cartaceo', 'Paper sending prepared'),
  PREPARE_ANALOG_DOMICILE_FAILURE: l('Indirizzo per l\'invio cartaceo non trovato', 'No address for the paper sending'),
  SEND_ANALOG_DOMICILE: l('Invio cartaceo spedito', 'Paper item sent'),
  SEND_ANALOG_PROGRESS: l('Aggiornamento dell\'invio cartaceo', 'Paper sending update'),
  SEND_ANALOG_FEEDBACK: l('Esito dell\'invio cartaceo', 'Paper sending outcome'),
  ANALOG_SUCCESS_WORKFLOW: l('Raccomandata consegnata', 'Registered letter delivered'),
  ANALOG_FAILURE_WORKFLOW: l('Invio cartaceo non riuscito: avviso depositato', 'Paper sending failed: notice deposited'),
  ANALOG_WORKFLOW_RECIPIENT_DECEASED: l('Destinatario deceduto', 'Recipient deceased'),
  COMPLETELY_UNREACHABLE_CREATION_REQUEST: l('Richiesta attestazione di irreperibilità', 'Unreachability attestation requested'),
  COMPLETELY_UNREACHABLE: l('Destinatario irreperibile', 'Recipient unreachable'),
  SCHEDULE_REFINEMENT: l('Perfezionamento pianificato', 'Refinement scheduled'),
  REFINEMENT: l('Perfezionata per decorrenza termini', 'Refined by lapse of time'),
  NOTIFICATION_VIEWED_CREATION_REQUEST: l('Richiesta attestazione di avvenuto accesso', 'Access attestation requested'),
  NOTIFICATION_VIEWED: l('Presa visione della notifica', 'Notification viewed'),
  NOTIFICATION_RADD_RETRIEVED: l('Avviso ritirato presso uno sportello RADD', 'Notice collected at a RADD desk'),
  NOTIFICATION_CANCELLATION_REQUEST: l('Richiesta di annullamento del mittente', 'Cancellation requested by the sender'),
  NOTIFICATION_CANCELLED: l('Notifica annullata', 'Notification cancelled'),
  NOT_HANDLED: l('Destinatario non gestito dalla piattaforma', 'Recipient not handled by the platform'),
  PUBLIC_REGISTRY_VALIDATION_CALL: l('Verifica nei registri pubblici', 'Public registry validation'),
  PUBLIC_REGISTRY_VALIDATION_RESPONSE: l('Esito della verifica nei registri pubblici', 'Public registry validation result'),
  ANALOG_FAILURE_WORKFLOW_TIMEOUT: l('Invio cartaceo scaduto', 'Paper sending timed out'),
  NOTIFICATION_PAID: l('Avviso di pagamento pagato', 'Payment notice paid'),
  VALIDATED_F24: l('Modello F24 verificato', 'F24 form validated'),
  GENERATE_F24_REQUEST: l('Richiesta generazione modello F24', 'F24 form requested'),
  GENERATED_F24: l('Modello F24 generato', 'F24 form generated'),
  SEND_ANALOG_TIMEOUT: l('Invio cartaceo senza esito nei tempi', 'Paper sending without outcome in time'),
  VALIDATE_F24_REQUEST: l('Richiesta verifica modello F24', 'F24 form validation requested'),
  PAYMENT: l('Pagamento registrato', 'Payment recorded'),
  NOTIFICATION_CANCELLED_DOCUMENT_CREATION_REQUEST: l('Richiesta attestazione di annullamento', 'Cancellation attestation requested'),
  NOTIFICATION_TIMELINE_REWORKED: l('Cronologia rielaborata da SEND', 'Timeline reworked by SEND'),
};

/** PEC event codes (DOMAIN.md 7.2; C00x as in SEND's pn-external-channel). */
export const PEC_CODE_LABELS: Readonly<Record<string, LocalizedText>> = {
  C000: l('preaccettazione', 'pre-acceptance'),
  C001: l('accettazione', 'accepted'),
  C002: l('non accettazione', 'not accepted'),
  C003: l('avvenuta consegna', 'delivered'),
  C004: l('mancata consegna', 'not delivered'),
  C005: l('presa in carico', 'taken in charge'),
  C006: l('rilevazione virus', 'virus detected'),
  C007: l('errore di consegna', 'delivery error'),
  C008: l('errore temporaneo, nuovo tentativo', 'temporary error, retried'),
  C009: l('errore del gestore', 'provider error'),
  C010: l('errore temporaneo, nuovo tentativo', 'temporary error, retried'),
  DP10: l('errore temporaneo, nuovo tentativo', 'temporary error, retried'),
};

/** The label of a category; an unknown one (not stored by the engine) reads as itself. */
export function timelineCategoryLabel(category: string): LocalizedText {
  return (TIMELINE_CATEGORY_LABELS as Record<string, LocalizedText>)[category] ?? l(category, category);
}

function str(details: Record<string, unknown>, key: string): string | undefined {
  const v = details[key];
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

/** The label of a PEC code, `C004 mancata consegna`; the bare code when unknown. */
export function pecCodeLabel(code: string): LocalizedText {
  const known = PEC_CODE_LABELS[code];
  return known ? l(`${code} ${known.it}`, `${code} ${known.en}`) : l(code, code);
}

function paperDescription(d: Record<string, unknown>): LocalizedText | null {
  const code = str(d, 'deliveryDetailCode');
  if (!code) return null;
  const info = paperCodeInfo(code);
  const cause = str(d, 'deliveryFailureCause');
  const causeText = cause && isFailureCause(cause) ? FAILURE_CAUSES[cause] : undefined;
  const it = `${code}${info ? ` — ${info.meaning.it}` : ''}${causeText ? ` (${causeText.it})` : ''}`;
  const en = `${code}${info ? ` — ${info.meaning.en}` : ''}${causeText ? ` (${causeText.en})` : ''}`;
  return l(it, en);
}

/**
 * The PEC failure causes a provider writes most often (free text, in Italian), in both languages:
 * an English screen does not show "casella piena". Any other text is shown as written.
 */
export const PEC_FAILURE_CAUSES: Readonly<Record<string, LocalizedText>> = {
  'casella piena': l('casella piena', 'mailbox full'),
  'casella inesistente': l('casella inesistente', 'mailbox does not exist'),
  'dominio inesistente': l('dominio inesistente', 'domain does not exist'),
  'casella disattivata': l('casella disattivata', 'mailbox deactivated'),
  'virus rilevato': l('virus rilevato', 'virus detected'),
};

/** A PEC failure cause in both languages: a known one translated, any other as written. */
export function pecFailureCauseLabel(cause: string): LocalizedText {
  return PEC_FAILURE_CAUSES[cause.trim().toLowerCase()] ?? l(cause, cause);
}

/**
 * A failed PEC delivery's cause as the sender dashboard counts it (the provider's free-text
 * deliveryFailureCause, else the deliveryDetailCode, else UNKNOWN): a PEC code with its meaning,
 * a known cause translated, any other text as written.
 */
export function pecFailureLabel(cause: string): LocalizedText {
  if (cause === 'UNKNOWN') return l('causa non indicata', 'cause not given');
  return PEC_CODE_LABELS[cause] ? pecCodeLabel(cause) : pecFailureCauseLabel(cause);
}

function digitalDescription(d: Record<string, unknown>): LocalizedText | null {
  const code = str(d, 'deliveryDetailCode');
  const cause = str(d, 'deliveryFailureCause');
  if (!code && !cause) return null;
  const c = code ? pecCodeLabel(code) : l('', '');
  const why = cause ? pecFailureCauseLabel(cause) : null;
  return l(`${c.it}${why ? ` (${why.it})` : ''}`.trim(), `${c.en}${why ? ` (${why.en})` : ''}`.trim());
}

function digitalAddress(d: Record<string, unknown>): string | undefined {
  const a = d.digitalAddress;
  if (a && typeof a === 'object' && typeof (a as { address?: unknown }).address === 'string') return (a as { address: string }).address;
  return undefined;
}

/**
 * A short description of one element from its details (PEC or paper code with its meaning, the
 * address written to, the refusal reasons, the RADD desk view), or null when the label says it all.
 */
export function timelineElementDescription(e: Pick<TimelineElement, 'category' | 'details'>): LocalizedText | null {
  const d = e.details ?? {};
  switch (e.category) {
    case 'SEND_DIGITAL_DOMICILE': {
      const a = digitalAddress(d);
      return a ? l(a, a) : null;
    }
    case 'SEND_DIGITAL_PROGRESS':
    case 'SEND_DIGITAL_FEEDBACK':
      return digitalDescription(d);
    case 'SEND_ANALOG_PROGRESS':
    case 'SEND_ANALOG_FEEDBACK':
    case 'SIMPLE_REGISTERED_LETTER_PROGRESS':
      return paperDescription(d);
    case 'SEND_ANALOG_DOMICILE': {
      const p = str(d, 'productType');
      return p ? l(`prodotto ${p}`, `product ${p}`) : null;
    }
    case 'REQUEST_REFUSED': {
      const reasons = Array.isArray(d.refusalReasons) ? d.refusalReasons : [];
      const text = reasons.map((r) => (r && typeof r === 'object' ? String((r as { detail?: unknown; errorCode?: unknown }).detail ?? (r as { errorCode?: unknown }).errorCode ?? '') : '')).filter(Boolean).join('; ');
      return text ? l(text, text) : null;
    }
    case 'NOTIFICATION_VIEWED':
      if (d.delegateInfo) return l('tramite un delegato', 'through a delegate');
      return str(d, 'raddType') ? l('presso uno sportello RADD', 'at a RADD desk') : null;
    default:
      return null;
  }
}

/** DOMAIN.md 6 titles of the legal facts. */
export const LEGAL_FACT_TITLES: Readonly<Record<LegalFactType, LocalizedText>> = {
  SENDER_ACK: l('Attestazione di presa in carico', 'Sender acknowledgement'),
  DIGITAL_DELIVERY: l('Attestazione di avvenuta consegna digitale', 'Digital delivery attestation'),
  RECIPIENT_ACCESS: l('Attestazione di avvenuto accesso', 'Access attestation'),
  ANALOG_FAILURE_DELIVERY: l('Deposito di avvenuta ricezione', 'Deposit of the notice of receipt'),
  PEC_RECEIPT: l('Ricevuta PEC', 'PEC receipt'),
  ANALOG_DELIVERY: l('Ricevuta della raccomandata', 'Registered letter receipt'),
  NOTIFICATION_CANCELLED: l('Attestazione di annullamento', 'Cancellation attestation'),
};

const AMR = l('Avviso di mancato recapito digitale (AMR)', 'Digital non-delivery notice (AMR)');

/** The title of a legal fact; DIGITAL_DELIVERY of a failed workflow is the AMR (DOMAIN.md 1, 6). */
export function legalFactTitleOf(fact: Pick<LegalFact, 'type'>, producedBy?: string): LocalizedText {
  if (fact.type === 'DIGITAL_DELIVERY' && producedBy === 'DIGITAL_FAILURE_WORKFLOW') return AMR;
  return LEGAL_FACT_TITLES[fact.type];
}
