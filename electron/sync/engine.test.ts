import { describe, expect, it } from 'vitest';
import { makeDemoNotification, type Notification } from '../../core/index.js';
import { backoffDelayMs, DEFAULT_RETRY_POLICY } from './backoff.js';
import { createSyncEngine, type SyncEngineOptions } from './engine.js';
import { SyncError } from './errors.js';
import { createManualClock } from './manual-scheduler.js';
import { createMemorySyncStore } from './memory-store.js';
import type { OutboxItem, PullPage, PushResult, SyncAdapter } from './types.js';

const T0 = Date.parse('2026-03-10T09:00:00Z');

function fakeAdapter(over: Partial<SyncAdapter> = {}): SyncAdapter {
  return {
    name: 'fake',
    stream: 'fake',
    capabilities: () => ({ pull: true, push: ['send.newNotification', 'radd.startTransaction', 'radd.completeTransaction', 'radd.abortTransaction'], fetch: false, offline: false }),
    health: async () => ({ ok: true, checkedAt: new Date(T0).toISOString() }),
    pull: async (cursor) => ({ notifications: [], elements: [], cursor: cursor ?? '', hasMore: false }),
    push: async (): Promise<PushResult> => ({ status: 'applied' }),
    ...over,
  };
}

function setup(adapter: SyncAdapter, extra: Partial<SyncEngineOptions> = {}) {
  const clock = createManualClock(T0);
  const store = createMemorySyncStore();
  const engine = createSyncEngine({ adapter, store, now: clock.now, random: () => 0, scheduler: clock, pullIntervalMs: 60_000, ...extra });
  return { clock, store, engine };
}

const item = (key: string) => ({ kind: 'radd.completeTransaction' as const, idempotencyKey: key, payload: { operationId: key }, createdAt: new Date(T0).toISOString() });

function notif(seed: string): Notification {
  return makeDemoNotification(seed, { sentAt: '2026-03-01T10:00:00+01:00' });
}

