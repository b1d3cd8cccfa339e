import { describe, expect, it } from 'vitest';
import type { DerivedNotification, Notification, PrintableDocument } from '../../core/index.js';
import { actPlan, aorPlan, notificationItem, toRecords } from './plan.js';
import { allHandedOver } from './views.js';

const IUN = 'QDUX-GHKP-JNAM-202603-T-1';
const title = (it: string) => ({ it, en: it });

const printable: PrintableDocument[] = [
  { kind: 'COVER_PAGE', title: title('Frontespizio'), available: true, availableUntil: null },
  { kind: 'ACT', title: title('Verbale'), index: 0, available: false, availableUntil: '2026-01-01T00:00:00+01:00' },
  { kind: 'PAYMENT_NOTICE', title: title('Avviso pagoPA'), index: 0, available: false, availableUntil: null },
  { kind: 'AAR', title: title('AAR'), available: true, availableUntil: null },
  { kind: 'LEGAL_FACT', title: title('Presa in carico'), legalFactId: 'REQUEST_ACCEPTED.IUN_x~SENDER_ACK', legalFactType: 'SENDER_ACK', available: true, availableUntil: null },
];

describe('desk document plan', () => {
  it('keeps SEND order and hands out only what is still available (acts past 120 days are listed, not numbered)', () => {
    const plan = actPlan(IUN, 0, printable);
    expect(plan.map((p) => p.kind)).toEqual(['COVER_PAGE', 'ACT', 'AAR', 'LEGAL_FACT']);
    expect(toRecords(plan).map((r) => [r.position, r.kind])).toEqual([[0, 'COVER_PAGE'], [1, 'AAR'], [2, 'LEGAL_FACT']]);
  });
  it('gives an AOR the cover page and one AAR per notification', () => {
    const plan = aorPlan([{ iun: 'A', recipientIndex: 0 }, { iun: 'B', recipientIndex: 1 }]);
    expect(plan.map((p) => p.key)).toEqual(['COVER', 'AAR:A:0', 'AAR:B:1']);
  });
  it('lets an operation complete only when every document was produced and ticked', () => {
    const rows = toRecords(aorPlan([{ iun: 'A', recipientIndex: 0 }]));
    expect(allHandedOver(rows)).toBe(false);
    const printed = rows.map((r) => ({ ...r, printedAt: '2026-11-26T10:00:00+01:00' }));
    expect(allHandedOver(printed)).toBe(false);
    expect(allHandedOver(printed.map((r) => ({ ...r, handedOverAt: '2026-11-26T10:01:00+01:00' })))).toBe(true);
    expect(allHandedOver([])).toBe(false);
  });
});

describe('desk result item', () => {
  const n: Notification = {
    iun: IUN, sentAt: '2026-03-01T10:00:00+01:00', senderDenomination: 'Comune di Milano', senderTaxId: '01199250158', subject: 'Verbale',
    physicalCommunicationType: 'AR_REGISTERED_LETTER', documents: [],
    recipients: [{ taxId: 'RSSMRA85T10A562S', recipientType: 'PF', denomination: 'Mario Rossi', payments: [
      { noticeCode: '302000000000000001', creditorTaxId: '01199250158', amountCents: 4070 },
      { noticeCode: '302000000000000002', creditorTaxId: '01199250158', amountCents: 1000 },
    ] }],
  };
  const derived = (refinementDate: string | null) => ({
    iun: IUN, status: 'DELIVERED', statusHistory: [], viewedAt: null, notificationLegalFacts: [],
    perRecipient: [{ recipientIndex: 0, viewedAt: null, refinementDate, refinedBy: refinementDate ? 'TERM' : null, termDate: refinementDate, outcome: 'ANALOG_DELIVERED', legalFacts: [] }],
  }) as unknown as DerivedNotification;

  it('adds up the amounts due of the recipient\'s notices', () => {
    expect(notificationItem(n, derived(null), 0, '2026-03-05T10:00:00+01:00').amountDueCents).toBe(5070);
  });
  it('says "not yet effective" while the term date is still ahead, "effective" once it has passed', () => {
    const d = derived('2026-03-20T10:00:00+01:00');
    expect(notificationItem(n, d, 0, '2026-03-10T10:00:00+01:00')).toMatchObject({ refinedBy: null, refinementLabel: { it: 'Non ancora perfezionata' } });
    expect(notificationItem(n, d, 0, '2026-03-21T10:00:00+01:00')).toMatchObject({ refinedBy: 'TERM', refinementLabel: { it: 'Perfezionata per decorrenza termini' } });
  });
});
