// What each attestation states (DOMAIN.md 6), in Italian, from its view model. Every fact carries
// its business time in Europe/Rome ("10/03/2026 ore 10:02:30 (ora italiana)").
import { formatAddressLines, formatRomeDateTime as when, formatRomeDateTimeShort as whenShort, orDash } from './format.js';
import { addressSourceLabel, attachmentLabel, failureCauseLabel, paperEventLabel, productLabel } from './labels.js';
import { digestCell, fieldTable, ident, listTable, paragraph, sectionTitle, type Node } from './layout.js';
import type { AnalogEventView, LegalFactTypeOf, PecReceiptKind, RecipientView } from './types.js';

const b = (text: string): Node => ({ text, bold: true });

function who(r: RecipientView): Node[] {
  return [b(r.denomination), ` (codice fiscale ${r.taxId})`];
}

function recipientsTable(recipients: RecipientView[]): Node {
  return listTable(
    ['Destinatario', 'Codice fiscale', 'Domicilio digitale', 'Indirizzo fisico'],
    recipients.map((r) => [r.denomination, r.taxId, r.digitalDomicile ?? '', r.physicalAddress ? formatAddressLines(r.physicalAddress).join(', ') : '']),
    ['*', 95, 110, '*'],
  );
}

export function senderAck(f: LegalFactTypeOf<'SENDER_ACK'>): Node[] {
  return [
    paragraph([
      'Si attesta che in data ', b(when(f.sentAt)), ' il mittente ', b(f.sender.denomination), ` (codice fiscale ${f.sender.taxId}) ha depositato `,
      'sulla piattaforma SEND la notifica con codice IUN ', ident(f.iun), ' e che in data ', b(when(f.at)),
      ' la notifica, superati i controlli previsti, è stata presa in carico per l\'invio ai destinatari indicati di seguito.',
    ]),
    sectionTitle('Destinatari'),
    recipientsTable(f.recipients),
    sectionTitle('Documenti notificati'),
    listTable(['Documento', 'Impronta SHA-256'], f.documents.map((d) => [d.title, digestCell(d.sha256)]), [140, '*']),
  ];
}

function deliveriesTable(f: LegalFactTypeOf<'DIGITAL_DELIVERY'>): Node {
  return listTable(
    ['Domicilio digitale', 'Fonte', 'Data e ora dell\'esito (ora italiana)', 'Esito'],
    f.deliveries.map((d) => [d.address, addressSourceLabel(d.source) ?? '', whenShort(d.at), d.ok ? 'consegnato' : 'non consegnato']),
    ['*', 110, 105, 65],
  );
}

export function digitalDelivery(f: LegalFactTypeOf<'DIGITAL_DELIVERY'>): Node[] {
  const delivered = f.deliveries.filter((d) => d.ok).at(-1);
  const statement =
    f.outcome === 'SUCCESS'
      ? ['Si attesta che il messaggio di posta elettronica certificata relativo alla notifica con codice IUN ', ident(f.iun),
          ', destinato a ', ...who(f.recipient), ', è stato consegnato al domicilio digitale ', b(orDash(delivered?.address)),
          ...(delivered ? [' in data ', b(when(delivered.at))] : []), '. La procedura di invio digitale si è conclusa in data ', b(when(f.at)), '.']
      : ['Si attesta che nessuno dei tentativi di recapito al domicilio digitale di ', ...who(f.recipient), ' della notifica con codice IUN ',
          ident(f.iun), ' è andato a buon fine. In data ', b(when(f.at)), ' è stato quindi redatto il presente avviso di mancato recapito (AMR); ',
          'l\'avviso di avvenuta ricezione viene inviato al destinatario con raccomandata semplice all\'indirizzo fisico.'];
  return [paragraph(statement), sectionTitle('Tentativi di recapito digitale'), deliveriesTable(f)];
}

/** Who accessed, ready to be followed by the verb (no comma between subject and verb). */
function accessor(f: LegalFactTypeOf<'RECIPIENT_ACCESS'>): Node[] {
  if (!f.delegate) return ['il destinatario ', ...who(f.recipient), ' '];
  // "su delega del destinatario" names the delegate without guessing a grammatical gender.
  return [b(f.delegate.denomination), ` (codice fiscale ${f.delegate.taxId}), su delega del destinatario `, ...who(f.recipient), ', '];
}

function raddPlace(f: LegalFactTypeOf<'RECIPIENT_ACCESS'>): Node[] {
  if (!f.radd) return [];
  const desk = f.radd.desk;
  const where = desk ? [' presso il punto di ritiro SEND ', b(desk.name), ...(desk.code ? [' (codice ', ident(desk.code, false), ')'] : []), ...(desk.address ? [`, ${desk.address}`] : [])]
    : [' presso un punto di ritiro SEND (rete RADD)'];
  return [...where, ...(f.radd.transactionId ? [', operazione n. ', ident(f.radd.transactionId)] : [])];
}

