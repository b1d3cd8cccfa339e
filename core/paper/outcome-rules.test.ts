// When an outcome may be recorded, its dates, the giacenza 10-day boundary and what follows a KO
// (DOMAIN.md 5, 7.3, 7.4).
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors/index.js';
import type { AttemptContext, PaperEventRecord } from './attempt-state.js';
import type { PostalOutcome } from './outcome-kinds.js';
import { allowedOutcomes, buildPostalOutcomeElements, type PostalOutcomeOptions } from './outcome.js';

const SENT = '2026-02-03T10:00:00+01:00';
const NOW = '2026-12-31T12:00:00+01:00';
const AT = '2026-02-05T10:00:00+01:00';
const ev = (code: string, at: string, cause?: string): PaperEventRecord => (cause ? { code, at, cause } : { code, at });
const ctx = (productType: AttemptContext['productType'], events: PaperEventRecord[] = [], attempt: 0 | 1 = 0): AttemptContext =>
  ({ productType, attempt, events, sentAt: SENT });
const OPTS: PostalOutcomeOptions = { iun: 'YKAM-DRPE-QTWN-202602-P-1', recipientIndex: 0, now: NOW };
const AR_GIAC = [ev('RECRN010', '2026-02-09T10:40:00+01:00'), ev('RECRN011', '2026-02-09T15:00:00+01:00')];
const AG_GIAC = [ev('RECAG010', '2026-02-09T10:40:00+01:00'), ev('RECAG011A', '2026-02-09T15:00:00+01:00')];

function errorOf(c: AttemptContext, outcome: PostalOutcome, opts: PostalOutcomeOptions = OPTS): string | undefined {
  try {
    buildPostalOutcomeElements(c, outcome, opts);
  } catch (e) {
    return isDomainError(e) ? e.code : String(e);
  }
  return undefined;
}

const DOOR = ['DELIVERED_TO_RECIPIENT', 'DELIVERED_TO_OTHER_PERSON', 'DELIVERED_AT_CONCIERGE', 'REFUSED', 'DECEASED', 'UNDELIVERED', 'IN_GIACENZA'];
const JOURNEY = ['THEFT_LOSS_DAMAGE', 'NOT_REPORTABLE', 'FORCE_MAJEURE'];

describe('allowedOutcomes', () => {
  it.each([
    ['an AR item on its way', ctx('AR', [ev('CON080', AT)]), [...DOOR, ...JOURNEY]],
    ['an RS item on its way', ctx('RS'), [...DOOR, ...JOURNEY]],
    ['an AR item in giacenza', ctx('AR', AR_GIAC), ['COLLECTED_FROM_GIACENZA', 'NOT_COLLECTED_AT_GIACENZA', 'GIACENZA_EXPIRED', ...JOURNEY]],
    ['a 890 item in giacenza', ctx('890', AG_GIAC), ['COLLECTED_FROM_GIACENZA', 'COLLECTED_BY_DELEGATE_FROM_GIACENZA',
      'NOT_COLLECTED_AT_GIACENZA', 'GIACENZA_EXPIRED', 'GIACENZA_TERM_ELAPSED', ...JOURNEY, 'SCANS_RECEIVED']],
    ['a 890 item after RECAG012', ctx('890', [...AG_GIAC, ev('RECAG011B', '2026-02-10T10:00:00+01:00'), ev('RECAG012', '2026-02-19T00:00:00+01:00')]),
      ['COLLECTED_FROM_GIACENZA', 'COLLECTED_BY_DELEGATE_FROM_GIACENZA', 'NOT_COLLECTED_AT_GIACENZA', 'GIACENZA_EXPIRED']],
    ['an AR item after its final OK', ctx('AR', [ev('RECRN001A', AT), ev('RECRN001C', AT)]), ['SCANS_RECEIVED']],
    ['an AR item after its final OK and scans', ctx('AR', [ev('RECRN001A', AT), ev('RECRN001B', AT), ev('RECRN001C', AT)]), []],
    ['a 890 item after its KO', ctx('890', [ev('RECAG003D', AT, 'M03'), ev('RECAG003F', AT, 'M03')]), ['SCANS_RECEIVED']],
    ['a pre-outcome waiting for its final', ctx('AR', [ev('RECRN001A', AT)]), ['SCANS_RECEIVED']],
    ['an item re-sent after theft in giacenza', ctx('AR', [...AR_GIAC, ev('RECRN006', '2026-02-10T10:00:00+01:00', 'F01')]), [...DOOR, ...JOURNEY]],
    ['an international item', ctx('RIR'), []],
  ])('for %s', (_name, c, expected) => {
    expect(allowedOutcomes(c)).toEqual(expected);
  });

  it('leaves GIACENZA_TERM_ELAPSED out until inesito day + 10, 00:00 Europe/Rome', () => {
    expect(allowedOutcomes(ctx('890', AG_GIAC), '2026-02-18T23:59:59+01:00')).not.toContain('GIACENZA_TERM_ELAPSED');
    expect(allowedOutcomes(ctx('890', AG_GIAC), '2026-02-19T00:00:00+01:00')).toContain('GIACENZA_TERM_ELAPSED');
  });
});

