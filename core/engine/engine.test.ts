import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors/index.js';
import type { TimelineElementInput } from '../model/types.js';
import { deriveNotification, prepareTimeline, rebuildEngineState } from './derive.js';
import { stateToDerived } from './finalize.js';
import { applyElement } from './incremental.js';
import type { ApplyOutcome } from './incremental.js';
import { createEngineState } from './state.js';
import type { EngineState } from './state.js';
import { accepted, analogSuccess, digitalSuccess, ev, notification, refinement, viewed } from './timeline-fixtures.js';

const SENT = '2026-02-02T09:00:00+01:00';

function applyAll(state: EngineState, inputs: TimelineElementInput[]): { state: EngineState; outcomes: ApplyOutcome[] } {
  const outcomes: ApplyOutcome[] = [];
  for (const input of inputs) {
    const r = applyElement(state, input);
    outcomes.push(r.outcome);
    state = r.state;
  }
  return { state, outcomes };
}

describe('deriveNotification', () => {
  it('skips bad elements with typed errors and derives the rest', () => {
    const inputs = [
      ...accepted('2026-02-02T09:05:00+01:00'),
      ev('SOMETHING_NEW', '2026-02-02T09:06:00+01:00'),
      ev('SEND_ANALOG_DOMICILE', '2026-02-31T09:00:00+01:00', 0),
      ev('SEND_ANALOG_DOMICILE', '2026-02-03T09:00:00+01:00', 3),
      ev('SEND_ANALOG_DOMICILE', '2026-02-03T09:00:00+01:00'), // one recipient: read as recipient 0's, no error
      'not an element' as unknown as TimelineElementInput,
      ev('SEND_DIGITAL_DOMICILE', '2026-02-03T10:00:00+01:00', 0),
    ];
    const { result, errors } = deriveNotification(notification(SENT), inputs);
    expect(errors.map((e) => e.code)).toEqual(['UNKNOWN_CATEGORY', 'INVALID_INSTANT', 'RECIPIENT_INDEX_OUT_OF_RANGE', 'INVALID_ELEMENT']);
    expect(result.status).toBe('DELIVERING');
    // DELIVERING from the analog send read as recipient 0's (09:00), not from the PEC send (10:00).
    expect(result.statusHistory.at(-1)!.activeFrom).toBe('2026-02-03T09:00:00+01:00');
  });

  it('throws a typed error only for an invalid notification', () => {
    for (const n of [notification('yesterday'), notification(SENT, 0)]) {
      try {
        deriveNotification(n, []);
        expect.unreachable();
      } catch (e) {
        expect(isDomainError(e) && ['INVALID_INSTANT', 'INVALID_RECIPIENT_COUNT'].includes(e.code)).toBe(true);
      }
    }
  });

  it('starts IN_VALIDATION at sentAt, printed with the Rome offset', () => {
    const { result } = deriveNotification(notification('2026-07-01T08:00:00Z'), []);
    expect(result.statusHistory).toEqual([{ status: 'IN_VALIDATION', activeFrom: '2026-07-01T10:00:00+02:00', relatedTimelineElements: [] }]);
    expect(result.perRecipient[0]!.outcome).toBe('IN_PROGRESS');
  });

  it('lists each element once in the history entry it belongs to (DOMAIN 4.1 step 5)', () => {
    const inputs = [...accepted('2026-02-02T09:05:00+01:00'), ev('AAR_GENERATION', '2026-02-02T09:06:00+01:00', 0), ev('SEND_ANALOG_DOMICILE', '2026-02-03T09:00:00+01:00', 0)];
    const h = deriveNotification(notification(SENT), inputs).result.statusHistory;
    expect(h.map((e) => e.relatedTimelineElements)).toEqual([
      [],
      ['REQUEST_ACCEPTED.IUN_QDUX-GHKP-JNAM-202603-T-1', 'AAR_GEN.IUN_QDUX-GHKP-JNAM-202603-T-1.RECINDEX_0'],
      ['SEND_ANALOG_DOMICILE.IUN_QDUX-GHKP-JNAM-202603-T-1.RECINDEX_0.ATTEMPT_0'],
    ]);
  });
});

describe('prepareTimeline', () => {
  it('returns the deduplicated elements in processing order with corrected business times', () => {
    const inputs = [ev('REFINEMENT', '2026-02-15T12:00:00+01:00', 0), ...analogSuccess(0, '2026-02-03T09:00:00+01:00', '2026-02-05T10:00:00+01:00'), ...accepted('2026-02-02T09:05:00+01:00'), ...accepted('2026-02-02T09:05:00+01:00')];
    const { elements } = prepareTimeline(notification(SENT), inputs);
    expect(elements.map((e) => e.category)).toEqual([
      'REQUEST_ACCEPTED', 'SEND_ANALOG_DOMICILE', 'SEND_ANALOG_PROGRESS', 'SEND_ANALOG_FEEDBACK', 'ANALOG_SUCCESS_WORKFLOW', 'SEND_ANALOG_PROGRESS', 'REFINEMENT',
    ]);
    expect(elements.at(-1)!.at).toBe('2026-02-15T10:00:00+01:00');
  });
});

