// Shared by the documents integration tests: fixtures (a notification with accented and
// apostrophe names, its timeline elements, act PDFs made with pdf-lib) and the readers that look
// at a PDF the way a person and a scanner do (poppler's pdftoppm/pdftotext, zbar's zbarimg).
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { LegalFact, LegalFactType, Notification, TimelineElement } from '../../core/index.js';

const run = promisify(execFile);

export const IUN = 'PEXA-MDKN-WRTQ-202601-M-1';
export const ACCENTED_NAME = "Niccolò D'Alessandro Sant'Angelo";
export const PG_NAME = "Società Cooperativa L'Àncora a r.l.";

export const notification: Notification = {
  iun: IUN,
  sentAt: '2026-03-10T09:15:00+01:00',
  senderDenomination: "Comune di Sant'Agata de' Goti",
  senderTaxId: '80001350627',
  subject: 'Verbale di accertamento di violazione al codice della strada n. 2026/0457',
  physicalCommunicationType: 'AR_REGISTERED_LETTER',
  recipients: [
    {
      taxId: 'DLSNCL80A01F839X',
      recipientType: 'PF',
      denomination: ACCENTED_NAME,
      digitalDomicile: { type: 'PEC', address: 'niccolo.dalessandro@pec.example.it' },
      physicalAddress: { address: 'Via Toledo 100', zip: '80134', municipality: 'Napoli', province: 'NA' },
    },
    {
      taxId: '01234567890',
      recipientType: 'PG',
      denomination: PG_NAME,
      physicalAddress: { address: 'Corso Garibaldi 7', at: 'Ufficio legale', zip: '82019', municipality: "Sant'Agata de' Goti", province: 'BN' },
    },
  ],
  documents: [
    { title: 'Verbale di accertamento', contentType: 'application/pdf', digests: { sha256: 'jezIVxlG1M1woCSUngM6KipUN3/p8cG5RMIPnuEanlE=' } },
  ],
};

/** Hex of the document digest above (base64 decoded by hand with `base64 -d | xxd`). */
export const DOCUMENT_SHA256_HEX = '8DECC8571946D4CD70A024949E033A2A2A54377FE9F1C1B944C20F9EE11A9E51';

function el(category: TimelineElement['category'], elementId: string, at: string, recipientIndex: number | undefined, details: Record<string, unknown>): TimelineElement {
  return { category, elementId, at, ...(recipientIndex === undefined ? {} : { recipientIndex }), details };
}

export const timeline: TimelineElement[] = [
  el('REQUEST_ACCEPTED', `REQUEST_ACCEPTED.IUN_${IUN}`, '2026-03-10T09:17:05+01:00', undefined, {}),
  el('SEND_DIGITAL_DOMICILE', `SEND_DIGITAL.IUN_${IUN}.RECINDEX_0.SOURCE_SPECIAL.REPEAT_false.ATTEMPT_0`, '2026-03-10T09:30:00+01:00', 0,
    { digitalAddressSource: 'SPECIAL', sentAttemptMade: 0, digitalAddress: { type: 'PEC', address: 'niccolo.dalessandro@pec.example.it' } }),
  el('SEND_DIGITAL_PROGRESS', `DIGITAL_PROG.IUN_${IUN}.RECINDEX_0.SOURCE_SPECIAL.REPEAT_false.ATTEMPT_0.IDX_1`, '2026-03-10T09:31:12+01:00', 0,
    { digitalAddressSource: 'SPECIAL', sentAttemptMade: 0, progressIndex: 1, deliveryDetailCode: 'C001' }),
  el('SEND_DIGITAL_FEEDBACK', `SEND_DIGITAL_FEEDBACK.IUN_${IUN}.RECINDEX_0.SOURCE_SPECIAL.ATTEMPT_0`, '2026-03-10T10:02:30+01:00', 0,
    { digitalAddressSource: 'SPECIAL', sentAttemptMade: 0, responseStatus: 'OK', deliveryDetailCode: 'C003' }),
  el('DIGITAL_SUCCESS_WORKFLOW', `DIGITAL_SUCCESS_WORKFLOW.IUN_${IUN}.RECINDEX_0`, '2026-03-10T10:02:30+01:00', 0, {}),
  el('DIGITAL_FAILURE_WORKFLOW', `DIGITAL_FAILURE_WORKFLOW.IUN_${IUN}.RECINDEX_0`, '2026-03-18T11:00:00+01:00', 0, {}),
  // Summer time: 08:00Z is 10:00 in Rome.
  el('SEND_ANALOG_PROGRESS', `SEND_ANALOG_PROGRESS.IUN_${IUN}.RECINDEX_1.ATTEMPT_0.IDX_2`, '2026-07-01T08:00:00Z', 1,
    { sentAttemptMade: 0, deliveryDetailCode: 'RECRN001B', progressIndex: 2, registeredLetterCode: 'RA123456789IT', attachments: [{ documentType: 'AR', url: 'safestorage://AR-1.pdf' }] }),
  el('SEND_ANALOG_FEEDBACK', `SEND_ANALOG_FEEDBACK.IUN_${IUN}.RECINDEX_1.ATTEMPT_0`, '2026-06-30T16:45:00+02:00', 1,
    { sentAttemptMade: 0, responseStatus: 'OK', deliveryDetailCode: 'RECRN001C', productType: 'AR' }),
  el('SEND_ANALOG_FEEDBACK', `SEND_ANALOG_FEEDBACK.IUN_${IUN}.RECINDEX_1.ATTEMPT_1`, '2026-05-04T12:00:00+02:00', 1,
    { sentAttemptMade: 1, responseStatus: 'KO', deliveryDetailCode: 'RECRN002F', deliveryFailureCause: 'M03' }),
  el('COMPLETELY_UNREACHABLE', `COMPLETELY_UNREACHABLE.IUN_${IUN}.RECINDEX_1`, '2026-05-05T09:00:00+02:00', 1, {}),
  el('NOTIFICATION_VIEWED', `NOTIFICATION_VIEWED.IUN_${IUN}.RECINDEX_0`, '2026-03-12T16:35:00+01:00', 0, {
    raddType: 'ALT', raddTransactionId: 'c3f1a2b4-5d6e-4f70-8a9b-0c1d2e3f4a5b',
    delegateInfo: { taxId: 'BNCLRA75M41H501Z', denomination: "Laura Bianchi dell'Orto", delegateType: 'PF', mandateId: 'mandate-0042' },
  }),
  el('NOTIFICATION_CANCELLED', `NOTIFICATION_CANCELLED.IUN_${IUN}`, '2026-08-03T15:20:00+02:00', undefined, {}),
];

