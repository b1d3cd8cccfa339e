import { describe, expect, it } from 'vitest';
import { createSyncEngine } from './engine.js';
import { parseFailureText } from './errors.js';
import { createManualClock } from './manual-scheduler.js';
import { createMemorySyncStore } from './memory-store.js';
import type { NewOutboxItem, OutboxItem, OutboxKind, PushResult, SyncAdapter } from './types.js';

const T0 = Date.parse('2026-03-10T09:00:00Z');

function setup(carries: readonly OutboxKind[]) {
  const pushed: OutboxItem[] = [];
  const adapter: SyncAdapter = {
    name: 'narrow',
    stream: 'narrow',
    capabilities: () => ({ pull: false, push: carries, fetch: false, offline: false }),
    health: async () => ({ ok: true, checkedAt: new Date(T0).toISOString() }),
    pull: async (cursor) => ({ notifications: [], elements: [], cursor: cursor ?? '', hasMore: false }),
    push: async (i): Promise<PushResult> => (pushed.push(i), { status: 'applied' }),
  };
  const clock = createManualClock(T0);
  const store = createMemorySyncStore();
  const engine = createSyncEngine({ adapter, store, now: clock.now, random: () => 0, scheduler: clock });
  return { pushed, store, engine, clock };
}

const at = new Date(T0).toISOString();
const postal = (key: string): NewOutboxItem => ({ kind: 'postal.recordOutcome', idempotencyKey: key, payload: {}, createdAt: at });
const complete = (key: string): NewOutboxItem => ({ kind: 'radd.completeTransaction', idempotencyKey: key, payload: {}, createdAt: at });

describe('sync engine: kinds the adapter does not carry', () => {
  it('marks an item of a kind the adapter does not carry done as local-only, without sending it', async () => {
    const { pushed, store, engine } = setup(['radd.completeTransaction']);
    await store.enqueue(postal('IUN:E1'));
    const report = await engine.runNow();
    expect(pushed).toEqual([]);
    expect(report.push).toMatchObject({ localOnly: 1, parked: 0, retried: 0, done: 0 });
    const [item] = store.items();
    expect(item!.state).toBe('done');
    expect(item!.attempts).toBe(0);
    expect(parseFailureText(item!.lastError)).toEqual({ code: 'SYNC_LOCAL_ONLY', params: { adapter: 'narrow', kind: 'postal.recordOutcome' } });
  });

  it('counts local-only items in the status, apart from pending and parked', async () => {
    const { store, engine } = setup(['radd.completeTransaction']);
    await store.enqueue(postal('IUN:E1'));
    await store.enqueue({ ...postal('IUN:E2'), kind: 'postal.sendSecondAttempt' });
    await store.enqueue({ kind: 'send.cancelNotification', idempotencyKey: 'IUN', payload: {}, createdAt: at });
    await engine.runNow();
    const status = await engine.status();
    expect([status.localOnly, status.pending, status.parked, status.failing]).toEqual([3, 0, 0, 0]);
  });

  it('still delivers the carried items claimed in the same batch, in order', async () => {
    const { pushed, store, engine } = setup(['radd.completeTransaction']);
    await store.enqueue(complete('op-1'));
    await store.enqueue(postal('IUN:E1'));
    await store.enqueue(complete('op-2'));
    await engine.runNow();
    expect(pushed.map((i) => i.idempotencyKey)).toEqual(['op-1', 'op-2']);
    expect(store.items().map((i) => i.state)).toEqual(['done', 'done', 'done']);
  });

  it('does not let a local-only item hold back a later item of the same key', async () => {
    const { pushed, store, engine } = setup(['send.newNotification']);
    // A cancellation waits for the creation of the same key; here the creation is local-only.
    await store.enqueue({ kind: 'send.cancelNotification', idempotencyKey: 'K', payload: {}, createdAt: at });
    await store.enqueue({ kind: 'send.newNotification', idempotencyKey: 'K', payload: {}, createdAt: at });
    await engine.runNow();
    expect(pushed.map((i) => i.kind)).toEqual(['send.newNotification']);
  });

  it('parks an item whose kind this version does not know, with SYNC_OUTBOX_KIND_UNKNOWN', async () => {
    const { pushed, store, engine } = setup(['radd.completeTransaction']);
    await store.enqueue({ kind: 'postal.somethingNew' as OutboxKind, idempotencyKey: 'x', payload: {}, createdAt: at });
    await engine.runNow();
    expect(pushed).toEqual([]);
    const parked = await engine.listParked();
    expect(parked.map((p) => [p.kind, p.error?.code])).toEqual([['postal.somethingNew', 'SYNC_OUTBOX_KIND_UNKNOWN']]);
    expect((await engine.status()).localOnly).toBe(0);
  });
});
