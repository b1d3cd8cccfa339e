// The AAR read back as a person (pdftotext) and a scanner (pdftoppm + zbarimg) would: DOMAIN.md 9.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildAarToken } from '../../core/index.js';
import { aarInputFrom, renderAar } from '../../electron/documents/index.js';
import { renderPdf } from '../../electron/documents/engine.js';
import { matrixPng } from '../../electron/documents/qr.js';
import {
  ACCENTED_NAME,
  IUN,
  PG_NAME,
  missingTools,
  notification,
  pdfPages,
  pdfText,
  scanCodes,
  squash,
  tempDir,
  writePdf,
} from './documents-support.js';

const run = promisify(execFile);
const skip = await missingTools();
if (skip) console.warn(`documents-aar: reading checks skipped: ${skip}`);

const INTERNAL_ID = 'PF-4fc75df3-0913-407e-bdaa-e50329708b7d';
const UUID = '0f4e7a52-6a1d-4c8e-9a77-3d2b1c0e9f11';
const GENERATED = '2026-03-10T09:20:00+01:00';
/** DOMAIN.md 9, computed here with Node's own base64url rather than the code under test. */
const EXPECTED_TOKEN = Buffer.from(`${IUN}_${INTERNAL_ID}_${UUID}`, 'utf8').toString('base64url');

let dir: string;
beforeAll(() => {
  dir = tempDir();
});
afterEach(() => {
  vi.restoreAllMocks();
});

async function aarFile(name: string, n = notification, recipientIndex = 0, paper = true): Promise<string> {
  const token = buildAarToken(IUN, INTERNAL_ID, UUID);
  const pdf = await renderAar(aarInputFrom(n, recipientIndex, { token, paper, generatedAt: GENERATED }));
  return writePdf(dir, name, pdf.buffer);
}

