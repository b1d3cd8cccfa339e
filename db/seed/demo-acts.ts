// The demo's notified acts as real files. SEND keeps every act of a notification in its safe
// storage and the desk gets the very bytes whose SHA-256 the notification declares (DOMAIN.md 10
// step 4, 13): the demo must behave the same, or no act can be collected at the counter. The
// core's simulator only invents digests (it may not make files), so the host replaces them here
// with the SHA-256 of a small PDF that names sender, subject, IUN and document title and says,
// on every line that matters, that it is a demo document.
// Deterministic: the same notification gives the same bytes, hence the same digest, on every
// computer and after every restart (pdf-lib without the save-time metadata, fixed dates).
// Lives in db/seed so that both the first-start seed (db) and the demo adapter (electron) use it.
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { Notification, NotificationDocument } from '../../core/index.js';
import { hexToBase64, sha256Hex } from '../files.js';

export interface DemoActFile {
  /** Position of the document in `notification.documents`. */
  docIndex: number;
  bytes: Uint8Array;
  /** Hex SHA-256 of `bytes` (the file store's key). */
  sha256: string;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const WIDTH = A4[0] - 2 * MARGIN;
const RED = rgb(0.6, 0.05, 0.05);
const DEMO_MARK = 'DOCUMENTO DIMOSTRATIVO – SENZA VALORE LEGALE';

/**
 * Text the standard Helvetica (WinAnsi) can show: Italian letters pass, control characters become
 * spaces, anything else '?'. A pushed subject may hold any Unicode.
 */
function showable(font: PDFFont, text: string): string {
  let out = '';
  for (const ch of text.replace(/[\u0000-\u001f\u007f]+/g, ' ')) {
    try {
      font.encodeText(ch);
      out += ch;
    } catch {
      out += '?';
    }
  }
  return out;
}

/** Words laid in lines no wider than `width` (a word longer than a line is cut). */
function wrap(font: PDFFont, size: number, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) <= width) {
      line = next;
      continue;
    }
    if (line) lines.push(line);
    let rest = word;
    while (font.widthOfTextAtSize(rest, size) > width && rest.length > 1) {
      let cut = rest.length - 1;
      while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut -= 1;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

interface Pen {
  page: PDFPage;
  y: number;
  regular: PDFFont;
  bold: PDFFont;
}

function write(pen: Pen, text: string, opts: { size?: number; bold?: boolean; color?: ReturnType<typeof rgb>; gap?: number } = {}): void {
  const size = opts.size ?? 11;
  const font = opts.bold ? pen.bold : pen.regular;
  for (const line of wrap(font, size, showable(font, text), WIDTH)) {
    pen.page.drawText(line, { x: MARGIN, y: pen.y, size, font, color: opts.color ?? rgb(0, 0, 0) });
    pen.y -= size * 1.35;
  }
  pen.y -= opts.gap ?? 4;
}

/** A labelled field: the label in bold on its own line, then the value. */
function field(pen: Pen, label: string, value: string): void {
  write(pen, label, { size: 9, bold: true, gap: 0 });
  write(pen, value, { gap: 8 });
}

/** The PDF standing for document `docIndex` of a demo notification. */
export async function renderDemoAct(notification: Notification, docIndex: number): Promise<Uint8Array> {
  const doc = notification.documents[docIndex];
  if (!doc) throw new RangeError(`no document ${docIndex} in ${notification.iun}`);
  // No producer / creation date written at save: the bytes depend on the notification only.
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const [regular, bold] = [await pdf.embedFont(StandardFonts.Helvetica), await pdf.embedFont(StandardFonts.HelveticaBold)];
  pdf.setTitle(`${doc.title} - ${notification.iun} (documento dimostrativo)`);
  pdf.setAuthor(notification.senderDenomination);
  pdf.setSubject(notification.subject);
  pdf.setKeywords(['RADD Desk', 'demo', notification.iun]);
  pdf.setLanguage('it-IT');
  const page = pdf.addPage(A4);
  const pen: Pen = { page, y: A4[1] - MARGIN - 10, regular, bold };
  page.drawRectangle({ x: MARGIN - 8, y: pen.y - 10, width: WIDTH + 16, height: 28, borderColor: RED, borderWidth: 1.5 });
  write(pen, DEMO_MARK, { size: 13, bold: true, color: RED, gap: 22 });
  write(pen, doc.title, { size: 18, bold: true, gap: 14 });
  field(pen, 'Mittente', `${notification.senderDenomination} (codice fiscale ${notification.senderTaxId})`);
  field(pen, 'Oggetto', notification.subject);
  field(pen, 'IUN (codice della notifica)', notification.iun);
  if (notification.paProtocolNumber) field(pen, 'Numero di protocollo', notification.paProtocolNumber);
  field(pen, 'Documento', `${docIndex + 1} di ${notification.documents.length}`);
  pen.y -= 10;
  write(pen, 'Questo documento è stato prodotto dalla modalità dimostrativa di RADD Desk al posto dell\'atto notificato. ' +
    'Serve solo a provare la consegna degli atti allo sportello: non è un atto della pubblica amministrazione e non ha alcun valore legale.');
  page.drawText(DEMO_MARK, { x: MARGIN, y: MARGIN, size: 8, font: bold, color: RED });
  return pdf.save({ useObjectStreams: false });
}

/** Every act of a notification as a demo PDF, with its key. */
export async function demoActFiles(notification: Notification): Promise<DemoActFile[]> {
  return Promise.all(notification.documents.map(async (_, docIndex) => {
    const bytes = await renderDemoAct(notification, docIndex);
    return { docIndex, bytes, sha256: sha256Hex(bytes) };
  }));
}

/**
 * The notification whose documents are these files: each digest becomes the (base64, as SEND
 * writes it) SHA-256 of its file, and any local link is dropped (the key is the digest itself).
 */
export function withDemoDigests(notification: Notification, files: readonly DemoActFile[]): Notification {
  const documents = notification.documents.map((d, i): NotificationDocument => {
    const file = files.find((f) => f.docIndex === i);
    if (!file) return d;
    const { ref: _ref, ...rest } = d;
    return { ...rest, digests: { ...d.digests, sha256: hexToBase64(file.sha256) } };
  });
  return { ...notification, documents };
}

/** Where the files go: the store's content-addressed files (db/files.ts) or a test's fake. */
export interface DemoActSink {
  put(bytes: Uint8Array): Promise<unknown>;
}

/**
 * Stores the acts of a demo notification and returns it with the digests of exactly those bytes.
 * The files are written first: a notification stored afterwards never names a missing file.
 */
export async function storeDemoActs(sink: DemoActSink, notification: Notification): Promise<Notification> {
  const files = await demoActFiles(notification);
  for (const f of files) await sink.put(f.bytes);
  return withDemoDigests(notification, files);
}
