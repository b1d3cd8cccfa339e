import { describe, expect, it } from 'vitest';
import type { Notification } from '../../core/index.js';
import { createSyncEngine } from './engine.js';
import { refusalElement, toLocalPage, toPeerItem } from './links.js';
import { createManualClock } from './manual-scheduler.js';
import { createMemorySyncStore } from './memory-store.js';
import type { OutboxItem, PullPage, PushResult, RequestLink, SyncAdapter } from './types.js';

const T0 = Date.parse('2026-03-10T09:00:00Z');
const LOCAL = 'KWKU-JHXN-HJXM-202603-U-1';
const SEND = 'PDKX-QMRA-WTVY-202603-L-5';
const OTHER = 'ADEG-HJKL-MNPQ-202603-R-7';

const header = (iun: string): Notification => ({
  iun, sentAt: '2026-03-10T08:00:00Z', senderDenomination: 'Comune', senderTaxId: '01199250158', subject: 'Verbale', physicalCommunicationType: 'AR_REGISTERED_LETTER',
  recipients: [{ taxId: 'RSSMRA85T10A562S', recipientType: 'PF', denomination: 'Mario Rossi' }], documents: [],
});
const accepted = (iun: string) => ({ iun, element: { elementId: `REQUEST_ACCEPTED.IUN_${iun}`, category: 'REQUEST_ACCEPTED', at: '2026-03-10T08:01:00Z', details: {} } });

describe('SEND IUN -> local IUN on pulled data', () => {
  it('moves elements to the local IUN, renaming the IUN in elementIds and in details, and drops SEND\'s header', () => {
    const page = {
      notifications: [{ notification: header(SEND) }, { notification: header(OTHER) }],
      elements: [
        { iun: SEND, element: { elementId: `SEND_ANALOG_FEEDBACK.IUN_${SEND}.RECINDEX_0.ATTEMPT_0`, category: 'SEND_ANALOG_FEEDBACK', at: '2026-03-12T08:00:00Z', recipientIndex: 0, details: { sendRequestId: `SEND_ANALOG_DOMICILE.IUN_${SEND}.RECINDEX_0.ATTEMPT_0`, deliveryDetailCode: 'RECAG001C' } } },
        accepted(OTHER),
      ],
    };
    const out = toLocalPage(page, new Map([[SEND, LOCAL]]));
    expect(out.notifications.map((n) => n.notification.iun)).toEqual([OTHER]);
    expect(out.elements[0]).toEqual({ iun: LOCAL, element: { ...page.elements[0]!.element, elementId: `SEND_ANALOG_FEEDBACK.IUN_${LOCAL}.RECINDEX_0.ATTEMPT_0`, details: { sendRequestId: `SEND_ANALOG_DOMICILE.IUN_${LOCAL}.RECINDEX_0.ATTEMPT_0`, deliveryDetailCode: 'RECAG001C' } } });
    expect(out.elements[1]).toBe(page.elements[1]);
  });

  it('leaves the page as it is when nothing maps, or when SEND kept the local IUN', () => {
    const page = { notifications: [{ notification: header(LOCAL) }], elements: [accepted(LOCAL)] };
    expect(toLocalPage(page, new Map())).toBe(page);
    expect(toLocalPage(page, new Map([[LOCAL, LOCAL]]))).toBe(page);
  });
});

describe('local IUN -> SEND IUN on pushed items', () => {
  const item = (payload: unknown): OutboxItem => ({ id: 1, kind: 'send.cancelNotification', idempotencyKey: LOCAL, payload, createdAt: '2026-03-10T09:00:00Z', attempts: 0, state: 'pending' });

  it('replaces the payload\'s iun and keeps the idempotency key', () => {
    const out = toPeerItem(item({ iun: LOCAL }), new Map([[LOCAL, SEND]]));
    expect([out.payload, out.idempotencyKey]).toEqual([{ iun: SEND }, LOCAL]);
  });

  it('leaves items without a mapped iun untouched', () => {
    const i = item({ iun: OTHER });
    expect(toPeerItem(i, new Map([[LOCAL, SEND]]))).toBe(i);
    const noIun = item({ operationId: 'x' });
    expect(toPeerItem(noIun, new Map([[LOCAL, SEND]]))).toBe(noIun);
  });
});

