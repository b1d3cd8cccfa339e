// The send-b2b adapter against a real HTTP SEND peer, through a proxy that breaks 30 % of the
// requests, with the engine over a real SQLite store: every outbox item applied exactly once on the
// peer (its acts preloaded and uploaded through the same proxy), no duplicate timeline element
// locally, the cursor never skips an event.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { makeDemoCase, type Notification } from '../../core/index.js';
import type { Store } from '../../db/store.js';
import { outboxWriterOf } from '../../electron/sync/store-sync-store.js';
import { startSendPeer } from '../support/peer-send.js';
import { disposeRig, drainRig, RIG_T0, rigsIn } from './sync-send-b2b-rig.js';

const T0 = RIG_T0;

// Short timeouts: the proxy's "timeout" faults are met quickly.
const rig = rigsIn('radd-sync-send-', { seeds: { proxy: 11, jitter: 5 }, timeoutMs: 400 });

/** A small PDF-like act, different for every (i, k). */
const act = (i: number, k: number) => Buffer.from(`%PDF-1.4\n% atto ${i}.${k}\n${'x'.repeat(200 + 37 * i + k)}\n%%EOF\n`);
const b64 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('base64');

/** A document as electron/sender/new-notification.ts queues it: still on this computer. */
const localDocument = (bytes: Buffer, k: number) => ({
  digests: { sha256: b64(bytes) }, contentType: 'application/pdf', ref: { key: createHash('sha256').update(bytes).digest('hex'), versionToken: 'local' }, title: `Atto ${k + 1}`, docIdx: String(k),
});

function request(i: number, documents: unknown[] = []) {
  return {
    paProtocolNumber: `PROT-2026-${i}`, subject: `Verbale ${i}`, notificationFeePolicy: 'FLAT_RATE', physicalCommunicationType: 'AR_REGISTERED_LETTER',
    senderDenomination: 'Comune di Milano', senderTaxId: '01199250158', taxonomyCode: '010101P', documents,
    recipients: [{ recipientType: 'PF', taxId: 'RSSMRA85T10A562S', denomination: 'Mario Rossi', physicalAddress: { address: 'Via Roma 1', zip: '20121', municipality: 'Milano', province: 'MI' } }],
  };
}

async function localElementIds(store: Store, iun: string): Promise<string[]> {
  return (await store.timeline.listByIun(iun)).map((e) => e.elementId);
}

