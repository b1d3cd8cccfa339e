import { describe, expect, it } from 'vitest';
import type { LegalFact, LegalFactType, Notification, TimelineElement } from '../../core/index.js';
import type { LegalFactTypeOf } from './types.js';
import { aarInputFrom, digestHex, legalFactInputFrom } from './view-models.js';

const IUN = 'PEXA-MDKN-WRTQ-202601-M-1';
const n: Notification = {
  iun: IUN,
  sentAt: '2026-03-10T09:15:00+01:00',
  senderDenomination: 'Comune di Milano',
  senderTaxId: '01199250158',
  subject: 'Verbale',
  physicalCommunicationType: 'AR_REGISTERED_LETTER',
  recipients: [
    { taxId: 'RSSMRA85T10A562S', recipientType: 'PF', denomination: 'Mario Rossi', digitalDomicile: { type: 'PEC', address: 'special@pec.it' } },
    { taxId: '01234567890', recipientType: 'PG', denomination: 'Ditta Srl' },
  ],
  documents: [{ title: 'Atto', contentType: 'application/pdf', digests: { sha256: 'jezIVxlG1M1woCSUngM6KipUN3/p8cG5RMIPnuEanlE=' } }],
};
const GEN = '2026-03-20T10:00:00+01:00';

function el(category: TimelineElement['category'], at: string, details: Record<string, unknown>, id = `${category}.${at}`): TimelineElement {
  return { category, elementId: id, at, recipientIndex: 0, details };
}
function fact(e: TimelineElement, type: LegalFactType, suffix = ''): LegalFact {
  return { id: `${e.elementId}~${type}${suffix}`, type, elementId: e.elementId, recipientIndex: 0, at: e.at };
}
function input<T extends LegalFactType>(type: T, e: TimelineElement, timeline: TimelineElement[] = [], suffix = ''): LegalFactTypeOf<T> {
  return legalFactInputFrom({ notification: n, legalFact: fact(e, type, suffix), element: e, timeline, generatedAt: GEN }) as LegalFactTypeOf<T>;
}

const TOKEN = 'UEVYQS1NREtOLVdSVFEtMjAyNjAxLU0tMV9QRi00ZmM3NWRmMy0wOTEz';

describe('AAR view model (DOMAIN.md 9)', () => {
  it('links the PF recipient to the citizens site and the PG one to the businesses site', () => {
    expect(aarInputFrom(n, 0, { token: TOKEN, generatedAt: GEN }).qrUrl).toBe(`https://cittadini.notifichedigitali.it/notifica?aar=${TOKEN}`);
    expect(aarInputFrom(n, 1, { token: TOKEN, generatedAt: GEN }).qrUrl).toBe(`https://imprese.notifichedigitali.it/notifica?aar=${TOKEN}`);
  });

  it('uses configured access sites and landing page', () => {
    const aar = aarInputFrom(n, 0, { token: TOKEN, generatedAt: GEN, accessBases: { PF: 'https://cittadini.test' }, landingUrl: 'https://landing.test/' });
    expect(aar.qrUrl).toBe(`https://cittadini.test/notifica?aar=${TOKEN}`);
    expect(aar.landingUrl).toBe('https://landing.test/');
  });

  it('is a paper AAR unless told otherwise', () => {
    expect(aarInputFrom(n, 0, { token: TOKEN, generatedAt: GEN }).paper).toBe(true);
    expect(aarInputFrom(n, 0, { token: TOKEN, generatedAt: GEN, paper: false }).paper).toBe(false);
  });

  it('refuses a recipient index the notification does not have', () => {
    expect(() => aarInputFrom(n, 2, { token: TOKEN, generatedAt: GEN })).toThrow(RangeError);
  });
});

describe('document digests', () => {
  it('print SEND base64 digests as upper-case hex, and keep hex as hex', () => {
    expect(digestHex('jezIVxlG1M1woCSUngM6KipUN3/p8cG5RMIPnuEanlE=')).toBe('8DECC8571946D4CD70A024949E033A2A2A54377FE9F1C1B944C20F9EE11A9E51');
    expect(digestHex('8decc8571946d4cd70a024949e033a2a2a54377fe9f1c1b944c20f9ee11a9e51')).toBe('8DECC8571946D4CD70A024949E033A2A2A54377FE9F1C1B944C20F9EE11A9E51');
  });
});