describe('sync engine with request links (memory store)', () => {
  function setup(opts: { linkInFeed: boolean }) {
    const clock = createManualClock(T0);
    const store = createMemorySyncStore();
    const pushed: OutboxItem[] = [];
    const feed: PullPage[] = [];
    const asked: string[][] = [];
    const adapter: SyncAdapter = {
      name: 'fake-send', stream: 'fake-send',
      capabilities: () => ({ pull: true, push: ['send.newNotification', 'send.cancelNotification'], fetch: true, offline: false }),
      health: async () => ({ ok: true, checkedAt: new Date(T0).toISOString() }),
      pull: async (cursor) => feed.shift() ?? { notifications: [], elements: [], cursor: cursor ?? '', hasMore: false },
      push: async (i): Promise<PushResult> => {
        pushed.push(i);
        return i.kind === 'send.newNotification' ? { status: 'applied', link: { notificationRequestId: 'REQ-1' } } : { status: 'applied' };
      },
      resolveRequests: async (ids): Promise<RequestLink[]> => (asked.push([...ids]), ids.map((id) => ({ notificationRequestId: id, iun: SEND, status: 'ACCEPTED' }))),
      fetchNotifications: async (iuns) => ({ notifications: iuns.map((iun) => ({ notification: header(iun) })), elements: [] }),
    };
    store.notifications.set(LOCAL, header(LOCAL));
    store.requests.set(LOCAL, { localIun: LOCAL, idempotencyKey: LOCAL });
    const engine = createSyncEngine({ adapter, store, now: clock.now, random: () => 0, scheduler: clock });
    const sendPage = (): PullPage => ({ notifications: [], elements: [accepted(SEND)], cursor: 'c1', hasMore: false, ...(opts.linkInFeed ? { links: [{ notificationRequestId: 'REQ-1', iun: SEND }] } : {}) });
    return { clock, store, pushed, feed, asked, engine, sendPage };
  }

  it('records the request id of a pushed request, then SEND\'s IUN from the feed, and applies SEND\'s elements to the local notification', async () => {
    const s = setup({ linkInFeed: true });
    await s.store.enqueue({ kind: 'send.newNotification', idempotencyKey: LOCAL, payload: {}, createdAt: new Date(T0).toISOString() });
    s.feed.push({ notifications: [], elements: [], cursor: 'c0', hasMore: false });
    await s.engine.runNow();
    expect(s.store.requests.get(LOCAL)).toMatchObject({ notificationRequestId: 'REQ-1' });
    s.feed.push(s.sendPage());
    await s.engine.runNow();
    expect(s.store.requests.get(LOCAL)?.sendIun).toBe(SEND);
    expect([...s.store.notifications.keys()]).toEqual([LOCAL]);
    expect([...s.store.timelines.get(LOCAL)!.keys()]).toEqual([`REQUEST_ACCEPTED.IUN_${LOCAL}`]);
  });

  it('asks the request status before fetching an unknown IUN that may be its own request', async () => {
    const s = setup({ linkInFeed: false });
    s.store.requests.get(LOCAL)!.notificationRequestId = 'REQ-1';
    s.feed.push(s.sendPage());
    await s.engine.runNow();
    expect(s.asked[0]).toEqual(['REQ-1']);
    expect([...s.store.notifications.keys()]).toEqual([LOCAL]);
    expect(s.store.timelines.get(LOCAL)?.size).toBe(1);
  });

  it('counts SEND\'s answer about a request as a change even when no page stored anything (screens re-read it)', async () => {
    const s = setup({ linkInFeed: false });
    s.store.requests.get(LOCAL)!.notificationRequestId = 'REQ-1';
    // An empty feed: the only news is the request's IUN and status, asked at the start of the pull.
    await s.engine.runNow();
    expect(s.asked[0]).toEqual(['REQ-1']);
    expect(s.store.requests.get(LOCAL)).toMatchObject({ sendIun: SEND, status: 'ACCEPTED' });
    expect((await s.engine.status()).changes).toBe(1);
    // The same answer again changes nothing (the IUN is known: the request is no longer asked).
    await s.engine.runNow();
    expect((await s.engine.status()).changes).toBe(1);
  });

  it('sends a cancellation of the local notification under SEND\'s IUN', async () => {
    const s = setup({ linkInFeed: true });
    Object.assign(s.store.requests.get(LOCAL)!, { notificationRequestId: 'REQ-1', sendIun: SEND });
    await s.store.enqueue({ kind: 'send.cancelNotification', idempotencyKey: LOCAL, payload: { iun: LOCAL }, createdAt: new Date(T0).toISOString() });
    await s.engine.runNow();
    expect(s.pushed.map((i) => [i.kind, i.payload])).toEqual([['send.cancelNotification', { iun: SEND }]]);
    expect(s.store.items().map((i) => i.state)).toEqual(['done']);
  });
});

describe('refusalElement (DOMAIN.md 5 row 4)', () => {
  const at = '2026-03-10T10:00:00Z';
  const reasons = [{ errorCode: 'FILE_SHA_ERROR', detail: 'sha256 of document 0 does not match' }, { errorCode: 'NO_DETAIL' }];

  it('is SEND\'s REQUEST_REFUSED element under the local IUN, with the reasons SEND gave', () => {
    expect(refusalElement(LOCAL, { status: 'REFUSED', refusal: { at, reasons } })).toEqual({
      elementId: `REQUEST_REFUSED.IUN_${LOCAL}`, category: 'REQUEST_REFUSED', at, details: { refusalReasons: reasons },
    });
  });

  it('has the same elementId whatever the instant or reasons of a repeated answer', () => {
    const a = refusalElement(LOCAL, { status: 'REFUSED', refusal: { at, reasons } });
    const b = refusalElement(LOCAL, { status: 'REFUSED', refusal: { at: '2026-03-11T10:00:00Z', reasons: [] } });
    expect(b?.elementId).toBe(a?.elementId);
  });

  it('is nothing for an answer that is not a refusal', () => {
    expect(refusalElement(LOCAL, { status: 'ACCEPTED', refusal: { at, reasons } })).toBeUndefined();
    expect(refusalElement(LOCAL, { status: 'REFUSED' })).toBeUndefined();
  });
});
