// Scenario-like tests of rules the nine shared scenarios do not cover. Expected dates are worked
// out by hand from DOMAIN.md, never by the code under test.
import { describe, expect, it } from 'vitest';
import type { TimelineElementInput } from '../model/types.js';
import { deriveNotification } from './derive.js';
import {
  accepted, analogSuccess, deceased, digitalFailure, digitalSuccess, ev, notification, refinement, unreachable, viewed,
} from './timeline-fixtures.js';

const instant = (s: string | null) => (s === null ? null : Date.parse(s));
const codes = (ws: { code: string }[]) => ws.map((w) => w.code);

function derive(sentAt: string, inputs: TimelineElementInput[], n = 1) {
  return deriveNotification(notification(sentAt, n), inputs);
}

function history(r: ReturnType<typeof derive>) {
  return r.result.statusHistory.map((h) => [h.status, instant(h.activeFrom)]);
}

describe('DOMAIN 8.1 day arithmetic', () => {
  it('adds 7 x 24 h across the March DST change (8.1 example: 10:00+01:00 -> 11:00+02:00)', () => {
    const sentAt = '2026-03-27T09:00:00+01:00';
    const r = derive(sentAt, [...accepted('2026-03-27T09:05:00+01:00'), ...digitalSuccess(0, '2026-03-27T09:10:00+01:00', '2026-03-27T10:00:00+01:00')]);
    const rec = r.result.perRecipient[0]!;
    expect(rec.refinementDate).toBe('2026-04-03T11:00:00+02:00');
    expect(rec.refinedBy).toBe('TERM');
    expect(rec.outcome).toBe('DIGITAL_DELIVERED');
    expect(r.result.status).toBe('DELIVERED'); // no REFINEMENT element yet: status follows the elements
  });

  it('does not add the 8th day for a PEC receipt at exactly 21:00:00.000 Rome time', () => {
    const r = derive('2026-01-15T09:00:00+01:00', [...accepted('2026-01-15T09:05:00+01:00'), ...digitalSuccess(0, '2026-01-15T20:00:00+01:00', '2026-01-15T21:00:00.000+01:00')]);
    expect(r.result.perRecipient[0]!.refinementDate).toBe('2026-01-22T21:00:00+01:00');
  });

  it('adds the 8th day for a PEC receipt at 21:00:00.001 Rome time', () => {
    const r = derive('2026-01-15T09:00:00+01:00', [...accepted('2026-01-15T09:05:00+01:00'), ...digitalSuccess(0, '2026-01-15T20:00:00+01:00', '2026-01-15T21:00:00.001+01:00')]);
    expect(r.result.perRecipient[0]!.refinementDate).toBe('2026-01-23T21:00:00.001+01:00');
  });

  it('applies the 21:00 rule to Rome wall-clock time whatever offset the receipt is written with', () => {
    // 20:30Z in January is 21:30 in Rome: 8 days.
    const r = derive('2026-01-15T09:00:00+01:00', [...accepted('2026-01-15T09:05:00+01:00'), ...digitalSuccess(0, '2026-01-15T20:00:00+01:00', '2026-01-15T20:30:00Z')]);
    expect(r.result.perRecipient[0]!.refinementDate).toBe('2026-01-23T21:30:00+01:00');
  });

  it('counts 15 days from the AMR creation after a digital failure, not from the receipts', () => {
    const r = derive('2025-11-03T09:30:00+01:00', [...accepted('2025-11-03T09:33:00+01:00'), ...digitalFailure(0, '2025-11-03T09:40:00+01:00', '2025-11-10T10:47:00+01:00')]);
    expect(r.result.perRecipient[0]).toMatchObject({ refinementDate: '2025-11-25T10:47:00+01:00', outcome: 'DIGITAL_FAILED' });
  });
});

