import { describe, expect, it } from 'vitest';
import { codedMessage, iunYearMonthOf, makeIun, messageFor, pickIunLetters, createRng, type ErrorCode } from '../../../core/index.js';
import { createSyncEngine } from '../../sync/engine.js';
import { createManualClock } from '../../sync/manual-scheduler.js';
import { createMemorySyncStore } from '../../sync/memory-store.js';
import { OUTBOX_KINDS, type OutboxItem } from '../../sync/types.js';
import { createDemoAdapter } from './adapter.js';

const T0 = Date.parse('2026-03-10T08:00:00Z');
const MIN = 60_000;
const DAY = 86_400_000;

// One live deposit a day: a test can move weeks ahead without simulating thousands of deposits.
function setup() {
  const clock = createManualClock(T0);
  const adapter = createDemoAdapter({ now: clock.now, seed: 3, backlog: 4, backlogDays: 30, depositEveryMs: DAY });
  const store = createMemorySyncStore();
  const engine = createSyncEngine({ adapter, store, now: clock.now, random: () => 0.5, scheduler: clock, pageSize: 50 });
  return { clock, adapter, store, engine };
}

let nextId = 1;
const item = (kind: OutboxItem['kind'], key: string, payload: unknown, createdAt: string): OutboxItem => ({ id: nextId++, kind, idempotencyKey: key, payload, createdAt, attempts: 0, state: 'pending' });

/** A live deposit whose simulated story still has elements after `atMs` (so a cancellation cuts it). */
async function unfinishedNotification(s: ReturnType<typeof setup>): Promise<string> {
  s.clock.advance(DAY + 20 * MIN);
  await s.engine.runNow();
  const w = s.adapter.world()!;
  const iun = [...s.store.notifications.keys()].find((i) => {
    const c = w.find(i, s.clock.now())!;
    return c.timeline.some((e) => Date.parse(e.at) > s.clock.now()) && !c.timeline.some((e) => e.category === 'NOTIFICATION_CANCELLED');
  });
  if (!iun) throw new Error('no unfinished notification in the demo world');
  return iun;
}

const categories = (s: ReturnType<typeof setup>, iun: string) => [...s.store.timelines.get(iun)!.values()].map((e) => e.category);

