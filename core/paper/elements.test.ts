// Raw paper events (a postal operator's export, DOMAIN.md 7.4) -> timeline elements: a giacenza
// closed more than 10 days after the inesito gets the paper channel's term final (DOMAIN.md 7.3).
import { describe, expect, it } from 'vitest';
import type { TimelineElementInput } from '../model/types.js';
import type { AttemptContext, PaperEventRecord } from './attempt-state.js';
import { buildPaperEventElements } from './elements.js';

const SENT = '2026-02-03T10:00:00+01:00';
const NOW = '2026-12-31T12:00:00+01:00';
const IUN = 'YKAM-DRPE-QTWN-202602-P-1';
const ev = (code: string, at: string): PaperEventRecord => ({ code, at });
const INESITO_AT = '2026-02-09T10:40:00+01:00';
const TERM_AT = '2026-02-19T00:00:00+01:00';
const HELD: Record<'AR' | '890', PaperEventRecord[]> = {
  AR: [ev('CON080', '2026-02-04T08:30:00+01:00'), ev('RECRN010', INESITO_AT), ev('RECRN011', '2026-02-09T15:00:00+01:00')],
  '890': [ev('CON080', '2026-02-04T08:30:00+01:00'), ev('RECAG010', INESITO_AT), ev('RECAG011A', '2026-02-09T15:00:00+01:00')],
};
const WITHIN = '2026-02-13T16:10:00+01:00'; // 4 days after the inesito
const BEYOND = '2026-02-23T10:00:00+01:00'; // 14 days after the inesito

function build(productType: 'AR' | '890', events: PaperEventRecord[], code: string, at: string): TimelineElementInput[] {
  const ctx: AttemptContext = { productType, attempt: 0, events, sentAt: SENT };
  return buildPaperEventElements(ctx, { code, at }, { iun: IUN, recipientIndex: 0, now: NOW });
}

/** P:code progress, F:code:status@at feedback, else the category. */
function shape(elements: TimelineElementInput[]): string[] {
  return elements.map((e) => {
    const code = String(e.details?.deliveryDetailCode ?? '');
    if (e.category === 'SEND_ANALOG_PROGRESS') return `P:${code}`;
    if (e.category === 'SEND_ANALOG_FEEDBACK') return `F:${code}:${String(e.details?.responseStatus)}@${e.at}`;
    return e.category;
  });
}

describe('a raw giacenza closure', () => {
  it('collected within 10 days of the inesito: the C is the final, dated like its A', () => {
    expect(shape(build('AR', [...HELD.AR, ev('RECRN003A', WITHIN)], 'RECRN003C', WITHIN)))
      .toEqual([`F:RECRN003C:OK@${WITHIN}`, 'ANALOG_SUCCESS_WORKFLOW', 'SCHEDULE_REFINEMENT']);
  });

  it('AR collected more than 10 days after the inesito: PNRN012 dated inesito + 10 days is the final, the C progress', () => {
    expect(shape(build('AR', [...HELD.AR, ev('RECRN003A', BEYOND)], 'RECRN003C', BEYOND)))
      .toEqual([`F:PNRN012:OK@${TERM_AT}`, 'ANALOG_SUCCESS_WORKFLOW', 'SCHEDULE_REFINEMENT', 'P:RECRN003C']);
  });

  it('AR compiuta giacenza given by its C alone: PNRN012 first', () => {
    expect(shape(build('AR', HELD.AR, 'RECRN005C', '2026-03-12T09:00:00+01:00')))
      .toEqual([`F:PNRN012:OK@${TERM_AT}`, 'ANALOG_SUCCESS_WORKFLOW', 'SCHEDULE_REFINEMENT', 'P:RECRN005C']);
  });

  it('890 collected late: RECAG012 dated inesito + 10 days is the final, RECAG005C progress (DOMAIN.md 7.4 *)', () => {
    expect(shape(build('890', [...HELD['890'], ev('RECAG005A', BEYOND)], 'RECAG005C', BEYOND)))
      .toEqual([`F:RECAG012:OK@${TERM_AT}`, 'ANALOG_SUCCESS_WORKFLOW', 'SCHEDULE_REFINEMENT', 'P:RECAG005C']);
  });

  it('after a term final already recorded the C is progress and nothing is added', () => {
    expect(shape(build('AR', [...HELD.AR, ev('PNRN012', TERM_AT), ev('RECRN003A', BEYOND)], 'RECRN003C', BEYOND))).toEqual(['P:RECRN003C']);
  });

  it('a C outside a giacenza is left as it is', () => {
    expect(shape(build('AR', HELD.AR.slice(0, 1).concat(ev('RECRN001A', BEYOND)), 'RECRN001C', BEYOND)))
      .toEqual([`F:RECRN001C:OK@${BEYOND}`, 'ANALOG_SUCCESS_WORKFLOW', 'SCHEDULE_REFINEMENT']);
  });
});
