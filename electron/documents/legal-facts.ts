// Attestations (atti opponibili a terzi), one per legal fact: DOMAIN.md 6. The page names the
// notification, the recipient and the facts with their Europe/Rome times, and its footer names
// the timeline element it was produced from.
import { renderPdf, withDigest } from './engine.js';
import {
  analogDelivery,
  analogFailure,
  digitalDelivery,
  notificationCancelled,
  pecReceipt,
  recipientAccess,
  senderAck,
} from './legal-fact-bodies.js';
import { fieldTable, frame, sectionTitle, titleBlock, type Node } from './layout.js';
import type { LegalFactInput, PecReceiptKind, RenderedPdf } from './types.js';

const PEC_TITLES: Record<PecReceiptKind, string> = {
  ACCEPTANCE: 'Ricevuta PEC di accettazione',
  DELIVERY: 'Ricevuta PEC di avvenuta consegna',
  NON_DELIVERY: 'Ricevuta PEC di mancata consegna',
  TEMPORARY_ERROR: 'Ricevuta PEC di errore temporaneo',
};

/** The title of the attestation (DOMAIN.md 6 titles, narrowed to the case at hand). */
export function legalFactTitle(f: LegalFactInput): string {
  switch (f.type) {
    case 'SENDER_ACK':
      return 'Attestazione di presa in carico';
    case 'DIGITAL_DELIVERY':
      return f.outcome === 'SUCCESS' ? 'Attestazione di avvenuta consegna digitale' : 'Avviso di mancato recapito digitale (AMR)';
    case 'RECIPIENT_ACCESS':
      return 'Attestazione di avvenuto accesso';
    case 'ANALOG_FAILURE_DELIVERY':
      return 'Deposito di avvenuta ricezione';
    case 'PEC_RECEIPT':
      return PEC_TITLES[f.receipt];
    case 'ANALOG_DELIVERY':
      return 'Ricevuta della raccomandata';
    case 'NOTIFICATION_CANCELLED':
      return 'Attestazione di annullamento della notifica';
  }
}

function body(f: LegalFactInput): Node[] {
  switch (f.type) {
    case 'SENDER_ACK':
      return senderAck(f);
    case 'DIGITAL_DELIVERY':
      return digitalDelivery(f);
    case 'RECIPIENT_ACCESS':
      return recipientAccess(f);
    case 'ANALOG_FAILURE_DELIVERY':
      return analogFailure(f);
    case 'PEC_RECEIPT':
      return pecReceipt(f);
    case 'ANALOG_DELIVERY':
      return analogDelivery(f);
    case 'NOTIFICATION_CANCELLED':
      return notificationCancelled(f);
  }
}

function notificationBlock(f: LegalFactInput): Node {
  return fieldTable([
    ['Codice IUN', { text: f.iun, bold: true }],
    ['Mittente', `${f.sender.denomination} (codice fiscale ${f.sender.taxId})`],
    ['Oggetto', f.subject],
  ]);
}

/** One attestation, A4 (several pages only when a list is long). */
export async function renderLegalFact(input: LegalFactInput): Promise<RenderedPdf> {
  const title = legalFactTitle(input);
  const content: Node[] = [
    ...titleBlock(title, 'Atto opponibile a terzi relativo a una notifica SEND – Servizio Notifiche Digitali'),
    sectionTitle('Notifica'),
    notificationBlock(input),
    sectionTitle('Attestazione'),
    ...body(input),
  ];
  const reference = `Elemento della timeline ${input.elementId}`;
  return withDigest(await renderPdf(frame({ title, generatedAt: input.generatedAt, reference, content })));
}