export function element(category: string, recipientIndex?: number): TimelineElement {
  const found = timeline.find((t) => t.category === category && (recipientIndex === undefined || t.recipientIndex === recipientIndex));
  if (!found) throw new Error(`fixture has no ${category}`);
  return found;
}

export function factOf(e: TimelineElement, type: LegalFactType, n?: number): LegalFact {
  return {
    id: `${e.elementId}~${type}${n === undefined ? '' : `~${n}`}`,
    type,
    elementId: e.elementId,
    ...(e.recipientIndex === undefined ? {} : { recipientIndex: e.recipientIndex }),
    at: e.at,
  };
}

/** A small act PDF with `pages` pages, each saying which act and page it is. */
export async function makeActPdf(name: string, pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) {
    const page = doc.addPage([595.28, 841.89]);
    page.drawText(`ATTO ${name} PAGINA ${i}`, { x: 72, y: 760, size: 18, font });
  }
  return doc.save();
}

// ---- reading PDFs back -------------------------------------------------------------------

async function has(bin: string): Promise<boolean> {
  try {
    await run('sh', ['-c', `command -v ${bin}`]);
    return true;
  } catch {
    return false;
  }
}

/** Why the reading tests must be skipped here, or undefined when the tools are installed. */
export async function missingTools(): Promise<string | undefined> {
  const missing: string[] = [];
  for (const bin of ['pdftoppm', 'pdftotext', 'pdfinfo', 'zbarimg']) if (!(await has(bin))) missing.push(bin);
  return missing.length ? `missing ${missing.join(', ')} (install poppler-utils and zbar-tools)` : undefined;
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'radd-docs-'));
}

export function writePdf(dir: string, name: string, bytes: Uint8Array): string {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, bytes);
  return file;
}

export async function pdfText(file: string, page?: number): Promise<string> {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  const { stdout } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', ...range, file, '-']);
  return stdout;
}

export async function pdfPages(file: string): Promise<number> {
  const { stdout } = await run('pdfinfo', [file]);
  const m = /^Pages:\s+(\d+)/m.exec(stdout);
  if (!m) throw new Error(`pdfinfo gave no page count for ${file}`);
  return Number(m[1]);
}

export interface Symbol {
  type: string;
  data: string;
}

/** Renders one page (default 1) at 150 dpi and decodes every QR code and barcode on it. */
export async function scanCodes(file: string, page = 1): Promise<Symbol[]> {
  const prefix = `${file.replace(/\.pdf$/, '')}-p${page}`;
  await run('pdftoppm', ['-png', '-r', '150', '-f', String(page), '-l', String(page), '-singlefile', file, prefix]);
  try {
    const { stdout } = await run('zbarimg', ['-q', `${prefix}.png`]);
    return stdout
      .split('\n')
      .filter((l) => l.includes(':'))
      .map((l) => ({ type: l.slice(0, l.indexOf(':')), data: l.slice(l.indexOf(':') + 1) }));
  } catch (e) {
    // zbarimg exits with 4 when it finds no symbol at all.
    if ((e as { code?: number }).code === 4) return [];
    throw e;
  }
}

/**
 * pdftotext output with every run of whitespace (layout columns, wrapped lines) made one space,
 * so that a phrase is found wherever the layout broke it.
 */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/** Text without any whitespace, for values a table cell may wrap. */
export function flat(text: string): string {
  return text.replace(/\s+/g, '');
}
