import { describe, expect, it } from 'vitest';
import type { DomainWarning, TimelineCategory } from '../model/types.js';
import { formatInstant, parseInstant } from '../time/instant.js';
import type { NormalizedElement } from '../timeline/element.js';
import { createRecipientFold, observeViewing, observeWorkflow } from './recipient-fold.js';
import { outcomeOf, refinementOf } from './result.js';
import { TERM_RULES, termFrom } from './rules.js';

const SENT = parseInstant('2026-01-10T09:00:00+01:00');

function el(category: TimelineCategory, at: string, details: Record<string, unknown> = {}, elementId = `${category}@${at}`): NormalizedElement {
  const ms = parseInstant(at);
  return { elementId, category, atMs: ms, writtenAt: at, writtenAtMs: ms, rank: 0, rec: 0, details };
}

function fold(elements: NormalizedElement[], sentAtMs = SENT) {
  const rf = createRecipientFold();
  const warnings: DomainWarning[] = [];
  const neutral: string[] = [];
  for (const e of elements) {
    observeWorkflow(rf, e, sentAtMs, warnings);
    if (observeViewing(rf, e, rf.firstView?.ms ?? null, warnings)) neutral.push(e.elementId);
  }
  return { rf, warnings, neutral };
}

const term = (rf: ReturnType<typeof createRecipientFold>) => (rf.term === null ? null : formatInstant(rf.term.ms));

describe('DOMAIN 8.1 term rules', () => {
  it('has 7 (8 after 21:00) / 15 / 10 / 10 days and no term for a deceased recipient', () => {
    expect([TERM_RULES.DIGITAL_SUCCESS.days, TERM_RULES.DIGITAL_SUCCESS.after2100Days]).toEqual([7, 8]);
    expect(TERM_RULES.DIGITAL_FAILURE.days).toBe(15);
    expect(TERM_RULES.ANALOG_SUCCESS.days).toBe(10);
    expect(TERM_RULES.UNREACHABLE.days).toBe(10);
    expect(TERM_RULES.DECEASED.days).toBeNull();
    expect(termFrom('DECEASED', SENT)).toBeNull();
  });

  it('applies the 21:00 rule only to digital success', () => {
    const late = parseInstant('2026-01-15T22:00:00+01:00');
    expect(termFrom('DIGITAL_SUCCESS', late)).toMatchObject({ days: 8, after2100: true });
    expect(termFrom('DIGITAL_FAILURE', late)).toMatchObject({ days: 15, after2100: false });
    expect(termFrom('ANALOG_SUCCESS', late)).toMatchObject({ days: 10, after2100: false });
  });

  it('takes B from the OK PEC receipt that ended the workflow, not from a KO one or the end element', () => {
    const { rf } = fold([
      el('SEND_DIGITAL_FEEDBACK', '2026-01-11T10:00:00+01:00', { responseStatus: 'KO' }),
      el('SEND_DIGITAL_FEEDBACK', '2026-01-18T10:05:00+01:00', { responseStatus: 'OK' }),
      el('DIGITAL_DELIVERY_CREATION_REQUEST', '2026-01-18T10:05:20+01:00', { endWorkflowStatus: 'SUCCESS' }),
    ]);
    expect(term(rf)).toBe('2026-01-25T10:05:00+01:00');
    expect(rf.end?.kind).toBe('DIGITAL_SUCCESS');
  });

  it('chooses the row by the workflow-end element: the first end wins', () => {
    const { rf } = fold([
      el('ANALOG_FAILURE_WORKFLOW', '2026-01-20T08:00:00+01:00'),
      el('COMPLETELY_UNREACHABLE', '2026-01-20T08:00:00+01:00'),
      el('ANALOG_SUCCESS_WORKFLOW', '2026-01-25T08:00:00+01:00'),
    ]);
    expect(rf.end?.kind).toBe('UNREACHABLE');
    expect(term(rf)).toBe('2026-01-30T08:00:00+01:00');
  });

  it('falls back to the end element with REFINEMENT_BASE_MISSING when the base element is missing', () => {
    const { rf, warnings } = fold([el('ANALOG_SUCCESS_WORKFLOW', '2026-01-20T08:00:00+01:00')]);
    expect(term(rf)).toBe('2026-01-30T08:00:00+01:00');
    expect(rf.term?.fallback).toBe(true);
    expect(warnings.map((w) => w.code)).toEqual(['REFINEMENT_BASE_MISSING']);
  });

  it('gives a deceased recipient no term; its REFINEMENT is ignored (REFINEMENT_WITHOUT_TERM)', () => {
    const { rf, warnings, neutral } = fold([
      el('SEND_ANALOG_FEEDBACK', '2026-01-20T08:00:00+01:00', { responseStatus: 'OK', deliveryFailureCause: 'M02' }),
      el('ANALOG_WORKFLOW_RECIPIENT_DECEASED', '2026-01-20T08:00:00+01:00'),
      el('REFINEMENT', '2026-01-30T08:00:00+01:00'),
    ]);
    expect(rf.term).toBeNull();
    expect(warnings.map((w) => w.code)).toEqual(['REFINEMENT_WITHOUT_TERM']);
    expect(neutral).toEqual(['REFINEMENT@2026-01-30T08:00:00+01:00']);
  });

  it('warns PRE_RULE_SENT_AT for an unreachable recipient of a notification sent before 2024-11-27 only', () => {
    const failure = [el('ANALOG_FAILURE_WORKFLOW', '2024-12-20T08:00:00+01:00')];
    expect(fold(failure, parseInstant('2024-11-26T23:59:59+01:00')).warnings.map((w) => w.code)).toEqual(['PRE_RULE_SENT_AT']);
    expect(fold(failure, parseInstant('2024-11-27T00:00:00+01:00')).warnings).toEqual([]);
  });
});