describe('attestation facts from timeline elements (DOMAIN.md 6)', () => {
  const send = el('SEND_DIGITAL_DOMICILE', '2026-03-10T09:30:00+01:00', { digitalAddressSource: 'GENERAL', sentAttemptMade: 0, digitalAddress: { address: 'general@pec.it' } });

  it.each([
    ['SEND_DIGITAL_PROGRESS', { deliveryDetailCode: 'C001' }, 'ACCEPTANCE'],
    ['SEND_DIGITAL_PROGRESS', { deliveryDetailCode: 'C008' }, 'TEMPORARY_ERROR'],
    ['SEND_DIGITAL_FEEDBACK', { responseStatus: 'OK', deliveryDetailCode: 'C003' }, 'DELIVERY'],
    ['SEND_DIGITAL_FEEDBACK', { responseStatus: 'KO', deliveryDetailCode: 'C004' }, 'NON_DELIVERY'],
  ] as const)('a PEC receipt from %s %j is a %s receipt', (category, details, kind) => {
    const e = el(category, '2026-03-10T09:31:00+01:00', { digitalAddressSource: 'GENERAL', sentAttemptMade: 0, ...details });
    expect(input('PEC_RECEIPT', e, [send]).receipt).toBe(kind);
  });

  it('finds the PEC address of a receipt in the send of the same source and attempt', () => {
    const e = el('SEND_DIGITAL_FEEDBACK', '2026-03-10T10:00:00+01:00', { digitalAddressSource: 'GENERAL', sentAttemptMade: 0, responseStatus: 'OK' });
    expect(input('PEC_RECEIPT', e, [send]).address).toBe('general@pec.it');
  });

  it('falls back to the special domicile the sender gave for a SPECIAL source', () => {
    const e = el('SEND_DIGITAL_FEEDBACK', '2026-03-10T10:00:00+01:00', { digitalAddressSource: 'SPECIAL', sentAttemptMade: 0, responseStatus: 'OK' });
    expect(input('PEC_RECEIPT', e, [send]).address).toBe('special@pec.it');
  });

  it('makes the AMR from DIGITAL_FAILURE_WORKFLOW with the PEC outcomes in time order', () => {
    const late = el('SEND_DIGITAL_FEEDBACK', '2026-03-17T10:00:00+01:00', { digitalAddressSource: 'GENERAL', sentAttemptMade: 1, responseStatus: 'KO' });
    const early = el('SEND_DIGITAL_FEEDBACK', '2026-03-10T10:00:00+01:00', { digitalAddressSource: 'GENERAL', sentAttemptMade: 0, responseStatus: 'KO' });
    const amr = input('DIGITAL_DELIVERY', el('DIGITAL_FAILURE_WORKFLOW', '2026-03-18T10:00:00+01:00', {}), [late, send, early]);
    expect(amr.outcome).toBe('FAILURE');
    expect(amr.deliveries.map((d) => d.at)).toEqual([early.at, late.at]);
    expect(amr.deliveries[0]!.address).toBe('general@pec.it');
    expect(input('DIGITAL_DELIVERY', el('DIGITAL_SUCCESS_WORKFLOW', '2026-03-10T10:00:00+01:00', {})).outcome).toBe('SUCCESS');
  });

  it('names the delegate and the RADD transaction of a viewing, and nobody for a personal online view', () => {
    const viewed = el('NOTIFICATION_VIEWED', '2026-03-12T16:35:00+01:00', {
      raddType: 'FSU', raddTransactionId: 'op-1', delegateInfo: { taxId: 'BNCLRA75M41H501Z', denomination: 'Laura Bianchi', delegateType: 'PF', mandateId: 'm-1' },
    });
    const f = input('RECIPIENT_ACCESS', viewed);
    expect(f.delegate).toEqual({ taxId: 'BNCLRA75M41H501Z', denomination: 'Laura Bianchi', delegateType: 'PF', mandateId: 'm-1' });
    expect(f.radd).toEqual({ raddType: 'FSU', transactionId: 'op-1' });
    const online = input('RECIPIENT_ACCESS', el('NOTIFICATION_VIEWED', viewed.at, { raddType: null, delegateInfo: null }));
    expect(online.delegate).toBeUndefined();
    expect(online.radd).toBeUndefined();
  });

  it('picks the scanned document of a per-attachment ANALOG_DELIVERY by the index in the fact id', () => {
    const progress = el('SEND_ANALOG_PROGRESS', '2026-07-01T08:00:00Z', { deliveryDetailCode: 'RECAG011B', attachments: [{ documentType: '23L' }, { documentType: 'CAD' }] });
    expect(input('ANALOG_DELIVERY', progress, [], '~1').event.attachmentType).toBe('CAD');
    expect(input('ANALOG_DELIVERY', progress, [], '~0').event.attachmentType).toBe('23L');
  });

  it('lists only the KO paper outcomes of that recipient in the deposit attestation', () => {
    const ok = el('SEND_ANALOG_FEEDBACK', '2026-05-01T10:00:00+02:00', { responseStatus: 'OK', deliveryDetailCode: 'RECRN001C' });
    const ko = el('SEND_ANALOG_FEEDBACK', '2026-05-02T10:00:00+02:00', { responseStatus: 'KO', deliveryDetailCode: 'RECRN002F', deliveryFailureCause: 'M04' });
    const other = { ...ko, elementId: 'other', recipientIndex: 1 };
    const f = input('ANALOG_FAILURE_DELIVERY', el('COMPLETELY_UNREACHABLE', '2026-05-03T10:00:00+02:00', {}), [ok, ko, other]);
    expect(f.failedAttempts).toEqual([{ at: ko.at, deliveryDetailCode: 'RECRN002F', failureCause: 'M04' }]);
  });

  it('refuses an element that did not produce the legal fact', () => {
    const a = el('REQUEST_ACCEPTED', GEN, {});
    const b = el('NOTIFICATION_CANCELLED', GEN, {});
    expect(() => legalFactInputFrom({ notification: n, legalFact: fact(b, 'NOTIFICATION_CANCELLED'), element: a, generatedAt: GEN })).toThrow();
  });
});
