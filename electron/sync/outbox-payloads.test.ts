import { describe, expect, it } from 'vitest';
import { CANCEL_OUTBOX_KIND } from '../sender/cancel.js';
import { LOCAL_VERSION_TOKEN, NEW_NOTIFICATION_OUTBOX_KIND } from '../sender/new-notification.js';
import { OUTBOX_POSTAL_OUTCOME, OUTBOX_POSTAL_SEND } from '../postal/write.js';
import { LOCAL_DOCUMENT_VERSION_TOKEN, OUTBOX_PAYLOAD_SCHEMAS, parseOutboxPayload } from './outbox-payloads.js';
import { isOutboxKind, OUTBOX_KINDS } from './types.js';

const IUN = 'KWKU-JHXN-HJXM-202304-U-1';
const element = { category: 'SEND_ANALOG_PROGRESS', at: '2026-03-10T09:00:00Z', recipientIndex: 0, details: { deliveryDetailCode: 'CON080' } };

describe('outbox kinds and payloads', () => {
  it('knows the kind every producer enqueues', () => {
    for (const kind of [NEW_NOTIFICATION_OUTBOX_KIND, CANCEL_OUTBOX_KIND, OUTBOX_POSTAL_OUTCOME, OUTBOX_POSTAL_SEND]) expect(isOutboxKind(kind), kind).toBe(true);
  });

  it('marks a document still on this computer with the version token the sender form writes', () => {
    expect(LOCAL_DOCUMENT_VERSION_TOKEN).toBe(LOCAL_VERSION_TOKEN);
  });

  it('has a payload schema for every kind', () => {
    expect(Object.keys(OUTBOX_PAYLOAD_SCHEMAS).sort()).toEqual([...OUTBOX_KINDS].sort());
  });

  it('reads a cancellation as its IUN and refuses one without a well-formed IUN', () => {
    expect(parseOutboxPayload({ kind: 'send.cancelNotification', payload: { iun: IUN } })).toEqual({ iun: IUN });
    expect(() => parseOutboxPayload({ kind: 'send.cancelNotification', payload: { iun: 'nope' } })).toThrow(expect.objectContaining({ code: 'SYNC_PAYLOAD_INVALID', params: { kind: 'send.cancelNotification', path: 'iun' } }));
  });

  it('reads a postal outcome as written by electron/postal/write.ts (attempt a number or RS)', () => {
    const p = { item: `${IUN}/0/0`, requestId: `PREPARE_ANALOG_DOMICILE.IUN_${IUN}.RECINDEX_0.ATTEMPT_0`, recipientIndex: 0, attempt: 0, outcome: 'CON080', iun: IUN, elements: [element] };
    expect(parseOutboxPayload({ kind: 'postal.recordOutcome', payload: p })).toEqual(p);
    expect(parseOutboxPayload({ kind: 'postal.recordOutcome', payload: { ...p, attempt: 'RS' } }).attempt).toBe('RS');
    expect(() => parseOutboxPayload({ kind: 'postal.recordOutcome', payload: { ...p, elements: [] } })).toThrow(expect.objectContaining({ code: 'SYNC_PAYLOAD_INVALID' }));
  });

  it('reads a second-attempt hand-over only for attempt 1', () => {
    const p = { item: `${IUN}/0/1`, recipientIndex: 0, attempt: 1, iun: IUN, elements: [{ ...element, category: 'SEND_ANALOG_DOMICILE' }] };
    expect(parseOutboxPayload({ kind: 'postal.sendSecondAttempt', payload: p }).item).toBe(p.item);
    expect(() => parseOutboxPayload({ kind: 'postal.sendSecondAttempt', payload: { ...p, attempt: 0 } })).toThrow(expect.objectContaining({ params: expect.objectContaining({ path: 'attempt' }) }));
  });

  it('checks only the outline of a new notification request (SEND\'s exact shape is the adapter\'s check)', () => {
    const p = { paProtocolNumber: 'P-1', subject: 'S', recipients: [{ taxId: 'not-checked-here', recipientType: 'PF', denomination: 'M' }], documents: [], senderTaxId: '01199250158', senderDenomination: 'C', extra: 1 };
    expect(parseOutboxPayload({ kind: 'send.newNotification', payload: p }).paProtocolNumber).toBe('P-1');
    expect(() => parseOutboxPayload({ kind: 'send.newNotification', payload: { ...p, recipients: [] } })).toThrow(expect.objectContaining({ code: 'SYNC_PAYLOAD_INVALID' }));
  });
});
