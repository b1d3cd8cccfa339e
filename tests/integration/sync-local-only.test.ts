// The local-only count of the sync status (items an adapter does not carry, marked done with a
// note) comes from the outbox table: it survives a restart, and rows written before the
// `local_only` column are recognised by their SYNC_LOCAL_ONLY note.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as linksMigration from '../../db/migrations/2026-11-26-1800-add-sender-request-links.js';
import type { Store } from '../../db/store.js';
import { createSyncEngine } from '../../electron/sync/engine.js';
import { failureText } from '../../electron/sync/errors.js';
import { createManualClock } from '../../electron/sync/manual-scheduler.js';
import { createStoreSyncStore } from '../../electron/sync/store-sync-store.js';
import type { SyncAdapter } from '../../electron/sync/types.js';
import { tempStoreDir, type TempStoreDir } from '../support/store-temp.js';

const T0 = Date.parse('2026-03-10T08:00:00Z');
const at = new Date(T0).toISOString();

let dir: TempStoreDir;
beforeAll(() => {
  dir = tempStoreDir('radd-sync-local-only-');
});
afterAll(() => dir.remove());

/** An adapter that carries RADD operations only (as the radd adapter). */
const raddOnly: SyncAdapter = {
  name: 'radd-only', stream: 'radd-only',
  capabilities: () => ({ pull: false, push: ['radd.completeTransaction'], fetch: false, offline: false }),
  health: async () => ({ ok: true, checkedAt: at }),
  pull: async (c) => ({ notifications: [], elements: [], cursor: c ?? '', hasMore: false }),
  push: async () => ({ status: 'applied' }),
};

const engineOver = (store: Store) => {
  const clock = createManualClock(T0);
  return createSyncEngine({ adapter: raddOnly, store: createStoreSyncStore(store), now: clock.now, random: () => 0, scheduler: clock });
};

describe('local-only items counted from the outbox', () => {
  it('keeps the count across a restart, without counting an attempt on the items', async () => {
    let store = await dir.open('restart');
    const syncStore = createStoreSyncStore(store);
    await syncStore.enqueue({ kind: 'postal.recordOutcome', idempotencyKey: 'IUN:E1', payload: {}, createdAt: at });
    await syncStore.enqueue({ kind: 'send.cancelNotification', idempotencyKey: 'IUN', payload: {}, createdAt: at });
    await syncStore.enqueue({ kind: 'radd.completeTransaction', idempotencyKey: 'op-1', payload: {}, createdAt: at });
    await engineOver(store).runNow();
    const rows = await Promise.all([1, 2, 3].map((id) => store.outbox.get(id)));
    expect(rows.map((m) => [m?.kind, m?.localOnly ?? false, m?.attempts, m?.sentAt !== undefined])).toEqual([
      ['postal.recordOutcome', true, 0, true], ['send.cancelNotification', true, 0, true], ['radd.completeTransaction', false, 0, true],
    ]);
    await store.close();

    store = await dir.open('restart');
    try {
      // A new engine (the app restarted) that has not run yet.
      const status = await engineOver(store).status();
      expect([status.localOnly, status.pending, status.parked]).toEqual([2, 0, 0]);
    } finally {
      await store.close();
    }
  });

  it('counts the items an older version kept local-only, recognised by their note', async () => {
    const store = await dir.open('backfill');
    try {
      await linksMigration.down(store.knex);
      const note = failureText({ code: 'SYNC_LOCAL_ONLY', params: { adapter: 'radd', kind: 'postal.recordOutcome' }, transient: false });
      const other = failureText({ code: 'SYNC_PEER_TIMEOUT', params: { peer: 'RADD', timeoutMs: 1 }, transient: true });
      await store.knex('outbox').insert([
        { kind: 'postal.recordOutcome', dedupe_key: 'postal.recordOutcome:a', payload: '{}', created_at: at, attempts: 1, due_ms: null, sent_at: at, last_error: note },
        { kind: 'radd.completeTransaction', dedupe_key: 'radd.completeTransaction:b', payload: '{}', created_at: at, attempts: 1, due_ms: null, sent_at: at, last_error: other },
        { kind: 'radd.completeTransaction', dedupe_key: 'radd.completeTransaction:c', payload: '{}', created_at: at, attempts: 1, due_ms: T0, sent_at: null, last_error: other },
      ]);
      await linksMigration.up(store.knex);
      expect(await store.outbox.localOnlyCount()).toBe(1);
      expect((await engineOver(store).status()).localOnly).toBe(1);
    } finally {
      await store.close();
    }
  });
});
