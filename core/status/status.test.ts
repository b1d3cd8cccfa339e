import { describe, expect, it } from 'vitest';
import type { DomainWarning, TimelineCategory } from '../model/types.js';
import { createStatusFold, stepStatus } from './fold.js';
import { findTransition, TRANSITIONS } from './transitions.js';

describe('DOMAIN 4.2 transition table', () => {
  it('has exactly the rows of DOMAIN.md 4.2, line by line', () => {
    // Copied by hand from DOMAIN.md 4.2 ("A, B" in the category column = two rows).
    const domain = [
      'IN_VALIDATION REQUEST_ACCEPTED ACCEPTED',
      'IN_VALIDATION REQUEST_REFUSED REFUSED',
      'ACCEPTED SEND_DIGITAL_DOMICILE DELIVERING',
      'ACCEPTED SEND_ANALOG_DOMICILE DELIVERING',
      'ACCEPTED NOTIFICATION_VIEWED VIEWED',
      'ACCEPTED COMPLETELY_UNREACHABLE UNREACHABLE ALL_ENDED',
      'ACCEPTED NOTIFICATION_CANCELLED CANCELLED',
      'ACCEPTED NOT_HANDLED CANCELLED',
      'DELIVERING DIGITAL_DELIVERY_CREATION_REQUEST DELIVERED ALL_ENDED',
      'DELIVERING ANALOG_SUCCESS_WORKFLOW DELIVERED ALL_ENDED',
      'DELIVERING COMPLETELY_UNREACHABLE UNREACHABLE ALL_ENDED',
      'DELIVERING NOTIFICATION_VIEWED VIEWED',
      'DELIVERING REFINEMENT EFFECTIVE_DATE MULTI_RECIPIENT',
      'DELIVERING ANALOG_WORKFLOW_RECIPIENT_DECEASED RETURNED_TO_SENDER ALL_ENDED',
      'DELIVERING NOTIFICATION_CANCELLED CANCELLED',
      'DELIVERED NOTIFICATION_VIEWED VIEWED',
      'DELIVERED REFINEMENT EFFECTIVE_DATE',
      'DELIVERED NOTIFICATION_CANCELLED CANCELLED',
      'DELIVERED NOT_HANDLED CANCELLED',
      'EFFECTIVE_DATE NOTIFICATION_VIEWED VIEWED',
      'EFFECTIVE_DATE NOTIFICATION_CANCELLED CANCELLED',
      'UNREACHABLE NOTIFICATION_VIEWED VIEWED',
      'UNREACHABLE REFINEMENT EFFECTIVE_DATE',
      'UNREACHABLE NOTIFICATION_CANCELLED CANCELLED',
      'VIEWED ANALOG_WORKFLOW_RECIPIENT_DECEASED RETURNED_TO_SENDER SINGLE_RECIPIENT',
      'VIEWED NOTIFICATION_CANCELLED CANCELLED',
    ];
    expect(TRANSITIONS.map((r) => [r.from, r.on, r.to, r.when].filter(Boolean).join(' '))).toEqual(domain);
  });

  it.each([
    ['IN_VALIDATION', 'NOTIFICATION_VIEWED'],
    ['ACCEPTED', 'REFINEMENT'],
    ['EFFECTIVE_DATE', 'ANALOG_SUCCESS_WORKFLOW'],
    ['EFFECTIVE_DATE', 'DIGITAL_DELIVERY_CREATION_REQUEST'],
    ['VIEWED', 'NOTIFICATION_VIEWED'],
    ['DELIVERED', 'NOTIFICATION_RADD_RETRIEVED'],
    ['REFUSED', 'REQUEST_ACCEPTED'],
    ['CANCELLED', 'NOTIFICATION_VIEWED'],
    ['RETURNED_TO_SENDER', 'NOTIFICATION_VIEWED'],
  ] as const)('%s + %s leaves the status unchanged', (from, on) => {
    expect(findTransition(from, on, 1)).toBeUndefined();
    expect(findTransition(from, on, 2)).toBeUndefined();
  });

  it('applies the multi-recipient rows only when N > 1 and the single-recipient row only when N = 1', () => {
    expect(findTransition('DELIVERING', 'REFINEMENT', 1)).toBeUndefined();
    expect(findTransition('DELIVERING', 'REFINEMENT', 2)?.to).toBe('EFFECTIVE_DATE');
    expect(findTransition('VIEWED', 'ANALOG_WORKFLOW_RECIPIENT_DECEASED', 1)?.to).toBe('RETURNED_TO_SENDER');
    expect(findTransition('VIEWED', 'ANALOG_WORKFLOW_RECIPIENT_DECEASED', 2)).toBeUndefined();
  });
});