describe('sync engine: push', () => {
  it('enqueues one item per kind and idempotency key', async () => {
    const { store } = setup(fakeAdapter());
    expect(await store.enqueue(item('op-1'))).toBe(true);
    expect(await store.enqueue(item('op-1'))).toBe(false);
    expect((await store.stats()).pending).toBe(1);
  });

  it('marks a delivered item done and sends it only once', async () => {
    const pushed: string[] = [];
    const { store, engine } = setup(fakeAdapter({ push: async (i) => (pushed.push(i.idempotencyKey), { status: 'applied' }) }));
    await store.enqueue(item('op-1'));
    await engine.runNow();
    await engine.runNow();
    expect(pushed).toEqual(['op-1']);
    expect(store.items()[0]!.state).toBe('done');
  });

  it('retries a transient failure after the backoff delay, not before', async () => {
    let calls = 0;
    const adapter = fakeAdapter({ push: async () => { calls += 1; if (calls === 1) throw new SyncError('SYNC_PEER_UNAVAILABLE', { peer: 'X', status: 503 }); return { status: 'applied' }; } });
    const { store, engine, clock } = setup(adapter);
    await store.enqueue(item('op-1'));
    await engine.runNow();
    const after1 = store.items()[0]!;
    expect(after1.attempts).toBe(1);
    expect(after1.nextAttemptMs).toBe(T0 + backoffDelayMs(1, DEFAULT_RETRY_POLICY, () => 0));
    clock.advance(after1.nextAttemptMs! - T0 - 1);
    await engine.runNow();
    expect(calls).toBe(1);
    clock.advance(1);
    await engine.runNow();
    expect(calls).toBe(2);
    expect(store.items()[0]!.state).toBe('done');
  });

  it('waits as long as the peer asks when its Retry-After exceeds the backoff', async () => {
    const adapter = fakeAdapter({ push: async () => { throw new SyncError('SYNC_PEER_RATE_LIMITED', { peer: 'X', retryAfterMs: 120_000 }, { retryAfterMs: 120_000 }); } });
    const { store, engine } = setup(adapter);
    await store.enqueue(item('op-1'));
    await engine.runNow();
    expect(store.items()[0]!.nextAttemptMs).toBe(T0 + 120_000);
  });

  it('parks an item refused for good at once, with its error code for the clerk', async () => {
    const adapter = fakeAdapter({ push: async () => { throw new SyncError('SYNC_RADD_REFUSED', { operationId: 'op-1', code: 10, message: 'x' }, { transient: false }); } });
    const { store, engine } = setup(adapter);
    await store.enqueue(item('op-1'));
    await engine.runNow();
    const parked = await engine.listParked();
    expect(parked).toHaveLength(1);
    expect(parked[0]!.error?.code).toBe('SYNC_RADD_REFUSED');
    expect((await engine.status()).parked).toBe(1);
  });

  it('parks an item after maxAttempts transient failures', async () => {
    const adapter = fakeAdapter({ push: async () => { throw new SyncError('SYNC_PEER_GARBAGE', { peer: 'X', operation: 'op' }); } });
    const { store, engine, clock } = setup(adapter, { policy: { maxAttempts: 3, baseMs: 10, maxMs: 100 } });
    await store.enqueue(item('op-1'));
    for (let i = 0; i < 3; i++) {
      await engine.runNow();
      clock.advance(200);
    }
    expect(store.items()[0]!.state).toBe('parked');
    expect(store.items()[0]!.attempts).toBe(3);
  });

  it('stops the round at a transport failure so the other items keep their attempts', async () => {
    const adapter = fakeAdapter({ push: async () => { throw new SyncError('SYNC_PEER_UNREACHABLE', { peer: 'X' }); } });
    const { store, engine } = setup(adapter);
    await store.enqueue(item('op-1'));
    await store.enqueue(item('op-2'));
    await engine.runNow();
    expect(store.items().map((i) => i.attempts)).toEqual([1, 0]);
  });

  it('sends a parked item again when a human requeues it', async () => {
    let fail = true;
    const adapter = fakeAdapter({ push: async () => { if (fail) throw new SyncError('SYNC_PAYLOAD_INVALID', { kind: 'k', path: 'p' }, { transient: false }); return { status: 'applied' }; } });
    const { store, engine } = setup(adapter);
    await store.enqueue(item('op-1'));
    await engine.runNow();
    fail = false;
    await engine.requeue(store.items()[0]!.id);
    await engine.runNow();
    expect(store.items()[0]!.state).toBe('done');
  });

  it('does not send an item while an older item of the same operation is still pending', async () => {
    const pushed: string[] = [];
    let startFails = true;
    const adapter = fakeAdapter({
      push: async (i) => {
        pushed.push(i.kind);
        if (i.kind === 'radd.startTransaction' && startFails) throw new SyncError('SYNC_RADD_NOT_READY', { operationId: 'op-1', retryAfterMs: 10 }, { retryAfterMs: 10 });
        return { status: 'applied' };
      },
    });
    const { store, engine, clock } = setup(adapter);
    await store.enqueue({ ...item('op-1'), kind: 'radd.startTransaction' });
    await store.enqueue(item('op-1'));
    await engine.runNow();
    clock.advance(60_000);
    startFails = false;
    await engine.runNow();
    expect(pushed).toEqual(['radd.startTransaction', 'radd.startTransaction', 'radd.completeTransaction']);
  });

  it('delivers a batch through pushMany when the adapter has it', async () => {
    const batches: number[] = [];
    const adapter = fakeAdapter({ pushMany: async (items: readonly OutboxItem[]) => (batches.push(items.length), items.map(() => ({ status: 'applied' as const }))) });
    const { store, engine } = setup(adapter, { pushBatch: 10 });
    for (let i = 0; i < 3; i++) await store.enqueue(item(`op-${i}`));
    await engine.runNow();
    expect(batches).toEqual([3]);
  });
});

/**
 * A peer of two pages: no cursor gives `first` (cursor c1, more to come), c1 gives `second` (if any,
 * cursor c2, the end) but fails while `down()`. `seen` records the cursors asked for.
 */
function twoPagePeer(first: Notification, second: Notification | undefined, down: () => boolean) {
  const seen: (string | undefined)[] = [];
  const adapter = fakeAdapter({
    pull: async (cursor) => {
      seen.push(cursor);
      if (cursor === 'c1' && down()) throw new SyncError('SYNC_PEER_GARBAGE', { peer: 'X', operation: 'feed' });
      return cursor === 'c1'
        ? { notifications: second ? [{ notification: second }] : [], elements: [], cursor: 'c2', hasMore: false }
        : { notifications: [{ notification: first }], elements: [], cursor: 'c1', hasMore: true };
    },
  });
  return { adapter, seen };
}

