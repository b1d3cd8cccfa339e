// Papers of the RADD desk itself (DOMAIN.md 10, 10.1): the receipt of a completed transaction and
// the privacy cover sheet ("frontespizio") laid over the printed acts.
import { renderPdf, withDigest } from './engine.js';
import { formatRomeDateTime as when } from './format.js';
import { box, digestCell, fieldTable, frame, listTable, paragraph, sectionTitle, titleBlock, type Node } from './layout.js';
import type { CoverSheetInput, DeskReceiptInput, RenderedPdf } from './types.js';

const RECEIPT_TITLE = 'Ricevuta di consegna documenti';
const OPERATION: Record<DeskReceiptInput['operationType'], string> = {
  ACT: 'ACT – ritiro degli atti di una notifica',
  AOR: 'AOR – ritiro degli avvisi delle notifiche non recapitate',
};

function party(p: { denomination: string; taxId: string }): string {
  return `${p.denomination} (codice fiscale ${p.taxId})`;
}

function signatures(): Node {
  const line = (label: string): Node => ({
    stack: [{ canvas: [{ type: 'line', x1: 0, y1: 0, x2: 200, y2: 0, lineWidth: 0.6 }], margin: [0, 36, 0, 3] }, { text: label, style: 'small' }],
  });
  return { columns: [line('Firma dell\'operatore'), line('Firma di chi ritira')], columnGap: 40, unbreakable: true, margin: [0, 16, 0, 0] };
}

function receiptContent(r: DeskReceiptInput): Node[] {
  const deskLine = [r.desk.name, r.desk.code ? `codice ${r.desk.code}` : undefined, r.desk.address].filter(Boolean).join(' – ');
  const rows: Array<[string, string | Node | undefined]> = [
    ['Punto di ritiro', deskLine],
    ['Operatore', r.operator],
    ['Operazione', OPERATION[r.operationType]],
    ['Codice operazione', { text: r.operationId, bold: true }],
    ['Inizio', when(r.startedAt)],
    ['Completamento', when(r.completedAt)],
    [r.recipient.recipientType === 'PG' ? 'Destinatario (persona giuridica)' : 'Destinatario', party(r.recipient)],
  ];
  if (r.delegate) rows.push(['Ritirato da (persona delegata)', party(r.delegate)]);
  rows.push([r.iuns.length > 1 ? 'Codici IUN' : 'Codice IUN', r.iuns.join('\n')]);
  // "su delega di" names the delegate without guessing a grammatical gender.
  const collector = r.delegate ? `${r.delegate.denomination}, su delega di ${r.recipient.denomination},` : r.recipient.denomination;
  return [
    ...titleBlock(RECEIPT_TITLE, 'Punto di ritiro SEND (rete RADD) – copia per chi ritira'),
    box([fieldTable(rows, 140)]),
    paragraph(`Si dà atto che in data ${when(r.completedAt)} ${collector} ha ritirato presso questo punto i documenti elencati di seguito. ` +
      'Le impronte SHA-256 permettono di verificare che ogni documento ricevuto sia identico a quello messo a disposizione da SEND.', { margin: [0, 10, 0, 4] }),
    sectionTitle('Documenti consegnati'),
    listTable(['Documento', 'Impronta SHA-256'], r.documents.map((d) => [d.title, digestCell(d.sha256)]), [140, '*']),
    signatures(),
  ];
}

/** Receipt of a COMPLETED desk transaction (ACT or AOR). */
export async function renderDeskReceipt(input: DeskReceiptInput): Promise<RenderedPdf> {
  const doc = frame({ title: RECEIPT_TITLE, generatedAt: input.generatedAt, reference: `Operazione ${input.operationId}`, content: receiptContent(input) });
  return withDigest(await renderPdf(doc));
}

/**
 * The privacy cover sheet: nothing but the recipient's name (DOMAIN.md 10.1), so that the bundle
 * can be handed over without showing what the acts are about. No header, footer or metadata title.
 */
export async function renderCoverSheet(input: CoverSheetInput): Promise<RenderedPdf> {
  const content: Node[] = [
    { text: 'Documenti riservati a', fontSize: 12, color: '#5C6F82', alignment: 'center', margin: [0, 250, 0, 10] },
    { text: input.recipientName, fontSize: 22, bold: true, alignment: 'center' },
  ];
  return withDigest(await renderPdf(frame({ title: 'Frontespizio', generatedAt: input.generatedAt, content, bare: true })));
}