describe('demo adapter: every outbox kind', () => {
  it('carries every outbox kind', () => {
    expect([...setup().adapter.capabilities().push].sort()).toEqual([...OUTBOX_KINDS].sort());
  });

  it('brings a desk cancellation back in the next pull with SEND\'s elementIds, once, and stops the simulated workflow', async () => {
    const s = setup();
    const iun = await unfinishedNotification(s);
    const at = new Date(s.clock.now()).toISOString();
    expect((await s.adapter.push(item('send.cancelNotification', iun, { iun }, at))).status).toBe('applied');
    expect((await s.adapter.push(item('send.cancelNotification', iun, { iun }, at))).status).toBe('duplicate');
    s.clock.advance(MIN);
    await s.engine.runNow();
    const lastSimulated = Math.max(...s.adapter.world()!.find(iun, s.clock.now())!.timeline.map((e) => Date.parse(e.at)));
    s.clock.advance(lastSimulated - s.clock.now() + MIN);
    await s.engine.runNow();
    const stored = [...s.store.timelines.get(iun)!.values()];
    const cancellation = stored.filter((e) => e.category.startsWith('NOTIFICATION_CANCEL'));
    expect(cancellation.map((e) => e.elementId).sort()).toEqual([`NOTIFICATION_CANCELLATION_REQUEST.IUN_${iun}`, `NOTIFICATION_CANCELLED.IUN_${iun}`]);
    expect(cancellation.every((e) => e.at === at)).toBe(true);
    expect(stored.filter((e) => Date.parse(e.at) > Date.parse(at))).toEqual([]);
  });

  it('refuses for good the cancellation of a notification the simulated SEND does not have', async () => {
    const s = setup();
    await s.engine.runNow();
    const payload = { iun: 'KWKU-JHXN-HJXM-202304-U-1' };
    await expect(s.adapter.push(item('send.cancelNotification', payload.iun, payload, new Date(T0).toISOString()))).rejects.toMatchObject({ code: 'SYNC_PEER_REJECTED', transient: false, params: { status: 404 } });
  });

  it('refuses it with SEND\'s own words as the detail (shown as sent), naming no internal operation, in a message worded in either language', async () => {
    const s = setup();
    await s.engine.runNow();
    const payload = { iun: 'KWKU-JHXN-HJXM-202304-U-1' };
    const e = await s.adapter.push(item('send.cancelNotification', payload.iun, payload, new Date(T0).toISOString())).then(() => null, (err: unknown) => err) as { code: ErrorCode; params: Record<string, string | number> };
    expect(e.params).toEqual({ peer: 'SEND', status: 404, detail: 'Not Found — Notification not found' });
    const wire = codedMessage(e.code, 'it', e.params);
    expect(wire.message).toBe('Il servizio SEND ha rifiutato la richiesta (HTTP 404): Not Found — Notification not found');
    expect(messageFor(e.code, 'en', wire.params)).toBe('Service SEND refused the request (HTTP 404): Not Found — Notification not found');
    expect(JSON.stringify(wire)).not.toContain('notificationCancellation');
  });

  it('acknowledges postal outcomes once and never sends their elements back through the feed', async () => {
    const s = setup();
    const iun = await unfinishedNotification(s);
    const at = new Date(s.clock.now()).toISOString();
    const element = { category: 'SEND_ANALOG_PROGRESS', at, recipientIndex: 0, details: { deliveryDetailCode: 'CON080', marker: 'desk' } };
    const payload = { item: `${iun}/0/0`, requestId: `PREPARE_ANALOG_DOMICILE.IUN_${iun}.RECINDEX_0.ATTEMPT_0`, recipientIndex: 0, attempt: 0, outcome: 'CON080', iun, elements: [element] };
    const key = `${iun}:SEND_ANALOG_PROGRESS.x`;
    expect((await s.adapter.push(item('postal.recordOutcome', key, payload, at))).status).toBe('applied');
    expect((await s.adapter.push(item('postal.recordOutcome', key, payload, at))).status).toBe('duplicate');
    const handover = { item: `${iun}/0/1`, recipientIndex: 0, attempt: 1, iun, elements: [{ ...element, category: 'SEND_ANALOG_DOMICILE' }] };
    expect((await s.adapter.push(item('postal.sendSecondAttempt', `${iun}:y`, handover, at))).status).toBe('applied');
    s.clock.advance(MIN);
    const report = await s.engine.runNow();
    expect(report.error).toBeNull();
    expect([...s.store.timelines.get(iun)!.values()].filter((e) => e.details?.marker === 'desk')).toEqual([]);
  });

  it('parks a postal outcome whose payload is not the producer\'s shape', async () => {
    const s = setup();
    await expect(s.adapter.push(item('postal.recordOutcome', 'k', { iun: 'x' }, new Date(T0).toISOString()))).rejects.toMatchObject({ code: 'SYNC_PAYLOAD_INVALID', transient: false });
  });

  it('simulates a request keyed by the desk\'s own IUN under that IUN, so the feed updates the desk\'s notification', async () => {
    const s = setup();
    await s.engine.runNow();
    const sentAt = new Date(T0).toISOString();
    const rng = createRng('local');
    const localIun = makeIun(pickIunLetters((n) => rng.int(n)), iunYearMonthOf(sentAt));
    const payload = {
      paProtocolNumber: 'PROT-9', subject: 'Verbale', recipients: [{ recipientType: 'PF', taxId: 'RSSMRA85T10A562S', denomination: 'Mario Rossi', physicalAddress: { address: 'Via Roma 1', zip: '00100', municipality: 'Roma' } }],
      documents: [], notificationFeePolicy: 'FLAT_RATE', physicalCommunicationType: 'AR_REGISTERED_LETTER', senderDenomination: 'Comune', senderTaxId: '01234567897', taxonomyCode: '010101P',
    };
    const r = await s.adapter.push(item('send.newNotification', localIun, payload, sentAt));
    expect(r.data).toEqual({ iun: localIun });
    s.clock.advance(DAY);
    await s.engine.runNow();
    expect(s.store.notifications.has(localIun)).toBe(true);
    expect(categories(s, localIun)).toContain('REQUEST_ACCEPTED');
  });
});