describe('DOMAIN 8.2-8.3 refinement result', () => {
  const delivered = [
    el('SEND_ANALOG_FEEDBACK', '2026-01-20T08:00:00+01:00', { responseStatus: 'OK' }),
    el('ANALOG_SUCCESS_WORKFLOW', '2026-01-20T08:00:00+01:00'),
  ];

  it('refines by VIEWING at V when V <= S (including V = S)', () => {
    const atTerm = fold([...delivered, el('NOTIFICATION_VIEWED', '2026-01-30T08:00:00+01:00')]).rf;
    expect(refinementOf(atTerm)).toMatchObject({ refinedBy: 'VIEWING', refinementMs: parseInstant('2026-01-30T08:00:00+01:00') });
  });

  it('refines by TERM at S when the view is later, keeping viewedAt', () => {
    const r = refinementOf(fold([...delivered, el('NOTIFICATION_VIEWED', '2026-01-30T08:00:00.001+01:00')]).rf);
    expect(r).toEqual({ viewedMs: parseInstant('2026-01-30T08:00:00.001+01:00'), termMs: parseInstant('2026-01-30T08:00:00+01:00'), refinementMs: parseInstant('2026-01-30T08:00:00+01:00'), refinedBy: 'TERM' });
  });

  it('refines by VIEWING when there is no term, and not at all without view or term', () => {
    expect(refinementOf(fold([el('NOTIFICATION_VIEWED', '2026-01-12T08:00:00+01:00')]).rf).refinedBy).toBe('VIEWING');
    expect(refinementOf(fold([]).rf)).toEqual({ viewedMs: null, termMs: null, refinementMs: null, refinedBy: null });
  });

  it('ignores a REFINEMENT when the first view is at or before it, and a second view (warnings)', () => {
    const { warnings, neutral } = fold([
      ...delivered,
      el('NOTIFICATION_VIEWED', '2026-01-25T08:00:00+01:00'),
      el('REFINEMENT', '2026-01-30T08:00:00+01:00'),
      el('NOTIFICATION_VIEWED', '2026-01-31T08:00:00+01:00', {}, 'second'),
    ]);
    expect(warnings.map((w) => w.code)).toEqual(['REFINEMENT_AFTER_VIEW', 'DUPLICATE_VIEW']);
    expect(neutral).toEqual(['REFINEMENT@2026-01-30T08:00:00+01:00', 'second']);
  });
});

describe('DOMAIN 12 outcome', () => {
  it('maps the workflow end, NOT_SENT when refused or viewed without any send, else IN_PROGRESS', () => {
    const viewedOnly = fold([el('NOTIFICATION_VIEWED', '2026-01-12T08:00:00+01:00')]).rf;
    const sent = fold([el('SEND_ANALOG_DOMICILE', '2026-01-11T08:00:00+01:00'), el('NOTIFICATION_VIEWED', '2026-01-12T08:00:00+01:00')]).rf;
    const failed = fold([el('DIGITAL_DELIVERY_CREATION_REQUEST', '2026-01-12T08:00:00+01:00', { endWorkflowStatus: 'FAILURE' })]).rf;
    const dead = fold([el('ANALOG_WORKFLOW_RECIPIENT_DECEASED', '2026-01-12T08:00:00+01:00')]).rf;
    expect(outcomeOf(viewedOnly, false)).toBe('NOT_SENT');
    expect(outcomeOf(sent, false)).toBe('IN_PROGRESS');
    expect(outcomeOf(failed, false)).toBe('DIGITAL_FAILED');
    expect(outcomeOf(failed, true)).toBe('NOT_SENT');
    expect(outcomeOf(dead, false)).toBe('DECEASED');
    expect(outcomeOf(fold([]).rf, false)).toBe('IN_PROGRESS');
  });
});
