import { describe, expect, it } from 'vitest';
import type { OutboxItem } from '../../sync/types.js';
import { createDemoAdapter } from './adapter.js';
import { parseDemoState, type DemoState, type DemoStateStore } from './state.js';

const T0 = Date.parse('2026-03-10T08:00:00Z');
const MIN = 60_000;

/** A state store in memory that can be made to fail. */
function memoryState() {
  let saved: unknown;
  let fail = false;
  const store: DemoStateStore & { saves: number; failNext(): void; raw(): unknown } = {
    saves: 0,
    load: async () => (saved === undefined ? undefined : JSON.parse(JSON.stringify(saved))),
    save: async (s: DemoState) => {
      if (fail) {
        fail = false;
        throw new Error('disk full');
      }
      store.saves += 1;
      saved = JSON.parse(JSON.stringify(s));
    },
    failNext: () => void (fail = true),
    raw: () => saved,
  };
  return store;
}

const request = {
  paProtocolNumber: 'PROT-1', subject: 'Verbale', notificationFeePolicy: 'FLAT_RATE', physicalCommunicationType: 'AR_REGISTERED_LETTER',
  senderDenomination: 'Comune di Milano', senderTaxId: '01199250158', taxonomyCode: '010101P', documents: [],
  recipients: [{ recipientType: 'PF', taxId: 'RSSMRA85T10A562S', denomination: 'Mario Rossi', digitalDomicile: { type: 'PEC', address: 'mario@pec.it' }, physicalAddress: { address: 'Via Roma 1', zip: '20121', municipality: 'Milano' } }],
};
const item = (kind: OutboxItem['kind'], key: string, payload: unknown): OutboxItem => ({ id: 1, kind, idempotencyKey: key, payload, createdAt: new Date(T0).toISOString(), attempts: 0, state: 'pending' });

function adapterOver(state: DemoStateStore, now: () => number) {
  return createDemoAdapter({ now, seed: 9, backlog: 2, backlogDays: 10, depositEveryMs: 60 * MIN, state });
}

describe('demo adapter state across restarts', () => {
  it('answers a request pushed before the restart as a duplicate, and still knows its notification', async () => {
    const state = memoryState();
    let now = T0;
    const first = await adapterOver(state, () => now).push(item('send.newNotification', 'tok-1', request));
    expect(first.status).toBe('applied');
    const iun = (first.data as { iun: string }).iun;
    now += 10 * MIN;
    const again = adapterOver(state, () => now);
    const second = await again.push(item('send.newNotification', 'tok-1', request));
    expect([second.status, second.remoteRef, (second.data as { iun: string }).iun]).toEqual(['duplicate', first.remoteRef, iun]);
    expect(again.world()!.find(iun, now)?.notification.subject).toBe('Verbale');
  });

  it('keeps a cancellation: after the restart the simulated workflow still stops there', async () => {
    const state = memoryState();
    let now = T0;
    const a = adapterOver(state, () => now);
    const iun = ((await a.push(item('send.newNotification', 'tok-2', request))).data as { iun: string }).iun;
    now += 2 * MIN;
    expect((await a.push(item('send.cancelNotification', iun, { iun }))).status).toBe('applied');
    now += 30 * 24 * 60 * MIN;
    const b = adapterOver(state, () => now);
    expect((await b.push(item('send.cancelNotification', iun, { iun }))).status).toBe('duplicate');
    const categories = b.world()!.visibleElements(iun, now).map((e) => e.category);
    expect(categories).toContain('NOTIFICATION_CANCELLED');
    expect(categories).not.toContain('REFINEMENT');
  });

  it('reports a push as failed when its effect could not be saved, and saves it on the retry', async () => {
    const state = memoryState();
    state.failNext();
    const a = adapterOver(state, () => T0);
    await expect(a.push(item('send.newNotification', 'tok-3', request))).rejects.toThrow('disk full');
    expect(state.saves).toBe(0);
    // The engine retries: the simulated SEND already has it (duplicate), and now it is saved.
    expect((await a.push(item('send.newNotification', 'tok-3', request))).status).toBe('duplicate');
    const after = await adapterOver(state, () => T0).push(item('send.newNotification', 'tok-3', request));
    expect(after.status).toBe('duplicate');
  });

  it('starts afresh from a saved state it cannot read', () => {
    expect(parseDemoState(undefined)).toBeUndefined();
    expect(parseDemoState({ version: 2 })).toBeUndefined();
    expect(parseDemoState({ version: 1, epochMs: T0, world: { pushed: [{ key: 'k', notification: {}, path: 'NOT_A_PATH', depositedMs: 1 }], extras: [], cancelledAt: [] }, requests: [], acknowledged: [], transactions: [] })).toBeUndefined();
    expect(parseDemoState({ version: 1, epochMs: T0, world: { pushed: [], extras: [], cancelledAt: [] }, requests: [], acknowledged: [], transactions: [] })).toBeDefined();
  });
});
