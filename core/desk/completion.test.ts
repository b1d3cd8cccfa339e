import { describe, expect, it } from 'vitest';
import { buildActCompletionElements, buildAorCompletionElements } from './completion.js';

const IUN = 'QDUX-GHKP-JNAM-202603-T-1';
const STARTED = '2026-01-22T16:35:00+01:00';
const OP = '5d2d53ad-6306-40fe-8126-51ccdd917cef';

describe('ACT completion elements (DOMAIN.md 10 step 5)', () => {
  it('writes the access request and the view at the transaction start, with ids of DOMAIN.md 5', () => {
    const els = buildActCompletionElements({ iun: IUN, recipientIndex: 1, startedAt: STARTED, operationId: OP, recipientViewedAt: null });
    expect(els.map((e) => [e.category, e.elementId, e.at, e.recipientIndex])).toEqual([
      ['NOTIFICATION_VIEWED_CREATION_REQUEST', `NOTIFICATION_VIEWED_CREATION_REQUEST.IUN_${IUN}.RECINDEX_1`, STARTED, 1],
      ['NOTIFICATION_VIEWED', `NOTIFICATION_VIEWED.IUN_${IUN}.RECINDEX_1`, STARTED, 1],
    ]);
    expect(els[1]?.details).toEqual({ raddType: 'ALT', raddTransactionId: OP, delegateInfo: null });
  });

  it('names the delegate and the mandate in delegateInfo', () => {
    const delegate = { taxId: 'vrdgpp80m01h501l', denomination: 'Giuseppe Verdi', delegateType: 'PF' as const, mandate: { mandateId: 'm-7', delegatorTaxId: 'RSSMRA85T10A562S' } };
    const [, viewed] = buildActCompletionElements({ iun: IUN, recipientIndex: 0, startedAt: STARTED, operationId: OP, delegate, recipientViewedAt: null });
    expect(viewed?.details.delegateInfo).toEqual({ taxId: 'VRDGPP80M01H501L', denomination: 'Giuseppe Verdi', delegateType: 'PF', mandateId: 'm-7' });
  });

  it('writes nothing when the recipient already viewed the notification', () => {
    expect(buildActCompletionElements({ iun: IUN, recipientIndex: 0, startedAt: STARTED, operationId: OP, recipientViewedAt: '2026-01-20T10:00:00+01:00' })).toEqual([]);
  });
});

describe('AOR completion elements (DOMAIN.md 10 step 5)', () => {
  it('writes one NOTIFICATION_RADD_RETRIEVED per IUN and recipient', () => {
    const out = buildAorCompletionElements({
      operationId: OP,
      startedAt: STARTED,
      items: [
        { iun: IUN, recipientIndex: 0 },
        { iun: 'RKNA-PDXE-WQJL-202510-Y-1', recipientIndex: 2 },
      ],
    });
    expect(out.map((o) => [o.iun, o.element.category, o.element.elementId, o.element.at])).toEqual([
      [IUN, 'NOTIFICATION_RADD_RETRIEVED', `NOTIFICATION_RADD_RETRIEVED.IUN_${IUN}.RECINDEX_0`, STARTED],
      ['RKNA-PDXE-WQJL-202510-Y-1', 'NOTIFICATION_RADD_RETRIEVED', 'NOTIFICATION_RADD_RETRIEVED.IUN_RKNA-PDXE-WQJL-202510-Y-1.RECINDEX_2', STARTED],
    ]);
    expect(out[0]?.element.details).toMatchObject({ raddType: 'ALT', raddTransactionId: OP });
  });
});