describe('buildPostalOutcomeElements: typed errors', () => {
  it.each([
    ['a door outcome during the giacenza', 'OUTCOME_NOT_ALLOWED_NOW', ctx('AR', AR_GIAC), { kind: 'DELIVERED_TO_RECIPIENT', at: '2026-02-10T10:00:00+01:00' }],
    ['another outcome while a pre-outcome waits', 'OUTCOME_NOT_ALLOWED_NOW', ctx('AR', [ev('RECRN001A', AT)]), { kind: 'REFUSED', at: AT }],
    ['scans when none are expected', 'OUTCOME_NOT_ALLOWED_NOW', ctx('AR'), { kind: 'SCANS_RECEIVED', at: AT, attachments: [{ documentType: 'AR', url: 'u' }] }],
    ['collected without giacenza', 'GIACENZA_NOT_STARTED', ctx('AR'), { kind: 'COLLECTED_FROM_GIACENZA', at: AT }],
    ['term elapsed without giacenza', 'GIACENZA_NOT_STARTED', ctx('890'), { kind: 'GIACENZA_TERM_ELAPSED' }],
    ['an outcome after the final', 'EVENT_AFTER_FINAL', ctx('AR', [ev('RECRN001A', AT), ev('RECRN001C', AT)]), { kind: 'REFUSED', at: AT }],
    ['the term twice', 'EVENT_AFTER_FINAL', ctx('890', [...AG_GIAC, ev('RECAG012', '2026-02-19T00:00:00+01:00')]), { kind: 'GIACENZA_TERM_ELAPSED' }],
    ['two giacenza outcomes after RECAG012', 'EVENT_AFTER_FINAL', ctx('890', [...AG_GIAC, ev('RECAG012', '2026-02-19T00:00:00+01:00'),
      ev('RECAG005A', '2026-02-20T10:00:00+01:00'), ev('RECAG005C', '2026-02-20T10:00:00+01:00')]), { kind: 'GIACENZA_EXPIRED', at: '2026-08-01T10:00:00+02:00' }],
    ['a delegate collection on AR', 'PRODUCT_MISMATCH', ctx('AR', AR_GIAC), { kind: 'COLLECTED_BY_DELEGATE_FROM_GIACENZA', at: '2026-02-10T10:00:00+01:00' }],
    ['a RECAG012 on AR', 'PRODUCT_MISMATCH', ctx('AR', AR_GIAC), { kind: 'GIACENZA_TERM_ELAPSED' }],
    ['a date before the send', 'DATE_BEFORE_SEND', ctx('AR'), { kind: 'DELIVERED_TO_RECIPIENT', at: '2026-02-03T09:00:00+01:00' }],
    ['a date after now', 'OUTCOME_DATE_IN_FUTURE', ctx('AR'), { kind: 'DELIVERED_TO_RECIPIENT', at: '2027-01-01T10:00:00+01:00' }],
    ['scans after now', 'OUTCOME_DATE_IN_FUTURE', ctx('AR'), { kind: 'DELIVERED_TO_RECIPIENT', at: AT, scansAt: '2027-01-01T10:00:00+01:00', attachments: [{ documentType: 'AR', url: 'u' }] }],
    ['a date before a recorded event', 'OUTCOME_OUT_OF_ORDER', ctx('AR', AR_GIAC), { kind: 'COLLECTED_FROM_GIACENZA', at: '2026-02-09T14:00:00+01:00' }],
    ['scans dated before the outcome', 'OUTCOME_OUT_OF_ORDER', ctx('AR'), { kind: 'DELIVERED_TO_RECIPIENT', at: AT, scansAt: '2026-02-04T10:00:00+01:00', attachments: [{ documentType: 'AR', url: 'u' }] }],
    ['an unreadable date', 'INVALID_INSTANT', ctx('AR'), { kind: 'DELIVERED_TO_RECIPIENT', at: '05/02/2026' }],
    ['undelivered without cause', 'MISSING_FAILURE_CAUSE', ctx('AR'), { kind: 'UNDELIVERED', at: AT } as PostalOutcome],
    ['undelivered with the refusal cause', 'INVALID_FAILURE_CAUSE', ctx('AR'), { kind: 'UNDELIVERED', at: AT, cause: 'M05' }],
    ['theft with an address cause', 'INVALID_FAILURE_CAUSE', ctx('890'), { kind: 'THEFT_LOSS_DAMAGE', at: AT, cause: 'M01' }],
    ['AR holding expired after 29 days', 'GIACENZA_NOT_EXPIRED', ctx('AR', AR_GIAC), { kind: 'GIACENZA_EXPIRED', at: '2026-03-10T10:00:00+01:00' }],
    ['890 holding expired within the term', 'GIACENZA_NOT_EXPIRED', ctx('890', AG_GIAC), { kind: 'GIACENZA_EXPIRED', at: '2026-02-12T10:00:00+01:00' }],
    ['scans of an AR notice', 'ATTACHMENTS_NOT_ALLOWED', ctx('AR'), { kind: 'IN_GIACENZA', at: AT, attachments: [{ documentType: 'X', url: 'u' }] }],
    ['scans of a theft', 'ATTACHMENTS_NOT_ALLOWED', ctx('AR'), { kind: 'THEFT_LOSS_DAMAGE', at: AT, cause: 'F01', attachments: [{ documentType: 'X', url: 'u' }] }],
    ['scans without files', 'MISSING_ATTACHMENTS', ctx('AR', [ev('RECRN001A', AT), ev('RECRN001C', AT)]), { kind: 'SCANS_RECEIVED', at: AT, attachments: [] }],
  ] as [string, string, AttemptContext, PostalOutcome][])('%s -> %s', (_name, code, c, outcome) => {
    expect(errorOf(c, outcome)).toBe(code);
  });

  it('refuses a RECAG012 whose computed date is after now', () => {
    expect(errorOf(ctx('890', AG_GIAC), { kind: 'GIACENZA_TERM_ELAPSED' }, { ...OPTS, now: '2026-02-18T23:59:59+01:00' })).toBe('OUTCOME_DATE_IN_FUTURE');
    expect(errorOf(ctx('890', AG_GIAC), { kind: 'GIACENZA_TERM_ELAPSED' }, { ...OPTS, now: '2026-02-19T00:00:00+01:00' })).toBeUndefined();
  });

  it('accepts AR holding expired on the 30th Rome calendar day after RECRN011', () => {
    expect(errorOf(ctx('AR', AR_GIAC), { kind: 'GIACENZA_EXPIRED', at: '2026-03-11T08:00:00+01:00' })).toBeUndefined();
  });
});

