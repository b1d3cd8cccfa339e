// A notification created at this sender office waits IN_VALIDATION under its local IUN until SEND
// answers its request. When SEND refuses it (request status REFUSED with `errors`; the stream names
// only the notificationRequestId), the local notification gets SEND's own REQUEST_REFUSED element
// (DOMAIN.md 5 row 4) with the reasons, so the core derives REFUSED (DOMAIN.md 4.2) and the sender's
// detail shows why. Through the send-b2b adapter, a real HTTP SEND peer (and a proxy breaking some
// requests) over a real SQLite store.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Iun } from '../../core/index.js';
import type { Store } from '../../db/store.js';
import { createSendB2bAdapter } from '../../electron/adapters/send-b2b/adapter.js';
import { newNotificationSchema } from '../../electron/api/contract/sender-schemas.js';
import { senderHandlers } from '../../electron/api/handlers/sender.js';
import type { HostContext } from '../../electron/api/host-context.js';
import { createNotification } from '../../electron/sender/new-notification.js';
import { seededRandom } from '../../electron/sync/backoff.js';
import { createSyncEngine, type SyncEngine } from '../../electron/sync/engine.js';
import { blobReaderOf } from '../../electron/sync/index.js';
import { createManualClock, type ManualClock } from '../../electron/sync/manual-scheduler.js';
import { createStoreSyncStore } from '../../electron/sync/store-sync-store.js';
import type { SyncStore } from '../../electron/sync/types.js';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy.js';
import { startSendPeer, type SendPeer } from '../support/peer-send.js';
import { tempStoreDir, type TempStoreDir } from '../support/store-temp.js';

const T0 = Date.parse('2026-03-10T08:00:00Z');
const POLICY = { baseMs: 50, maxMs: 400, maxAttempts: 60 };
const SENDER = '01199250158';
const ERRORS = [
  { code: 'FILE_SHA_ERROR', detail: 'sha256 of document 0 does not match' },
  { code: 'TAXID_NOT_VALID', detail: 'taxId of recipient 0 is not valid' },
];

interface Rig {
  peer: SendPeer;
  proxy: FaultProxy;
  store: Store;
  syncStore: SyncStore;
  clock: ManualClock;
  engine: SyncEngine;
}

let dir: TempStoreDir;
beforeAll(() => {
  dir = tempStoreDir('radd-sync-refused-');
});
afterAll(() => dir.remove());

async function rig(name: string, opts: { rate: number; eventsCarryRequestId: boolean }): Promise<Rig> {
  const peer = await startSendPeer({ pageSize: 7, now: () => T0 });
  peer.eventsCarryRequestId = opts.eventsCarryRequestId;
  const proxy = await startFaultProxy({ target: peer.url, rate: opts.rate, seed: 23 });
  peer.uploadBase = proxy.url;
  const store = await dir.open(name);
  const clock = createManualClock(T0);
  const syncStore = createStoreSyncStore(store);
  const adapter = createSendB2bAdapter({ baseUrl: proxy.url, apiKey: peer.apiKey, streamId: peer.streamId, timeoutMs: 1500, uploadTimeoutMs: 1500, now: clock.now, readBlob: blobReaderOf(store) });
  const engine = createSyncEngine({ adapter, store: syncStore, now: clock.now, random: seededRandom(5), scheduler: clock, policy: POLICY, pageSize: 50 });
  return { peer, proxy, store, syncStore, clock, engine };
}

async function dispose(r: Rig): Promise<void> {
  await r.engine.stop();
  await r.proxy.close();
  await r.peer.close();
  await r.store.close();
}

async function drain(r: Rig): Promise<void> {
  for (let round = 1; round <= 400; round++) {
    const report = await r.engine.runNow();
    const status = await r.engine.status();
    if (status.pending === 0 && report.error === null && !report.pull?.hasMore && (await r.syncStore.getCursor(`send-b2b:${r.peer.streamId}`)) === r.peer.lastEventId()) return;
    r.clock.advance(POLICY.maxMs);
  }
  throw new Error('sync did not converge');
}