describe.skipIf(skip)('AAR as read by a scanner and a person (DOMAIN.md 9)', () => {
  it('has a QR code whose content is exactly <accessBase>notifica?aar=<token> of the citizens site for a PF', async () => {
    const codes = await scanCodes(await aarFile('aar-pf'));
    const qr = codes.filter((c) => c.type === 'QR-Code').map((c) => c.data);
    expect(qr).toEqual([`https://cittadini.notifichedigitali.it/notifica?aar=${EXPECTED_TOKEN}`]);
  });

  it('uses the businesses site in the QR code of a PG recipient', async () => {
    const codes = await scanCodes(await aarFile('aar-pg', notification, 1));
    expect(codes.find((c) => c.type === 'QR-Code')?.data).toBe(`https://imprese.notifichedigitali.it/notifica?aar=${EXPECTED_TOKEN}`);
  });

  it('carries the IUN as a Code 128 barcode', async () => {
    const codes = await scanCodes(await aarFile('aar-barcode'));
    expect(codes.filter((c) => c.type === 'CODE-128').map((c) => c.data)).toEqual([IUN]);
  });

  it('is one A4 page in Italian with sender, subject, IUN, deposit date in Rome time and the recipient', async () => {
    const file = await aarFile('aar-text');
    expect(await pdfPages(file)).toBe(1);
    const { stdout: info } = await run('pdfinfo', [file]);
    expect(info).toMatch(/Page size:\s+595\.2\d? x 841\.8\d? pts \(A4\)/);
    const text = squash(await pdfText(file));
    for (const expected of [
      'Avviso di avvenuta ricezione',
      "Comune di Sant'Agata de' Goti",
      '80001350627',
      'Verbale di accertamento di violazione al codice della strada n. 2026/0457',
      IUN,
      '10/03/2026 ore 09:15:00 (ora italiana)',
      ACCENTED_NAME,
      'DLSNCL80A01F839X',
      'Via Toledo 100',
      '80134 Napoli (NA)',
      'https://notifichedigitali.it/perfezionamento',
      'App IO',
      'Punto di ritiro SEND (RADD)',
    ]) {
      expect(text, expected).toContain(expected);
    }
  });

  it('prints the PG name with accents and apostrophes and the c/o line of its address', async () => {
    const text = squash(await pdfText(await aarFile('aar-pg-text', notification, 1)));
    expect(text).toContain(PG_NAME);
    expect(text).toContain('presso Ufficio legale');
    expect(text).toContain('Ragione sociale');
  });

  it('leaves the address out of a digital (non-paper) AAR', async () => {
    const text = await pdfText(await aarFile('aar-digital', notification, 0, false));
    expect(text).not.toContain('Via Toledo');
    expect(text).toContain(ACCENTED_NAME);
  });

  it('keeps a 200-character name whole on one readable page with working codes', async () => {
    const longName = `${"Maria Giuseppina dell'Addolorata Sant'Elia Niccolò Brancaccio De' Medici ".repeat(3)}`.slice(0, 200);
    expect(longName).toHaveLength(200);
    const n = { ...notification, recipients: [{ ...notification.recipients[0]!, denomination: longName }] };
    const file = await aarFile('aar-long', n);
    expect(await pdfPages(file)).toBe(1);
    const flat = (s: string) => s.replace(/\s+/g, '');
    expect(flat(await pdfText(file))).toContain(flat(longName));
    const codes = await scanCodes(file);
    expect(codes.map((c) => c.type).sort()).toEqual(['CODE-128', 'QR-Code']);
  });

  it('stays on one page when a 200-character name has no space to wrap at', async () => {
    const n = { ...notification, recipients: [{ ...notification.recipients[0]!, denomination: 'À'.repeat(200) }] };
    const file = await aarFile('aar-word', n);
    expect(await pdfPages(file)).toBe(1);
    expect((await pdfText(file)).replace(/\s+/g, '')).toContain('À'.repeat(200));
  });

  it('is readable when optional fields are missing (no address, no domicile, no documents)', async () => {
    const n = { ...notification, documents: [], recipients: [{ taxId: 'DLSNCL80A01F839X', recipientType: 'PF' as const, denomination: 'Anna' }] };
    const file = await aarFile('aar-bare', n);
    expect(await pdfPages(file)).toBe(1);
    const text = squash(await pdfText(file));
    expect(text).toContain('Anna');
    expect(text).toMatch(/Indirizzo\s+—/);
    expect((await scanCodes(file)).length).toBe(2);
  });

  it('prints a decomposed (NFD) name with its accents, as the composed name', async () => {
    const nfd = 'Ru\u0308diger Mu\u0308ller Nicolo\u0300';
    const n = { ...notification, recipients: [{ ...notification.recipients[0]!, denomination: nfd }] };
    expect(squash(await pdfText(await aarFile('aar-nfd', n)))).toContain('Rüdiger Müller Nicolò');
  });

  it('keeps combining marks extractable in later PDFs of the process (fonts are shared between documents)', async () => {
    // Subsetting the first PDF's letters with a dot below caches the combining dot (U+0323) as a
    // glyph without characters; the second PDF's own U+0323 must still map back to its text.
    const first = writePdf(dir, 'shared-1', await renderPdf({ content: [{ text: 'ẠẸỊỌỤ', bold: true }] }));
    const second = writePdf(dir, 'shared-2', await renderPdf({ content: [{ text: 'X\u0323 finale', bold: true }] }));
    expect(await pdfText(first)).toContain('ẠẸỊỌỤ');
    expect(await pdfText(second)).toContain('X\u0323 finale');
  });

  it('embeds every font it uses', async () => {
    const { stdout } = await run('pdffonts', [await aarFile('aar-fonts')]);
    const rows = stdout.split('\n').slice(2).filter((l) => l.trim() !== '');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row, row).toMatch(/\s+yes\s+yes\s+yes\s+/);
  });
});

describe('AAR bytes', () => {
  it('are the same for the same input and come with their own SHA-256', async () => {
    const token = buildAarToken(IUN, INTERNAL_ID, UUID);
    const input = aarInputFrom(notification, 0, { token, generatedAt: GENERATED });
    const [a, b] = [await renderAar(input), await renderAar(input)];
    expect(a.buffer.equals(b.buffer)).toBe(true);
    expect(a.sha256).toBe(createHash('sha256').update(a.buffer).digest('hex'));
    expect(a.buffer.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('are the same whether AARs are rendered one by one or several at once (shared fonts stay per document)', async () => {
    const inputs = [0, 1, 2].map((i) =>
      aarInputFrom(notification, i % 2, { token: buildAarToken(IUN, `PF-${i}`, UUID), generatedAt: GENERATED }),
    );
    const sequential: Buffer[] = [];
    for (const input of inputs) sequential.push((await renderAar(input)).buffer);
    const concurrent = await Promise.all(inputs.map((input) => renderAar(input)));
    concurrent.forEach((pdf, i) => expect(pdf.buffer.equals(sequential[i]!), `AAR ${i}`).toBe(true));
  });

  it('never reach the network: a remote image in a document is refused without any fetch', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    await expect(renderPdf({ content: [{ image: 'https://example.invalid/logo.png' }] })).rejects.toThrow(/access policy/);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('never read local files: a valid image given by path is refused', async () => {
    const png = join(tempDir(), 'pixel.png');
    writeFileSync(png, matrixPng([[true]]));
    await expect(renderPdf({ content: [{ image: png }] })).rejects.toThrow(/access policy/);
  });
});
