// Attestations rendered from the stored timeline elements (DOMAIN.md 6) and read back as text.
import { beforeAll, describe, expect, it } from 'vitest';
import type { LegalFactType, TimelineElement } from '../../core/index.js';
import { legalFactInputFrom, renderLegalFact, type DeskView } from '../../electron/documents/index.js';
import {
  ACCENTED_NAME,
  DOCUMENT_SHA256_HEX,
  IUN,
  PG_NAME,
  element,
  factOf,
  flat,
  missingTools,
  notification,
  pdfText,
  squash,
  tempDir,
  timeline,
  writePdf,
} from './documents-support.js';

const skip = await missingTools();
if (skip) console.warn(`documents-legal-facts: reading checks skipped: ${skip}`);

const GENERATED = '2026-08-04T10:00:00+02:00';
const DESK: DeskView = { name: "Tabaccheria dell'Angolo", code: 'RADD-NA-0042', address: 'Via Roma 1, 80100 Napoli (NA)' };
let dir: string;
beforeAll(() => {
  dir = tempDir();
});

async function attestation(
  name: string,
  el: TimelineElement,
  type: LegalFactType,
  extra: { n?: number; desk?: DeskView; timeline?: TimelineElement[] } = {},
): Promise<string> {
  const input = legalFactInputFrom({
    notification,
    legalFact: factOf(el, type, extra.n),
    element: el,
    timeline: extra.timeline ?? timeline,
    ...(extra.desk ? { desk: extra.desk } : {}),
    generatedAt: GENERATED,
  });
  const pdf = await renderLegalFact(input);
  return squash(await pdfText(writePdf(dir, name, pdf.buffer)));
}

