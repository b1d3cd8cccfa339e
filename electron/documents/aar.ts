// The AAR (Avviso di Avvenuta Ricezione), one A4 page per recipient: DOMAIN.md 9.
// The QR holds the quick-access link (error correction H); the IUN is also a Code 128 barcode
// so that a desk scanner can read it; the text says how to reach the notification without either.
import { perfezionamentoUrl } from '../../core/index.js';
import { code128Node } from './barcode.js';
import { renderPdf, withDigest } from './engine.js';
import { qrNode } from './qr.js';
import { formatAddressLines, formatRomeDateTime } from './format.js';
import { box, fieldTable, frame, paragraph, sectionTitle, titleBlock, type Node } from './layout.js';
import type { AarInput, RenderedPdf } from './types.js';

const TITLE = 'Avviso di avvenuta ricezione';
/** QR side in points, quiet zone included: an AAR link (version ~14, 73 modules + 8) gets ~0.6 mm modules. */
const QR_FIT = 140;
/** Compact layout: ~0.5 mm modules, still well within what phone and desk scanners read. */
const QR_COMPACT = 118;

function recipientBlock(input: AarInput): Node {
  const r = input.recipient;
  const rows: Array<[string, string | undefined]> = [
    [r.recipientType === 'PG' ? 'Ragione sociale' : 'Nome e cognome', r.denomination],
    [r.recipientType === 'PG' ? 'Codice fiscale / P. IVA' : 'Codice fiscale', r.taxId],
  ];
  if (input.paper) {
    rows.push(['Indirizzo', r.physicalAddress ? formatAddressLines(r.physicalAddress).join('\n') : undefined]);
  }
  return box([{ text: 'Destinatario', style: 'section', margin: [0, 0, 0, 3] }, fieldTable(rows, 120)]);
}

function notificationBlock(input: AarInput): Node {
  return fieldTable([
    ['Mittente', input.sender.denomination],
    ['Codice fiscale del mittente', input.sender.taxId],
    ['Oggetto', input.subject],
    ['Codice IUN', { text: input.iun, bold: true, fontSize: 11 }],
    ['Data di deposito', formatRomeDateTime(input.sentAt)],
  ], 140);
}

function howToAccess(input: AarInput, compact: boolean): Node {
  const qrSize = compact ? QR_COMPACT : QR_FIT;
  const site = input.accessBase.replace(/\/$/, '');
  // Each step is one `text` node: an array directly inside `ol` would become a stack of lines.
  const steps: Node[] = [
    { text: [{ text: 'Online: ', bold: true }, 'inquadri il codice QR con lo smartphone, oppure vada su ',
      { text: site.replace(/^https?:\/\//, ''), link: input.accessBase, decoration: 'underline' },
      ', acceda con SPID o CIE e cerchi la notifica con il codice IUN.'], margin: [0, 0, 0, 4] },
    { text: [{ text: 'App IO: ', bold: true }, 'se ha attivato il servizio SEND, trova la notifica tra i messaggi dell\'app IO.'], margin: [0, 0, 0, 4] },
    { text: [{ text: 'Punto di ritiro SEND (RADD): ', bold: true },
      'si presenti con questo avviso e un documento d\'identità valido presso un punto di ritiro abilitato, ' +
      'ad esempio una tabaccheria o un ufficio convenzionato. L\'operatore Le stamperà gli atti e le attestazioni. ' +
      'Può presentarsi anche una persona da Lei delegata su SEND.'] },
  ];
  return {
    columns: [
      { width: qrSize, stack: [
        qrNode(input.qrUrl, qrSize),
        { text: 'Codice QR di accesso rapido', style: 'small', alignment: 'center', margin: [0, 2, 0, 0] },
      ] },
      { width: '*', stack: [{ ol: steps, margin: [0, 0, 0, 0], separator: ['', '.'] }] },
    ],
    columnGap: 18,
  };
}

function barcodeBlock(iun: string): Node {
  return {
    columns: [
      { width: '*', stack: [
        { text: 'Codice IUN per lo sportello', style: 'label' },
        { text: iun, fontSize: 12, bold: true, margin: [0, 3, 0, 0] },
      ] },
      { width: 280, stack: [code128Node(iun, 280, 48)] },
    ],
    margin: [0, 10, 0, 0],
  };
}

/** Splits the long quick-access link into printable lines (it has no spaces to wrap at). */
function linkLines(url: string, width = 95): string[] {
  const lines: string[] = [];
  for (let i = 0; i < url.length; i += width) lines.push(url.slice(i, i + width));
  return lines;
}

function content(input: AarInput, compact: boolean): Node[] {
  const perfezionamento = perfezionamentoUrl(input.landingUrl);
  return [
    ...titleBlock(TITLE, 'Notifica a valore legale tramite SEND – Servizio Notifiche Digitali (art. 26 del D.L. 16 luglio 2020, n. 76)'),
    recipientBlock(input),
    paragraph(
      'Il mittente indicato di seguito ha depositato sulla piattaforma SEND una notifica a valore legale per il destinatario ' +
      'di questo avviso. Gli atti notificati si possono consultare e scaricare nei modi descritti qui sotto.',
      { margin: [0, compact ? 6 : 10, 0, 4] },
    ),
    sectionTitle('Dati della notifica'),
    notificationBlock(input),
    sectionTitle('Come accedere alla notifica'),
    howToAccess(input, compact),
    sectionTitle('Quando la notifica produce effetti (perfezionamento)'),
    paragraph([
      'La notifica si perfeziona per il destinatario quando la visualizza (anche tramite un delegato o presso un punto di ritiro) ' +
      'oppure, se non la visualizza prima, con il decorso dei termini previsti dalla legge. Tutte le informazioni sono su ',
      { text: perfezionamento, link: perfezionamento, decoration: 'underline' },
      '.',
    ]),
    barcodeBlock(input.iun),
    { text: 'Link di accesso rapido (lo stesso contenuto del codice QR):', style: 'small', margin: [0, 8, 0, 1] },
    { stack: linkLines(input.qrUrl), style: 'mono', link: input.qrUrl, color: '#303030' },
  ];
}

function document(input: AarInput, compact: boolean, onPageCount: (pages: number) => void): object {
  return frame({ title: TITLE, generatedAt: input.generatedAt, reference: `IUN ${input.iun}`, content: content(input, compact), compact, onPageCount });
}

/**
 * One AAR, A4, one page. Long data (a 200-character name, a long subject and address) is laid
 * out again in compact sizes rather than spilling onto a second page.
 */
export async function renderAar(input: AarInput): Promise<RenderedPdf> {
  let pages = 0;
  const normal = await renderPdf(document(input, false, (n) => (pages = n)));
  if (pages <= 1) return withDigest(normal);
  return withDigest(await renderPdf(document(input, true, () => undefined)));
}
