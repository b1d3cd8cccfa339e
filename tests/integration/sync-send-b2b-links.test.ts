// A notification created at this sender office is stored under a local IUN; SEND assigns its own
// when it accepts the request. Through the send-b2b adapter, a real HTTP SEND peer and a proxy that
// breaks 30 % of the requests, over a real SQLite store: SEND's request id and IUN are recorded in
// sender_requests, SEND's timeline for its IUN moves the local notification (no second copy), and
// the desk's cancellation goes out under SEND's IUN and comes back without duplicates.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { simulateTimeline, type SimulationPath } from '../../core/index.js';
import { newNotificationSchema } from '../../electron/api/contract/sender-schemas.js';
import { cancelNotification } from '../../electron/sender/cancel.js';
import { createNotification } from '../../electron/sender/new-notification.js';
import { disposeRig, drainRig, RIG_T0, rigsIn, type Rig } from './sync-send-b2b-rig.js';

const T0 = RIG_T0;

const rig = rigsIn('radd-sync-links-', { seeds: { proxy: 17, jitter: 3 } });

/** A notification from the sender form (electron/sender/new-notification.ts), its act stored here. */
async function create(r: Rig, i: number, idempotenceToken?: string): Promise<string> {
  const pdf = Buffer.from(`%PDF-1.4\n% verbale ${i}\n%%EOF\n`);
  await r.store.files.put(pdf);
  const input = newNotificationSchema.parse({
    paProtocolNumber: `PG/2026/00${i}`, subject: `Verbale ${i}`, senderDenomination: 'Comune di Milano', senderTaxId: '01199250158', taxonomyCode: '010202N',
    physicalCommunicationType: 'REGISTERED_LETTER_890', ...(idempotenceToken ? { idempotenceToken } : {}),
    recipients: [{ recipientType: 'PF', taxId: 'RSSMRA85T10A562S', denomination: 'Mario Rossi', physicalAddress: { address: 'Via Roma 1', zip: '20121', municipality: 'Milano', province: 'MI' } }],
    documents: [{ title: 'Verbale', sha256Base64: createHash('sha256').update(pdf).digest('base64') }],
  });
  const created = await r.store.transaction((tx) => createNotification({ ...tx, files: r.store.files }, input, { scope: undefined, nowMs: r.clock.now() }));
  return created.iun;
}

/** SEND moves its own copy on: the simulated timeline of `path` under SEND's IUN, up to `until`. */
async function progressOnSend(r: Rig, localIun: string, sendIun: string, path: SimulationPath, until: string): Promise<void> {
  const local = (await r.store.notifications.getByIun(localIun))!.notification;
  const timeline = simulateTimeline({ ...local, iun: sendIun }, path, `send:${sendIun}`).filter((e) => e.category !== 'REQUEST_ACCEPTED');
  for (const e of timeline.slice(0, timeline.findIndex((x) => x.category === until))) r.peer.appendElement(sendIun, e);
}

async function expectLinked(r: Rig, localIun: string, token: string): Promise<string> {
  const sent = r.peer.requestOf(token)!;
  expect(sent.iun).not.toBe(localIun);
  const link = await r.store.senderRequests.get(localIun);
  expect([link?.notificationRequestId, link?.sendIun]).toEqual([sent.notificationRequestId, sent.iun]);
  expect(await r.store.notifications.exists(sent.iun), 'no second copy under SEND\'s IUN').toBe(false);
  const ids = (await r.store.timeline.listByIun(localIun)).map((e) => e.elementId);
  expect(ids.some((id) => id.includes(sent.iun)), 'SEND\'s IUN translated in elementIds').toBe(false);
  return sent.iun;
}

describe('send-b2b: SEND\'s IUN tied to the notification created here', () => {
  it('records request id and SEND\'s IUN, applies SEND\'s timeline to the local notification and cancels it under SEND\'s IUN', async () => {
    const r = await rig('links', { rate: 0.3, eventsCarryRequestId: true });
    try {
      const a = await create(r, 1);
      const b = await create(r, 2, 'pratica-2026-0002');
      expect(await r.store.notifications.statusOf(a)).toBe('IN_VALIDATION');
      await drainRig(r);
      const sendA = await expectLinked(r, a, a);
      const sendB = await expectLinked(r, b, 'pratica-2026-0002');
      expect(await r.store.notifications.statusOf(a)).toBe('ACCEPTED');
      expect(await r.store.notifications.count()).toBe(2);

      await progressOnSend(r, a, sendA, 'ANALOG_890_DELIVERED', 'REFINEMENT');
      await progressOnSend(r, b, sendB, 'PEC_FIRST_TRY', 'REFINEMENT');
      await drainRig(r);
      expect([await r.store.notifications.statusOf(a), await r.store.notifications.statusOf(b)]).toEqual(['DELIVERED', 'DELIVERED']);
      const local = (await r.store.timeline.listByIun(a)).map((e) => e.elementId).sort();
      expect(local).toEqual(r.peer.timelineOf(sendA).map((e) => e.elementId!.split(`IUN_${sendA}`).join(`IUN_${a}`)).sort());

      await r.store.transaction((tx) => cancelNotification(tx, a, { scope: undefined, nowMs: r.clock.now(), locale: 'it' }));
      await drainRig(r);
      expect([r.peer.cancellations(sendA), r.peer.cancellations(a)]).toEqual([1, 0]);
      const ids = (await r.store.timeline.listByIun(a)).map((e) => e.elementId);
      expect(ids.filter((id) => id.startsWith('NOTIFICATION_CANCEL')).sort()).toEqual([`NOTIFICATION_CANCELLATION_REQUEST.IUN_${a}`, `NOTIFICATION_CANCELLED.IUN_${a}`]);
      expect(await r.store.notifications.statusOf(a)).toBe('CANCELLED');
      const status = await r.engine.status();
      expect([status.pending, status.parked]).toEqual([0, 0]);
      expect(r.proxy.counts.lostResponse + r.proxy.counts.reset + r.proxy.counts.timeout + r.proxy.counts.error500).toBeGreaterThan(0);
      expect([r.peer.invalidAnswers, r.peer.uploads.badReferences]).toEqual([0, 0]);
    } finally {
      await disposeRig(r);
    }
  }, 120_000);

  it('asks SEND\'s request status when the stream does not say which request an IUN answers', async () => {
    const r = await rig('links-status', { rate: 0, eventsCarryRequestId: false });
    try {
      const a = await create(r, 3, 'pratica-2026-0003');
      await drainRig(r);
      const sendA = await expectLinked(r, a, 'pratica-2026-0003');
      expect((await r.store.senderRequests.get(a))?.sendRequestStatus).toBe('ACCEPTED');
      await progressOnSend(r, a, sendA, 'PEC_FIRST_TRY', 'REFINEMENT');
      await drainRig(r);
      expect(await r.store.notifications.statusOf(a)).toBe('DELIVERED');
      expect(await r.store.notifications.count()).toBe(1);
    } finally {
      await disposeRig(r);
    }
  });
});
