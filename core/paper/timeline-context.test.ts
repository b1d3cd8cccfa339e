import { describe, expect, it } from 'vitest';
import type { TimelineElementInput } from '../model/types.js';
import { allowedOutcomes } from './outcome.js';
import { analogAttemptContextOf, simpleLetterContextOf } from './timeline-context.js';

const el = (category: string, at: string, details: Record<string, unknown>, recipientIndex = 0): TimelineElementInput =>
  ({ category, at, recipientIndex, details });

// Scenario 06, recipient 0: attempt 0 KO, attempt 1 sent; plus a second recipient's letter.
const TIMELINE = [
  el('SEND_ANALOG_DOMICILE', '2025-06-10T09:00:00+02:00', { sentAttemptMade: 0, productType: '890' }),
  el('SEND_ANALOG_PROGRESS', '2025-06-11T08:00:00+02:00', { sentAttemptMade: 0, deliveryDetailCode: 'CON080', progressIndex: 1 }),
  el('SEND_ANALOG_PROGRESS', '2025-06-16T10:00:00+02:00', { sentAttemptMade: 0, deliveryDetailCode: 'RECAG003D', deliveryFailureCause: 'M03', progressIndex: 2 }),
  el('SEND_ANALOG_FEEDBACK', '2025-06-16T10:00:00+02:00', { sentAttemptMade: 0, responseStatus: 'KO', deliveryDetailCode: 'RECAG003F', deliveryFailureCause: 'M03' }),
  el('SEND_ANALOG_DOMICILE', '2025-06-19T09:00:00+02:00', { sentAttemptMade: 1, productType: '890' }),
  el('SEND_ANALOG_PROGRESS', '2025-06-20T08:00:00+02:00', { sentAttemptMade: 1, deliveryDetailCode: 'CON080', progressIndex: 1 }),
  el('SEND_ANALOG_DOMICILE', '2025-06-10T09:00:00+02:00', { sentAttemptMade: 0, productType: 'AR' }, 1),
  el('SEND_SIMPLE_REGISTERED_LETTER', '2025-06-12T09:00:00+02:00', { productType: 'RN_RS' }, 1),
  el('SIMPLE_REGISTERED_LETTER_PROGRESS', '2025-06-14T09:00:00+02:00', { deliveryDetailCode: 'RECRS001C', progressIndex: 1 }, 1),
];

describe('analogAttemptContextOf', () => {
  it('takes the last attempt sent, with only its own paper events', () => {
    expect(analogAttemptContextOf(TIMELINE, 0)).toEqual({
      productType: '890', attempt: 1, sentAt: '2025-06-19T09:00:00+02:00',
      events: [{ code: 'CON080', at: '2025-06-20T08:00:00+02:00', progressIndex: 1 }],
    });
  });

  it('reads a given attempt with its causes, and closes it after its KO', () => {
    const c = analogAttemptContextOf(TIMELINE, 0, 0);
    expect(c?.events.map((e) => [e.code, e.cause])).toEqual([['CON080', undefined], ['RECAG003D', 'M03'], ['RECAG003F', 'M03']]);
    expect(allowedOutcomes(c!)).toEqual(['SCANS_RECEIVED']);
  });

  it('is undefined when nothing was sent on paper', () => {
    expect(analogAttemptContextOf(TIMELINE, 2)).toBeUndefined();
    expect(analogAttemptContextOf(TIMELINE, 0, 1)?.attempt).toBe(1);
  });
});

describe('simpleLetterContextOf', () => {
  it('reads the RS letter of a recipient', () => {
    expect(simpleLetterContextOf(TIMELINE, 1)).toEqual({
      productType: 'RS', attempt: 0, sentAt: '2025-06-12T09:00:00+02:00',
      events: [{ code: 'RECRS001C', at: '2025-06-14T09:00:00+02:00', progressIndex: 1 }],
    });
    expect(simpleLetterContextOf(TIMELINE, 0)).toBeUndefined();
  });
});
