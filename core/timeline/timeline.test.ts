import { describe, expect, it } from 'vitest';
import type { DomainWarning, TimelineElementInput } from '../model/types.js';
import { TIMELINE_CATEGORIES } from '../model/types.js';
import { categoryRank, isKnownCategory } from './categories.js';
import { dedupeElements } from './dedupe.js';
import { compareElements } from './element.js';
import type { NormalizedElement } from './element.js';
import { detailsFingerprint } from './fingerprint.js';
import { normalizeElement } from './normalize.js';

const IUN = 'QDUX-GHKP-JNAM-202603-T-1';
const AT = '2026-03-10T09:20:00+01:00';
const ctx = { iun: IUN, recipientCount: 2 };

function norm(input: TimelineElementInput): { e: NormalizedElement | undefined; errors: DomainWarning[] } {
  const errors: DomainWarning[] = [];
  return { e: normalizeElement(input, ctx, errors), errors };
}

const idOf = (category: string, details: Record<string, unknown> = {}, recipientIndex?: number) =>
  norm({ category, at: AT, details, ...(recipientIndex === undefined ? {} : { recipientIndex }) }).e?.elementId;

describe('elementId patterns (DOMAIN 5)', () => {
  it.each([
    ['SENDER_ACK_CREATION_REQUEST', {}, undefined, `SENDERACK_LEGALFACT_CREATION_REQUEST.IUN_${IUN}`],
    ['REQUEST_ACCEPTED', {}, undefined, `REQUEST_ACCEPTED.IUN_${IUN}`],
    ['AAR_GENERATION', {}, 1, `AAR_GEN.IUN_${IUN}.RECINDEX_1`],
    ['SEND_COURTESY_MESSAGE', { digitalAddressType: 'EMAIL' }, 0, `SEND_COURTESY_MESSAGE.IUN_${IUN}.RECINDEX_0.COURTESYADDRESSTYPE_EMAIL`],
    ['GET_ADDRESS', { digitalAddressSource: 'PLATFORM' }, 0, `GET_ADDRESS.IUN_${IUN}.RECINDEX_0.SOURCE_PLATFORM.ATTEMPT_0`],
    ['PUBLIC_REGISTRY_CALL', { deliveryMode: 'DIGITAL', contactPhase: 'CHOOSE_DELIVERY', sentAttemptMade: 1 }, 0,
      `NATIONAL_REGISTRY_CALL.IUN_${IUN}.RECINDEX_0.DELIVERYMODE_DIGITAL.CONTACTPHASE_CHOOSE_DELIVERY.ATTEMPT_1`],
    ['PUBLIC_REGISTRY_RESPONSE', { correlationId: 'corr-1' }, 0, 'NATIONAL_REGISTRY_RESPONSE.CORRELATIONID_corr-1'],
    ['PUBLIC_REGISTRY_RESPONSE', {}, 0, `NATIONAL_REGISTRY_RESPONSE.CORRELATIONID_${AT}`],
    ['SCHEDULE_DIGITAL_WORKFLOW', { digitalAddressSource: 'SPECIAL', sentAttemptMade: 1 }, 0, `SCHEDULE_DIGITAL_WORKFLOW.IUN_${IUN}.RECINDEX_0.SOURCE_SPECIAL.ATTEMPT_1`],
    ['PREPARE_DIGITAL_DOMICILE', { digitalAddressSource: 'GENERAL', correlationId: 'c9' }, 0, `PREPARE_DIGITAL_DOMICILE.IUN_${IUN}.RECINDEX_0.SOURCE_GENERAL.ATTEMPT_0.CORRELATIONID_c9`],
    ['SEND_DIGITAL_DOMICILE', { digitalAddressSource: 'SPECIAL', sentAttemptMade: 1 }, 0, `SEND_DIGITAL.IUN_${IUN}.RECINDEX_0.SOURCE_SPECIAL.REPEAT_false.ATTEMPT_1`],
    ['SEND_DIGITAL_DOMICILE', { digitalAddressSource: 'SPECIAL', isFirstSendRetry: true }, 0, `SEND_DIGITAL.IUN_${IUN}.RECINDEX_0.SOURCE_SPECIAL.REPEAT_true.ATTEMPT_0`],
    // Written as a text, "true" is the boolean (REPEAT_false would collide with the first send's id).
    ['SEND_DIGITAL_DOMICILE', { digitalAddressSource: 'SPECIAL', isFirstSendRetry: 'true' }, 0, `SEND_DIGITAL.IUN_${IUN}.RECINDEX_0.SOURCE_SPECIAL.REPEAT_true.ATTEMPT_0`],
    ['SEND_DIGITAL_DOMICILE', { digitalAddressSource: 'SPECIAL', isFirstSendRetry: ' FALSE ' }, 0, `SEND_DIGITAL.IUN_${IUN}.RECINDEX_0.SOURCE_SPECIAL.REPEAT_false.ATTEMPT_0`],
    ['SEND_DIGITAL_DOMICILE', { digitalAddressSource: 'SPECIAL', isFirstSendRetry: 'yes' }, 0, `SEND_DIGITAL.IUN_${IUN}.RECINDEX_0.SOURCE_SPECIAL.REPEAT_false.ATTEMPT_0`],
    ['SEND_DIGITAL_PROGRESS', { digitalAddressSource: 'GENERAL', progressIndex: 2 }, 1, `DIGITAL_PROG.IUN_${IUN}.RECINDEX_1.SOURCE_GENERAL.REPEAT_false.ATTEMPT_0.IDX_2`],
    ['SEND_DIGITAL_FEEDBACK', { digitalAddressSource: 'SPECIAL', sentAttemptMade: 0, isFirstSendRetry: true }, 0, `SEND_DIGITAL_FEEDBACK.IUN_${IUN}.RECINDEX_0.SOURCE_SPECIAL.ATTEMPT_0`],
    ['SIMPLE_REGISTERED_LETTER_PROGRESS', { progressIndex: 1 }, 0, `SIMPLE_REGISTERED_LETTER_PROGRESS.IUN_${IUN}.RECINDEX_0.ATTEMPT_0.IDX_1`],
    ['SEND_ANALOG_FEEDBACK', { sentAttemptMade: 1 }, 0, `SEND_ANALOG_FEEDBACK.IUN_${IUN}.RECINDEX_0.ATTEMPT_1`],
    ['SCHEDULE_ANALOG_WORKFLOW', {}, 0, `SCHEDULE_ANALOG_WORKFLOW.IUN_${IUN}.RECINDEX_0.ATTEMPT_0`],
    ['SCHEDULE_REFINEMENT', {}, 0, `SCHEDULE_REFINEMENT_WORKFLOW.IUN_${IUN}.RECINDEX_0`],
    ['NOTIFICATION_VIEWED', {}, 1, `NOTIFICATION_VIEWED.IUN_${IUN}.RECINDEX_1`],
    ['NOTIFICATION_CANCELLED', {}, undefined, `NOTIFICATION_CANCELLED.IUN_${IUN}`],
  ])('%s %j (recipient %s) -> %s', (category, details, rec, expected) => {
    expect(idOf(category, details, rec)).toBe(expected);
  });

  it('uses the `at` as written for a missing segment value other than ATTEMPT and REPEAT (choice)', () => {
    expect(idOf('GET_ADDRESS', {}, 0)).toBe(`GET_ADDRESS.IUN_${IUN}.RECINDEX_0.SOURCE_${AT}.ATTEMPT_0`);
  });

  it('keeps an elementId given in the input', () => {
    expect(norm({ category: 'REQUEST_ACCEPTED', at: AT, elementId: 'custom-id' }).e?.elementId).toBe('custom-id');
  });
});