describe.skipIf(skip)('attestations name the notification, the facts and their Rome times (DOMAIN.md 6)', () => {
  it('SENDER_ACK: deposit and acceptance times, every recipient and the documents with their SHA-256', async () => {
    const text = await attestation('sender-ack', element('REQUEST_ACCEPTED'), 'SENDER_ACK');
    expect(text).toContain('Attestazione di presa in carico');
    expect(text).toContain(IUN);
    expect(text).toContain('10/03/2026 ore 09:15:00 (ora italiana)');
    expect(text).toContain('10/03/2026 ore 09:17:05 (ora italiana)');
    expect(text).toContain("Comune di Sant'Agata de' Goti");
    expect(text.replace(/\s+/g, ' ')).toContain('Niccolò D\'Alessandro');
    expect(text).toContain('DLSNCL80A01F839X');
    expect(text).toContain('01234567890');
    expect(text).toContain(DOCUMENT_SHA256_HEX);
  });

  it('DIGITAL_DELIVERY (success): the PEC address and the delivery time', async () => {
    const text = await attestation('digital-ok', element('DIGITAL_SUCCESS_WORKFLOW'), 'DIGITAL_DELIVERY');
    expect(text).toContain('Attestazione di avvenuta consegna digitale');
    expect(text).toContain('niccolo.dalessandro@pec.example.it');
    expect(text).toContain('10/03/2026 ore 10:02:30 (ora italiana)');
    expect(text).toContain(ACCENTED_NAME);
  });

  it('DIGITAL_DELIVERY (failure) is the AMR and lists the failed attempts', async () => {
    const base = element('SEND_DIGITAL_FEEDBACK');
    const failed: TimelineElement[] = [
      { ...base, elementId: `${base.elementId}.KO0`, at: '2026-03-10T10:02:30+01:00', details: { ...base.details, responseStatus: 'KO', deliveryDetailCode: 'C004' } },
      { ...base, elementId: `${base.elementId}.KO1`, at: '2026-03-17T10:05:00+01:00', details: { ...base.details, sentAttemptMade: 1, responseStatus: 'KO', deliveryDetailCode: 'C004' } },
    ];
    const text = await attestation('amr', element('DIGITAL_FAILURE_WORKFLOW'), 'DIGITAL_DELIVERY', { timeline: failed });
    expect(text).toContain('Avviso di mancato recapito digitale (AMR)');
    expect(text).toContain('18/03/2026 ore 11:00:00 (ora italiana)');
    expect(text).toContain('17/03/2026 ore 10:05:00');
    expect(text.match(/non consegnato/g)).toHaveLength(2);
    expect(text).toContain('raccomandata semplice');
  });

  it('ANALOG_DELIVERY: the postal event of the final feedback with its code and Rome time', async () => {
    const text = await attestation('analog', element('SEND_ANALOG_FEEDBACK', 1), 'ANALOG_DELIVERY');
    expect(text).toContain('Ricevuta della raccomandata');
    expect(text).toContain('RECRN001C');
    expect(text).toContain('30/06/2026 ore 16:45:00 (ora italiana)');
    expect(text).toContain(PG_NAME);
  });

  it('ANALOG_DELIVERY per attachment: names the scanned document, in summer time', async () => {
    const text = await attestation('analog-ar', element('SEND_ANALOG_PROGRESS', 1), 'ANALOG_DELIVERY', { n: 0 });
    expect(text).toContain('avviso di ricevimento (AR)');
    expect(text).toContain('RA123456789IT');
    // 08:00Z on 1 July is 10:00 in Rome (CEST, UTC+2).
    expect(text).toContain('01/07/2026 ore 10:00:00 (ora italiana)');
  });

  it('ANALOG_FAILURE_DELIVERY: the deposit time and the failed paper attempt with its cause', async () => {
    const text = await attestation('unreachable', element('COMPLETELY_UNREACHABLE', 1), 'ANALOG_FAILURE_DELIVERY');
    expect(text).toContain('Deposito di avvenuta ricezione');
    expect(text).toContain('05/05/2026 ore 09:00:00 (ora italiana)');
    expect(text).toContain('RECRN002F');
    // Table cells wrap: compare without the layout's whitespace.
    expect(flat(text)).toContain(flat('destinatario sconosciuto (M03)'));
    expect(text).not.toContain('RECRN001C');
  });

  it('RECIPIENT_ACCESS by a delegate at a RADD desk names the delegate, the recipient and the desk', async () => {
    const text = await attestation('access-radd', element('NOTIFICATION_VIEWED'), 'RECIPIENT_ACCESS', { desk: DESK });
    expect(text).toContain('Attestazione di avvenuto accesso');
    expect(text).toContain('12/03/2026 ore 16:35:00 (ora italiana)');
    expect(text).toContain("Laura Bianchi dell'Orto (codice fiscale BNCLRA75M41H501Z), su delega del destinatario");
    expect(text).toContain('Persona delegata');
    expect(text).toContain('BNCLRA75M41H501Z');
    expect(text).toContain(ACCENTED_NAME);
    expect(text).toContain("Tabaccheria dell'Angolo");
    expect(text).toContain('RADD-NA-0042');
    expect(text).toContain('c3f1a2b4-5d6e-4f70-8a9b-0c1d2e3f4a5b');
  });

  it('RECIPIENT_ACCESS in person online names neither a delegate nor a desk', async () => {
    const viewed = element('NOTIFICATION_VIEWED');
    const online = { ...viewed, details: { raddType: null, raddTransactionId: null, delegateInfo: null } };
    const text = await attestation('access-online', online, 'RECIPIENT_ACCESS');
    expect(text).toContain(`il destinatario ${ACCENTED_NAME}`);
    expect(text).not.toContain('delega');
    expect(text).not.toContain('punto di ritiro');
  });

  it('PEC_RECEIPT: acceptance from the progress element, delivery from the feedback', async () => {
    const acceptance = await attestation('pec-acc', element('SEND_DIGITAL_PROGRESS'), 'PEC_RECEIPT');
    expect(acceptance).toContain('Ricevuta PEC di accettazione');
    expect(acceptance).toContain('10/03/2026 ore 09:31:12 (ora italiana)');
    expect(acceptance).toContain('niccolo.dalessandro@pec.example.it');
    const delivery = await attestation('pec-del', element('SEND_DIGITAL_FEEDBACK'), 'PEC_RECEIPT');
    expect(delivery).toContain('Ricevuta PEC di avvenuta consegna');
    expect(delivery).toContain('C003');
  });

  it('NOTIFICATION_CANCELLED: the cancellation time and every recipient', async () => {
    const text = await attestation('cancelled', element('NOTIFICATION_CANCELLED'), 'NOTIFICATION_CANCELLED');
    expect(text).toContain('Attestazione di annullamento della notifica');
    expect(text).toContain('03/08/2026 ore 15:20:00 (ora italiana)');
    expect(text).toContain('01234567890');
    expect(text).toContain('DLSNCL80A01F839X');
  });

  it('keeps every character extractable in later PDFs of the process (fonts are shared between documents)', async () => {
    // The acceptance subsets accented capitals, whose components (e.g. the dot) fontkit caches
    // without characters; a later bold "r.l." must still map back to its text.
    await attestation('shared-1', element('REQUEST_ACCEPTED'), 'SENDER_ACK');
    const text = await attestation('shared-2', element('SEND_ANALOG_FEEDBACK', 1), 'ANALOG_DELIVERY');
    expect(text).toContain(`destinata a ${PG_NAME} (codice fiscale 01234567890)`);
  });

  it('names the timeline element it was produced from', async () => {
    const el = element('COMPLETELY_UNREACHABLE', 1);
    const text = await attestation('reference', el, 'ANALOG_FAILURE_DELIVERY');
    expect(flat(text)).toContain(el.elementId);
  });
});

describe('attestation inputs', () => {
  it('refuse a legal fact that another element produced', () => {
    const el = element('REQUEST_ACCEPTED');
    expect(() =>
      legalFactInputFrom({ notification, legalFact: factOf(element('NOTIFICATION_CANCELLED'), 'NOTIFICATION_CANCELLED'), element: el, generatedAt: GENERATED }),
    ).toThrow();
  });
});