describe('DOMAIN 8.2-8.3 viewing against the term', () => {
  const base = () => [...accepted('2026-02-02T09:05:00+01:00'), ...analogSuccess(0, '2026-02-03T09:00:00+01:00', '2026-02-05T10:00:00+01:00')];
  // Term: 2026-02-05T10:00+01:00 + 10 x 24 h = 2026-02-15T10:00+01:00.

  it('keeps refinement by TERM when the view comes after the term (label "Visualizzata")', () => {
    const r = derive('2026-02-02T09:00:00+01:00', [...base(), ...refinement(0, '2026-02-15T10:00:00+01:00'), ...viewed(0, '2026-02-15T10:00:00.001+01:00')]);
    expect(r.result.perRecipient[0]).toMatchObject({ refinedBy: 'TERM', refinementDate: '2026-02-15T10:00:00+01:00', viewedAt: '2026-02-15T10:00:00.001+01:00' });
    expect(r.result.status).toBe('VIEWED');
    expect(r.result.perRecipient[0]!.legalFacts.map((f) => f.type)).toContain('RECIPIENT_ACCESS');
  });

  it('refines by VIEWING when the view is exactly at the term, and ignores the REFINEMENT for status', () => {
    const r = derive('2026-02-02T09:00:00+01:00', [...base(), ...refinement(0, '2026-02-15T10:00:00+01:00'), ...viewed(0, '2026-02-15T10:00:00+01:00')]);
    expect(r.result.perRecipient[0]).toMatchObject({ refinedBy: 'VIEWING', refinementDate: '2026-02-15T10:00:00+01:00' });
    expect(r.result.statusHistory.map((h) => h.status)).toEqual(['IN_VALIDATION', 'ACCEPTED', 'DELIVERING', 'DELIVERED', 'VIEWED']);
    expect(codes(r.result.warnings)).toContain('REFINEMENT_AFTER_VIEW');
  });

  it('compares business times, not arrival order: a feedback recorded after the view still gives TERM', () => {
    const view = viewed(0, '2026-02-20T16:00:00+01:00');
    const r = derive('2026-02-02T09:00:00+01:00', [...view, ...base()]);
    expect(r.result.perRecipient[0]).toMatchObject({ refinedBy: 'TERM', refinementDate: '2026-02-15T10:00:00+01:00' });
  });

  it('ignores a second NOTIFICATION_VIEWED of the same recipient (warning)', () => {
    const second = { ...viewed(0, '2026-02-07T09:00:00+01:00')[0]!, elementId: 'VIEW-AGAIN' };
    const r = derive('2026-02-02T09:00:00+01:00', [...base(), ...viewed(0, '2026-02-06T09:00:00+01:00'), second]);
    expect(r.result.perRecipient[0]!.viewedAt).toBe('2026-02-06T09:00:00+01:00');
    expect(r.result.perRecipient[0]!.legalFacts.filter((f) => f.type === 'RECIPIENT_ACCESS')).toHaveLength(1);
    expect(codes(r.result.warnings)).toEqual(['DUPLICATE_VIEW']);
  });

  it('uses the computed term when REFINEMENT carries another date (REFINEMENT_DATE_MISMATCH)', () => {
    const r = derive('2026-02-02T09:00:00+01:00', [...base(), ev('REFINEMENT', '2026-02-15T11:00:00+01:00', 0)]);
    expect(r.result.statusHistory.at(-1)).toMatchObject({ status: 'EFFECTIVE_DATE', activeFrom: '2026-02-15T10:00:00+01:00' });
    expect(codes(r.result.warnings)).toEqual(['REFINEMENT_DATE_MISMATCH']);
  });

  it('reports a SCHEDULE_REFINEMENT with another date than the computed term', () => {
    const r = derive('2026-02-02T09:00:00+01:00', [...base(), ev('SCHEDULE_REFINEMENT', '2026-02-05T10:00:00+01:00', 0, { schedulingDate: '2026-02-16T10:00:00+01:00' })]);
    expect(r.result.warnings).toEqual([expect.objectContaining({ code: 'REFINEMENT_DATE_MISMATCH', params: expect.objectContaining({ computed: '2026-02-15T10:00:00+01:00' }) })]);
  });
});

