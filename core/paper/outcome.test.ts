// Every outcome kind x product (DOMAIN.md 7.3, 7.4): the elements it becomes.
import { describe, expect, it } from 'vitest';
import type { TimelineElementInput } from '../model/types.js';
import type { AttemptContext, PaperEventRecord } from './attempt-state.js';
import type { PostalOutcome } from './outcome-kinds.js';
import { buildPostalOutcomeElements } from './outcome.js';

const SENT = '2026-02-03T10:00:00+01:00';
const NOW = '2026-12-31T12:00:00+01:00';
const IUN = 'YKAM-DRPE-QTWN-202602-P-1';
const ev = (code: string, at: string): PaperEventRecord => ({ code, at });
const PRINTED = [ev('CON080', '2026-02-04T08:30:00+01:00')];
const INESITO_AT = '2026-02-09T10:40:00+01:00';
const GIACENZA: Record<string, PaperEventRecord[]> = {
  AR: [...PRINTED, ev('RECRN010', INESITO_AT), ev('RECRN011', '2026-02-09T15:00:00+01:00')],
  '890': [...PRINTED, ev('RECAG010', INESITO_AT), ev('RECAG011A', '2026-02-09T15:00:00+01:00')],
  RS: [...PRINTED, ev('RECRS010', INESITO_AT), ev('RECRS011', '2026-02-09T15:00:00+01:00')],
};
const AFTER_RECAG012 = [...GIACENZA['890']!, ev('RECAG012', '2026-02-19T00:00:00+01:00')];

function build(productType: 'AR' | '890' | 'RS', events: PaperEventRecord[], outcome: PostalOutcome, attempt: 0 | 1 = 0) {
  const ctx: AttemptContext = { productType, attempt, events, sentAt: SENT };
  return buildPostalOutcomeElements(ctx, outcome, { iun: IUN, recipientIndex: 0, now: NOW });
}

/** P:code progress, F:code:status feedback, S:code simple registered letter progress, else the category. */
function shape(elements: TimelineElementInput[]): string[] {
  return elements.map((e) => {
    const code = String(e.details?.deliveryDetailCode ?? '');
    if (e.category === 'SEND_ANALOG_PROGRESS') return `P:${code}`;
    if (e.category === 'SEND_ANALOG_FEEDBACK') return `F:${code}:${String(e.details?.responseStatus)}`;
    if (e.category === 'SIMPLE_REGISTERED_LETTER_PROGRESS') return `S:${code}`;
    return e.category;
  });
}

const AT = '2026-02-05T10:00:00+01:00';
const WITHIN = '2026-02-13T16:10:00+01:00'; // 4 days after the inesito
const BEYOND = '2026-02-23T10:00:00+01:00'; // 14 days after the inesito
const OK_WF = ['ANALOG_SUCCESS_WORKFLOW', 'SCHEDULE_REFINEMENT'];

