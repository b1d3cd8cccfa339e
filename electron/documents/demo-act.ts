// The demo's stand-in for a notified act (electron/adapters/demo/acts.ts): one page naming sender,
// subject, IUN and document title, marked on every line that matters as a demo document with no
// legal value. Rendered like every other paper of the desk (frame + renderPdf: Unicode fonts,
// NFC, no network); dated by the notification's deposit, so the same notification gives the same
// bytes, hence the same digest, on every computer and after every restart.
import type { Notification } from '../../core/index.js';
import { renderPdf } from './engine.js';
import { fieldTable, frame, paragraph, titleBlock, type Node } from './layout.js';

export const DEMO_ACT_MARK = 'DOCUMENTO DIMOSTRATIVO – SENZA VALORE LEGALE';

/** The PDF standing for document `docIndex` of a demo notification. */
export async function renderDemoAct(notification: Notification, docIndex: number): Promise<Buffer> {
  const doc = notification.documents[docIndex];
  if (!doc) throw new RangeError(`no document ${docIndex} in ${notification.iun}`);
  const content: Node[] = [
    { text: DEMO_ACT_MARK, bold: true, color: '#990D0D', fontSize: 13, margin: [0, 0, 0, 12] },
    ...titleBlock(doc.title),
    fieldTable([
      ['Mittente', `${notification.senderDenomination} (codice fiscale ${notification.senderTaxId})`],
      ['Oggetto', notification.subject],
      ['IUN (codice della notifica)', notification.iun],
      ...(notification.paProtocolNumber ? [['Numero di protocollo', notification.paProtocolNumber] as [string, string]] : []),
      ['Documento', `${docIndex + 1} di ${notification.documents.length}`],
    ]),
    paragraph('Questo documento è stato prodotto dalla modalità dimostrativa di RADD Desk al posto dell\'atto notificato. ' +
      'Serve solo a provare la consegna degli atti allo sportello: non è un atto della pubblica amministrazione e non ha alcun valore legale.', { margin: [0, 12, 0, 0] }),
  ];
  return renderPdf(frame({ title: `${doc.title} (documento dimostrativo)`, generatedAt: notification.sentAt, reference: DEMO_ACT_MARK, content }));
}