describe('the giacenza 10-day term on Europe/Rome calendar dates (DOMAIN.md 7.3)', () => {
  const finalOf = (events: PaperEventRecord[], at: string) => {
    const f = buildPostalOutcomeElements(ctx('AR', events), { kind: 'COLLECTED_FROM_GIACENZA', at }, OPTS)
      .find((e) => e.category === 'SEND_ANALOG_FEEDBACK');
    return [f?.details?.deliveryDetailCode, f?.at];
  };
  it.each([
    ['day 10, last second: still within', AR_GIAC, '2026-02-19T23:59:59+01:00', ['RECRN003C', '2026-02-19T23:59:59+01:00']],
    ['day 11, first second: PNRN012 at inesito day + 10, 00:00', AR_GIAC, '2026-02-20T00:00:00+01:00', ['PNRN012', '2026-02-19T00:00:00+01:00']],
    ['Rome day 10 although UTC says 11', [ev('RECRN010', '2026-02-09T23:30:00Z')], '2026-02-20T22:30:00Z', ['RECRN003C', '2026-02-20T22:30:00Z']],
    ['Rome day 11 although UTC says 10', [ev('RECRN010', '2026-02-09T23:30:00Z')], '2026-02-20T23:30:00Z', ['PNRN012', '2026-02-20T00:00:00+01:00']],
    ['across the change to summer time', [ev('RECRN010', '2026-03-20T10:00:00+01:00')], '2026-03-31T00:30:00+02:00', ['PNRN012', '2026-03-30T00:00:00+02:00']],
  ])('%s', (_name, events, at, expected) => {
    expect(finalOf(events, at)).toEqual(expected);
  });

  it('applies the same boundary to a 890 collection, closing with RECAG012', () => {
    const codes = (at: string) => buildPostalOutcomeElements(ctx('890', AG_GIAC), { kind: 'COLLECTED_FROM_GIACENZA', at }, OPTS)
      .map((e) => e.details?.deliveryDetailCode).filter(Boolean);
    expect(codes('2026-02-19T23:59:59+01:00')).toEqual(['RECAG005A', 'RECAG005C']);
    expect(codes('2026-02-20T00:00:00+01:00')).toEqual(['RECAG012', 'RECAG005A', 'RECAG005C']);
  });

  it('schedules the refinement 10 x 24 h after the PNRN012 date', () => {
    const els = buildPostalOutcomeElements(ctx('AR', [ev('RECRN010', '2026-03-20T10:00:00+01:00')]), { kind: 'COLLECTED_FROM_GIACENZA', at: '2026-03-31T00:30:00+02:00' }, OPTS);
    expect(els.find((e) => e.category === 'SCHEDULE_REFINEMENT')?.details).toEqual({ schedulingDate: '2026-04-09T00:00:00+02:00' });
    expect(els.find((e) => e.category === 'ANALOG_SUCCESS_WORKFLOW')?.at).toBe('2026-03-30T00:00:00+02:00');
  });
});

