// The demo adapter (default) with the engine over a real SQLite store: the simulated SEND makes
// notifications progress while the app runs, a desk view pushed to it comes back once, and what
// was pushed to it survives a restart (kept in the settings table).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationStatus } from '../../core/index.js';
import type { Store } from '../../db/store.js';
import { createDemoAdapter } from '../../electron/adapters/demo/adapter.js';
import { settingsDemoState } from '../../electron/adapters/demo/state.js';
import { newNotificationSchema } from '../../electron/api/contract/sender-schemas.js';
import { cancelNotification } from '../../electron/sender/cancel.js';
import { createNotification } from '../../electron/sender/new-notification.js';
import { createSyncEngine } from '../../electron/sync/engine.js';
import { createManualClock } from '../../electron/sync/manual-scheduler.js';
import { createStoreSyncStore, outboxWriterOf } from '../../electron/sync/store-sync-store.js';
import { tempStoreDir, type TempStoreDir } from '../support/store-temp.js';
import { pdfText, squash } from './documents-support.js';

const T0 = Date.parse('2026-03-10T08:00:00Z');
const MIN = 60_000;

let dir: TempStoreDir;
beforeAll(() => {
  dir = tempStoreDir('radd-sync-demo-');
});
afterAll(() => dir.remove());

async function rig(name: string, backlog = 10, depositEveryMs = 5 * MIN) {
  const store = await dir.open(name);
  const clock = createManualClock(T0);
  const adapter = createDemoAdapter({ now: clock.now, seed: 3, backlog, backlogDays: 40, depositEveryMs });
  const engine = createSyncEngine({ adapter, store: createStoreSyncStore(store), now: clock.now, random: () => 0.5, scheduler: clock, pullIntervalMs: MIN });
  return { store, clock, adapter, engine };
}

describe('demo adapter over the real store', () => {
  it('moves a new deposit through ACCEPTED, DELIVERING, DELIVERED and then refines it, as time passes', async () => {
    // One deposit every 6 hours keeps the week of simulated time small.
    const r = await rig('progress', 2, 6 * 60 * MIN);
    try {
      await r.engine.runNow();
      r.clock.advance(6 * 60 * MIN - 3 * MIN);
      const seen: NotificationStatus[] = [];
      let iun: string | undefined;
      for (let step = 0; step < 100; step++) {
        // Minutes while the PEC goes out, then days until the term lapses (DOMAIN.md 8.1).
        r.clock.advance(seen.includes('DELIVERED') ? 24 * 60 * MIN : 3 * MIN);
        const report = await r.engine.runNow();
        expect(report.error).toBeNull();
        if (!iun) {
          const first = r.adapter.world()!.entriesUntil(r.clock.now()).find((e) => e.key.endsWith(':l0'));
          iun = first?.load().notification.iun;
        }
        const status = iun ? await r.store.notifications.statusOf(iun) : undefined;
        if (status && seen[seen.length - 1] !== status) seen.push(status);
        if (status === 'EFFECTIVE_DATE' || status === 'VIEWED') break;
      }
      // Deposited after the first pull (live deposit l0), so the desk saw it from the start.
      expect(seen.slice(0, 4)).toEqual(['IN_VALIDATION', 'ACCEPTED', 'DELIVERING', 'DELIVERED']);
      expect(seen[seen.length - 1]).toBe('EFFECTIVE_DATE');
    } finally {
      await r.engine.stop();
      await r.store.close();
    }
  });

  it('brings back a completed desk view once, as NOTIFICATION_VIEWED of that recipient', async () => {
    const r = await rig('view');
    try {
      await r.engine.runNow();
      const entry = r.adapter.world()!.entriesUntil(r.clock.now()).map((e) => e.load()).find((c) => c.timeline.some((e) => e.category === 'REQUEST_ACCEPTED') && !c.timeline.some((e) => e.category === 'REQUEST_REFUSED' || e.category === 'NOTIFICATION_CANCELLED' || e.category === 'NOTIFICATION_VIEWED'))!;
      const n = entry.notification;
      const operationId = 'c7a4f0de-1111-4a4a-9a9a-000000000001';
      const at = new Date(r.clock.now()).toISOString();
      await r.store.transaction(async (tx) => {
        const out = outboxWriterOf(tx);
        await out.enqueue({ kind: 'radd.startTransaction', idempotencyKey: operationId, createdAt: at, payload: { operationType: 'ACT', operationId, recipientTaxId: n.recipients[0]!.taxId, recipientType: n.recipients[0]!.recipientType, iun: n.iun, operationDate: at } });
        await out.enqueue({ kind: 'radd.completeTransaction', idempotencyKey: operationId, createdAt: at, payload: { operationType: 'ACT', operationId, operationDate: at } });
      });
      await r.engine.runNow();
      r.clock.advance(MIN);
      await r.engine.runNow();
      r.clock.advance(MIN);
      await r.engine.runNow();
      const views = (await r.store.timeline.listByIun(n.iun)).filter((e) => e.category === 'NOTIFICATION_VIEWED');
      expect(views.map((e) => [e.elementId, e.details.raddTransactionId])).toEqual([[`NOTIFICATION_VIEWED.IUN_${n.iun}.RECINDEX_0`, operationId]]);
      expect(await r.store.notifications.statusOf(n.iun)).toBe('VIEWED');
      expect((await r.engine.status()).pending).toBe(0);
    } finally {
      await r.engine.stop();
      await r.store.close();
    }
  });

  it('brings a desk cancellation back from the simulated SEND once, without duplicating the desk\'s two elements', async () => {
    const r = await rig('cancel');
    try {
      await r.engine.runNow();
      let iun: string | undefined;
      for (const e of r.adapter.world()!.entriesUntil(r.clock.now())) {
        const candidate = e.load().notification.iun;
        try {
          await r.store.transaction((tx) => cancelNotification(tx, candidate, { scope: undefined, nowMs: r.clock.now(), locale: 'it' }));
          iun = candidate;
          break;
        } catch {
          // not cancellable in its current status: try the next one
        }
      }
      expect(iun).toBeDefined();
      const before = (await r.store.timeline.listByIun(iun!)).length;
      await r.engine.runNow();
      r.clock.advance(MIN);
      const report = await r.engine.runNow();
      expect(report.error).toBeNull();
      const ids = (await r.store.timeline.listByIun(iun!)).map((e) => e.elementId);
      expect(ids).toHaveLength(before);
      expect(ids.filter((id) => id.startsWith('NOTIFICATION_CANCEL')).sort()).toEqual([`NOTIFICATION_CANCELLATION_REQUEST.IUN_${iun}`, `NOTIFICATION_CANCELLED.IUN_${iun}`]);
      expect(await r.store.notifications.statusOf(iun!)).toBe('CANCELLED');
      const status = await r.engine.status();
      expect([status.pending, status.parked, status.localOnly]).toEqual([0, 0, 0]);
      expect(r.adapter.world()!.visibleElements(iun!, r.clock.now()).filter((e) => e.category === 'NOTIFICATION_CANCELLED')).toHaveLength(1);
    } finally {
      await r.engine.stop();
      await r.store.close();
    }
  });
});

