import { describe, expect, it } from 'vitest';
import type { LegalFact, TimelineCategory } from '../model/types.js';
import { appendRecipientLegalFacts, LEGAL_FACT_RULES, notificationLegalFacts } from './legal-facts.js';

const fmt = (ms: number) => `t${ms}`;
const el = (category: TimelineCategory, details: Record<string, unknown> = {}) => ({ elementId: `E-${category}`, category, rec: 1, atMs: 5, details });

function factsOf(category: TimelineCategory, details: Record<string, unknown> = {}): LegalFact[] {
  const out: LegalFact[] = [];
  appendRecipientLegalFacts(out, el(category, details), fmt);
  return out;
}

describe('DOMAIN 6 legal facts', () => {
  it.each([
    ['DIGITAL_SUCCESS_WORKFLOW', ['DIGITAL_DELIVERY']],
    ['DIGITAL_FAILURE_WORKFLOW', ['DIGITAL_DELIVERY']],
    ['NOTIFICATION_VIEWED', ['RECIPIENT_ACCESS']],
    ['COMPLETELY_UNREACHABLE', ['ANALOG_FAILURE_DELIVERY']],
    ['SEND_DIGITAL_PROGRESS', ['PEC_RECEIPT']],
    ['SEND_DIGITAL_FEEDBACK', ['PEC_RECEIPT']],
    ['SEND_ANALOG_FEEDBACK', ['ANALOG_DELIVERY']],
    ['SEND_ANALOG_PROGRESS', []],
    ['DIGITAL_DELIVERY_CREATION_REQUEST', []],
    ['ANALOG_SUCCESS_WORKFLOW', []],
    ['AAR_GENERATION', []],
    ['REQUEST_ACCEPTED', []],
  ] as const)('%s yields %j at recipient level', (category, types) => {
    expect(factsOf(category).map((f) => f.type)).toEqual(types);
  });

  it('yields one ANALOG_DELIVERY per attachment of analog and RS progress, with stable ids', () => {
    const two = [{ documentType: 'AR' }, { documentType: '23L' }];
    expect(factsOf('SEND_ANALOG_PROGRESS', { attachments: two })).toEqual([
      { id: 'E-SEND_ANALOG_PROGRESS~ANALOG_DELIVERY~0', type: 'ANALOG_DELIVERY', elementId: 'E-SEND_ANALOG_PROGRESS', recipientIndex: 1, at: 't5' },
      { id: 'E-SEND_ANALOG_PROGRESS~ANALOG_DELIVERY~1', type: 'ANALOG_DELIVERY', elementId: 'E-SEND_ANALOG_PROGRESS', recipientIndex: 1, at: 't5' },
    ]);
    expect(factsOf('SIMPLE_REGISTERED_LETTER_PROGRESS', { attachments: [{}] }).map((f) => f.id)).toEqual(['E-SIMPLE_REGISTERED_LETTER_PROGRESS~ANALOG_DELIVERY~0']);
    expect(factsOf('SEND_ANALOG_FEEDBACK', { attachments: two })).toHaveLength(1);
  });

  it('gives SENDER_ACK and NOTIFICATION_CANCELLED from the status entries they opened (DOMAIN 12)', () => {
    const facts = notificationLegalFacts([
      { status: 'IN_VALIDATION', activeFrom: 'a' },
      { status: 'ACCEPTED', activeFrom: 'b', cause: { elementId: 'RA', category: 'REQUEST_ACCEPTED' } },
      { status: 'VIEWED', activeFrom: 'c', cause: { elementId: 'NV', category: 'NOTIFICATION_VIEWED' } },
      { status: 'CANCELLED', activeFrom: 'd', cause: { elementId: 'NC', category: 'NOTIFICATION_CANCELLED' } },
    ]);
    expect(facts).toEqual([
      { id: 'RA~SENDER_ACK', type: 'SENDER_ACK', elementId: 'RA', at: 'b' },
      { id: 'NC~NOTIFICATION_CANCELLED', type: 'NOTIFICATION_CANCELLED', elementId: 'NC', at: 'd' },
    ]);
    expect(notificationLegalFacts([{ status: 'IN_VALIDATION', activeFrom: 'a' }, { status: 'REFUSED', activeFrom: 'b', cause: { elementId: 'RR', category: 'REQUEST_REFUSED' } }])).toEqual([]);
  });

  it('lists each producing category once', () => {
    const categories = LEGAL_FACT_RULES.map((r) => r.category);
    expect(new Set(categories).size).toBe(categories.length);
  });
});