/** A notification from the sender form (electron/sender/new-notification.ts), its act stored here. */
async function create(r: Rig, protocol: string): Promise<string> {
  const pdf = Buffer.from(`%PDF-1.4\n% verbale ${protocol}\n%%EOF\n`);
  await r.store.files.put(pdf);
  const input = newNotificationSchema.parse({
    paProtocolNumber: protocol, subject: `Verbale ${protocol}`, senderDenomination: 'Comune di Milano', senderTaxId: SENDER, taxonomyCode: '010202N',
    physicalCommunicationType: 'REGISTERED_LETTER_890',
    recipients: [{ recipientType: 'PF', taxId: 'RSSMRA85T10A562S', denomination: 'Mario Rossi', physicalAddress: { address: 'Via Roma 1', zip: '20121', municipality: 'Milano', province: 'MI' } }],
    documents: [{ title: 'Verbale', sha256Base64: createHash('sha256').update(pdf).digest('base64') }],
  });
  const created = await r.store.transaction((tx) => createNotification({ ...tx, files: r.store.files }, input, { scope: undefined, nowMs: r.clock.now() }));
  return created.iun;
}

const expectedReasons = ERRORS.map((e) => ({ errorCode: e.code, detail: e.detail }));

async function expectRefused(r: Rig, iun: string): Promise<void> {
  expect(await r.store.notifications.statusOf(iun)).toBe('REFUSED');
  const refused = (await r.store.timeline.listByIun(iun)).filter((e) => e.category === 'REQUEST_REFUSED');
  expect(refused.map((e) => e.elementId)).toEqual([`REQUEST_REFUSED.IUN_${iun}`]);
  expect(refused[0]!.details.refusalReasons).toEqual(expectedReasons);
  const link = await r.store.senderRequests.get(iun);
  expect([link?.sendRequestStatus, link?.sendIun]).toEqual(['REFUSED', undefined]);
}

describe('send-b2b: a request SEND refused', () => {
  it('makes the local notification REFUSED with SEND\'s reasons, once, and the sender detail shows them', async () => {
    const r = await rig('refused', { rate: 0.3, eventsCarryRequestId: true });
    try {
      r.peer.refusals.set('PG/2026/009', ERRORS);
      const refused = await create(r, 'PG/2026/009');
      const accepted = await create(r, 'PG/2026/008');
      expect(await r.store.notifications.statusOf(refused)).toBe('IN_VALIDATION');
      await drain(r);
      await expectRefused(r, refused);
      expect(await r.store.notifications.statusOf(accepted)).toBe('ACCEPTED');
      expect(await r.store.notifications.count()).toBe(2);
      expect(r.peer.invalidAnswers).toBe(0);

      // SEND's answer again (a later status read, the stream event repeated): nothing changes.
      const before = await r.store.timeline.listByIun(refused);
      const sent = r.peer.requestOf(refused)!;
      const again = { notificationRequestId: sent.notificationRequestId, status: 'REFUSED', request: { senderTaxId: SENDER, paProtocolNumber: 'PG/2026/009', idempotenceToken: refused } };
      await r.syncStore.links!.record([{ ...again, refusal: { at: new Date(T0 + 3_600_000).toISOString(), reasons: [{ errorCode: 'OTHER', detail: 'other' }] } }]);
      await r.syncStore.links!.recordPushed({ kind: 'send.newNotification', idempotencyKey: refused }, { ...again, refusal: { at: new Date(T0 + 7_200_000).toISOString(), reasons: [] } });
      await drain(r);
      expect(await r.store.timeline.listByIun(refused)).toEqual(before);
      await expectRefused(r, refused);

      const ctx = { store: r.store, clock: { now: () => new Date(r.clock.now()) } } as unknown as HostContext;
      const detail = await senderHandlers['sender.detail']({ iun: refused as Iun }, ctx, { roles: ['sender'], locale: 'it' });
      expect(detail.status).toBe('REFUSED');
      const row = detail.timeline.find((e) => e.category === 'REQUEST_REFUSED');
      for (const e of ERRORS) expect(row?.description?.it).toContain(e.detail);
      expect(detail.statusExplanation.length).toBeGreaterThan(0);
    } finally {
      await dispose(r);
    }
  }, 120_000);

  it('learns the refusal from the request status when the stream does not name the request', async () => {
    const r = await rig('refused-status', { rate: 0, eventsCarryRequestId: false });
    try {
      r.peer.refusals.set('PG/2026/010', ERRORS);
      const refused = await create(r, 'PG/2026/010');
      await drain(r);
      await drain(r);
      await expectRefused(r, refused);
      expect(await r.store.notifications.count()).toBe(1);
    } finally {
      await dispose(r);
    }
  });
});