describe('category ranks (DOMAIN 5 row order)', () => {
  it('numbers the 42 table rows in order and ranks the other known categories after them', () => {
    expect(TIMELINE_CATEGORIES).toHaveLength(42);
    expect(categoryRank('SENDER_ACK_CREATION_REQUEST')).toBe(1);
    expect(categoryRank('REQUEST_REFUSED')).toBe(4);
    expect(categoryRank('REQUEST_ACCEPTED')).toBe(5);
    expect(categoryRank('SEND_DIGITAL_FEEDBACK')).toBe(18);
    expect(categoryRank('REFINEMENT')).toBe(36);
    expect(categoryRank('NOT_HANDLED')).toBe(42);
    expect(categoryRank('NOTIFICATION_PAID')).toBeGreaterThan(42);
    expect(isKnownCategory('SOMETHING_ELSE')).toBe(false);
  });
});

describe('normalisation errors (DOMAIN 4.1 step 1)', () => {
  it.each([
    [{ category: 'WHATEVER', at: AT }, 'UNKNOWN_CATEGORY'],
    [{ category: 'REQUEST_ACCEPTED', at: '2026-02-30T09:00:00+01:00' }, 'INVALID_INSTANT'],
    [{ category: 'REQUEST_ACCEPTED', at: '10/03/2026' }, 'INVALID_INSTANT'],
    [{ category: 'NOTIFICATION_VIEWED', at: AT, recipientIndex: 2 }, 'RECIPIENT_INDEX_OUT_OF_RANGE'],
    [{ category: 'NOTIFICATION_VIEWED', at: AT, recipientIndex: -1 }, 'RECIPIENT_INDEX_OUT_OF_RANGE'],
    [{ category: 'NOTIFICATION_VIEWED', at: AT, recipientIndex: 0.5 }, 'RECIPIENT_INDEX_OUT_OF_RANGE'],
    [{ category: 'NOTIFICATION_VIEWED', at: AT }, 'RECIPIENT_INDEX_MISSING'],
    [{ category: 'NOTIFICATION_VIEWED', at: AT, recipientIndex: 0, details: [] }, 'INVALID_ELEMENT'],
  ])('%j -> %s', (input, code) => {
    const { e, errors } = norm(input as TimelineElementInput);
    expect(e).toBeUndefined();
    expect(errors.map((w) => w.code)).toEqual([code]);
  });

  it('reads a missing recipientIndex as recipient 0 only when the notification has one recipient', () => {
    const one = { iun: IUN, recipientCount: 1 };
    const errors: DomainWarning[] = [];
    expect(normalizeElement({ category: 'NOTIFICATION_VIEWED', at: AT }, one, errors)).toMatchObject({ rec: 0, elementId: `NOTIFICATION_VIEWED.IUN_${IUN}.RECINDEX_0` });
    expect(errors).toEqual([]);
    // With two recipients it could be either: refused (the case above).
    expect(norm({ category: 'NOTIFICATION_VIEWED', at: AT }).errors.map((w) => w.code)).toEqual(['RECIPIENT_INDEX_MISSING']);
  });

  it('reads a recipientIndex written as digits in a text as the number', () => {
    const { e, errors } = norm({ category: 'NOTIFICATION_VIEWED', at: AT, recipientIndex: '1' as unknown as number });
    expect(errors).toEqual([]);
    expect(e).toMatchObject({ rec: 1 });
    expect(norm({ category: 'NOTIFICATION_VIEWED', at: AT, recipientIndex: 'uno' as unknown as number }).errors.map((w) => w.code)).toEqual(['RECIPIENT_INDEX_OUT_OF_RANGE']);
  });

  it('knows the categories SEND\'s API adds and reads its spelling of the RS progress (DOMAIN.md 5 notes)', () => {
    for (const category of ['VALIDATE_F24_REQUEST', 'PAYMENT', 'NOTIFICATION_CANCELLED_DOCUMENT_CREATION_REQUEST', 'NOTIFICATION_TIMELINE_REWORKED']) {
      const { e, errors } = norm({ category, at: AT });
      expect(errors).toEqual([]);
      expect(categoryRank(category)).toBeGreaterThan(42);
      expect(e?.category).toBe(category);
    }
    const rs = norm({ category: 'SEND_SIMPLE_REGISTERED_LETTER_PROGRESS', at: AT, recipientIndex: 0, details: { deliveryDetailCode: 'RECRS001C' } });
    expect(rs.errors).toEqual([]);
    expect(rs.e).toMatchObject({ category: 'SIMPLE_REGISTERED_LETTER_PROGRESS', rank: categoryRank('SIMPLE_REGISTERED_LETTER_PROGRESS') });
  });

  it('accepts a notification-level element without recipientIndex and an unknown detail', () => {
    const { e, errors } = norm({ category: 'REQUEST_ACCEPTED', at: AT, details: { somethingNew: 1 } });
    expect(errors).toEqual([]);
    expect(e).toMatchObject({ rec: -1, rank: 5, atMs: Date.parse(AT) });
  });
});

