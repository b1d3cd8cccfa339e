// "Why is the notification in this status?": one step per status change, from the causes the
// status machine recorded (DOMAIN.md 4), not from a second implementation of the rules.
import type { DerivedNotification, NotificationStatus, StatusHistoryEntry } from '../model/types.js';
import type { LocalizedText } from '../labels/status-labels.js';
import { statusLabel } from '../labels/status-labels.js';
import { DomainError } from '../errors/domain-error.js';
import { findTransition } from '../status/transitions.js';
import { derivedOf, eventName, readable, step } from './source.js';
import type { ExplainSource, ExplanationStep } from './source.js';

// DOMAIN.md 4.2: the statuses the table calls terminal.
const TERMINAL: readonly NotificationStatus[] = ['REFUSED', 'CANCELLED'];

/** Extra sentence for the rows whose reason is not obvious from the event name. */
const WHY: Partial<Record<string, { it: string; en: string }>> = {
  NOTIFICATION_VIEWED: { it: 'un destinatario (o un suo delegato) ha preso visione della notifica', en: 'a recipient (or a delegate) viewed the notification' },
  REFINEMENT: { it: 'è decorso il termine di perfezionamento di un destinatario', en: 'a recipient\'s refinement term has lapsed' },
  SEND_DIGITAL_DOMICILE: { it: 'è partito l\'invio al domicilio digitale (PEC)', en: 'the sending to the digital domicile (PEC) started' },
  SEND_ANALOG_DOMICILE: { it: 'è partito l\'invio cartaceo', en: 'the paper sending started' },
  REQUEST_ACCEPTED: { it: 'la notifica ha superato la validazione', en: 'the notification passed validation' },
  REQUEST_REFUSED: { it: 'la notifica non ha superato la validazione', en: 'the notification failed validation' },
  NOTIFICATION_CANCELLED: { it: 'il mittente ha annullato la notifica', en: 'the sender cancelled the notification' },
  NOT_HANDLED: { it: 'il destinatario non è gestito dalla piattaforma', en: 'the recipient is not handled by the platform' },
};

/** DOMAIN.md 3: VIEWED reads "Visualizzata" when the viewer had already been refined by term. */
function labelOf(h: StatusHistoryEntry, derived: DerivedNotification): LocalizedText {
  if (h.status !== 'VIEWED' || h.cause === undefined) return statusLabel(h.status);
  const viewer = derived.perRecipient.find((r) => r.refinementBasis?.view?.elementId === h.cause!.elementId);
  return viewer?.refinedBy === 'TERM' ? { it: 'Visualizzata', en: 'Viewed (after term)' } : statusLabel(h.status);
}

function changeStep(prev: StatusHistoryEntry, h: StatusHistoryEntry, derived: DerivedNotification): ExplanationStep {
  const cause = h.cause!;
  const n = derived.perRecipient.length;
  const from = labelOf(prev, derived);
  const to = labelOf(h, derived);
  const when = readable(h.activeFrom);
  if (cause.gate !== undefined) {
    const { via, completionElementIds } = cause.gate;
    const ids = [cause.elementId, ...completionElementIds.filter((id) => id !== cause.elementId)];
    const event = eventName(cause.category);
    const viaEvent = eventName(via);
    return step(
      `DOMAIN 4.1 completion gate, 4.2 ${prev.status} + ${via} -> ${h.status}`,
      ids,
      `Il ${when}, con l'evento ${event.it}, tutti i destinatari (${completionElementIds.length} su ${n}) hanno concluso il flusso di invio; ` +
        `con l'evento ${viaEvent.it} la notifica passa da «${from.it}» a «${to.it}».`,
      `On ${when}, with the event ${event.en}, every recipient (${completionElementIds.length} of ${n}) has ended the delivery workflow; ` +
        `with the event ${viaEvent.en} the notification goes from "${from.en}" to "${to.en}".`,
    );
  }
  const row = findTransition(prev.status, cause.category, n);
  const cond = row?.when === 'MULTI_RECIPIENT' ? ' (N > 1)' : row?.when === 'SINGLE_RECIPIENT' ? ' (N = 1)' : '';
  const why = WHY[cause.category];
  const multi = row?.when === 'MULTI_RECIPIENT'
    ? { it: ' mentre altri destinatari sono ancora in corso (regola valida solo con più destinatari)', en: ' while other recipients are still in progress (rule for several recipients only)' }
    : { it: '', en: '' };
  const event = eventName(cause.category);
  return step(
    `DOMAIN 4.2 ${prev.status} + ${cause.category} -> ${h.status}${cond}`,
    [cause.elementId],
    `Il ${when} l'evento ${event.it} porta la notifica da «${from.it}» a «${to.it}»${why ? `: ${why.it}` : ''}${multi.it}.`,
    `On ${when} the event ${event.en} moves the notification from "${from.en}" to "${to.en}"${why ? `: ${why.en}` : ''}${multi.en}.`,
  );
}

/**
 * Explains the status of a notification: the initial status, then for each change the element
 * that caused it and the rule (DOMAIN.md 4.1-4.2), and whether the final status is terminal.
 */
export function explainStatus(source: ExplainSource): ExplanationStep[] {
  const derived = derivedOf(source);
  const history = derived.statusHistory;
  const first = history[0]!;
  const steps: ExplanationStep[] = [
    step(
      'DOMAIN 3 initial status',
      [],
      `Notifica depositata il ${readable(first.activeFrom)}: stato iniziale «${statusLabel(first.status).it}».`,
      `Notification deposited on ${readable(first.activeFrom)}: initial status "${statusLabel(first.status).en}".`,
    ),
  ];
  for (let i = 1; i < history.length; i++) {
    if (history[i]!.cause === undefined) throw new DomainError('EXPLAIN_TRACE_MISSING');
    steps.push(changeStep(history[i - 1]!, history[i]!, derived));
  }
  const last = history[history.length - 1]!;
  if (TERMINAL.includes(last.status)) {
    steps.push(step(
      'DOMAIN 4.2 terminal status',
      [],
      `«${statusLabel(last.status).it}» è uno stato finale: gli eventi successivi non lo cambiano.`,
      `"${statusLabel(last.status).en}" is a final status: later events do not change it.`,
    ));
  }
  return steps;
}