describe('DOMAIN 4.1 completion gate', () => {
  it('counts a recipient once: a second completion element does not fire the gate (DUPLICATE_COMPLETION)', () => {
    const rec0 = digitalSuccess(0, '2025-09-15T10:10:00+02:00', '2025-09-15T10:31:00+02:00');
    const again = { ...ev('DIGITAL_DELIVERY_CREATION_REQUEST', '2025-09-15T11:00:00+02:00', 0, { endWorkflowStatus: 'SUCCESS' }), elementId: 'DDCR-AGAIN' };
    const r = derive('2025-09-15T10:00:00+02:00', [...accepted('2025-09-15T10:03:00+02:00'), ...rec0, again, ev('SEND_ANALOG_DOMICILE', '2025-09-16T09:00:00+02:00', 1)], 2);
    expect(r.result.status).toBe('DELIVERING');
    expect(codes(r.result.warnings)).toEqual(['DUPLICATE_COMPLETION']);
  });

  it('waits for every recipient, then one reached recipient makes it DELIVERED (priority)', () => {
    const r = derive('2025-06-09T09:00:00+02:00', [
      ...accepted('2025-06-09T09:03:00+02:00'),
      ...unreachable(0, '2025-06-10T09:00:00+02:00', '2025-06-27T08:00:00+02:00'),
      ...digitalSuccess(1, '2025-06-09T09:10:00+02:00', '2025-06-28T10:00:00+02:00'),
    ], 2);
    expect(history(r)).toEqual([
      ['IN_VALIDATION', instant('2025-06-09T09:00:00+02:00')],
      ['ACCEPTED', instant('2025-06-09T09:03:00+02:00')],
      ['DELIVERING', instant('2025-06-09T09:10:00+02:00')],
      ['DELIVERED', instant('2025-06-28T10:00:20+02:00')],
    ]);
  });

  it('moves DELIVERING -> EFFECTIVE_DATE on a REFINEMENT only when N > 1', () => {
    const inputs = [
      ...accepted('2025-09-15T10:03:00+02:00'),
      ...digitalSuccess(0, '2025-09-15T10:10:00+02:00', '2025-09-15T10:31:00+02:00'),
      ...refinement(0, '2025-09-22T10:31:00+02:00'),
      ev('SEND_ANALOG_DOMICILE', '2025-09-16T09:00:00+02:00', 1, { productType: '890' }),
    ];
    const r = derive('2025-09-15T10:00:00+02:00', inputs, 2);
    expect(r.result.statusHistory.map((h) => h.status)).toEqual(['IN_VALIDATION', 'ACCEPTED', 'DELIVERING', 'EFFECTIVE_DATE']);
  });

  it('leaves ACCEPTED on a REFINEMENT (no row), N = 1', () => {
    // No SEND_DIGITAL_DOMICILE: the workflow ends while the notification is still ACCEPTED.
    const inputs = [...accepted('2025-09-15T10:03:00+02:00'), ...digitalSuccess(0, '2025-09-15T10:10:00+02:00', '2025-09-15T10:31:00+02:00').slice(1), ...refinement(0, '2025-09-22T10:31:00+02:00')];
    expect(derive('2025-09-15T10:00:00+02:00', inputs).result.status).toBe('ACCEPTED');
  });
});

describe('DOMAIN 4.2 deceased recipient', () => {
  it('N = 1: the deceased completion gives RETURNED_TO_SENDER, no term, outcome DECEASED', () => {
    const r = derive('2026-01-12T10:00:00+01:00', [...accepted('2026-01-12T10:03:00+01:00'), ...deceased(0, '2026-01-13T09:00:00+01:00', '2026-01-19T11:00:00+01:00')]);
    expect(r.result.status).toBe('RETURNED_TO_SENDER');
    expect(r.result.perRecipient[0]).toMatchObject({ outcome: 'DECEASED', termDate: null, refinementDate: null, refinedBy: null });
  });

  it('N = 1: VIEWED -> RETURNED_TO_SENDER, and the view refines', () => {
    const r = derive('2026-01-12T10:00:00+01:00', [
      ...accepted('2026-01-12T10:03:00+01:00'),
      ...deceased(0, '2026-01-13T09:00:00+01:00', '2026-01-19T11:00:00+01:00'),
      ...viewed(0, '2026-01-14T12:00:00+01:00'),
    ]);
    expect(r.result.statusHistory.map((h) => h.status)).toEqual(['IN_VALIDATION', 'ACCEPTED', 'DELIVERING', 'VIEWED', 'RETURNED_TO_SENDER']);
    expect(r.result.perRecipient[0]).toMatchObject({ refinedBy: 'VIEWING', refinementDate: '2026-01-14T12:00:00+01:00' });
  });

  it('N = 2: a view by the recipient found deceased later does not change status', () => {
    const r = derive('2026-01-12T10:00:00+01:00', [
      ...accepted('2026-01-12T10:03:00+01:00'),
      ...deceased(0, '2026-01-13T09:00:00+01:00', '2026-01-19T11:00:00+01:00'),
      ...viewed(0, '2026-01-14T12:00:00+01:00'),
      ev('SEND_ANALOG_DOMICILE', '2026-01-13T09:00:00+01:00', 1),
    ], 2);
    expect(r.result.status).toBe('DELIVERING');
    expect(r.result.perRecipient[0]!.legalFacts.map((f) => f.type)).toEqual(['RECIPIENT_ACCESS', 'ANALOG_DELIVERY']);
  });
});