export function recipientAccess(f: LegalFactTypeOf<'RECIPIENT_ACCESS'>): Node[] {
  const rows: Array<[string, string]> = [['Data e ora dell\'accesso', when(f.at)]];
  if (f.delegate) rows.push(['Persona delegata', `${f.delegate.denomination} (codice fiscale ${f.delegate.taxId})`]);
  if (f.delegate?.mandateId) rows.push(['Delega n.', f.delegate.mandateId]);
  if (f.radd) rows.push(['Servizio RADD', f.radd.raddType]);
  return [
    paragraph(['Si attesta che in data ', b(when(f.at)), ' ', ...accessor(f), 'ha avuto accesso alla notifica con codice IUN ', ident(f.iun), ...raddPlace(f), '.']),
    paragraph('L\'accesso perfeziona la notifica per il destinatario, se non si è già perfezionata per decorrenza dei termini.'),
    fieldTable(rows),
  ];
}

function eventRows(e: AnalogEventView): string[] {
  return [
    e.deliveryDetailCode ? `${paperEventLabel(e.deliveryDetailCode)} (${e.deliveryDetailCode})` : '',
    whenShort(e.at),
    e.failureCause ? failureCauseLabel(e.failureCause) : '',
  ];
}

export function analogFailure(f: LegalFactTypeOf<'ANALOG_FAILURE_DELIVERY'>): Node[] {
  return [
    paragraph(['Si attesta che non è stato possibile recapitare in forma cartacea a ', ...who(f.recipient), ' la notifica con codice IUN ', ident(f.iun),
      ', perché il destinatario è risultato irreperibile agli indirizzi disponibili. In data ', b(when(f.at)),
      ' l\'avviso di avvenuta ricezione è stato depositato sulla piattaforma SEND, dove il destinatario può accedere alla notifica.']),
    sectionTitle('Tentativi di recapito cartaceo non riusciti'),
    listTable(['Esito', 'Data e ora (ora italiana)', 'Causa'], f.failedAttempts.map(eventRows), ['*', 105, 130]),
  ];
}

const RECEIPT_TEXT: Record<PecReceiptKind, string> = {
  ACCEPTANCE: 'ha emesso la ricevuta di accettazione: il messaggio è stato accettato per l\'inoltro',
  DELIVERY: 'ha emesso la ricevuta di avvenuta consegna: il messaggio è stato consegnato nella casella del destinatario',
  NON_DELIVERY: 'ha emesso l\'avviso di mancata consegna: il messaggio non è stato consegnato nella casella del destinatario',
  TEMPORARY_ERROR: 'ha segnalato un errore temporaneo di consegna: l\'invio viene ripetuto',
};

export function pecReceipt(f: LegalFactTypeOf<'PEC_RECEIPT'>): Node[] {
  const rows: Array<[string, string]> = [
    ['Domicilio digitale', orDash(f.address)],
    ['Data e ora della ricevuta', when(f.at)],
    ['Codice dell\'evento', orDash(f.deliveryDetailCode)],
  ];
  if (f.failureCause) rows.push(['Motivo', f.failureCause]);
  return [
    paragraph(['Si attesta che in data ', b(when(f.at)), ', per il messaggio di posta elettronica certificata relativo alla notifica con codice IUN ',
      ident(f.iun), ' e destinato a ', ...who(f.recipient), ', il gestore di posta elettronica certificata ', RECEIPT_TEXT[f.receipt], '.']),
    fieldTable(rows),
  ];
}

export function analogDelivery(f: LegalFactTypeOf<'ANALOG_DELIVERY'>): Node[] {
  const e = f.event;
  const rows: Array<[string, string]> = [
    ['Evento', e.deliveryDetailCode ? `${paperEventLabel(e.deliveryDetailCode)} (${e.deliveryDetailCode})` : '—'],
    ['Data e ora dell\'evento', when(e.at)],
  ];
  if (e.productType) rows.push(['Prodotto postale', productLabel(e.productType)]);
  if (e.registeredLetterCode) rows.push(['Numero della raccomandata', e.registeredLetterCode]);
  if (e.failureCause) rows.push(['Causa', failureCauseLabel(e.failureCause)]);
  if (e.attachmentType) rows.push(['Documento scansionato', attachmentLabel(e.attachmentType)]);
  if (e.address) rows.push(['Indirizzo', formatAddressLines(e.address).join(', ')]);
  return [
    paragraph(['Si attesta che l\'operatore postale ha comunicato per l\'invio cartaceo della notifica con codice IUN ', ident(f.iun),
      ', destinata a ', ...who(f.recipient), ', l\'evento riportato di seguito, avvenuto in data ', b(when(e.at)), '.']),
    fieldTable(rows),
  ];
}

export function notificationCancelled(f: LegalFactTypeOf<'NOTIFICATION_CANCELLED'>): Node[] {
  return [
    paragraph(['Si attesta che in data ', b(when(f.at)), ', su richiesta del mittente ', b(f.sender.denomination),
      ` (codice fiscale ${f.sender.taxId}), la notifica con codice IUN `, ident(f.iun), ' è stata annullata. ',
      'Da quella data la notifica risulta annullata per tutti i destinatari indicati di seguito.']),
    sectionTitle('Destinatari'),
    recipientsTable(f.recipients),
  ];
}