describe('order and duplicates (DOMAIN 4.1 steps 1-2)', () => {
  const el = (category: string, at: string, recipientIndex?: number, elementId?: string, details: Record<string, unknown> = {}) =>
    norm({ category, at, details, ...(recipientIndex === undefined ? {} : { recipientIndex }), ...(elementId ? { elementId } : {}) }).e!;

  it('sorts by instant, then category rank, then recipientIndex, then elementId', () => {
    const list = [
      el('ANALOG_SUCCESS_WORKFLOW', '2026-03-10T10:00:00+01:00', 0),
      el('SEND_ANALOG_FEEDBACK', '2026-03-10T09:00:00Z', 1),
      el('SEND_ANALOG_FEEDBACK', '2026-03-10T10:00:00+01:00', 0),
      el('REQUEST_ACCEPTED', '2026-03-10T09:00:00+01:00', undefined, 'b'),
      el('REQUEST_ACCEPTED', '2026-03-10T09:00:00+01:00', undefined, 'a'),
    ];
    expect(list.sort(compareElements).map((e) => `${e.category}/${e.rec}/${e.elementId.slice(0, 1)}`)).toEqual([
      'REQUEST_ACCEPTED/-1/a', 'REQUEST_ACCEPTED/-1/b', 'SEND_ANALOG_FEEDBACK/0/S', 'SEND_ANALOG_FEEDBACK/1/S', 'ANALOG_SUCCESS_WORKFLOW/0/A',
    ]);
  });

  it('keeps the earliest of elements sharing an elementId, whatever the input order', () => {
    const early = el('NOTIFICATION_VIEWED', '2026-03-10T09:00:00+01:00', 0);
    const late = el('NOTIFICATION_VIEWED', '2026-03-11T09:00:00+01:00', 0);
    expect(dedupeElements([late, early])).toEqual([early]);
    expect(dedupeElements([early, late])).toEqual([early]);
  });

  it('breaks a full tie by the details fingerprint, so the kept copy does not depend on input order', () => {
    const a = el('NOTIFICATION_VIEWED', AT, 0, undefined, { raddType: 'FSU' });
    const b = el('NOTIFICATION_VIEWED', AT, 0, undefined, { raddType: 'ALT' });
    expect(dedupeElements([a, b])).toEqual(dedupeElements([b, a]));
    expect(detailsFingerprint({ x: 1, y: [1, { z: 2, w: 3 }] })).toBe(detailsFingerprint({ y: [1, { w: 3, z: 2 }], x: 1 }));
    expect(detailsFingerprint({ x: 1 })).not.toBe(detailsFingerprint({ x: 2 }));
  });
});