describe('demo adapter across a restart', () => {
  const SEED = 5;

  /** The app with the demo adapter over `name`'s store, its simulated SEND kept there when `keep`. */
  async function app(name: string, clock: ReturnType<typeof createManualClock>, keep: boolean) {
    const store = await dir.open(name);
    const adapter = createDemoAdapter({ now: clock.now, seed: SEED, backlog: 1, backlogDays: 10, depositEveryMs: 30 * 24 * 60 * MIN, ...(keep ? { state: settingsDemoState(store.settings, SEED, clock.now) } : {}) });
    const engine = createSyncEngine({ adapter, store: createStoreSyncStore(store), now: clock.now, random: () => 0.5, scheduler: clock, pullIntervalMs: MIN });
    return { store, adapter, engine, close: async () => (await engine.stop(), await store.close()) };
  }

  /** A notification from the sender form with its own idempotence token (SEND gives it another IUN). */
  async function createHere(store: Store, nowMs: number): Promise<string> {
    const pdf = Buffer.from('%PDF-1.4\n% verbale demo\n%%EOF\n');
    await store.files.put(pdf);
    const input = newNotificationSchema.parse({
      paProtocolNumber: 'PG/2026/DEMO1', idempotenceToken: 'demo-pratica-1', subject: 'Verbale', senderDenomination: 'Comune di Milano', senderTaxId: '01199250158',
      taxonomyCode: '010202N', physicalCommunicationType: 'AR_REGISTERED_LETTER',
      recipients: [{ recipientType: 'PF', taxId: 'RSSMRA85T10A562S', denomination: 'Mario Rossi', digitalDomicile: { address: 'mario.rossi@pec.example.it' }, physicalAddress: { address: 'Via Roma 1', zip: '20121', municipality: 'Milano' } }],
      documents: [{ title: 'Verbale', sha256Base64: createHash('sha256').update(pdf).digest('base64') }],
    });
    return (await store.transaction((tx) => createNotification({ ...tx, files: store.files }, input, { scope: undefined, nowMs }))).iun;
  }

  /** Runs the app until the notification leaves IN_VALIDATION; then restarts it and runs for two weeks of simulated time. */
  async function scenario(name: string, keep: boolean) {
    const clock = createManualClock(T0);
    let a = await app(name, clock, keep);
    await a.engine.runNow();
    const iun = await createHere(a.store, clock.now());
    const before: NotificationStatus[] = [];
    for (let step = 0; step < 20 && !before.includes('ACCEPTED'); step++) {
      await a.engine.runNow();
      before.push((await a.store.notifications.statusOf(iun))!);
      clock.advance(MIN);
    }
    await a.close();
    a = await app(name, clock, keep);
    const after: NotificationStatus[] = [];
    try {
      for (let step = 0; step < 60; step++) {
        clock.advance(step < 30 ? 3 * MIN : 24 * 60 * MIN);
        expect((await a.engine.runNow()).error).toBeNull();
        after.push((await a.store.notifications.statusOf(iun))!);
      }
      const link = await a.store.senderRequests.get(iun);
      const requests = a.adapter.world()?.entriesUntil(clock.now()).filter((e) => e.key.startsWith('request:')).length ?? 0;
      const sendCopy = link?.sendIun !== undefined && (await a.store.notifications.exists(link.sendIun));
      return { iun, before, after, link, requests, sendCopy };
    } finally {
      await a.close();
    }
  }

  it('keeps a pushed notification progressing from where it was after a restart, under the local IUN', async () => {
    const r = await scenario('restart-kept', true);
    expect(r.before[r.before.length - 1]).toBe('ACCEPTED');
    expect(r.after).toContain('DELIVERED');
    expect(r.after[r.after.length - 1]).toBe('EFFECTIVE_DATE');
    // The simulated SEND gave its own IUN: linked, and its copy never stored as a second notification.
    expect(r.link?.sendIun).toMatch(/^[A-Z]{4}-/);
    expect(r.link?.sendIun).not.toBe(r.iun);
    expect(r.sendCopy).toBe(false);
    expect(r.requests).toBe(1);
  });

  it('without a place to keep it, the simulated SEND forgets the pushed notification on restart (control)', async () => {
    const r = await scenario('restart-lost', false);
    expect(r.before[r.before.length - 1]).toBe('ACCEPTED');
    expect(new Set(r.after)).toEqual(new Set(['ACCEPTED']));
    expect(r.requests).toBe(0);
  });
});

