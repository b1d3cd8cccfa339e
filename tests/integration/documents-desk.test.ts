// The desk's own papers (DOMAIN.md 10, 10.1): receipt of a completed transaction, privacy cover.
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderCoverSheet, renderDeskReceipt, type DeskReceiptInput } from '../../electron/documents/index.js';
import { ACCENTED_NAME, IUN, flat, missingTools, pdfPages, pdfText, squash, tempDir, writePdf } from './documents-support.js';

const skip = await missingTools();
if (skip) console.warn(`documents-desk: reading checks skipped: ${skip}`);

const sha = (s: string) => createHash('sha256').update(s).digest('hex').toUpperCase();
const ACT_SHA = sha('act');
const AAR_SHA = sha('aar');
const ACCESS_SHA = sha('access');

const receipt: DeskReceiptInput = {
  operationId: 'c3f1a2b4-5d6e-4f70-8a9b-0c1d2e3f4a5b',
  operationType: 'ACT',
  desk: { name: "Tabaccheria dell'Angolo", code: 'RADD-NA-0042', address: 'Via Roma 1, 80100 Napoli (NA)' },
  operator: 'Maria Rossi',
  recipient: { denomination: ACCENTED_NAME, taxId: 'DLSNCL80A01F839X', recipientType: 'PF' },
  delegate: { denomination: "Laura Bianchi dell'Orto", taxId: 'BNCLRA75M41H501Z' },
  iuns: [IUN],
  documents: [
    { title: 'Verbale di accertamento', sha256: ACT_SHA },
    { title: 'Avviso di avvenuta ricezione', sha256: AAR_SHA },
    { title: 'Attestazione di avvenuto accesso', sha256: ACCESS_SHA },
  ],
  startedAt: '2026-03-12T16:35:00+01:00',
  completedAt: '2026-03-12T16:41:10+01:00',
  generatedAt: '2026-03-12T16:41:11+01:00',
};

let dir: string;
beforeAll(() => {
  dir = tempDir();
});

describe.skipIf(skip)('desk receipt of a completed transaction (DOMAIN.md 10)', () => {
  it('names desk, operator, recipient, delegate, operation, IUN, times in Rome and every document with its SHA-256', async () => {
    const file = writePdf(dir, 'receipt', (await renderDeskReceipt(receipt)).buffer);
    expect(await pdfPages(file)).toBe(1);
    const text = squash(await pdfText(file));
    for (const expected of [
      'Ricevuta di consegna documenti',
      "Tabaccheria dell'Angolo",
      'RADD-NA-0042',
      'Maria Rossi',
      ACCENTED_NAME,
      'DLSNCL80A01F839X',
      "Laura Bianchi dell'Orto",
      'BNCLRA75M41H501Z',
      `Laura Bianchi dell'Orto, su delega di ${ACCENTED_NAME}, ha ritirato`,
      'c3f1a2b4-5d6e-4f70-8a9b-0c1d2e3f4a5b',
      'ACT',
      IUN,
      '12/03/2026 ore 16:35:00 (ora italiana)',
      '12/03/2026 ore 16:41:10 (ora italiana)',
      'Verbale di accertamento',
      'Attestazione di avvenuto accesso',
    ]) {
      expect(text, expected).toContain(expected);
    }
    for (const digest of [ACT_SHA, AAR_SHA, ACCESS_SHA]) expect(flat(text)).toContain(digest);
  });

  it('lists every IUN of an AOR pickup and prints no delegate line when the recipient came in person', async () => {
    const aor: DeskReceiptInput = { ...receipt, operationType: 'AOR', iuns: [IUN, 'QDUX-GHKP-JNAM-202603-T-1'], delegate: undefined };
    const text = squash(await pdfText(writePdf(dir, 'receipt-aor', (await renderDeskReceipt(aor)).buffer)));
    expect(text).toContain('AOR');
    expect(text).toContain(IUN);
    expect(text).toContain('QDUX-GHKP-JNAM-202603-T-1');
    expect(text).not.toContain('delega');
  });
});

describe.skipIf(skip)('privacy cover sheet (DOMAIN.md 10.1)', () => {
  it('shows the recipient name and nothing about the notification', async () => {
    const file = writePdf(dir, 'cover', (await renderCoverSheet({ recipientName: ACCENTED_NAME, generatedAt: receipt.generatedAt })).buffer);
    expect(await pdfPages(file)).toBe(1);
    const text = squash(await pdfText(file));
    expect(text).toContain(ACCENTED_NAME);
    const rest = text.replace(ACCENTED_NAME, '').replace('Documenti riservati a', '').trim();
    expect(rest).toBe('');
  });

  it('keeps a 200-character name on one page', async () => {
    const name = "Maria dell'Addolorata Sant'Elia ".repeat(7).slice(0, 200);
    const file = writePdf(dir, 'cover-long', (await renderCoverSheet({ recipientName: name, generatedAt: receipt.generatedAt })).buffer);
    expect(await pdfPages(file)).toBe(1);
    expect(flat(await pdfText(file))).toContain(flat(name));
  });
});
