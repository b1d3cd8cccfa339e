// "Why this refinement date?" for one recipient: the workflow end that chose the DOMAIN.md 8.1
// row, the base element, the day count and the 21:00 rule, the view before or after the term,
// the 8.3 result. Built from the refinement basis the engine recorded.
import type { RecipientState, RefinementBasis, WorkflowEndKind } from '../model/types.js';
import { DomainError } from '../errors/domain-error.js';
import { TERM_RULES } from '../refinement/rules.js';
import { parseInstant } from '../time/instant.js';
import { romeOffsetMinutes } from '../time/rome.js';
import { derivedOf, eventName, readable, step } from './source.js';
import type { ExplainSource, ExplanationStep } from './source.js';

const END_TEXT: Readonly<Record<WorkflowEndKind, { it: string; en: string }>> = {
  DIGITAL_SUCCESS: { it: 'consegna al domicilio digitale riuscita', en: 'delivery to the digital domicile succeeded' },
  DIGITAL_FAILURE: { it: 'invio digitale fallito (avviso di mancato recapito, AAR per raccomandata semplice)', en: 'digital delivery failed (non-delivery notice, AAR by simple registered letter)' },
  ANALOG_SUCCESS: { it: 'raccomandata consegnata', en: 'registered letter delivered' },
  UNREACHABLE: { it: 'destinatario irreperibile (deposito dell\'avviso)', en: 'recipient unreachable (notice deposited)' },
  DECEASED: { it: 'destinatario deceduto', en: 'recipient deceased' },
};

function endSteps(b: RefinementBasis): ExplanationStep[] {
  if (b.end === null) {
    return [step('DOMAIN 8.1 workflow not ended', [], 'Il flusso di invio del destinatario non è ancora concluso: il termine non è ancora calcolabile.',
      'The recipient\'s delivery workflow has not ended yet: the term cannot be computed yet.')];
  }
  const rule = TERM_RULES[b.end.kind];
  const t = END_TEXT[b.end.kind];
  const noTerm = b.end.kind === 'DECEASED'
    ? { it: ' Non c\'è perfezionamento per decorrenza termini: solo la presa visione perfeziona.', en: ' There is no refinement by lapse of time: only a viewing refines.' }
    : { it: '', en: '' };
  const end = eventName(b.end.category);
  return [step(rule.rule, [b.end.elementId], `Flusso di invio concluso con l'evento ${end.it}: ${t.it}.${noTerm.it}`, `Delivery workflow ended with the event ${end.en}: ${t.en}.${noTerm.en}`)];
}

function termSteps(b: RefinementBasis, r: RecipientState): ExplanationStep[] {
  if (b.base === null || b.days === null || r.termDate === null || b.end === null) return [];
  const base = readable(b.base.at);
  const baseEvent = eventName(b.base.category);
  const expected = TERM_RULES[b.end.kind].base;
  const missing = expected === null ? { it: 'previsto', en: 'expected' } : eventName(expected);
  const fallback = b.base.fallback
    ? { it: ` (manca l'evento ${missing.it}: si usa questa data)`, en: ` (the event ${missing.en} is missing: this date is used)` }
    : { it: '', en: '' };
  const steps = [step('DOMAIN 8.1 base', [b.base.elementId], `Il termine decorre dal ${base}, data dell'evento ${baseEvent.it}${fallback.it}.`,
    `The term runs from ${base}, the date of the event ${baseEvent.en}${fallback.en}.`)];
  if (b.end.kind === 'DIGITAL_SUCCESS') {
    steps.push(b.after2100
      ? step('DOMAIN 8.1 21:00 rule applied', [b.base.elementId], 'La ricevuta PEC è successiva alle 21:00 (ora di Roma): si aggiunge un giorno, 8 invece di 7.',
        'The PEC receipt is after 21:00 (Rome time): one day is added, 8 instead of 7.')
      : step('DOMAIN 8.1 21:00 rule not applied', [b.base.elementId], 'La ricevuta PEC non è successiva alle 21:00 (ora di Roma): nessun giorno aggiunto.',
        'The PEC receipt is not after 21:00 (Rome time): no day added.'));
  }
  const dst = romeOffsetMinutes(parseInstant(b.base.at)) !== romeOffsetMinutes(parseInstant(r.termDate))
    ? { it: ' Nel periodo cambia l\'ora legale: l\'orario del termine risulta spostato di un\'ora.', en: ' Daylight saving time changes in between: the clock time of the term is one hour off.' }
    : { it: '', en: '' };
  steps.push(step(`DOMAIN 8.1 ${b.days} x 24h`, [b.base.elementId],
    `${b.days} periodi di 24 ore dal ${base}: termine il ${readable(r.termDate)}.${dst.it}`,
    `${b.days} periods of 24 hours from ${base}: term on ${readable(r.termDate)}.${dst.en}`));
  return steps;
}

function viewStep(b: RefinementBasis, r: RecipientState): ExplanationStep {
  if (b.view === null) return step('DOMAIN 8.2 no view', [], 'Il destinatario non ha preso visione della notifica.', 'The recipient has not viewed the notification.');
  const v = readable(b.view.at);
  if (r.refinedBy === 'VIEWING') {
    return r.termDate === null
      ? step('DOMAIN 8.2 view, no term', [b.view.elementId], `Presa visione il ${v}, senza un termine in corso: la notifica è perfezionata per presa visione.`,
        `Viewed on ${v}, with no term running: the notification is refined by viewing.`)
      : step('DOMAIN 8.2 view before term', [b.view.elementId], `Presa visione il ${v}, entro il termine del ${readable(r.termDate)}: la notifica è perfezionata per presa visione.`,
        `Viewed on ${v}, by the term of ${readable(r.termDate)}: the notification is refined by viewing.`);
  }
  return step('DOMAIN 8.3 view after term', [b.view.elementId],
    `Presa visione il ${v}, dopo il termine del ${readable(r.termDate!)}: resta perfezionata per decorrenza termini (la notifica risulta «Visualizzata»).`,
    `Viewed on ${v}, after the term of ${readable(r.termDate!)}: it stays refined by lapse of time (shown as "Viewed").`);
}

function resultStep(r: RecipientState): ExplanationStep {
  if (r.refinementDate === null) return step('DOMAIN 8.3 result', [], 'Il destinatario non è ancora perfezionato.', 'The recipient is not refined yet.');
  const d = readable(r.refinementDate);
  return r.refinedBy === 'VIEWING'
    ? step('DOMAIN 8.3 result', [], `Data di perfezionamento: ${d}, per presa visione.`, `Refinement date: ${d}, by viewing.`)
    : step('DOMAIN 8.3 result', [], `Data di perfezionamento: ${d}, per decorrenza termini.`, `Refinement date: ${d}, by lapse of time.`);
}

/**
 * Explains one recipient's refinement (DOMAIN.md 8): which workflow end chose the row, the base
 * element, the day count and the 21:00 rule, the view before or after the term, the result.
 */
export function explainRefinement(source: ExplainSource, recipientIndex: number): ExplanationStep[] {
  const derived = derivedOf(source);
  const r = derived.perRecipient[recipientIndex];
  if (r === undefined) {
    throw new DomainError('RECIPIENT_INDEX_OUT_OF_RANGE', { recipientIndex, recipientCount: derived.perRecipient.length });
  }
  const b = r.refinementBasis;
  if (b === undefined) throw new DomainError('EXPLAIN_TRACE_MISSING');
  return [...endSteps(b), ...termSteps(b, r), viewStep(b, r), resultStep(r)];
}
