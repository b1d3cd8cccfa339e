// The demo's simulated SEND hands over real act files (acts.ts): every simulated notification
// leaves the adapter naming PDFs that were stored first; the desk's own deposits keep their files.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Notification } from '../../../core/index.js';
import { createManualClock } from '../../sync/manual-scheduler.js';
import type { OutboxItem, PullPage } from '../../sync/types.js';
import { createDemoAdapter } from './adapter.js';

const T0 = Date.parse('2026-03-10T08:00:00Z');
const MIN = 60_000;

/** A file store by SHA-256 (base64, as SEND's digests), recording the order of writes. */
function fakeFiles(failFirst = false) {
  const stored = new Map<string, Uint8Array>();
  let fail = failFirst;
  return {
    stored,
    put: async (bytes: Uint8Array) => {
      if (fail) {
        fail = false;
        throw new Error('disk full');
      }
      stored.set(createHash('sha256').update(bytes).digest('base64'), bytes);
    },
  };
}

const setup = (files: ReturnType<typeof fakeFiles>) => {
  const clock = createManualClock(T0);
  return { clock, adapter: createDemoAdapter({ now: clock.now, seed: 4, backlog: 5, backlogDays: 20, depositEveryMs: 10 * MIN, files }) };
};

async function pullAll(adapter: ReturnType<typeof createDemoAdapter>, cursor?: string): Promise<{ notifications: Notification[]; cursor: string }> {
  const out: Notification[] = [];
  let page: PullPage;
  do {
    page = await adapter.pull(cursor, { limit: 2 });
    out.push(...page.notifications.map((n) => n.notification));
    cursor = page.cursor;
  } while (page.hasMore);
  return { notifications: out, cursor: cursor! };
}

describe('demo adapter: act files', () => {
  it('names, in every simulated notification it delivers, acts whose bytes it stored before the page was returned', async () => {
    const files = fakeFiles();
    const { adapter, clock } = setup(files);
    let { notifications, cursor } = await pullAll(adapter);
    clock.advance(20 * MIN);
    notifications = [...notifications, ...(await pullAll(adapter, cursor)).notifications];
    expect(notifications).toHaveLength(7);
    for (const n of notifications) {
      expect(n.documents.length).toBeGreaterThan(0);
      for (const d of n.documents) {
        const bytes = files.stored.get(d.digests.sha256);
        expect(bytes, `${n.iun} ${d.title}`).toBeDefined();
        expect(Buffer.from(bytes!).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      }
    }
  });

  it('keeps the documents of a notification the desk deposited (its own files), storing nothing for it', async () => {
    const files = fakeFiles();
    const { adapter, clock } = setup(files);
    const { cursor } = await pullAll(adapter);
    const before = files.stored.size;
    const digest = createHash('sha256').update('the sender\'s own act').digest('base64');
    const payload = {
      paProtocolNumber: 'PROT-7', subject: 'Ordinanza', recipients: [{ recipientType: 'PF', taxId: 'RSSMRA85T10A562S', denomination: 'Mario Rossi', physicalAddress: { address: 'Via Roma 1', zip: '00100', municipality: 'Roma' } }],
      documents: [{ title: 'Ordinanza', contentType: 'application/pdf', digests: { sha256: digest }, ref: { key: 'PN_NOTIFICATION_ATTACHMENTS-1.pdf', versionToken: 'v1' } }],
      notificationFeePolicy: 'FLAT_RATE', physicalCommunicationType: 'AR_REGISTERED_LETTER', senderDenomination: 'Comune', senderTaxId: '01234567897', taxonomyCode: '010101P',
    };
    const push: OutboxItem = { id: 1, kind: 'send.newNotification', idempotencyKey: 'tok-7', payload, createdAt: new Date(T0).toISOString(), attempts: 0, state: 'pending' };
    const iun = ((await adapter.push(push)).data as { iun: string }).iun;
    clock.advance(MIN);
    const pushed = (await pullAll(adapter, cursor)).notifications.find((n) => n.iun === iun);
    expect(pushed?.documents.map((d) => d.digests.sha256)).toEqual([digest]);
    expect((await adapter.fetchNotifications!([iun])).notifications[0]!.notification.documents[0]!.digests.sha256).toBe(digest);
    expect(files.stored.size).toBe(before);
  });

  it('fails the pull when an act cannot be stored, and stores it when the same page is pulled again', async () => {
    const files = fakeFiles(true);
    const { adapter } = setup(files);
    await expect(adapter.pull(undefined, { limit: 5 })).rejects.toThrow('disk full');
    const page = await adapter.pull(undefined, { limit: 5 });
    for (const { notification: n } of page.notifications) for (const d of n.documents) expect(files.stored.has(d.digests.sha256)).toBe(true);
  });
});