type Row = [string, 'AR' | '890' | 'RS', PaperEventRecord[], PostalOutcome, string[]];
const ROWS: Row[] = [
  // At the door
  ['delivered', 'AR', PRINTED, { kind: 'DELIVERED_TO_RECIPIENT', at: AT }, ['P:RECRN001A', 'F:RECRN001C:OK', ...OK_WF]],
  ['delivered', '890', PRINTED, { kind: 'DELIVERED_TO_RECIPIENT', at: AT }, ['P:RECAG001A', 'F:RECAG001C:OK', ...OK_WF]],
  ['delivered', 'RS', PRINTED, { kind: 'DELIVERED_TO_RECIPIENT', at: AT }, ['S:RECRS001C']],
  ['other person', 'AR', PRINTED, { kind: 'DELIVERED_TO_OTHER_PERSON', at: AT, receiverName: 'Anna', receiverRelation: 'moglie' },
    ['P:RECRN001A', 'F:RECRN001C:OK', ...OK_WF]],
  ['other person', '890', PRINTED, { kind: 'DELIVERED_TO_OTHER_PERSON', at: AT, receiverName: 'Anna', receiverRelation: 'moglie' },
    ['P:RECAG002A', 'F:RECAG002C:OK', ...OK_WF]],
  ['other person', 'RS', PRINTED, { kind: 'DELIVERED_TO_OTHER_PERSON', at: AT, receiverName: 'Anna', receiverRelation: 'moglie' }, ['S:RECRS001C']],
  ['concierge', 'AR', PRINTED, { kind: 'DELIVERED_AT_CONCIERGE', at: AT }, ['P:RECRN001A', 'F:RECRN001C:OK', ...OK_WF]],
  ['concierge', '890', PRINTED, { kind: 'DELIVERED_AT_CONCIERGE', at: AT }, ['P:RECAG002A', 'F:RECAG002C:OK', ...OK_WF]],
  ['concierge', 'RS', PRINTED, { kind: 'DELIVERED_AT_CONCIERGE', at: AT }, ['S:RECRS001C']],
  ['refused', 'AR', PRINTED, { kind: 'REFUSED', at: AT }, ['P:RECRN002A', 'F:RECRN002C:OK', ...OK_WF]],
  ['refused', '890', PRINTED, { kind: 'REFUSED', at: AT }, ['P:RECAG003A', 'F:RECAG003C:OK', ...OK_WF]],
  ['refused', 'RS', PRINTED, { kind: 'REFUSED', at: AT }, ['S:RECRS002A', 'S:RECRS002C']],
  ['deceased', 'AR', PRINTED, { kind: 'DECEASED', at: AT }, ['P:RECRN002A', 'F:RECRN002C:OK', 'ANALOG_WORKFLOW_RECIPIENT_DECEASED']],
  ['deceased', '890', PRINTED, { kind: 'DECEASED', at: AT }, ['P:RECAG003A', 'F:RECAG003C:OK', 'ANALOG_WORKFLOW_RECIPIENT_DECEASED']],
  ['deceased', 'RS', PRINTED, { kind: 'DECEASED', at: AT }, ['S:RECRS002A', 'S:RECRS002C']],
  ['undelivered, attempt 0', 'AR', PRINTED, { kind: 'UNDELIVERED', at: AT, cause: 'M03' }, ['P:RECRN002D', 'F:RECRN002F:KO']],
  ['undelivered, attempt 0', '890', PRINTED, { kind: 'UNDELIVERED', at: AT, cause: 'M07' }, ['P:RECAG003D', 'F:RECAG003F:KO']],
  ['undelivered', 'RS', PRINTED, { kind: 'UNDELIVERED', at: AT, cause: 'M01' }, ['S:RECRS002D', 'S:RECRS002F']],
  ['notice left', 'AR', PRINTED, { kind: 'IN_GIACENZA', at: AT, office: 'Torino 12' }, ['P:RECRN010', 'P:RECRN011']],
  ['notice left', '890', PRINTED, { kind: 'IN_GIACENZA', at: AT }, ['P:RECAG010', 'P:RECAG011A']],
  ['notice left with 23L/CAD scans', '890', PRINTED, { kind: 'IN_GIACENZA', at: AT, attachments: [{ documentType: '23L', url: 'u' }] },
    ['P:RECAG010', 'P:RECAG011A', 'P:RECAG011B']],
  ['notice left', 'RS', PRINTED, { kind: 'IN_GIACENZA', at: AT }, ['S:RECRS010', 'S:RECRS011']],
  ['theft', 'AR', PRINTED, { kind: 'THEFT_LOSS_DAMAGE', at: AT, cause: 'F01' }, ['P:RECRN006']],
  ['loss', '890', PRINTED, { kind: 'THEFT_LOSS_DAMAGE', at: AT, cause: 'F02' }, ['P:RECAG004']],
  ['damage', 'RS', PRINTED, { kind: 'THEFT_LOSS_DAMAGE', at: AT, cause: 'F03' }, ['S:RECRS006']],
  ['not reportable', 'AR', PRINTED, { kind: 'NOT_REPORTABLE', at: AT }, ['P:RECRN013']],
  ['not reportable', '890', PRINTED, { kind: 'NOT_REPORTABLE', at: AT }, ['P:RECAG013']],
  ['not reportable', 'RS', PRINTED, { kind: 'NOT_REPORTABLE', at: AT }, ['S:RECRS013']],
  ['force majeure', 'AR', PRINTED, { kind: 'FORCE_MAJEURE', at: AT }, ['P:RECRN015']],
  ['force majeure', '890', PRINTED, { kind: 'FORCE_MAJEURE', at: AT }, ['P:RECAG015']],
  ['force majeure', 'RS', PRINTED, { kind: 'FORCE_MAJEURE', at: AT }, ['S:RECRS015']],
  // Giacenza, within the 10-day term
  ['collected within the term', 'AR', GIACENZA.AR!, { kind: 'COLLECTED_FROM_GIACENZA', at: WITHIN }, ['P:RECRN003A', 'F:RECRN003C:OK', ...OK_WF]],
  ['collected within the term', '890', GIACENZA['890']!, { kind: 'COLLECTED_FROM_GIACENZA', at: WITHIN }, ['P:RECAG005A', 'F:RECAG005C:OK', ...OK_WF]],
  ['collected', 'RS', GIACENZA.RS!, { kind: 'COLLECTED_FROM_GIACENZA', at: WITHIN }, ['S:RECRS003C']],
  ['collected by a delegate within the term', '890', GIACENZA['890']!, { kind: 'COLLECTED_BY_DELEGATE_FROM_GIACENZA', at: WITHIN },
    ['P:RECAG006A', 'F:RECAG006C:OK', ...OK_WF]],
  ['refused at the office within the term', 'AR', GIACENZA.AR!, { kind: 'NOT_COLLECTED_AT_GIACENZA', at: WITHIN }, ['P:RECRN004A', 'F:RECRN004C:OK', ...OK_WF]],
  ['refused at the office within the term', '890', GIACENZA['890']!, { kind: 'NOT_COLLECTED_AT_GIACENZA', at: WITHIN },
    ['P:RECAG007A', 'F:RECAG007C:OK', ...OK_WF]],
  ['not collected', 'RS', GIACENZA.RS!, { kind: 'NOT_COLLECTED_AT_GIACENZA', at: WITHIN }, ['S:RECRS004A', 'S:RECRS004C']],
  ['holding expired', 'RS', GIACENZA.RS!, { kind: 'GIACENZA_EXPIRED', at: '2026-03-12T10:00:00+01:00' }, ['S:RECRS005A', 'S:RECRS005C']],
  // Giacenza, past the term: PNRN012 (AR) / RECAG012 (890) is the final, the outcome is progress
  ['collected past the term', 'AR', GIACENZA.AR!, { kind: 'COLLECTED_FROM_GIACENZA', at: BEYOND },
    ['P:RECRN003A', 'F:PNRN012:OK', ...OK_WF, 'P:RECRN003C']],
  ['refused at the office past the term', 'AR', GIACENZA.AR!, { kind: 'NOT_COLLECTED_AT_GIACENZA', at: BEYOND },
    ['P:RECRN004A', 'F:PNRN012:OK', ...OK_WF, 'P:RECRN004C']],
  ['holding expired after 30 days', 'AR', GIACENZA.AR!, { kind: 'GIACENZA_EXPIRED', at: '2026-03-12T10:00:00+01:00' },
    ['P:RECRN005A', 'F:PNRN012:OK', ...OK_WF, 'P:RECRN005C']],
  ['collected past the term', '890', GIACENZA['890']!, { kind: 'COLLECTED_FROM_GIACENZA', at: BEYOND },
    ['F:RECAG012:OK', ...OK_WF, 'P:RECAG005A', 'P:RECAG005C']],
  ['collected by a delegate past the term', '890', GIACENZA['890']!, { kind: 'COLLECTED_BY_DELEGATE_FROM_GIACENZA', at: BEYOND },
    ['F:RECAG012:OK', ...OK_WF, 'P:RECAG006A', 'P:RECAG006C']],
  ['refused at the office past the term', '890', GIACENZA['890']!, { kind: 'NOT_COLLECTED_AT_GIACENZA', at: BEYOND },
    ['F:RECAG012:OK', ...OK_WF, 'P:RECAG007A', 'P:RECAG007C']],
  ['holding expired', '890', GIACENZA['890']!, { kind: 'GIACENZA_EXPIRED', at: '2026-08-10T10:00:00+02:00' },
    ['F:RECAG012:OK', ...OK_WF, 'P:RECAG008A', 'P:RECAG008C']],
  ['10-day term elapsed', '890', GIACENZA['890']!, { kind: 'GIACENZA_TERM_ELAPSED' }, ['F:RECAG012:OK', ...OK_WF]],
  // 890 after RECAG012: the outcome is only progress
  ['collected after RECAG012', '890', AFTER_RECAG012, { kind: 'COLLECTED_FROM_GIACENZA', at: BEYOND }, ['P:RECAG005A', 'P:RECAG005C']],
  ['refused after RECAG012', '890', AFTER_RECAG012, { kind: 'NOT_COLLECTED_AT_GIACENZA', at: BEYOND }, ['P:RECAG007A', 'P:RECAG007C']],
  ['expired after RECAG012', '890', AFTER_RECAG012, { kind: 'GIACENZA_EXPIRED', at: '2026-08-10T10:00:00+02:00' }, ['P:RECAG008A', 'P:RECAG008C']],
  // Scans
  ['scans with the outcome', 'AR', PRINTED, { kind: 'DELIVERED_TO_RECIPIENT', at: AT, attachments: [{ documentType: 'AR', url: 'u' }] },
    ['P:RECRN001A', 'P:RECRN001B', 'F:RECRN001C:OK', ...OK_WF]],
  ['late scans of the outcome', 'AR', [...PRINTED, ev('RECRN001A', AT), ev('RECRN001C', AT)],
    { kind: 'SCANS_RECEIVED', at: '2026-02-08T10:00:00+01:00', attachments: [{ documentType: 'AR', url: 'u' }] }, ['P:RECRN001B']],
  ['late scans of an unreachability', '890', [...PRINTED, ev('RECAG003D', AT), ev('RECAG003F', AT)],
    { kind: 'SCANS_RECEIVED', at: '2026-02-08T10:00:00+01:00', attachments: [{ documentType: 'Plico', url: 'u' }] }, ['P:RECAG003E']],
  ['late 23L scans of a giacenza', '890', GIACENZA['890']!,
    { kind: 'SCANS_RECEIVED', at: '2026-02-10T10:00:00+01:00', attachments: [{ documentType: '23L', url: 'u' }] }, ['P:RECAG011B']],
];