describe('applyElement', () => {
  const timeline = [...accepted('2026-02-02T09:05:00+01:00'), ...analogSuccess(0, '2026-02-03T09:00:00+01:00', '2026-02-05T10:00:00+01:00'), ...refinement(0, '2026-02-15T10:00:00+01:00')];
  const sorted = prepareTimeline(notification(SENT), timeline).elements;

  it('applies elements in processing order and matches the full derivation; the state is plain JSON', () => {
    const { state, outcomes } = applyAll(createEngineState(notification(SENT)), sorted);
    expect(outcomes.every((o) => o === 'applied')).toBe(true);
    const roundTrip = JSON.parse(JSON.stringify(state)) as EngineState;
    expect(stateToDerived(roundTrip)).toEqual(deriveNotification(notification(SENT), timeline).result);
  });

  it('does not modify the state it is given', () => {
    const state = createEngineState(notification(SENT));
    const before = JSON.stringify(state);
    applyElement(state, sorted[0]);
    expect(JSON.stringify(state)).toBe(before);
  });

  it('answers duplicate for an element already applied, needs-rederive for an earlier copy with the same id', () => {
    const { state } = applyAll(createEngineState(notification(SENT)), sorted);
    expect(applyElement(state, sorted[0]).outcome).toBe('duplicate');
    expect(applyElement(state, { ...sorted[0]!, at: '2026-02-02T09:06:00+01:00' }).outcome).toBe('duplicate');
    expect(applyElement(state, { ...sorted[0]!, at: '2026-02-02T09:04:00+01:00' }).outcome).toBe('needs-rederive');
  });

  it('answers rejected with the typed error for an invalid element', () => {
    const r = applyElement(createEngineState(notification(SENT)), ev('NOPE', SENT));
    expect(r.outcome).toBe('rejected');
    expect(r.error?.code).toBe('UNKNOWN_CATEGORY');
  });

  it('answers needs-rederive for an element that sorts before the last applied one', () => {
    const { state } = applyAll(createEngineState(notification(SENT)), sorted.slice(2));
    expect(applyElement(state, sorted[0]).outcome).toBe('needs-rederive');
  });

  // Elements that sort last but change what was decided on earlier ones (see incremental.ts).
  const lateCases: [string, TimelineElementInput[], TimelineElementInput, number?][] = [
    ['a later analog feedback moves ANALOG_SUCCESS_WORKFLOW (DOMAIN 5)',
      [...accepted('2026-02-02T09:05:00+01:00'), ev('SEND_ANALOG_DOMICILE', '2026-02-03T09:00:00+01:00', 0), ev('SEND_ANALOG_FEEDBACK', '2026-02-05T10:00:00+01:00', 0, { responseStatus: 'OK' }), ev('ANALOG_SUCCESS_WORKFLOW', '2026-02-05T10:00:00+01:00', 0)],
      ev('SEND_ANALOG_FEEDBACK', '2026-02-05T12:00:00+01:00', 0, { responseStatus: 'OK', sentAttemptMade: 1 })],
    ['a late ANALOG_FAILURE_WORKFLOW moves COMPLETELY_UNREACHABLE (DOMAIN 5)',
      [...accepted('2026-02-02T09:05:00+01:00'), ev('SEND_ANALOG_DOMICILE', '2026-02-03T09:00:00+01:00', 0), ev('COMPLETELY_UNREACHABLE', '2026-02-10T08:00:00+01:00', 0)],
      ev('ANALOG_FAILURE_WORKFLOW', '2026-02-10T09:00:00+01:00', 0)],
    ['a view at the instant of an applied REFINEMENT voids it (DOMAIN 8.2)',
      [...accepted('2026-02-02T09:05:00+01:00'), ...analogSuccess(0, '2026-02-03T09:00:00+01:00', '2026-02-05T10:00:00+01:00'), ev('REFINEMENT', '2026-02-15T10:00:00+01:00', 0)],
      viewed(0, '2026-02-15T10:00:00+01:00')[0]!],
    ['a deceased flag after a view, N > 1 (DOMAIN 4.2)',
      [...accepted('2026-02-02T09:05:00+01:00'), ev('SEND_ANALOG_DOMICILE', '2026-02-03T09:00:00+01:00', 0), ...viewed(0, '2026-02-04T09:00:00+01:00'), ev('SEND_ANALOG_FEEDBACK', '2026-02-05T10:00:00+01:00', 0, { responseStatus: 'OK', deliveryFailureCause: 'M02' })],
      ev('ANALOG_WORKFLOW_RECIPIENT_DECEASED', '2026-02-05T10:00:00+01:00', 0), 2],
    ['a pre-outcome ("A") event arriving after its final feedback (DOMAIN 5)',
      [...accepted('2026-02-02T09:05:00+01:00'), ev('SEND_ANALOG_DOMICILE', '2026-02-03T09:00:00+01:00', 0), ev('SEND_ANALOG_FEEDBACK', '2026-02-05T10:00:00+01:00', 0, { responseStatus: 'OK', deliveryDetailCode: 'RECRN001C' })],
      ev('SEND_ANALOG_PROGRESS', '2026-02-06T10:00:00+01:00', 0, { deliveryDetailCode: 'RECRN001A' })],
    ['a workflow end after a REFINEMENT written too early (DOMAIN 8.1)',
      [...accepted('2026-02-02T09:05:00+01:00'), ...digitalSuccess(0, '2026-02-03T09:00:00+01:00', '2026-02-03T10:00:00+01:00').slice(0, 3), ev('REFINEMENT', '2026-02-03T10:00:10+01:00', 0)],
      ev('DIGITAL_DELIVERY_CREATION_REQUEST', '2026-02-03T10:00:20+01:00', 0, { endWorkflowStatus: 'SUCCESS' })],
  ];

  it.each(lateCases)('answers needs-rederive when %s, and the rebuild equals the full derivation', (_, before, late, n = 1) => {
    const no = notification(SENT, n);
    const { state, outcomes } = applyAll(createEngineState(no), prepareTimeline(no, before).elements);
    expect(outcomes.every((o) => o === 'applied')).toBe(true);
    expect(applyElement(state, late).outcome).toBe('needs-rederive');
    const all = [...before, late];
    const rebuilt = rebuildEngineState(no, all).state;
    expect(stateToDerived(rebuilt)).toEqual(deriveNotification(no, all).result);
    expect(applyElement(rebuilt, late).outcome).toBe('duplicate');
  });
});