describe('DOMAIN 4.2 terminal statuses', () => {
  it('CANCELLED is terminal and yields the NOTIFICATION_CANCELLED legal fact', () => {
    const r = derive('2026-03-10T09:15:00+01:00', [
      ...accepted('2026-03-10T09:19:00+01:00'),
      ...digitalSuccess(0, '2026-03-10T09:22:00+01:00', '2026-03-10T10:02:30+01:00'),
      ev('NOTIFICATION_CANCELLED', '2026-03-12T08:00:00+01:00'),
      ...refinement(0, '2026-03-17T10:02:30+01:00'),
      ...viewed(0, '2026-03-18T10:00:00+01:00'),
    ]);
    expect(r.result.status).toBe('CANCELLED');
    expect(r.result.notificationLegalFacts.map((f) => f.type)).toEqual(['SENDER_ACK', 'NOTIFICATION_CANCELLED']);
  });

  it('REQUEST_ACCEPTED after REFUSED changes nothing: no SENDER_ACK, recipients NOT_SENT', () => {
    const r = derive('2026-04-01T12:00:00+02:00', [ev('REQUEST_REFUSED', '2026-04-01T12:02:00+02:00'), ...accepted('2026-04-01T12:03:00+02:00')]);
    expect(r.result.statusHistory.map((h) => h.status)).toEqual(['IN_VALIDATION', 'REFUSED']);
    expect(r.result.notificationLegalFacts).toEqual([]);
    expect(r.result.perRecipient[0]!.outcome).toBe('NOT_SENT');
  });

  it('REQUEST_REFUSED wins a tie with REQUEST_ACCEPTED at the same instant (category rank)', () => {
    const r = derive('2026-04-01T12:00:00+02:00', [...accepted('2026-04-01T12:02:00+02:00'), ev('REQUEST_REFUSED', '2026-04-01T12:02:00+02:00')]);
    expect(r.result.status).toBe('REFUSED');
  });
});

describe('DOMAIN 12 outcomes and DOMAIN 5 business times', () => {
  it('NOT_SENT for a recipient who viewed before any send; the workflow end once a send follows', () => {
    const early = [...accepted('2026-03-10T09:19:00+01:00'), ...viewed(0, '2026-03-10T12:00:00+01:00')];
    expect(derive('2026-03-10T09:15:00+01:00', early).result.perRecipient[0]!.outcome).toBe('NOT_SENT');
    const later = [...early, ...analogSuccess(0, '2026-03-11T09:00:00+01:00', '2026-03-13T10:00:00+01:00')];
    expect(derive('2026-03-10T09:15:00+01:00', later).result.perRecipient[0]!.outcome).toBe('ANALOG_DELIVERED');
  });

  it('puts ANALOG_SUCCESS_WORKFLOW at the last feedback time (BUSINESS_TIME_MISMATCH)', () => {
    const inputs = analogSuccess(0, '2026-02-03T09:00:00+01:00', '2026-02-05T10:00:00+01:00').map((e) =>
      e.category === 'ANALOG_SUCCESS_WORKFLOW' ? { ...e, at: '2026-02-06T09:00:00+01:00' } : e);
    const r = derive('2026-02-02T09:00:00+01:00', [...accepted('2026-02-02T09:05:00+01:00'), ...inputs]);
    expect(r.result.statusHistory.at(-1)).toMatchObject({ status: 'DELIVERED', activeFrom: '2026-02-05T10:00:00+01:00' });
    expect(codes(r.result.warnings)).toEqual(['BUSINESS_TIME_MISMATCH']);
  });

  it('puts COMPLETELY_UNREACHABLE at the ANALOG_FAILURE_WORKFLOW time and counts 10 days from it', () => {
    const inputs = unreachable(0, '2025-06-10T09:00:00+02:00', '2025-06-27T08:00:00+02:00').map((e) =>
      e.category === 'COMPLETELY_UNREACHABLE' ? { ...e, at: '2025-06-27T08:05:00+02:00' } : e);
    const r = derive('2025-06-09T09:00:00+02:00', [...accepted('2025-06-09T09:03:00+02:00'), ...inputs]);
    expect(r.result.statusHistory.at(-1)).toMatchObject({ status: 'UNREACHABLE', activeFrom: '2025-06-27T08:00:00+02:00' });
    expect(r.result.perRecipient[0]!.refinementDate).toBe('2025-07-07T08:00:00+02:00');
    expect(codes(r.result.warnings)).toEqual(['BUSINESS_TIME_MISMATCH']);
  });

  it('warns that the unreachable rule is the post-2024-11-27 one for an older notification', () => {
    const r = derive('2024-10-01T09:00:00+02:00', [...accepted('2024-10-01T09:03:00+02:00'), ...unreachable(0, '2024-10-02T09:00:00+02:00', '2024-10-20T08:00:00+02:00')]);
    expect(codes(r.result.warnings)).toEqual(['PRE_RULE_SENT_AT']);
    // 10 x 24 h across the October DST change: 08:00+02:00 -> 07:00+01:00.
    expect(r.result.perRecipient[0]!.refinementDate).toBe('2024-10-30T07:00:00+01:00');
  });
});
