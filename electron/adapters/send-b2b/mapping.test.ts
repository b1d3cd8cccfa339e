import { describe, expect, it } from 'vitest';
import { elementOf, notificationOf } from './mapping.js';
import type { FullSentNotification } from './schemas.js';

const full: FullSentNotification = {
  iun: 'KWKU-JHXN-HJXM-202304-U-1', sentAt: '2023-04-12T09:00:00Z', paProtocolNumber: 'P-1', subject: 'Verbale', senderDenomination: 'Comune', senderTaxId: '01199250158',
  notificationFeePolicy: 'FLAT_RATE', taxonomyCode: '010101P', physicalCommunicationType: 'REGISTERED_LETTER_890',
  recipients: [{ recipientType: 'PF', taxId: 'RSSMRA85T10A562S', denomination: 'Mario Rossi', physicalAddress: { address: 'Via Roma 1', municipality: 'Roma' }, digitalDomicile: { type: 'PEC', address: 'mario@pec.it' }, payments: [{ pagoPa: { noticeCode: '302000100000019421', creditorTaxId: '01199250158', applyCost: true } }] }],
  documents: [{ digests: { sha256: 'jezIVxlG1M1woCSUngM6KipUN3/p8cG5RMIPnuEanlE=' }, contentType: 'application/pdf', ref: { key: 'k', versionToken: 'v' } }],
  notificationStatus: 'ACCEPTED', notificationStatusHistory: [{ status: 'ACCEPTED', activeFrom: '2023-04-12T09:02:00Z', relatedTimelineElements: ['REQUEST_ACCEPTED.IUN_KWKU-JHXN-HJXM-202304-U-1'] }], timeline: [],
};

describe('SEND -> core model mapping', () => {
  it('maps the header, keeping SEND\'s status history aside', () => {
    const p = notificationOf(full);
    expect(p.notification.recipients[0]).toEqual({
      taxId: 'RSSMRA85T10A562S', recipientType: 'PF', denomination: 'Mario Rossi',
      physicalAddress: { address: 'Via Roma 1', zip: '', municipality: 'Roma' }, digitalDomicile: { type: 'PEC', address: 'mario@pec.it' },
      payments: [{ noticeCode: '302000100000019421', creditorTaxId: '01199250158' }],
    });
    expect(p.notification.documents[0]!.title).toBe('Documento 1');
    expect(p.remoteStatusHistory?.[0]?.status).toBe('ACCEPTED');
  });

  it('takes eventTimestamp as the business time and details.recIndex as the recipient', () => {
    const e = elementOf({ elementId: 'X', category: 'SEND_ANALOG_FEEDBACK', timestamp: '2023-05-02T10:00:00Z', eventTimestamp: '2023-04-28T08:00:00Z', details: { recIndex: 0, deliveryDetailCode: 'RECAG001C' }, legalFactsIds: [{ key: 'safestorage://a.pdf', category: 'ANALOG_DELIVERY' }] }, 'test');
    expect(e).toEqual({ elementId: 'X', category: 'SEND_ANALOG_FEEDBACK', at: '2023-04-28T08:00:00Z', recipientIndex: 0, details: { recIndex: 0, deliveryDetailCode: 'RECAG001C', legalFactsIds: [{ key: 'safestorage://a.pdf', category: 'ANALOG_DELIVERY' }] } });
  });

  it('falls back to the deprecated timestamp, and refuses an element with neither', () => {
    expect(elementOf({ category: 'REQUEST_ACCEPTED', timestamp: '2023-04-12T09:02:00Z' }, 't').at).toBe('2023-04-12T09:02:00Z');
    expect(() => elementOf({ category: 'REQUEST_ACCEPTED' }, 't')).toThrow(expect.objectContaining({ code: 'SYNC_SCHEMA_VIOLATION' }));
  });
});