describe('DOMAIN 4.1 status fold', () => {
  let t = 0;
  const el = (category: TimelineCategory, rec = -1, elementId = `${category}-${rec}-${t}`) => ({ elementId, category, atMs: ++t * 1000, rec });

  function run(n: number, elements: ReturnType<typeof el>[], neutral: string[] = []) {
    const fold = createStatusFold(0, n);
    const warnings: DomainWarning[] = [];
    for (const e of elements) stepStatus(fold, e, { recipientCount: n, neutral: neutral.includes(e.elementId) }, warnings);
    return { fold, warnings };
  }

  it('waits for all N recipients before a completion changes status', () => {
    const { fold } = run(2, [el('REQUEST_ACCEPTED'), el('SEND_DIGITAL_DOMICILE', 0), el('DIGITAL_DELIVERY_CREATION_REQUEST', 0)]);
    expect(fold.state).toBe('DELIVERING');
    expect(fold.completed).toBe(1);
  });

  it('takes the first COMPLETION category seen since the last change in priority order: one reached => DELIVERED', () => {
    const { fold } = run(2, [el('REQUEST_ACCEPTED'), el('SEND_ANALOG_DOMICILE', 0), el('COMPLETELY_UNREACHABLE', 0), el('ANALOG_SUCCESS_WORKFLOW', 1)]);
    expect(fold.state).toBe('DELIVERED');
    expect(fold.history.at(-1)!.cause?.gate).toEqual({ via: 'ANALOG_SUCCESS_WORKFLOW', completionElementIds: [expect.stringContaining('COMPLETELY_UNREACHABLE'), expect.stringContaining('ANALOG_SUCCESS')] });
  });

  it('gives UNREACHABLE when every recipient ended unreachable', () => {
    const { fold } = run(2, [el('REQUEST_ACCEPTED'), el('SEND_ANALOG_DOMICILE', 0), el('COMPLETELY_UNREACHABLE', 0), el('COMPLETELY_UNREACHABLE', 1)]);
    expect(fold.state).toBe('UNREACHABLE');
  });

  it('counts a recipient once and warns DUPLICATE_COMPLETION', () => {
    const { fold, warnings } = run(2, [el('REQUEST_ACCEPTED'), el('SEND_ANALOG_DOMICILE', 0), el('ANALOG_SUCCESS_WORKFLOW', 0), el('ANALOG_SUCCESS_WORKFLOW', 0, 'again')]);
    expect(fold.state).toBe('DELIVERING');
    expect(warnings).toEqual([{ code: 'DUPLICATE_COMPLETION', elementId: 'again', params: { recipientIndex: 0 } }]);
  });

  it('clears the categories seen at each change: a completion seen before DELIVERING does not count for the gate', () => {
    // N = 2: recipient 0's digital workflow ends while ACCEPTED; the send of recipient 1 then moves to
    // DELIVERING and clears what was seen, so recipient 1 ending unreachable gives UNREACHABLE.
    const { fold } = run(2, [el('REQUEST_ACCEPTED'), el('DIGITAL_DELIVERY_CREATION_REQUEST', 0), el('SEND_ANALOG_DOMICILE', 1), el('COMPLETELY_UNREACHABLE', 1)]);
    expect(fold.history.map((h) => h.status)).toEqual(['IN_VALIDATION', 'ACCEPTED', 'DELIVERING', 'UNREACHABLE']);
  });

  it('keeps a neutral element in the history but does not let it change status', () => {
    const view = el('NOTIFICATION_VIEWED', 0);
    const { fold } = run(1, [el('REQUEST_ACCEPTED'), view], [view.elementId]);
    expect(fold.state).toBe('ACCEPTED');
    expect(fold.history.at(-1)!.related).toContain(view.elementId);
  });

  it('opens each entry with the element that caused the change (relatedTimelineElements, DOMAIN 4.1 step 5)', () => {
    const a = el('REQUEST_ACCEPTED');
    const aar = el('AAR_GENERATION', 0);
    const send = el('SEND_ANALOG_DOMICILE', 0);
    const { fold } = run(1, [el('VALIDATE_NORMALIZE_ADDRESSES_REQUEST'), a, aar, send]);
    expect(fold.history.map((h) => h.related)).toEqual([[expect.stringContaining('VALIDATE')], [a.elementId, aar.elementId], [send.elementId]]);
    expect(fold.history.map((h) => h.atMs)).toEqual([0, a.atMs, send.atMs]);
  });
});