describe('demo adapter: the acts of its notifications are on this computer (DOMAIN.md 10 step 4)', () => {
  /** Every document of every notification the simulated SEND deposited by now, read back from the store's files. */
  async function checkActs(store: Store, iuns: readonly string[]): Promise<number> {
    let checked = 0;
    for (const iun of iuns) {
      const record = await store.notifications.getByIun(iun);
      expect(record, iun).toBeDefined();
      expect(record!.notification.documents.length, iun).toBeGreaterThan(0);
      for (const doc of record!.notification.documents) {
        const key = Buffer.from(doc.digests.sha256, 'base64').toString('hex');
        // The file read as it lies on disk, hashed here (not by the file store that wrote it).
        const bytes = readFileSync(store.files.pathOf(key));
        expect(createHash('sha256').update(bytes).digest('base64'), `${iun} ${doc.title}`).toBe(doc.digests.sha256);
        expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        // A readable PDF naming its notification, marked as a demo document (poppler's pdftotext).
        const text = squash(await pdfText(store.files.pathOf(key)));
        expect(text).toContain(iun);
        expect(text).toContain(doc.title);
        expect(text).toContain('DOCUMENTO DIMOSTRATIVO');
        checked += 1;
      }
    }
    return checked;
  }

  it('stores each simulated act as a PDF whose SHA-256 is the digest the notification declares, for the backlog and for later deposits', async () => {
    const store = await dir.open('acts');
    const clock = createManualClock(T0);
    const adapter = createDemoAdapter({ now: clock.now, seed: 11, backlog: 6, backlogDays: 20, depositEveryMs: 10 * MIN, files: store.files });
    const engine = createSyncEngine({ adapter, store: createStoreSyncStore(store), now: clock.now, random: () => 0.5, scheduler: clock, pullIntervalMs: MIN });
    try {
      expect((await engine.runNow()).error).toBeNull();
      const backlog = adapter.world()!.entriesUntil(clock.now()).map((e) => e.load().notification.iun);
      expect(backlog).toHaveLength(6);
      expect(await checkActs(store, backlog)).toBeGreaterThanOrEqual(6);
      // Three more deposits while the app runs.
      clock.advance(30 * MIN);
      expect((await engine.runNow()).error).toBeNull();
      const live = adapter.world()!.entriesUntil(clock.now()).filter((e) => e.depositedMs > T0).map((e) => e.load().notification.iun);
      expect(live).toHaveLength(3);
      expect(await checkActs(store, live)).toBeGreaterThanOrEqual(3);
    } finally {
      await engine.stop();
      await store.close();
    }
  });

  it('gives the same act bytes, hence the same digest, after a restart (fetched again by IUN)', async () => {
    const clock = createManualClock(T0);
    const first = createDemoAdapter({ now: clock.now, seed: 12, backlog: 2, backlogDays: 5, depositEveryMs: 10 * MIN });
    await first.pull(undefined, { limit: 10 });
    const iun = first.world()!.entriesUntil(clock.now())[0]!.load().notification.iun;
    const again = createDemoAdapter({ now: clock.now, seed: 12, backlog: 2, backlogDays: 5, depositEveryMs: 10 * MIN });
    const [a, b] = [await first.fetchNotifications!([iun]), await again.fetchNotifications!([iun])];
    expect(b.notifications[0]!.notification.documents).toEqual(a.notifications[0]!.notification.documents);
    // and not the simulator's invented digest
    expect(a.notifications[0]!.notification.documents[0]!.digests.sha256).not.toBe(first.world()!.find(iun, clock.now())!.notification.documents[0]!.digests.sha256);
  });
});
