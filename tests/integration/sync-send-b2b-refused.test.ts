// A notification created at this sender office waits IN_VALIDATION under its local IUN until SEND
// answers its request. When SEND refuses it (request status REFUSED with `errors`; the stream names
// only the notificationRequestId), the local notification gets SEND's own REQUEST_REFUSED element
// (DOMAIN.md 5 row 4) with the reasons, so the core derives REFUSED (DOMAIN.md 4.2) and the sender's
// detail shows why. Through the send-b2b adapter, a real HTTP SEND peer (and a proxy breaking some
// requests) over a real SQLite store.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Iun } from '../../core/index.js';
import { newNotificationSchema } from '../../electron/api/contract/sender-schemas.js';
import { senderHandlers } from '../../electron/api/handlers/sender.js';
import type { HostContext } from '../../electron/api/host-context.js';
import { createNotification } from '../../electron/sender/new-notification.js';
import { disposeRig, drainRig, RIG_T0, rigsIn, type Rig } from './sync-send-b2b-rig.js';

const T0 = RIG_T0;
const SENDER = '01199250158';
const ERRORS = [
  { code: 'FILE_SHA_ERROR', detail: 'sha256 of document 0 does not match' },
  { code: 'TAXID_NOT_VALID', detail: 'taxId of recipient 0 is not valid' },
];

const rig = rigsIn('radd-sync-refused-', { seeds: { proxy: 23, jitter: 5 } });

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
      await drainRig(r);
      await expectRefused(r, refused);
      expect(await r.store.notifications.statusOf(accepted)).toBe('ACCEPTED');
      expect(await r.store.notifications.count()).toBe(2);
      expect(r.peer.invalidAnswers).toBe(0);

      // SEND's answer again (a later status read, the stream event repeated): nothing changes.
      const before = await r.store.timeline.listByIun(refused);
      const sent = r.peer.requestOf(refused)!;
      const again = { notificationRequestId: sent.notificationRequestId, status: 'REFUSED', request: { senderTaxId: SENDER, paProtocolNumber: 'PG/2026/009', idempotenceToken: refused } };
      // 0 requests changed: the sync status does not report a change (screens do not re-read).
      expect(await r.syncStore.links!.record([{ ...again, refusal: { at: new Date(T0 + 3_600_000).toISOString(), reasons: [{ errorCode: 'OTHER', detail: 'other' }] } }])).toBe(0);
      await r.syncStore.links!.recordPushed({ kind: 'send.newNotification', idempotencyKey: refused }, { ...again, refusal: { at: new Date(T0 + 7_200_000).toISOString(), reasons: [] } });
      await drainRig(r);
      expect(await r.store.timeline.listByIun(refused)).toEqual(before);
      await expectRefused(r, refused);

      const ctx = { store: r.store, clock: { now: () => new Date(r.clock.now()) } } as unknown as HostContext;
      const detail = await senderHandlers['sender.detail']({ iun: refused as Iun }, ctx, { roles: ['sender'], locale: 'it' });
      expect(detail.status).toBe('REFUSED');
      const row = detail.timeline.find((e) => e.category === 'REQUEST_REFUSED');
      for (const e of ERRORS) expect(row?.description?.it).toContain(e.detail);
      expect(detail.statusExplanation.length).toBeGreaterThan(0);
    } finally {
      await disposeRig(r);
    }
  }, 120_000);

  it('learns the refusal from the request status when the stream does not name the request', async () => {
    const r = await rig('refused-status', { rate: 0, eventsCarryRequestId: false });
    try {
      r.peer.refusals.set('PG/2026/010', ERRORS);
      const refused = await create(r, 'PG/2026/010');
      await drainRig(r);
      await drainRig(r);
      await expectRefused(r, refused);
      expect(await r.store.notifications.count()).toBe(1);
    } finally {
      await disposeRig(r);
    }
  });

  it('several refusals learned together are all recorded, each once', async () => {
    const r = await rig('refused-several', { rate: 0, eventsCarryRequestId: false });
    try {
      const protocols = ['PG/2026/021', 'PG/2026/022', 'PG/2026/023'];
      for (const p of protocols) r.peer.refusals.set(p, ERRORS);
      const iuns: string[] = [];
      for (const p of protocols) iuns.push(await create(r, p));
      await drainRig(r);
      await drainRig(r);
      for (const iun of iuns) await expectRefused(r, iun);

      // The same answers again in one batch, in reverse IUN order and one of them twice: nothing changes.
      const before = await Promise.all(iuns.map((iun) => r.store.timeline.listByIun(iun)));
      const links = [...iuns].sort().reverse().map((iun, k) => ({
        notificationRequestId: r.peer.requestOf(iun)!.notificationRequestId, status: 'REFUSED',
        request: { senderTaxId: SENDER, paProtocolNumber: protocols[iuns.indexOf(iun)]!, idempotenceToken: iun },
        refusal: { at: new Date(T0 + (k + 1) * 3_600_000).toISOString(), reasons: [{ errorCode: 'OTHER', detail: 'other' }] },
      }));
      expect(await r.syncStore.links!.record([...links, links[0]!])).toBe(0);
      expect(await Promise.all(iuns.map((iun) => r.store.timeline.listByIun(iun)))).toEqual(before);
    } finally {
      await disposeRig(r);
    }
  });
});