describe('business times of feedbacks (DOMAIN.md 5)', () => {
  const no = notification(SENT);
  const A = '2026-02-05T10:00:00+01:00';
  const timeline = [
    ...accepted('2026-02-02T09:05:00+01:00'),
    ev('SEND_ANALOG_DOMICILE', '2026-02-03T09:00:00+01:00', 0),
    ev('SEND_ANALOG_PROGRESS', A, 0, { deliveryDetailCode: 'RECRN001A' }),
    // The final feedback and the workflow end written when the file was closed, a day later.
    ev('SEND_ANALOG_FEEDBACK', '2026-02-06T09:00:00+01:00', 0, { responseStatus: 'OK', deliveryDetailCode: 'RECRN001C' }),
    ev('ANALOG_SUCCESS_WORKFLOW', '2026-02-06T09:00:00+01:00', 0),
  ];

  it('a final postal feedback takes the time of its "A" event; the term runs from it, with a warning', () => {
    const { result } = deriveNotification(no, timeline);
    expect(result.statusHistory.at(-1)).toMatchObject({ status: 'DELIVERED', activeFrom: '2026-02-05T10:00:00+01:00' });
    expect(result.perRecipient[0]!.termDate).toBe('2026-02-15T10:00:00+01:00');
    expect(result.warnings.map((w) => w.code)).toContain('BUSINESS_TIME_MISMATCH');
  });

  it('applied one by one in written order, the state ends equal to the full derivation', () => {
    const { state, outcomes } = applyAll(createEngineState(no), timeline);
    expect(outcomes.every((o) => o === 'applied')).toBe(true);
    expect(stateToDerived(state)).toEqual(deriveNotification(no, timeline).result);
  });

  it('a PEC feedback takes its receipt time (details.notificationDate); the first OK receipt is the base', () => {
    const pec = [
      ...accepted('2026-02-02T09:05:00+01:00'),
      ev('SEND_DIGITAL_DOMICILE', '2026-02-02T20:00:00+01:00', 0, { digitalAddressSource: 'SPECIAL' }),
      // Receipt at 20:55 (before 21:00), the element written at 21:10: 7 days, not 8.
      ev('SEND_DIGITAL_FEEDBACK', '2026-02-02T21:10:00+01:00', 0, { responseStatus: 'OK', digitalAddressSource: 'SPECIAL', notificationDate: '2026-02-02T20:55:00+01:00' }),
      ev('DIGITAL_DELIVERY_CREATION_REQUEST', '2026-02-02T21:15:00+01:00', 0, { endWorkflowStatus: 'SUCCESS' }),
    ];
    expect(deriveNotification(no, pec).result.perRecipient[0]!.termDate).toBe('2026-02-09T20:55:00+01:00');
    const { state } = applyAll(createEngineState(no), pec);
    expect(stateToDerived(state)).toEqual(deriveNotification(no, pec).result);
  });
});
