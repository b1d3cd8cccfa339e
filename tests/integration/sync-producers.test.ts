// The outbox items other areas enqueue (a postal outcome recorded through the host API, a
// cancellation by the sender) as the sync layer reads them from the real SQLite store: a kind it
// knows, a payload that matches its schema, the idempotency key the kind promises; and an adapter
// that does not carry a kind leaves that item local-only (done with a note, never parked).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedOutcomeView } from '../../electron/api/contract/postal-views.js';
import { cancelNotification } from '../../electron/sender/cancel.js';
import { parseFailureText } from '../../electron/sync/errors.js';
import { createSyncEngine } from '../../electron/sync/engine.js';
import { createManualClock } from '../../electron/sync/manual-scheduler.js';
import { parseOutboxPayload } from '../../electron/sync/outbox-payloads.js';
import { createStoreSyncStore } from '../../electron/sync/store-sync-store.js';
import { isOutboxKind, type OutboxItem, type SyncAdapter } from '../../electron/sync/types.js';
import { NOW_MS, romeLocal, startPostalHost, type PostalHost } from './postal-support.js';

let h: PostalHost;
let cancelledIun: string;
beforeAll(async () => {
  h = await startPostalHost();
  await h.ok<RecordedOutcomeView>('postal.recordOutcome', { code: h.cases.sent890.itemCode, outcome: { kind: 'DELIVERED_TO_RECIPIENT', at: romeLocal(NOW_MS - 3_600_000) } });
  cancelledIun = h.cases.sentAr.iun;
  const store = h.host.ctx.store;
  await store.transaction((tx) => cancelNotification(tx, cancelledIun, { scope: undefined, nowMs: NOW_MS, locale: 'it' }));
});
afterAll(async () => h?.close());

const due = () => createStoreSyncStore(h.host.ctx.store).claimDue(Number.MAX_SAFE_INTEGER, 100);

describe('outbox items of the postal and sender areas, read by the sync layer', () => {
  it('reads each item with a known kind and a payload matching that kind\'s schema', async () => {
    const items = await due();
    expect(items.map((i) => i.kind).sort()).toEqual(['postal.recordOutcome', 'send.cancelNotification']);
    for (const i of items) {
      expect(isOutboxKind(i.kind), i.kind).toBe(true);
      expect(() => parseOutboxPayload(i), i.kind).not.toThrow();
    }
  });

  it('keys a cancellation by its IUN and a postal outcome by IUN and first elementId', async () => {
    const items = await due();
    const cancel = items.find((i) => i.kind === 'send.cancelNotification')!;
    expect(cancel.idempotencyKey).toBe(cancelledIun);
    expect(cancel.payload).toEqual({ iun: cancelledIun });
    const postal = items.find((i) => i.kind === 'postal.recordOutcome')! as OutboxItem & { kind: 'postal.recordOutcome' };
    const p = parseOutboxPayload(postal);
    const stored = (await h.host.ctx.store.timeline.listByIun(p.iun)).map((e) => e.elementId);
    const [iun, elementId] = [postal.idempotencyKey.slice(0, p.iun.length), postal.idempotencyKey.slice(p.iun.length + 1)];
    expect(iun).toBe(h.cases.sent890.iun);
    expect(stored).toContain(elementId);
  });

  it('pushes what the adapter carries and marks the rest done as local-only, with a note, never parked', async () => {
    const pushed: string[] = [];
    const adapter: SyncAdapter = {
      name: 'sender-only', stream: 'sender-only',
      capabilities: () => ({ pull: false, push: ['send.newNotification', 'send.cancelNotification'], fetch: false, offline: false }),
      health: async () => ({ ok: true, checkedAt: new Date(NOW_MS).toISOString() }),
      pull: async (c) => ({ notifications: [], elements: [], cursor: c ?? '', hasMore: false }),
      push: async (i) => (pushed.push(i.kind), { status: 'applied' }),
    };
    const clock = createManualClock(NOW_MS);
    const engine = createSyncEngine({ adapter, store: createStoreSyncStore(h.host.ctx.store), now: clock.now, random: () => 0, scheduler: clock });
    const postal = (await due()).find((i) => i.kind === 'postal.recordOutcome')!;
    await engine.runNow();
    await engine.runNow();
    expect(pushed).toEqual(['send.cancelNotification']);
    const status = await engine.status();
    expect([status.pending, status.parked, status.localOnly]).toEqual([0, 0, 1]);
    const row = await h.host.ctx.store.outbox.get(postal.id);
    expect(row?.sentAt).toBeDefined();
    expect(parseFailureText(row?.lastError)?.code).toBe('SYNC_LOCAL_ONLY');
  });
});