describe('send-b2b sync over a faulty network (real SQLite store)', () => {
  it('applies every outbox item exactly once on the peer, with SEND\'s idempotenceToken, its acts preloaded and uploaded', async () => {
    const r = await rig('push');
    try {
      const acts = new Map<string, Buffer[]>();
      for (let i = 0; i < 30; i++) {
        // Most requests carry one or two acts stored on this computer; a few carry none.
        const bytes = Array.from({ length: i % 3 === 2 ? 0 : 1 + (i % 2) }, (_, k) => act(i, k));
        for (const b of bytes) await r.store.files.put(b);
        acts.set(`tok-${i}`, bytes);
        await r.store.transaction((tx) => outboxWriterOf(tx).enqueue({ kind: 'send.newNotification', idempotencyKey: `tok-${i}`, payload: request(i, bytes.map(localDocument)), createdAt: new Date(T0).toISOString() }));
      }
      await drainRig(r);
      for (const [token, bytes] of acts) {
        expect(r.peer.applied(token), token).toBe(1);
        // The request names SEND's uploaded copy of each act: its key, an uploaded version, the act's digest.
        const docs = r.peer.requestOf(token)!.body.documents;
        expect(docs.map((d) => d.digests.sha256), token).toEqual(bytes.map(b64));
        for (const d of docs) {
          expect(d.ref.versionToken).not.toBe('local');
          expect(r.peer.uploads.uploadedSha256(d.ref.key), d.ref.key).toBe(d.digests.sha256);
        }
      }
      const status = await r.engine.status();
      expect([status.pending, status.parked]).toEqual([0, 0]);
      for (const f of ['error500', 'rate429', 'timeout', 'reset', 'lostResponse'] as const) expect(r.proxy.counts[f], f).toBeGreaterThan(0);
      expect([r.peer.uploads.badUploads, r.peer.uploads.badReferences, r.peer.uploads.apiKeyLeaks]).toEqual([0, 0, 0]);
      expect(r.peer.uploads.uploadCount()).toBeGreaterThanOrEqual([...acts.values()].flat().length);
      expect(r.peer.invalidAnswers).toBe(0);
      expect(r.logs.join('\n')).not.toContain(r.peer.apiKey);
    } finally {
      await disposeRig(r);
    }
  });

  it('pulls every event once: no duplicate element locally and no event skipped', async () => {
    const r = await rig('pull');
    try {
      const cases: Notification[] = [];
      for (let i = 0; i < 25; i++) {
        const c = makeDemoCase(`pull-${i}`, i % 2 ? 'PEC_FIRST_TRY' : 'ANALOG_890_DELIVERED', { sentAt: '2026-02-02T10:00:00+01:00' });
        // Phase 1: SEND knows only the start of each timeline.
        r.peer.addNotification(c.notification, c.timeline.slice(0, 2));
        cases.push(c.notification);
        (c.notification as Notification & { rest?: typeof c.timeline }).rest = c.timeline.slice(2);
      }
      await drainRig(r);
      // Phase 2: the rest arrives only as events (the notifications are known: no full fetch masks a skip).
      for (const n of cases) for (const e of (n as Notification & { rest: ReturnType<typeof makeDemoCase>['timeline'] }).rest) r.peer.appendElement(n.iun, e);
      await drainRig(r);
      for (const n of cases) {
        const local = await localElementIds(r.store, n.iun);
        expect(new Set(local).size, n.iun).toBe(local.length);
        expect(local.sort(), n.iun).toEqual(r.peer.timelineOf(n.iun).map((e) => e.elementId!).sort());
      }
      expect(r.proxy.counts.passed).toBeGreaterThan(0);
      expect(r.proxy.counts.lostResponse + r.proxy.counts.reset + r.proxy.counts.timeout).toBeGreaterThan(0);
      expect(r.peer.invalidAnswers).toBe(0);
    } finally {
      await disposeRig(r);
    }
  });

  it('moves the local status as SEND\'s elements arrive (DELIVERED, then EFFECTIVE_DATE at REFINEMENT)', async () => {
    const r = await rig('derive', { rate: 0 });
    try {
      const c = makeDemoCase('derive-1', 'PEC_FIRST_TRY', { sentAt: '2026-02-02T10:00:00+01:00' });
      const refinement = c.timeline.findIndex((e) => e.category === 'REFINEMENT');
      r.peer.addNotification(c.notification, c.timeline.slice(0, refinement));
      await drainRig(r);
      expect(await r.store.notifications.statusOf(c.notification.iun)).toBe('DELIVERED');
      for (const e of c.timeline.slice(refinement)) r.peer.appendElement(c.notification.iun, e);
      await drainRig(r);
      expect(await r.store.notifications.statusOf(c.notification.iun)).toBe('EFFECTIVE_DATE');
    } finally {
      await disposeRig(r);
    }
  });

  it('keeps the RS updates SEND names SEND_SIMPLE_REGISTERED_LETTER_PROGRESS, as DOMAIN.md 5 row 24 with their legal facts', async () => {
    const r = await rig('rs-spelling', { rate: 0 });
    try {
      const c = makeDemoCase('rs-1', 'DIGITAL_FAILURE_RS', { sentAt: '2026-02-02T10:00:00+01:00' });
      // The RS delivery scan as SEND attaches it: one ANALOG_DELIVERY legal fact (DOMAIN.md 6).
      const timeline = c.timeline.map((e) =>
        e.category === 'SIMPLE_REGISTERED_LETTER_PROGRESS' && e.details?.deliveryDetailCode === 'RECRS001C'
          ? { ...e, details: { ...e.details, attachments: [{ documentType: 'AR', url: 'PN_EXTERNAL_LEGAL_FACTS-rs.pdf' }] } }
          : e,
      );
      const rs = timeline.filter((e) => e.category === 'SIMPLE_REGISTERED_LETTER_PROGRESS').length;
      expect(rs).toBeGreaterThan(0);
      r.peer.addNotification(c.notification, timeline);
      await drainRig(r);
      const iun = c.notification.iun;
      const local = await r.store.timelineElements.listByIun(iun);
      expect(local).toHaveLength(r.peer.timelineOf(iun).length);
      expect(local.filter((e) => e.category === 'SIMPLE_REGISTERED_LETTER_PROGRESS')).toHaveLength(rs);
      const facts = (await r.store.legalFacts.listByIun(iun, 0)).map((f) => f.type);
      expect(facts).toContain('ANALOG_DELIVERY');
    } finally {
      await disposeRig(r);
    }
  });
});

