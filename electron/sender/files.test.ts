import { describe, expect, it } from 'vitest';
import type { Notification } from '../../core/index.js';
import type { StoredLegalFact } from '../../db/repositories/legal-facts-repo.js';
import { legalFactFileName } from './files.js';

const IUN = 'QDUX-GHKP-JNAM-202603-T-1';
const notification = {
  iun: IUN, sentAt: '2026-03-02T09:00:00+01:00', senderDenomination: 'Comune di Milano', senderTaxId: '01199250158', subject: 'Verbale',
  physicalCommunicationType: 'REGISTERED_LETTER_890', documents: [],
  recipients: [{ taxId: 'RSSMRA85T10A562S', recipientType: 'PF', denomination: 'Niccolò Rossi', physicalAddress: { address: 'Via Roma 1', zip: '20121', municipality: 'Milano' } }],
} as unknown as Notification;
const fact = (id: string, type: StoredLegalFact['type'], at: string, recipientIndex?: number): StoredLegalFact =>
  ({ id, type, elementId: id.split('~')[0]!, at, ...(recipientIndex === undefined ? {} : { recipientIndex }) });

describe('the file name of a legal fact downloaded by the sender office', () => {
  const accepted = fact(`SEND_DIGITAL_PROGRESS.IUN_${IUN}.RECINDEX_0~PEC_RECEIPT`, 'PEC_RECEIPT', '2026-03-02T10:15:20+01:00', 0);
  const delivered = fact(`SEND_DIGITAL_FEEDBACK.IUN_${IUN}.RECINDEX_0~PEC_RECEIPT`, 'PEC_RECEIPT', '2026-03-02T10:17:02+01:00', 0);
  const facts = [fact(`REQUEST_ACCEPTED.IUN_${IUN}~SENDER_ACK`, 'SENDER_ACK', '2026-03-02T09:05:00+01:00'), accepted, delivered];

  it('says what it is in the clerk\'s language, when, and for whom (accents kept)', () => {
    expect(legalFactFileName(notification, facts, facts[0]!, 'REQUEST_ACCEPTED', 'it')).toBe(`${IUN} - Attestazione di presa in carico - 02-03-2026 09.05.pdf`);
    expect(legalFactFileName(notification, facts, accepted, 'SEND_DIGITAL_PROGRESS', 'it')).toBe(`${IUN} - Ricevuta PEC - 02-03-2026 10.15 - Niccolò Rossi.pdf`);
    expect(legalFactFileName(notification, facts, accepted, 'SEND_DIGITAL_PROGRESS', 'en')).toBe(`${IUN} - PEC receipt - 02-03-2026 10.15 - Niccolò Rossi.pdf`);
  });

  it('gives two receipts of one kind two names, also two scans of one postal event', () => {
    expect(legalFactFileName(notification, facts, accepted, undefined, 'it')).not.toBe(legalFactFileName(notification, facts, delivered, undefined, 'it'));
    const scans = [0, 1].map((n) => fact(`SEND_ANALOG_PROGRESS.IUN_${IUN}.RECINDEX_0.ATTEMPT_0.IDX_2~ANALOG_DELIVERY~${n}`, 'ANALOG_DELIVERY', '2026-03-09T11:00:00+01:00', 0));
    expect(scans.map((s) => legalFactFileName(notification, scans, s, 'SEND_ANALOG_PROGRESS', 'it'))).toEqual([
      `${IUN} - Ricevuta della raccomandata - 09-03-2026 11.00 (1) - Niccolò Rossi.pdf`,
      `${IUN} - Ricevuta della raccomandata - 09-03-2026 11.00 (2) - Niccolò Rossi.pdf`,
    ]);
  });

  it('names the AMR as such (a DIGITAL_DELIVERY fact of a failed digital workflow)', () => {
    const amr = fact(`DIGITAL_FAILURE_WORKFLOW.IUN_${IUN}.RECINDEX_0~DIGITAL_DELIVERY`, 'DIGITAL_DELIVERY', '2026-03-20T08:00:00+01:00', 0);
    expect(legalFactFileName(notification, [amr], amr, 'DIGITAL_FAILURE_WORKFLOW', 'it')).toBe(`${IUN} - Avviso di mancato recapito digitale (AMR) - 20-03-2026 08.00 - Niccolò Rossi.pdf`);
  });
});