describe('sync engine: pull', () => {
  it('applies every page and stores the cursor of the last one', async () => {
    const a = notif('a');
    const b = notif('b');
    const pages: PullPage[] = [
      { notifications: [{ notification: a }], elements: [{ iun: a.iun, element: { elementId: 'E1', category: 'REQUEST_ACCEPTED', at: '2026-03-01T10:05:00+01:00' } }], cursor: 'c1', hasMore: true },
      { notifications: [{ notification: b }], elements: [], cursor: 'c2', hasMore: false },
    ];
    const { store, engine } = setup(fakeAdapter({ pull: async (cursor) => pages[cursor === 'c1' ? 1 : 0]! }));
    const report = await engine.runNow();
    expect(report.pull?.pages).toBe(2);
    expect(store.cursors.get('fake')).toBe('c2');
    expect([...store.notifications.keys()].sort()).toEqual([a.iun, b.iun].sort());
  });

  it('counts the rounds that stored something in status().changes (screens re-read when it grows)', async () => {
    const a = notif('a');
    const b = notif('b');
    let page: PullPage = { notifications: [{ notification: a }], elements: [], cursor: 'c1', hasMore: false };
    const { store, engine } = setup(fakeAdapter({ pull: async () => page }));
    expect((await engine.status()).changes).toBe(0);
    await engine.runNow();
    expect((await engine.status()).changes).toBe(1);
    // The same page again stores nothing: no change.
    await engine.runNow();
    expect((await engine.status()).changes).toBe(1);
    // A page that stores an element of a known notification is a change.
    page = { notifications: [], elements: [{ iun: a.iun, element: { elementId: 'E1', category: 'REQUEST_ACCEPTED', at: '2026-03-01T10:05:00+01:00' } }], cursor: 'c2', hasMore: false };
    await engine.runNow();
    expect((await engine.status()).changes).toBe(2);
    // A page stored before a later page failed still counts.
    page = { notifications: [{ notification: b }], elements: [], cursor: 'c3', hasMore: false };
    store.failNextApply(new Error('disk full'));
    expect((await engine.runNow()).error).not.toBeNull();
    expect((await engine.status()).changes).toBe(2);
    // Next round: the acknowledged push is a change (its answer may update local data), and so is
    // the page that failed, stored this time.
    await store.enqueue(item('op-1'));
    await engine.runNow();
    expect((await engine.status()).changes).toBe(4);
  });

  it('counts a push round that failed an item as a change (the office detail says the request has not reached SEND)', async () => {
    let fail = true;
    const { store, engine, clock } = setup(fakeAdapter({ push: async () => { if (fail) throw new SyncError('SYNC_PEER_UNAVAILABLE', { peer: 'X', status: 503 }); return { status: 'applied' }; } }));
    await store.enqueue(item('op-1'));
    await engine.runNow();
    expect(store.items()[0]!.attempts).toBe(1);
    expect((await engine.status()).changes).toBe(1);
    // Nothing due: no push, no change.
    await engine.runNow();
    expect((await engine.status()).changes).toBe(1);
    fail = false;
    clock.advance(3_600_000);
    await engine.runNow();
    expect(store.items()[0]!.state).toBe('done');
    expect((await engine.status()).changes).toBe(2);
  });

  it('keeps the cursor and applies nothing of a page the store failed to write', async () => {
    const a = notif('a');
    const { store, engine } = setup(fakeAdapter({ pull: async () => ({ notifications: [{ notification: a }], elements: [], cursor: 'c1', hasMore: false }) }));
    store.failNextApply(new Error('disk full'));
    const report = await engine.runNow();
    expect(report.error).not.toBeNull();
    expect(store.cursors.has('fake')).toBe(false);
    expect(store.notifications.size).toBe(0);
  });

  it('does not apply a page after the one that failed, and resumes from the last stored cursor', async () => {
    let failSecond = true;
    const { adapter, seen } = twoPagePeer(notif('a'), undefined, () => failSecond);
    const { store, engine } = setup(adapter);
    const first = await engine.runNow();
    expect(first.error?.code).toBe('SYNC_PEER_GARBAGE');
    expect(store.cursors.get('fake')).toBe('c1');
    failSecond = false;
    await engine.runNow();
    expect(seen).toEqual([undefined, 'c1', 'c1']);
    expect(store.cursors.get('fake')).toBe('c2');
  });

  it('asks for the next page while the current one is being written, with the cursor after it', async () => {
    const ns = ['a', 'b', 'c'].map(notif);
    const events: string[] = [];
    const adapter = fakeAdapter({
      pull: async (cursor) => {
        const k = cursor === undefined ? 0 : Number(cursor.slice(1));
        events.push(`pull ${cursor ?? '-'}`);
        return { notifications: [{ notification: ns[k]! }], elements: [], cursor: `c${k + 1}`, hasMore: k < 2 };
      },
    });
    const clock = createManualClock(T0);
    const inner = createMemorySyncStore();
    const store = {
      ...inner,
      applyPage: async (...[stream, page, at, hooks]: Parameters<typeof inner.applyPage>) => {
        const r = await inner.applyPage(stream, page, at, { writing: () => (events.push(`writing ${page.cursor}`), hooks?.writing?.()) });
        await new Promise((resolve) => setTimeout(resolve, 5));
        events.push(`applied ${page.cursor}`);
        return r;
      },
    };
    const engine = createSyncEngine({ adapter, store, now: clock.now, random: () => 0, scheduler: clock, pullIntervalMs: 60_000 });
    const report = await engine.runNow();
    expect(report.pull?.pages).toBe(3);
    // Each next page is asked for during the write of the one before it, never before its write.
    expect(events).toEqual(['pull -', 'writing c1', 'pull c1', 'applied c1', 'writing c2', 'pull c2', 'applied c2', 'writing c3', 'applied c3']);
    expect(inner.cursors.get('fake')).toBe('c3');
    expect([...inner.notifications.keys()].sort()).toEqual(ns.map((n) => n.iun).sort());
  });

  it('drops the page asked for ahead when the current page fails to write (a failed read-ahead is not an unhandled rejection)', async () => {
    let peerDown = true;
    const { adapter, seen } = twoPagePeer(notif('a'), notif('b'), () => peerDown);
    const { store, engine } = setup(adapter);
    store.failNextApply(new Error('disk full'));
    const first = await engine.runNow();
    expect(first.error).not.toBeNull();
    expect(seen).toEqual([undefined, 'c1']);
    expect(store.cursors.has('fake')).toBe(false);
    expect(store.notifications.size).toBe(0);
    peerDown = false;
    await engine.runNow();
    expect(seen).toEqual([undefined, 'c1', undefined, 'c1']);
    expect(store.cursors.get('fake')).toBe('c2');
    expect(store.notifications.size).toBe(2);
  });

  it('does not ask for a page beyond maxPagesPerPull', async () => {
    const seen: (string | undefined)[] = [];
    const adapter = fakeAdapter({
      pull: async (cursor) => {
        seen.push(cursor);
        const k = cursor === undefined ? 0 : Number(cursor.slice(1));
        return { notifications: [{ notification: notif(`n${k}`) }], elements: [], cursor: `c${k + 1}`, hasMore: true };
      },
    });
    const { engine } = setup(adapter, { maxPagesPerPull: 2 });
    const report = await engine.runNow();
    expect(report.pull).toMatchObject({ pages: 2, hasMore: true });
    expect(seen).toEqual([undefined, 'c1']);
  });

  it('refuses a page with an IUN that does not match SEND\'s format, changing nothing', async () => {
    const a = { ...notif('a'), iun: 'NOT-AN-IUN' };
    const { store, engine } = setup(fakeAdapter({ pull: async () => ({ notifications: [{ notification: a }], elements: [], cursor: 'c1', hasMore: false }) }));
    const report = await engine.runNow();
    expect(report.error?.code).toBe('SYNC_IUN_INVALID_FORMAT');
    expect(store.notifications.size).toBe(0);
    expect(store.cursors.has('fake')).toBe(false);
  });

  it('accepts an IUN from SEND whose check character does not verify (DOMAIN.md 14)', async () => {
    const good = notif('a');
    const wrongCheck = good.iun.slice(0, 22) + (good.iun[22] === 'A' ? 'D' : 'A') + good.iun.slice(23);
    const a = { ...good, iun: wrongCheck };
    const warnings: string[] = [];
    const logger = { info: () => undefined, error: () => undefined, warn: (_m: string, f?: Record<string, unknown>) => void warnings.push(String(f?.code)) };
    const { store, engine } = setup(fakeAdapter({ pull: async () => ({ notifications: [{ notification: a }], elements: [], cursor: 'c1', hasMore: false }) }), { logger });
    await engine.runNow();
    expect(store.notifications.has(wrongCheck)).toBe(true);
    expect(warnings).toContain('IUN_CHECK_CHAR_UNVERIFIED');
  });

  it('fetches the header of a notification met only through its elements', async () => {
    const a = notif('a');
    const element = { iun: a.iun, element: { elementId: 'E1', category: 'REQUEST_ACCEPTED', at: '2026-03-01T10:05:00+01:00' } };
    const adapter = fakeAdapter({
      capabilities: () => ({ pull: true, push: [], fetch: true, offline: false }),
      pull: async () => ({ notifications: [], elements: [element], cursor: 'c1', hasMore: false }),
      fetchNotifications: async () => ({ notifications: [{ notification: a }], elements: [] }),
    });
    const { store, engine } = setup(adapter);
    await engine.runNow();
    expect(store.timelines.get(a.iun)?.has('E1')).toBe(true);
  });

  it('refuses elements of an unknown notification when the adapter cannot fetch it', async () => {
    const a = notif('a');
    const element = { iun: a.iun, element: { elementId: 'E1', category: 'REQUEST_ACCEPTED', at: '2026-03-01T10:05:00+01:00' } };
    const { store, engine } = setup(fakeAdapter({ pull: async () => ({ notifications: [], elements: [element], cursor: 'c1', hasMore: false }) }));
    const report = await engine.runNow();
    expect(report.error?.code).toBe('SYNC_UNKNOWN_NOTIFICATION');
    expect(store.cursors.has('fake')).toBe(false);
  });

  it('reports progress page by page during a large pull', async () => {
    const events: (number | undefined)[] = [];
    const adapter = fakeAdapter({ pull: async (c) => ({ notifications: [], elements: [], cursor: String(Number(c ?? 0) + 1), hasMore: Number(c ?? 0) < 2, progress: { done: Number(c ?? 0) + 1, total: 3 } }) });
    const { engine } = setup(adapter);
    engine.onProgress((p) => events.push(p.done));
    await engine.runNow();
    expect(events).toEqual([undefined, 1, 2, 3]);
  });
});

