// The radd adapter against a real HTTP RADD peer, through a proxy that breaks 30 % of the requests
// (the presigned upload included), with the engine over a real SQLite store: each operation's
// upload, start and complete/abort applied exactly once, with the identity-evidence zip of
// DOMAIN.md 10.1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../db/store.js';
import { createRaddAdapter } from '../../electron/adapters/radd/adapter.js';
import type { RaddStartPayload } from '../../electron/adapters/radd/payloads.js';
import { seededRandom } from '../../electron/sync/backoff.js';
import { createSyncEngine, type SyncEngine } from '../../electron/sync/engine.js';
import { createManualClock, type ManualClock } from '../../electron/sync/manual-scheduler.js';
import { createStoreSyncStore, outboxWriterOf } from '../../electron/sync/store-sync-store.js';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy.js';
import { startRaddPeer, type RaddPeer } from '../support/peer-radd.js';
import { tempStoreDir, type TempStoreDir } from '../support/store-temp.js';

const T0 = Date.parse('2026-03-10T08:00:00Z');
const POLICY = { baseMs: 50, maxMs: 400, maxAttempts: 60 };
const doc = { docType: 'CARTA_IDENTITA', docNumber: 'CA12345AB', docIssuer: 'Comune di Roma', issueDate: '2023-11-20', expireDate: '2033-11-20' };
const blobs: Record<string, Buffer> = { delega: Buffer.from('%PDF delega'), visura: Buffer.from('%PDF visura'), auto: Buffer.from('%PDF autodichiarazione') };

interface Rig { peer: RaddPeer; proxy: FaultProxy; store: Store; clock: ManualClock; engine: SyncEngine }

let dir: TempStoreDir;
beforeAll(() => {
  dir = tempStoreDir('radd-sync-radd-');
});
afterAll(() => dir.remove());

async function rig(name: string, rate: number): Promise<Rig> {
  const peer = await startRaddPeer();
  const proxy = await startFaultProxy({ target: peer.url, rate, seed: 23 });
  peer.publicUrl = proxy.url;
  const store = await dir.open(name);
  const clock = createManualClock(T0);
  const adapter = createRaddAdapter({ baseUrl: proxy.url, token: peer.token, uid: 'USR1029@UFFRO129', timeoutMs: 400, uploadTimeoutMs: 400, now: clock.now, readBlob: async (ref) => blobs[ref] });
  const engine = createSyncEngine({ adapter, store: createStoreSyncStore(store), now: clock.now, random: seededRandom(3), scheduler: clock, policy: POLICY });
  return { peer, proxy, store, clock, engine };
}

async function dispose(r: Rig): Promise<void> {
  await r.engine.stop();
  await r.proxy.close();
  await r.peer.close();
  await r.store.close();
}

async function drain(r: Rig): Promise<void> {
  for (let round = 0; round < 400; round++) {
    await r.engine.runNow();
    if ((await r.engine.status()).pending === 0) return;
    r.clock.advance(POLICY.maxMs);
  }
  throw new Error('sync did not converge');
}

/** Operation i: PF in person, PF through a delegate, or a PG recipient (DOMAIN.md 10.1 zip layouts). */
function startPayload(i: number): RaddStartPayload {
  const operationId = `6f1c2a4e-0000-4000-8000-${String(i).padStart(12, '0')}`;
  const base = { operationType: i % 4 === 3 ? 'AOR' : 'ACT', operationId, operationDate: new Date(T0 + i * 60_000).toISOString() } as const;
  const act = base.operationType === 'ACT' ? { iun: 'KWKU-JHXN-HJXM-202304-U-1' } : {};
  if (i % 3 === 1) return { ...base, ...act, recipientType: 'PF', recipientTaxId: 'RSSMRA85T10A562S', delegateTaxId: 'BNCLRA90A41F205I', evidence: { recipient: doc, delegate: doc, files: { delega: 'delega' } } };
  if (i % 3 === 2) return { ...base, ...act, recipientType: 'PG', recipientTaxId: '15376371009', evidence: { recipient: doc, files: { visura: 'visura', autodichiarazione: 'auto' } } };
  return { ...base, ...act, recipientType: 'PF', recipientTaxId: 'RSSMRA85T10A562S', evidence: { recipient: doc } };
}