describe('what the outcome carries', () => {
  it('puts the cause on the pre-outcome and on the feedback (not on the scans), dated like the pre-outcome', () => {
    const els = buildPostalOutcomeElements(ctx('AR'), { kind: 'REFUSED', at: AT, attachments: [{ documentType: 'AR', url: 'u' }], scansAt: '2026-02-07T10:00:00+01:00' }, OPTS);
    expect(els.slice(0, 3).map((e) => [e.details?.deliveryDetailCode, e.at, e.details?.deliveryFailureCause])).toEqual([
      ['RECRN002A', AT, 'M05'], ['RECRN002B', '2026-02-07T10:00:00+01:00', undefined], ['RECRN002C', AT, 'M05'],
    ]);
  });

  it('records who received the item and the discovered address', () => {
    const other = buildPostalOutcomeElements(ctx('890'), { kind: 'DELIVERED_TO_OTHER_PERSON', at: AT, receiverName: 'Anna Rossi', receiverRelation: 'moglie' }, OPTS);
    expect(other[0]?.details).toMatchObject({ receiverName: 'Anna Rossi', receiverRelation: 'moglie' });
    const address = { address: 'Via Ghibellina 40', zip: '50122', municipality: 'Firenze', province: 'FI' };
    const und = buildPostalOutcomeElements(ctx('890'), { kind: 'UNDELIVERED', at: AT, cause: 'M04', discoveredAddress: address }, OPTS);
    expect(und[0]?.details).toMatchObject({ deliveryDetailCode: 'RECAG003D', discoveredAddress: address, deliveryFailureCause: 'M04' });
    expect(und[1]?.details).toMatchObject({ deliveryDetailCode: 'RECAG003F', newAddress: address, responseStatus: 'KO' });
  });
});