describe('sync engine: schedule and status', () => {
  it('runs a first cycle at start, then the next pull after the interval', async () => {
    let pulls = 0;
    const { engine, clock } = setup(fakeAdapter({ pull: async (c) => (pulls++, { notifications: [], elements: [], cursor: c ?? '', hasMore: false }) }));
    engine.start();
    clock.advance(0);
    await new Promise((r) => setTimeout(r, 5));
    expect(pulls).toBe(1);
    expect(clock.pending()).toEqual([60_000]);
    clock.advance(60_000);
    await new Promise((r) => setTimeout(r, 5));
    expect(pulls).toBe(2);
    await engine.stop();
    expect(clock.pending()).toEqual([]);
  });

  it('shows pending, failing and the next attempt in the status', async () => {
    const adapter = fakeAdapter({ push: async () => { throw new SyncError('SYNC_PEER_TIMEOUT', { peer: 'X', timeoutMs: 1 }); } });
    const { store, engine } = setup(adapter);
    await store.enqueue(item('op-1'));
    engine.start();
    await engine.runNow();
    const s = await engine.status();
    expect(s.pending).toBe(1);
    expect(s.failing).toBe(1);
    expect(s.lastError?.code).toBe('SYNC_PEER_TIMEOUT');
    expect(Date.parse(s.nextAttemptAt!)).toBe(store.items()[0]!.nextAttemptMs);
    await engine.stop();
  });

  it('keeps the last success across a restart: a desk opened offline says how old its data is', async () => {
    const { store, engine, clock } = setup(fakeAdapter());
    expect((await engine.status()).lastSuccessAt).toBeNull();
    await engine.runNow();
    expect((await engine.status()).lastSuccessAt).toBe(new Date(T0).toISOString());
    // The host restarts the next morning with the network down: the first status already says when
    // SEND was last in step, and a failing round does not erase it.
    clock.advance(15 * 3_600_000);
    const offline = fakeAdapter({ pull: async () => { throw new SyncError('SYNC_PEER_UNREACHABLE', { peer: 'X' }); } });
    const restarted = createSyncEngine({ adapter: offline, store, now: clock.now, random: () => 0, scheduler: clock });
    expect((await restarted.status()).lastSuccessAt).toBe(new Date(T0).toISOString());
    expect((await restarted.runNow()).error?.code).toBe('SYNC_PEER_UNREACHABLE');
    const s = await restarted.status();
    expect(s.lastSuccessAt).toBe(new Date(T0).toISOString());
    expect(s.lastError?.code).toBe('SYNC_PEER_UNREACHABLE');
    // Another adapter (another stream) has its own: never, until it succeeds.
    const other = createSyncEngine({ adapter: fakeAdapter({ name: 'other', stream: 'other' }), store, now: clock.now, random: () => 0, scheduler: clock });
    expect((await other.status()).lastSuccessAt).toBeNull();
  });

  it('still succeeds when the last success cannot be stored (only the figure after a restart is older)', async () => {
    const { store, engine } = setup(fakeAdapter());
    store.setLastSuccess = async () => { throw new Error('disk full'); };
    const r = await engine.runNow();
    expect(r.error).toBeNull();
    expect((await engine.status()).lastSuccessAt).toBe(new Date(T0).toISOString());
  });
});