async function enqueueOperation(store: Store, i: number): Promise<RaddStartPayload> {
  const p = startPayload(i);
  const close = { operationType: p.operationType, operationId: p.operationId, operationDate: p.operationDate };
  await store.transaction(async (tx) => {
    const out = outboxWriterOf(tx);
    const createdAt = new Date(T0).toISOString();
    await out.enqueue({ kind: 'radd.startTransaction', idempotencyKey: p.operationId, payload: p, createdAt });
    if (i % 5 === 4) await out.enqueue({ kind: 'radd.abortTransaction', idempotencyKey: p.operationId, payload: { ...close, reason: 'documenti non stampati' }, createdAt });
    else await out.enqueue({ kind: 'radd.completeTransaction', idempotencyKey: p.operationId, payload: close, createdAt });
  });
  return p;
}

describe('radd sync over a faulty network (real SQLite store)', () => {
  it('applies upload, start and complete/abort of every operation exactly once, keyed by operationId', async () => {
    const r = await rig('faults', 0.3);
    try {
      const ops = [];
      for (let i = 0; i < 15; i++) ops.push(await enqueueOperation(r.store, i));
      await drain(r);
      ops.forEach((p, i) => {
        const closeKind = i % 5 === 4 ? 'abort' : 'complete';
        expect([r.peer.applied('upload', p.operationId), r.peer.applied('start', p.operationId), r.peer.applied(closeKind, p.operationId)], p.operationId).toEqual([1, 1, 1]);
        expect(r.peer.transaction(p.operationId)?.state).toBe(closeKind === 'abort' ? 'ABORTED' : 'COMPLETED');
      });
      expect(await r.engine.listParked()).toEqual([]);
      expect(r.peer.invalidAnswers).toBe(0);
      for (const f of ['error500', 'rate429', 'timeout', 'reset', 'lostResponse'] as const) expect(r.proxy.counts[f], f).toBeGreaterThan(0);
    } finally {
      await dispose(r);
    }
  });

  it('uploads the zip layout of DOMAIN.md 10.1 for each kind of person at the desk', async () => {
    const r = await rig('layout', 0);
    try {
      const ops = [];
      for (let i = 0; i < 3; i++) ops.push(await enqueueOperation(r.store, i));
      await drain(r);
      expect(ops.map((p) => r.peer.evidence(p.operationId))).toEqual([
        ['metadati_destinatario.json'],
        ['metadati_destinatario.json', 'metadati_delegato.json', 'delega.pdf'],
        ['metadati_destinatario.json', 'visura.pdf', 'autodichiarazione.pdf'],
      ]);
    } finally {
      await dispose(r);
    }
  });

  it('starts again after "not ready" (code 2) with the same operationId and no new upload', async () => {
    const r = await rig('not-ready', 0);
    try {
      const p = startPayload(0);
      r.peer.notReadyOnce.add(p.operationId);
      await enqueueOperation(r.store, 0);
      await drain(r);
      expect(r.peer.applied('put', p.operationId)).toBe(1);
      expect(r.peer.applied('start', p.operationId)).toBe(1);
      expect(r.peer.transaction(p.operationId)?.state).toBe('COMPLETED');
    } finally {
      await dispose(r);
    }
  });

  it('parks an operation RADD refuses (code 10), and its complete after too many tries, with their codes', async () => {
    const r = await rig('refused', 0);
    try {
      const p = startPayload(0);
      r.peer.refuse.set(p.operationId, 10);
      await enqueueOperation(r.store, 0);
      for (let i = 0; i < POLICY.maxAttempts + 2; i++) {
        await r.engine.runNow();
        r.clock.advance(POLICY.maxMs);
      }
      const parked = await r.engine.listParked();
      expect(parked.map((x) => [x.kind, x.error?.code])).toEqual([
        ['radd.startTransaction', 'SYNC_RADD_REFUSED'],
        ['radd.completeTransaction', 'SYNC_RADD_NOT_STARTED'],
      ]);
      expect(r.peer.transaction(p.operationId)).toBeUndefined();
    } finally {
      await dispose(r);
    }
  });

  it('keeps sender and postal items local-only (done, not parked, not sent) while it delivers the RADD ones', async () => {
    const r = await rig('local-only', 0);
    try {
      const p = await enqueueOperation(r.store, 1);
      const iun = 'KWKU-JHXN-HJXM-202304-U-1';
      const createdAt = new Date(T0).toISOString();
      await r.store.transaction(async (tx) => {
        const out = outboxWriterOf(tx);
        await out.enqueue({ kind: 'send.cancelNotification', idempotencyKey: iun, payload: { iun }, createdAt });
        await out.enqueue({ kind: 'postal.recordOutcome', idempotencyKey: `${iun}:E1`, payload: {}, createdAt });
      });
      await drain(r);
      expect(r.peer.applied('start', p.operationId)).toBe(1);
      const status = await r.engine.status();
      expect([status.pending, status.parked, status.localOnly]).toEqual([0, 0, 2]);
    } finally {
      await dispose(r);
    }
  });
});