describe('send-b2b: bad answers change nothing', () => {
  it.each([
    ['garbage', 'SYNC_PEER_GARBAGE'],
    ['schemaViolation', 'SYNC_SCHEMA_VIOLATION'],
  ] as const)('a %s feed is refused with %s; notifications and cursor stay as they were', async (mode, code) => {
    const r = await rig(`bad-${mode}`, { rate: 0 });
    try {
      const first = makeDemoCase(`bad-${mode}-1`, 'PEC_FIRST_TRY', { sentAt: '2026-02-02T10:00:00+01:00' });
      r.peer.addNotification(first.notification, first.timeline.slice(0, 3));
      await drainRig(r);
      const cursor = await r.syncStore.getCursor(`send-b2b:${r.peer.streamId}`);
      const before = await r.store.notifications.count();
      const second = makeDemoCase(`bad-${mode}-2`, 'PEC_FIRST_TRY', { sentAt: '2026-02-02T10:00:00+01:00' });
      r.peer.addNotification(second.notification, second.timeline);
      r.peer.mode = mode;
      const report = await r.engine.runNow();
      expect(report.error?.code).toBe(code);
      expect(await r.store.notifications.count()).toBe(before);
      expect(await r.syncStore.getCursor(`send-b2b:${r.peer.streamId}`)).toBe(cursor);
      expect((await r.engine.status()).lastError?.code).toBe(code);
    } finally {
      await disposeRig(r);
    }
  });

  it('parks a request that does not match SEND\'s request shape without sending it, with the error for the clerk', async () => {
    const r = await rig('refused', { rate: 0 });
    try {
      // A recipient tax id SEND's shape check refuses: the item never reaches the wire.
      const bad = { ...request(1), recipients: [{ ...request(1).recipients[0]!, taxId: 'not-a-tax-id' }] };
      await r.syncStore.enqueue({ kind: 'send.newNotification', idempotencyKey: 'tok-bad', payload: bad, createdAt: new Date(T0).toISOString() });
      await r.engine.runNow();
      const parked = await r.engine.listParked();
      expect(parked.map((p) => p.error?.code)).toEqual(['SYNC_REQUEST_INVALID']);
      expect(r.peer.applied('tok-bad')).toBe(0);
    } finally {
      await disposeRig(r);
    }
  });
});

describe('the SEND peer checks what the adapter uploads (so the tests above can fail)', () => {
  it('refuses an upload whose checksum header is not the SHA-256 of the bytes, and a request naming a document never uploaded', async () => {
    const peer = await startSendPeer({ now: () => T0 });
    try {
      const bytes = act(1, 0);
      const headers = { 'x-api-key': peer.apiKey, 'content-type': 'application/json' };
      const pre = await fetch(`${peer.url}/delivery/attachments/preload`, { method: 'POST', headers, body: JSON.stringify([{ preloadIdx: '0', contentType: 'application/pdf', sha256: b64(bytes) }]) });
      const [slot] = (await pre.json()) as { url: string; secret: string; key: string }[];
      const put = (checksum: string) => fetch(slot!.url, { method: 'PUT', headers: { 'content-type': 'application/pdf', 'x-amz-meta-secret': slot!.secret, 'x-amz-checksum-sha256': checksum }, body: bytes });
      expect((await put(b64(Buffer.from('other bytes')))).status).toBe(400);
      const ok = await put(b64(bytes));
      expect([ok.status, ok.headers.get('x-amz-version-id') !== null]).toEqual([200, true]);
      expect(peer.uploads.badUploads).toBe(1);
      const named = (key: string, versionToken: string) => fetch(`${peer.url}/delivery/v2.4/requests`, {
        method: 'POST', headers, body: JSON.stringify({ ...request(1, [{ ...localDocument(bytes, 0), ref: { key, versionToken } }]), idempotenceToken: `t-${key}` }),
      });
      expect((await named('PN_NOTIFICATION_ATTACHMENTS-999999.pdf', 'v1')).status).toBe(400);
      expect((await named(slot!.key, ok.headers.get('x-amz-version-id')!)).status).toBe(202);
      expect(peer.uploads.badReferences).toBe(1);
    } finally {
      await peer.close();
    }
  });
});
