import { describe, expect, it } from 'vitest';
import { checkActInquiry, DEFAULT_PRINT_LIMIT, isPrintLimitReached, type ActInquiryInput, type DeskDelegate } from './act-inquiry.js';
import { aDerived, aLegalFact, aNotification } from './desk-fixtures.test-support.js';

const NOW = '2026-04-01T10:00:00+02:00';

function input(overrides: Partial<ActInquiryInput> = {}): ActInquiryInput {
  return {
    notification: aNotification(),
    derived: aDerived('DELIVERED'),
    recipientTaxId: 'RSSMRA85T10A562S',
    now: NOW,
    printCountForRecipient: 0,
    printLimit: DEFAULT_PRINT_LIMIT,
    ...overrides,
  };
}

const delegate = (mandate: DeskDelegate['mandate']): DeskDelegate => ({
  taxId: 'VRDGPP80M01H501L',
  denomination: 'Giuseppe Verdi',
  delegateType: 'PF',
  mandate,
});
const MANDATE = { mandateId: 'm-1', delegatorTaxId: 'RSSMRA85T10A562S' };

describe('ACT inquiry eligibility (DOMAIN.md 10, 10.1, 13)', () => {
  const refusals: Array<[string, Partial<ActInquiryInput>, string, number]> = [
    ['an unknown IUN is not found', { notification: undefined, derived: undefined }, 'NOTIFICATION_NOT_FOUND', 10],
    ['a notification still IN_VALIDATION is not found', { derived: aDerived('IN_VALIDATION') }, 'NOTIFICATION_NOT_FOUND', 10],
    ['a refused notification is never served', { derived: aDerived('REFUSED') }, 'NOTIFICATION_REFUSED', 10],
    ['a cancelled notification is never served', { derived: aDerived('CANCELLED') }, 'NOTIFICATION_CANCELLED', 80],
    ['a tax code that is not a recipient gets "QR non associato"', { recipientTaxId: 'VRDGPP80M01H501L' }, 'TAX_ID_NOT_RECIPIENT', 10],
    ['a non-recipient is not told that the notification is cancelled', { recipientTaxId: 'VRDGPP80M01H501L', derived: aDerived('CANCELLED') }, 'TAX_ID_NOT_RECIPIENT', 10],
    ['an IUN typed for a tax code that is not a recipient names the notification, not a QR', { recipientTaxId: 'VRDGPP80M01H501L', readFrom: 'IUN' }, 'IUN_NOT_OF_TAX_ID', 10],
    ['the print limit is reached at 10 completed prints', { printCountForRecipient: 10 }, 'PRINT_LIMIT_REACHED', 3],
    ['a delegate without a delegation', { delegate: delegate(null) }, 'DELEGATION_MISSING', 10],
    ['a delegate with a delegation from someone else', { delegate: delegate({ ...MANDATE, delegatorTaxId: 'BNCLRA90A41F205I' }) }, 'DELEGATION_MISSING', 10],
    ['a delegate whose delegation has expired', { delegate: delegate({ ...MANDATE, validTo: '2026-03-31T23:59:59+02:00' }) }, 'DELEGATION_MISSING', 10],
    ['a delegate whose delegation is not yet valid', { delegate: delegate({ ...MANDATE, validFrom: '2026-04-02T00:00:00+02:00' }) }, 'DELEGATION_MISSING', 10],
    [
      'nothing printable 10 years after refinement',
      { derived: aDerived('EFFECTIVE_DATE', [{ refinementDate: '2016-03-31T10:00:00+02:00', outcome: 'ANALOG_DELIVERED' }, {}]) },
      'DOCUMENTS_NO_LONGER_AVAILABLE',
      4,
    ],
  ];
  it.each(refusals)('refuses: %s', (_name, overrides, code, raddCode) => {
    const r = checkActInquiry(input(overrides));
    expect(r.ok).toBe(false);
    if (!r.ok) expect([r.code, r.raddCode]).toEqual([code, raddCode]);
  });

  it('matches the recipient tax code ignoring case and spaces, and returns its index', () => {
    const r = checkActInquiry(input({ recipientTaxId: ' bnclra90a41f205i ' }));
    expect(r.ok && r.recipientIndex).toBe(1);
  });

  it('accepts a delegate with an active delegation of that recipient', () => {
    const r = checkActInquiry(input({ delegate: delegate({ ...MANDATE, validFrom: '2026-01-01T00:00:00+01:00', validTo: '2027-01-01T00:00:00+01:00' }) }));
    expect(r.ok).toBe(true);
  });

  it.each([
    [9, 10, false],
    [10, 10, true],
    [11, 10, true],
    [1000, 0, false],
  ])('with %i completed prints and limit %i the limit is reached: %s', (count, limit, reached) => {
    expect(isPrintLimitReached(count, limit)).toBe(reached);
    expect(checkActInquiry(input({ printCountForRecipient: count, printLimit: limit })).ok).toBe(!reached);
  });

  it('lists cover page, acts, payment notices, AAR, then attestations without PEC receipts', () => {
    const facts = [
      aLegalFact('PEC_RECEIPT', 'SEND_DIGITAL_FEEDBACK.IUN_X.RECINDEX_0.SOURCE_SPECIAL.ATTEMPT_0', 0),
      aLegalFact('DIGITAL_DELIVERY', 'DIGITAL_FAILURE_WORKFLOW.IUN_X.RECINDEX_0', 0),
      aLegalFact('ANALOG_DELIVERY', 'SIMPLE_REGISTERED_LETTER_PROGRESS.IUN_X.RECINDEX_0.ATTEMPT_0.IDX_2', 0),
    ];
    const r = checkActInquiry(input({ derived: aDerived('DELIVERED', [{ legalFacts: facts, outcome: 'DIGITAL_FAILED' }, {}]) }));
    if (!r.ok) throw new Error(r.code);
    expect(r.documents.map((d) => d.kind)).toEqual(['COVER_PAGE', 'ACT', 'ACT', 'PAYMENT_NOTICE', 'AAR', 'LEGAL_FACT', 'LEGAL_FACT', 'LEGAL_FACT']);
    expect(r.documents.filter((d) => d.kind === 'LEGAL_FACT').map((d) => d.legalFactType)).toEqual(['SENDER_ACK', 'DIGITAL_DELIVERY', 'ANALOG_DELIVERY']);
    expect(r.documents.find((d) => d.legalFactType === 'DIGITAL_DELIVERY')?.title.it).toContain('AMR');
    expect(r.documents.filter((d) => d.kind === 'ACT').map((d) => d.index)).toEqual([0, 1]);
  });

  it('lists only the payment notices of the recipient at the desk', () => {
    const r = checkActInquiry(input({ recipientTaxId: 'BNCLRA90A41F205I' }));
    expect(r.ok && r.documents.some((d) => d.kind === 'PAYMENT_NOTICE')).toBe(false);
  });

  it('keeps everything available while the recipient is not refined', () => {
    const r = checkActInquiry(input());
    expect(r.ok && r.documents.every((d) => d.available && d.availableUntil === null)).toBe(true);
  });

  const acts: Array<[string, string, boolean]> = [
    ['119 days after refinement', '2025-12-03T10:00:00+01:00', true],
    ['exactly 120 x 24 h after refinement', '2025-12-02T09:00:00+01:00', true],
    ['121 days after refinement', '2025-12-01T10:00:00+01:00', false],
  ];
  it.each(acts)('acts and payment notices %s are available: %s; AAR and attestations still are', (_n, refinementDate, available) => {
    const r = checkActInquiry(input({ derived: aDerived('EFFECTIVE_DATE', [{ refinementDate, outcome: 'ANALOG_DELIVERED' }, {}]) }));
    if (!r.ok) throw new Error(r.code);
    for (const d of r.documents.filter((x) => x.kind === 'ACT' || x.kind === 'PAYMENT_NOTICE')) expect(d.available).toBe(available);
    for (const d of r.documents.filter((x) => x.kind === 'AAR' || x.kind === 'LEGAL_FACT')) expect(d.available).toBe(true);
  });

  it('gives the last printable instant of the acts as refinement + 120 x 24 h in Rome time', () => {
    const r = checkActInquiry(input({ derived: aDerived('EFFECTIVE_DATE', [{ refinementDate: '2026-03-27T10:00:00+01:00' }, {}]) }));
    if (!r.ok) throw new Error(r.code);
    // 2026-03-27 +01:00 plus 2880 h crosses the switch to summer time.
    expect(r.documents.find((d) => d.kind === 'ACT')?.availableUntil).toBe('2026-07-25T11:00:00+02:00');
    expect(r.documents.find((d) => d.kind === 'AAR')?.availableUntil).toBe('2036-03-27T10:00:00+01:00');
  });
});
