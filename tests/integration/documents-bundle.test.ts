// The print bundle of one pickup (DOMAIN.md 10.1): cover, acts, AAR, attestations, in this order,
// as one PDF; an unusable act stops it with a typed error instead of a broken file.
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAarToken, isDomainError } from '../../core/index.js';
import {
  aarInputFrom,
  buildPrintBundle,
  legalFactInputFrom,
  renderAar,
  renderCoverSheet,
  renderLegalFact,
  type BundleDocument,
  type PrintBundleParts,
} from '../../electron/documents/index.js';
import {
  ACCENTED_NAME,
  IUN,
  element,
  factOf,
  makeActPdf,
  missingTools,
  notification,
  pdfPages,
  pdfText,
  scanCodes,
  tempDir,
  timeline,
  writePdf,
} from './documents-support.js';

const skip = await missingTools();
if (skip) console.warn(`documents-bundle: reading checks skipped: ${skip}`);

const GENERATED = '2026-03-12T16:40:00+01:00';
let dir: string;
let parts: PrintBundleParts;

beforeAll(async () => {
  dir = tempDir();
  const token = buildAarToken(IUN, 'PF-4fc75df3-0913-407e-bdaa-e50329708b7d', '0f4e7a52-6a1d-4c8e-9a77-3d2b1c0e9f11');
  const viewed = element('NOTIFICATION_VIEWED');
  const accepted = element('REQUEST_ACCEPTED');
  parts = {
    cover: { title: 'Frontespizio', pdf: (await renderCoverSheet({ recipientName: ACCENTED_NAME, generatedAt: GENERATED })).buffer },
    acts: [
      { title: 'Verbale di accertamento', pdf: await makeActPdf('UNO', 2) },
      { title: 'Allegato tecnico', pdf: await makeActPdf('DUE', 3) },
    ],
    aars: [{ title: 'Avviso di avvenuta ricezione', pdf: (await renderAar(aarInputFrom(notification, 0, { token, generatedAt: GENERATED }))).buffer }],
    attestations: [
      { title: 'Attestazione di presa in carico', pdf: (await renderLegalFact(legalFactInputFrom({ notification, legalFact: factOf(accepted, 'SENDER_ACK'), element: accepted, timeline, generatedAt: GENERATED }))).buffer },
      { title: 'Attestazione di avvenuto accesso', pdf: (await renderLegalFact(legalFactInputFrom({ notification, legalFact: factOf(viewed, 'RECIPIENT_ACCESS'), element: viewed, timeline, generatedAt: GENERATED }))).buffer },
    ],
    generatedAt: GENERATED,
  };
});

async function codeOf(promise: Promise<unknown>): Promise<{ code?: string; title?: unknown }> {
  try {
    await promise;
  } catch (e) {
    return isDomainError(e) ? { code: e.code, title: e.params.title } : { code: `not a DomainError: ${String(e)}` };
  }
  return {};
}

describe.skipIf(skip)('print bundle order and pages (DOMAIN.md 10.1)', () => {
  it('puts the cover first, then the acts, the AAR and the attestations, page by page', async () => {
    const bundle = await buildPrintBundle(parts);
    const file = writePdf(dir, 'bundle', bundle.buffer);
    // 1 cover + 2 + 3 act pages + 1 AAR + 2 attestations
    expect(await pdfPages(file)).toBe(9);
    const expectations: Array<[number, string]> = [
      [1, ACCENTED_NAME],
      [2, 'ATTO UNO PAGINA 1'],
      [3, 'ATTO UNO PAGINA 2'],
      [4, 'ATTO DUE PAGINA 1'],
      [6, 'ATTO DUE PAGINA 3'],
      [7, 'Avviso di avvenuta ricezione'],
      [8, 'Attestazione di presa in carico'],
      [9, 'Attestazione di avvenuto accesso'],
    ];
    for (const [page, text] of expectations) expect(await pdfText(file, page), `page ${page}`).toContain(text);
    expect(await pdfText(file, 1)).not.toContain(IUN);
    // The merged AAR page still scans.
    expect((await scanCodes(file, 7)).map((c) => c.type).sort()).toEqual(['CODE-128', 'QR-Code']);
  });

  it('reports where each document starts, for the desk checklist', async () => {
    const bundle = await buildPrintBundle(parts);
    expect(bundle.pageCount).toBe(9);
    expect(bundle.sections.map((s) => [s.kind, s.firstPage, s.pageCount])).toEqual([
      ['COVER', 1, 1],
      ['ACT', 2, 2],
      ['ACT', 4, 3],
      ['AAR', 7, 1],
      ['ATTESTATION', 8, 1],
      ['ATTESTATION', 9, 1],
    ]);
  });
});

describe('print bundle refuses unusable acts with a typed error naming them', () => {
  const withAct = (act: BundleDocument): PrintBundleParts => ({ ...parts, acts: [parts.acts[0]!, act] });

  it('a 0-byte act is DOCUMENT_EMPTY', async () => {
    expect(await codeOf(buildPrintBundle(withAct({ title: 'Allegato vuoto', pdf: new Uint8Array(0) })))).toEqual({ code: 'DOCUMENT_EMPTY', title: 'Allegato vuoto' });
  });

  it('a valid PDF without any page is DOCUMENT_EMPTY', async () => {
    // pdf-lib would otherwise add a blank page on save.
    const noPages = await (await PDFDocument.create()).save({ addDefaultPage: false });
    expect(await codeOf(buildPrintBundle(withAct({ title: 'Allegato senza pagine', pdf: noPages })))).toEqual({ code: 'DOCUMENT_EMPTY', title: 'Allegato senza pagine' });
  });

  it('a file that is not a PDF is DOCUMENT_CORRUPTED', async () => {
    const notPdf = new TextEncoder().encode('<html>errore 500</html>');
    expect(await codeOf(buildPrintBundle(withAct({ title: 'Allegato HTML', pdf: notPdf })))).toEqual({ code: 'DOCUMENT_CORRUPTED', title: 'Allegato HTML' });
  });

  it('an act cut short by an interrupted download is DOCUMENT_CORRUPTED', async () => {
    const whole = await makeActPdf('TRE', 2);
    const cut = whole.slice(0, Math.floor(whole.length * 0.6));
    expect(await codeOf(buildPrintBundle(withAct({ title: 'Allegato troncato', pdf: cut })))).toEqual({ code: 'DOCUMENT_CORRUPTED', title: 'Allegato troncato' });
  });

  it('an act whose bytes are garbage after a PDF header is DOCUMENT_CORRUPTED', async () => {
    const garbage = new Uint8Array(4096).map((_, i) => (i * 7919) % 251);
    const fake = new Uint8Array([...new TextEncoder().encode('%PDF-1.7\n'), ...garbage, ...new TextEncoder().encode('\n%%EOF\n')]);
    expect(await codeOf(buildPrintBundle(withAct({ title: 'Allegato illeggibile', pdf: fake })))).toEqual({ code: 'DOCUMENT_CORRUPTED', title: 'Allegato illeggibile' });
  });

  it('a corrupted attestation is refused too', async () => {
    const broken = { ...parts, attestations: [{ title: 'Attestazione rotta', pdf: new TextEncoder().encode('%PDF-1.3\nrotto') }] };
    expect(await codeOf(buildPrintBundle(broken))).toEqual({ code: 'DOCUMENT_CORRUPTED', title: 'Attestazione rotta' });
  });
});