describe('after a KO (DOMAIN.md 7.3)', () => {
  const address = { address: 'Via Ghibellina 40', zip: '50122', municipality: 'Firenze', province: 'FI' };
  const undelivered: PostalOutcome = { kind: 'UNDELIVERED', at: '2026-02-16T10:00:00+01:00', cause: 'M03' };

  it('prepares the second attempt at the address found', () => {
    const els = buildPostalOutcomeElements(ctx('890'), undelivered, { ...OPTS, next: { kind: 'SECOND_ATTEMPT', address, at: '2026-02-18T09:02:00+01:00' } });
    expect(els.slice(2)).toEqual([{
      elementId: 'PREPARE_ANALOG_DOMICILE.IUN_YKAM-DRPE-QTWN-202602-P-1.RECINDEX_0.ATTEMPT_1', category: 'PREPARE_ANALOG_DOMICILE',
      at: '2026-02-18T09:02:00+01:00', recipientIndex: 0, details: { sentAttemptMade: 1, productType: '890', physicalAddress: address },
    }]);
  });

  it('fails the workflow when there is no second address', () => {
    const els = buildPostalOutcomeElements(ctx('AR'), undelivered, { ...OPTS, next: { kind: 'NO_SECOND_ADDRESS', failureCause: 'D00' } });
    expect(els.slice(2).map((e) => [e.category, e.at])).toEqual([
      ['PREPARE_ANALOG_DOMICILE_FAILURE', '2026-02-16T10:00:00+01:00'], ['ANALOG_FAILURE_WORKFLOW', '2026-02-16T10:00:00+01:00'],
      ['COMPLETELY_UNREACHABLE_CREATION_REQUEST', '2026-02-16T10:00:00+01:00'], ['COMPLETELY_UNREACHABLE', '2026-02-16T10:00:00+01:00'],
      ['SCHEDULE_REFINEMENT', '2026-02-16T10:00:00+01:00'],
    ]);
    expect(els[2]?.details).toEqual({ sentAttemptMade: 1, failureCause: 'D00' });
  });

  it('ends the workflow after the second attempt, as in scenario 06', () => {
    const c: AttemptContext = { productType: '890', attempt: 1, sentAt: '2025-06-19T09:00:00+02:00', events: [ev('CON080', '2025-06-20T08:00:00+02:00')] };
    const els = buildPostalOutcomeElements(c, { kind: 'UNDELIVERED', at: '2025-06-25T11:30:00+02:00', cause: 'M07' },
      { ...OPTS, now: '2025-07-01T00:00:00+02:00', failureWorkflowAt: '2025-06-27T08:00:00+02:00' });
    expect(els.map((e) => [e.category, e.at])).toEqual([
      ['SEND_ANALOG_PROGRESS', '2025-06-25T11:30:00+02:00'], ['SEND_ANALOG_FEEDBACK', '2025-06-25T11:30:00+02:00'],
      ['ANALOG_FAILURE_WORKFLOW', '2025-06-27T08:00:00+02:00'], ['COMPLETELY_UNREACHABLE_CREATION_REQUEST', '2025-06-27T08:00:00+02:00'],
      ['COMPLETELY_UNREACHABLE', '2025-06-27T08:00:00+02:00'], ['SCHEDULE_REFINEMENT', '2025-06-27T08:00:00+02:00'],
    ]);
    expect(els[5]?.details).toEqual({ schedulingDate: '2025-07-07T08:00:00+02:00' });
    expect(els[1]?.elementId).toBe('SEND_ANALOG_FEEDBACK.IUN_YKAM-DRPE-QTWN-202602-P-1.RECINDEX_0.ATTEMPT_1');
  });

  it('writes nothing after the feedback of attempt 0 when the next step is not known yet', () => {
    expect(buildPostalOutcomeElements(ctx('AR'), undelivered, OPTS).map((e) => e.category)).toEqual(['SEND_ANALOG_PROGRESS', 'SEND_ANALOG_FEEDBACK']);
  });
});
