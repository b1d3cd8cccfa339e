import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors/index.js';
import { deriveNotification } from '../engine/derive.js';
import { accepted, analogSuccess, deceased, digitalFailure, digitalSuccess, notification, refinement, unreachable, viewed } from '../engine/timeline-fixtures.js';
import { timelineCategoryLabel } from '../labels/timeline-labels.js';
import { explainRefinement, explainStatus } from './index.js';

const PEC = {
  notification: notification('2026-03-27T09:00:00+01:00'),
  inputs: [
    ...accepted('2026-03-27T09:05:00+01:00'),
    ...digitalSuccess(0, '2026-03-27T09:10:00+01:00', '2026-03-27T21:30:00+01:00'),
    ...refinement(0, '2026-04-04T22:30:00+02:00'),
  ],
};

const rules = (steps: { rule: string }[]) => steps.map((s) => s.rule);

function expectCode(fn: () => unknown, code: string): void {
  try {
    fn();
    expect.unreachable();
  } catch (e) {
    expect(isDomainError(e) && e.code).toBe(code);
  }
}

describe('explainStatus', () => {
  it('gives one step per change with the element that caused it, the gate and the rule', () => {
    const steps = explainStatus(PEC);
    expect(rules(steps)).toEqual([
      'DOMAIN 3 initial status',
      'DOMAIN 4.2 IN_VALIDATION + REQUEST_ACCEPTED -> ACCEPTED',
      'DOMAIN 4.2 ACCEPTED + SEND_DIGITAL_DOMICILE -> DELIVERING',
      'DOMAIN 4.1 completion gate, 4.2 DELIVERING + DIGITAL_DELIVERY_CREATION_REQUEST -> DELIVERED',
      'DOMAIN 4.2 DELIVERED + REFINEMENT -> EFFECTIVE_DATE',
    ]);
    const derived = deriveNotification(PEC.notification, PEC.inputs).result;
    expect(steps.slice(1).map((s) => s.elementIds[0])).toEqual(derived.statusHistory.slice(1).map((h) => h.relatedTimelineElements[0]));
    for (const s of steps) expect(s.text.it.length > 0 && s.text.en.length > 0).toBe(true);
  });

  it('accepts a derived notification and says when the status is terminal', () => {
    const derived = deriveNotification(notification('2026-04-01T12:00:00+02:00'), [{ category: 'REQUEST_REFUSED', at: '2026-04-01T12:02:00+02:00' }]).result;
    expect(rules(explainStatus(derived)).at(-1)).toBe('DOMAIN 4.2 terminal status');
  });

  it('refuses a derived notification without causes (EXPLAIN_TRACE_MISSING)', () => {
    const derived = deriveNotification(PEC.notification, PEC.inputs).result;
    const stripped = { ...derived, statusHistory: derived.statusHistory.map(({ cause: _cause, ...h }) => h) };
    expectCode(() => explainStatus(stripped), 'EXPLAIN_TRACE_MISSING');
  });
});

describe('explainRefinement', () => {
  it('names the workflow end, the base, the 21:00 rule applied, the day count and the result', () => {
    const steps = explainRefinement(PEC, 0);
    expect(rules(steps)).toEqual([
      'DOMAIN 8.1 digital success',
      'DOMAIN 8.1 base',
      'DOMAIN 8.1 21:00 rule applied',
      'DOMAIN 8.1 8 x 24h',
      'DOMAIN 8.2 no view',
      'DOMAIN 8.3 result',
    ]);
    expect(steps[1]!.elementIds[0]).toMatch(/^SEND_DIGITAL_FEEDBACK\./);
  });

  it('says whether the view came before or after the term', () => {
    const base = [...accepted('2026-02-02T09:05:00+01:00'), ...analogSuccess(0, '2026-02-03T09:00:00+01:00', '2026-02-05T10:00:00+01:00')];
    const before = explainRefinement({ notification: notification('2026-02-02T09:00:00+01:00'), inputs: [...base, ...viewed(0, '2026-02-10T10:00:00+01:00')] }, 0);
    const after = explainRefinement({ notification: notification('2026-02-02T09:00:00+01:00'), inputs: [...base, ...viewed(0, '2026-02-20T10:00:00+01:00')] }, 0);
    expect(rules(before)).toContain('DOMAIN 8.2 view before term');
    expect(rules(after)).toContain('DOMAIN 8.3 view after term');
    expect(rules(after)).not.toContain('DOMAIN 8.1 21:00 rule applied');
  });

  it('explains that a deceased recipient has no term', () => {
    const steps = explainRefinement({ notification: notification('2026-01-12T10:00:00+01:00'), inputs: [...accepted('2026-01-12T10:03:00+01:00'), ...deceased(0, '2026-01-13T09:00:00+01:00', '2026-01-19T11:00:00+01:00')] }, 0);
    expect(rules(steps)).toEqual(['DOMAIN 8.1 deceased recipient (no term)', 'DOMAIN 8.2 no view', 'DOMAIN 8.3 result']);
  });

  it('rejects a recipient index out of range', () => {
    expectCode(() => explainRefinement(PEC, 3), 'RECIPIENT_INDEX_OUT_OF_RANGE');
  });
});

describe('explanations read in plain words', () => {
  const cases = {
    pec: PEC,
    paper: { notification: notification('2026-02-02T09:00:00+01:00'), inputs: [...accepted('2026-02-02T09:05:00+01:00'), ...analogSuccess(0, '2026-02-03T09:00:00+01:00', '2026-02-05T10:00:00+01:00')] },
    unreachable: { notification: notification('2026-02-02T09:00:00+01:00'), inputs: [...accepted('2026-02-02T09:05:00+01:00'), ...unreachable(0, '2026-02-03T09:00:00+01:00', '2026-02-10T10:00:00+01:00')] },
    digitalFailure: { notification: notification('2026-02-02T09:00:00+01:00'), inputs: [...accepted('2026-02-02T09:05:00+01:00'), ...digitalFailure(0, '2026-02-03T09:00:00+01:00', '2026-02-04T10:00:00+01:00')] },
  };
  // A category code (SEND_ANALOG_DOMICILE, ANALOG_FAILURE_WORKFLOW...) or a rule code has no place in
  // the sentence a municipal office worker reads; "PEC" and "AAR" are words of the trade.
  const CODE = /\b[A-Z]{2,}(?:_[A-Z0-9]+)+\b|DOMAIN|->/;

  for (const [name, source] of Object.entries(cases)) {
    it(`status and refinement of a ${name} case name events by their timeline label, never by code`, () => {
      const steps = [...explainStatus(source), ...explainRefinement(source, 0)];
      for (const s of steps) {
        expect(s.text.it, s.rule).not.toMatch(CODE);
        expect(s.text.en, s.rule).not.toMatch(CODE);
      }
    });
  }

  it('uses the Italian timeline label of the event that changed the status, and the English one in English', () => {
    const accepting = explainStatus(PEC)[1]!;
    expect(accepting.text.it).toContain(`«${timelineCategoryLabel('REQUEST_ACCEPTED').it}»`);
    expect(accepting.text.en).toContain(`"${timelineCategoryLabel('REQUEST_ACCEPTED').en}"`);
    const end = explainRefinement(cases.unreachable, 0)[0]!;
    expect(end.text.it).toContain(timelineCategoryLabel('ANALOG_FAILURE_WORKFLOW').it);
  });
});