describe('buildPostalOutcomeElements: kind x product', () => {
  it.each(ROWS)('%s (%s)', (_name, product, events, outcome, expected) => {
    expect(shape(build(product, events, outcome))).toEqual(expected);
  });
});

describe('buildPostalOutcomeElements reproduces the scenarios', () => {
  it('890 delivered and its scan, as in scenario 04', () => {
    const events = [{ code: 'CON080', at: '2025-08-06T08:00:00+02:00', progressIndex: 1 }];
    const ctx: AttemptContext = { productType: '890', attempt: 0, events, sentAt: '2025-08-05T09:00:00+02:00' };
    const opts = { iun: 'X', recipientIndex: 0, now: '2025-09-01T00:00:00+02:00' };
    const outcome = buildPostalOutcomeElements(ctx, { kind: 'DELIVERED_TO_RECIPIENT', at: '2025-08-11T11:20:00+02:00' }, opts);
    const attachments = [{ documentType: 'AR', url: 'safestorage://PN_EXTERNAL_LEGAL_FACTS-ar-001.pdf' }];
    const later = buildPostalOutcomeElements({ ...ctx, events: [...events, { code: 'RECAG001A', at: '2025-08-11T11:20:00+02:00', progressIndex: 2 },
      { code: 'RECAG001C', at: '2025-08-11T11:20:00+02:00' }] }, { kind: 'SCANS_RECEIVED', at: '2025-08-12T15:00:00+02:00', attachments }, opts);
    expect([...outcome, ...later].map(({ category, at, details }) => ({ category, at, details }))).toEqual([
      { category: 'SEND_ANALOG_PROGRESS', at: '2025-08-11T11:20:00+02:00', details: { sentAttemptMade: 0, deliveryDetailCode: 'RECAG001A', progressIndex: 2 } },
      { category: 'SEND_ANALOG_FEEDBACK', at: '2025-08-11T11:20:00+02:00', details: { sentAttemptMade: 0, responseStatus: 'OK', deliveryDetailCode: 'RECAG001C' } },
      { category: 'ANALOG_SUCCESS_WORKFLOW', at: '2025-08-11T11:20:00+02:00', details: {} },
      { category: 'SCHEDULE_REFINEMENT', at: '2025-08-11T11:20:00+02:00', details: { schedulingDate: '2025-08-21T11:20:00+02:00' } },
      { category: 'SEND_ANALOG_PROGRESS', at: '2025-08-12T15:00:00+02:00', details: { sentAttemptMade: 0, deliveryDetailCode: 'RECAG001B', progressIndex: 3, attachments } },
    ]);
  });

  it('AR collected at the office within 10 days, as in scenario 05', () => {
    const events = [{ code: 'CON080', at: '2026-02-04T08:30:00+01:00', progressIndex: 1 }, { code: 'RECRN010', at: INESITO_AT, progressIndex: 2 },
      { code: 'RECRN011', at: '2026-02-09T15:00:00+01:00', progressIndex: 3 }];
    const els = build('AR', events, { kind: 'COLLECTED_FROM_GIACENZA', at: '2026-02-13T16:10:00+01:00' });
    expect(els.map((e) => [e.elementId, e.at])).toEqual([
      [`SEND_ANALOG_PROGRESS.IUN_${IUN}.RECINDEX_0.ATTEMPT_0.IDX_4`, '2026-02-13T16:10:00+01:00'],
      [`SEND_ANALOG_FEEDBACK.IUN_${IUN}.RECINDEX_0.ATTEMPT_0`, '2026-02-13T16:10:00+01:00'],
      [`ANALOG_SUCCESS_WORKFLOW.IUN_${IUN}.RECINDEX_0`, '2026-02-13T16:10:00+01:00'],
      [`SCHEDULE_REFINEMENT_WORKFLOW.IUN_${IUN}.RECINDEX_0`, '2026-02-13T16:10:00+01:00'],
    ]);
    expect(els[3]?.details).toEqual({ schedulingDate: '2026-02-23T16:10:00+01:00' });
  });
});
