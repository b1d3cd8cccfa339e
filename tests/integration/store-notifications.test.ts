// Repository suite, part 1 (notifications, timeline, legal facts, transactions): runs unchanged
// on SQLite and on a real PostgreSQL server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../db/store.js';
import { deriveNotification } from '../../db/engine.js';
import { makeDemoCase } from '../../core/index.js';
import { aNotification, aTimeline, anImport } from '../support/store-builders.js';
import { storeBackends } from '../support/store-backends.js';
import { elementKey } from '../../db/repositories/timeline-repo.js';

describe.each(storeBackends())('store repositories on $name', (backend) => {
  let store: Store;
  beforeAll(async () => {
    if (backend.skipReason) return;
    await backend.setup();
  });
  afterAll(async () => {
    if (backend.skipReason) return;
    await backend.teardown();
  });
  const fresh = async () => {
    store = await backend.newStore();
    return store;
  };
  const test = backend.skipReason ? it.skip : it;

  test('getByIun returns the notification exactly as imported, with the derived state of its timeline', async () => {
    const s = await fresh();
    const n = aNotification({ abstract: 'Sintesi', paProtocolNumber: 'PROT-1', group: 'G1' });
    n.recipients[0]!.payments!.push({ noticeCode: '302000100000019422', creditorTaxId: '01199250158' });
    n.recipients.push({ taxId: '01199250158', recipientType: 'PG', denomination: 'ACME S.p.A.', payments: [{ noticeCode: '302000100000019423', creditorTaxId: '80016350821', amountCents: 9007199254740 }] });
    n.documents.push({ title: 'Allegato "B"', contentType: 'application/pdf', digests: { sha256: 'jezIVxlG1M1woCSUngM6KipUN3/p8cG5RMIPnuEanlE=' }, ref: 'abc' });
    const elements = aTimeline(n, 'DELIVERED');
    expect(await s.timeline.importNotifications([{ notification: n, elements }])).toEqual({ inserted: [n.iun], rejected: [] });
    const record = await s.notifications.getByIun(n.iun);
    expect(record?.notification).toEqual(n);
    expect(record?.derived).toEqual(deriveNotification({ iun: n.iun, sentAt: n.sentAt, recipientCount: 2 }, elements).result);
    expect(record?.derived.status).toBe('DELIVERED');
    await s.close();
  });

  test('existing names the stored IUNs among many (several queries), repeated and unknown ones included', async () => {
    const s = await fresh();
    const items = [anImport(), anImport(), anImport()];
    await s.timeline.importNotifications(items);
    const stored = items.map((i) => i.notification.iun);
    const unknown = Array.from({ length: 1200 }, (_, i) => `UNKN-OWNX-${String(i).padStart(4, '0')}-202603-A-1`);
    const asked = [...unknown.slice(0, 600), stored[0]!, ...unknown.slice(600), stored[1]!, stored[2]!, stored[0]!];
    expect([...(await s.notifications.existing(asked))].sort()).toEqual([...stored].sort());
    expect(await s.notifications.existing([])).toEqual(new Set());
    await s.close();
  });

  test('getByIun of an unknown IUN is undefined', async () => {
    const s = await fresh();
    expect(await s.notifications.getByIun('ADEG-HJKL-MNPQ-202603-A-1')).toBeUndefined();
    expect(await s.isEmpty()).toBe(true);
    await s.close();
  });

  test('importing an IUN twice keeps the first and reports the second as not inserted', async () => {
    const s = await fresh();
    const first = anImport();
    const again = { notification: { ...first.notification, subject: 'Altro oggetto' }, elements: [] };
    expect((await s.timeline.importNotifications([first])).inserted).toEqual([first.notification.iun]);
    expect((await s.timeline.importNotifications([again])).inserted).toEqual([]);
    expect((await s.notifications.getByIun(first.notification.iun))?.notification.subject).toBe(first.notification.subject);
    await s.close();
  });

  test('a batch mixing stored and new IUNs stores the new ones whole, each row under its own notification', async () => {
    const s = await fresh();
    const stored = anImport({}, 'DELIVERED');
    await s.timeline.importNotifications([stored]);
    // One recipient more on the second new notification, so that rows keyed to the wrong one show.
    const a = anImport({ subject: 'Primo' }, 'DELIVERED');
    const b = anImport({ subject: 'Secondo' }, 'VIEWED');
    b.notification.recipients.push({ taxId: '01199250158', recipientType: 'PG', denomination: 'ACME S.p.A.' });
    const again = { notification: { ...stored.notification, subject: 'Altro oggetto' }, elements: [] };
    const result = await s.timeline.importNotifications([a, again, b]);
    expect(result.inserted).toEqual([a.notification.iun, b.notification.iun]);
    for (const item of [a, b]) {
      const record = await s.notifications.getByIun(item.notification.iun);
      expect(record?.notification).toEqual(item.notification);
      const n = item.notification;
      expect(record?.derived).toEqual(deriveNotification({ iun: n.iun, sentAt: n.sentAt, recipientCount: n.recipients.length }, item.elements ?? []).result);
      expect(await s.timelineElements.countByIun(n.iun)).toBe(item.elements?.length);
    }
    expect((await s.notifications.getByIun(stored.notification.iun))?.notification).toEqual(stored.notification);
    expect(await s.timelineElements.countByIun(stored.notification.iun)).toBe(stored.elements?.length);
    await s.close();
  });

  test('a batch written in steps stores what one step stores; a failing later step leaves nothing of the batch', async () => {
    const s = await fresh();
    const items = Array.from({ length: 7 }, (_, i) => anImport({ subject: `Passo ${i}` }, i % 2 === 0 ? 'DELIVERED' : 'ACCEPTED'));
    let told = 0;
    const result = await s.timeline.importNotifications(items, { sliceSize: 3, onWriting: () => (told += 1) });
    expect(result).toEqual({ inserted: items.map((i) => i.notification.iun), rejected: [] });
    expect(told).toBe(1);
    for (const item of items) {
      const n = item.notification;
      expect((await s.notifications.getByIun(n.iun))?.derived).toEqual(deriveNotification({ iun: n.iun, sentAt: n.sentAt, recipientCount: 1 }, item.elements).result);
    }
    const more = Array.from({ length: 7 }, () => anImport({}, 'DELIVERED'));
    // NOT NULL violation in the third step's rows: the first two steps' rows go too.
    (more[6]!.notification.recipients[0] as { taxId: unknown }).taxId = null;
    await expect(s.timeline.importNotifications(more, { sliceSize: 3 })).rejects.toThrow();
    for (const item of more) expect(await s.notifications.exists(item.notification.iun)).toBe(false);
    expect(await s.notifications.count()).toBe(items.length);
    await s.close();
  });

  test('a multi-notification import that fails half way leaves nothing behind', async () => {
    const s = await fresh();
    const good = anImport({}, 'DELIVERED');
    const bad = anImport();
    // NOT NULL violation on the second notification's recipient row.
    (bad.notification.recipients[0] as { taxId: unknown }).taxId = null;
    await expect(s.timeline.importNotifications([good, bad])).rejects.toThrow();
    expect(await s.notifications.getByIun(good.notification.iun)).toBeUndefined();
    expect(await s.timelineElements.countByIun(good.notification.iun)).toBe(0);
    expect(await s.isEmpty()).toBe(true);
    await s.close();
  });

  test('a store transaction that throws rolls back every write made in it', async () => {
    const s = await fresh();
    const w = anImport();
    await s.timeline.importNotifications([w]);
    await expect(
      s.transaction(async (tx) => {
        await tx.timeline.appendElements(w.notification.iun, aTimeline(w.notification, 'VIEWED'));
        await tx.settings.set('k', 1, '2026-03-10T10:00:00+01:00');
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await s.notifications.statusOf(w.notification.iun)).toBe('ACCEPTED');
    expect(await s.timelineElements.countByIun(w.notification.iun)).toBe(1);
    expect(await s.notifications.getEngineState(w.notification.iun)).toBeUndefined();
    expect(await s.settings.get('k')).toBeUndefined();
    await s.close();
  });

  test('pending for a tax code lists only visible, not yet viewed notifications, newest first', async () => {
    const s = await fresh();
    const taxId = 'BNCLRA90A41F205I';
    const recipients = [{ taxId, recipientType: 'PF' as const, denomination: 'Laura Bianchi' }];
    const older = anImport({ recipients, sentAt: '2026-01-10T10:00:00+01:00' }, 'DELIVERING');
    const newer = anImport({ recipients, sentAt: '2026-07-10T10:00:00+02:00' }, 'DELIVERED');
    const hidden = (['VIEWED', 'REFUSED', 'IN_VALIDATION', 'CANCELLED'] as const).map((st) => anImport({ recipients }, st));
    const u = makeDemoCase('pending-unreachable', 'UNREACHABLE', { sentAt: '2026-03-10T10:00:00+01:00' });
    const unreachable = { notification: { ...u.notification, recipients: [{ ...u.notification.recipients[0]!, taxId }] }, elements: u.timeline };
    const other = anImport({}, 'DELIVERING');
    const ou = makeDemoCase('pending-unreachable-other', 'UNREACHABLE');
    const otherUnreachable = { notification: ou.notification, elements: ou.timeline };
    await s.timeline.importNotifications([older, newer, unreachable, ...hidden, other, otherUnreachable]);
    const pending = await s.notifications.listPendingByTaxId(taxId);
    expect(pending.map((p) => p.iun)).toEqual([newer.notification.iun, unreachable.notification.iun, older.notification.iun]);
    // The desk's AOR inquiry asks for the unreachable ones only (DOMAIN.md 10 step 2).
    const aor = await s.notifications.listPendingByTaxId(taxId, 'UNREACHABLE');
    expect(aor.map((p) => [p.iun, p.outcome])).toEqual([[unreachable.notification.iun, 'UNREACHABLE']]);
    await s.close();
  });

  test('appending a view takes the notification off the pending list in the same write', async () => {
    const s = await fresh();
    const w = anImport({}, 'DELIVERED');
    await s.timeline.importNotifications([w]);
    const taxId = w.notification.recipients[0]!.taxId;
    expect(await s.notifications.listPendingByTaxId(taxId)).toHaveLength(1);
    const view = { category: 'NOTIFICATION_VIEWED', at: '2026-03-12T10:00:00+01:00', recipientIndex: 0, details: {} };
    const res = await s.timeline.appendElements(w.notification.iun, [view]);
    expect(res.derived.status).toBe('VIEWED');
    expect(await s.notifications.listPendingByTaxId(taxId)).toEqual([]);
    expect(await s.notifications.statusOf(w.notification.iun)).toBe('VIEWED');
    await s.close();
  });

  test('the sender list filters by status, date range (as instants) and recipient', async () => {
    const s = await fresh();
    const sender = '80016350821';
    const bianchi = { taxId: 'BNCLRA90A41F205I', recipientType: 'PF' as const, denomination: 'Laura Bianchi' };
    // 23:30+00:00 on the 9th is 00:30 on the 10th in Rome: ordering must use the instant.
    const a = anImport({ senderTaxId: sender, sentAt: '2026-03-10T00:30:00+01:00' }, 'DELIVERING');
    const b = anImport({ senderTaxId: sender, sentAt: '2026-03-09T23:45:00Z' }, 'DELIVERING');
    const c = anImport({ senderTaxId: sender, sentAt: '2026-03-11T09:00:00+01:00', recipients: [bianchi] }, 'DELIVERING');
    const d = anImport({ senderTaxId: sender, sentAt: '2026-03-11T10:00:00+01:00' }, 'DELIVERED');
    const e = anImport({ senderTaxId: sender, sentAt: '2026-04-01T10:00:00+02:00' }, 'DELIVERING');
    const other = anImport({ sentAt: '2026-03-11T10:00:00+01:00' }, 'DELIVERING');
    await s.timeline.importNotifications([a, b, c, d, e, other]);
    const iuns = async (q: Parameters<Store['notifications']['listForSender']>[0]) =>
      (await s.notifications.listForSender(q)).items.map((i) => i.iun);
    expect(await iuns({ senderTaxId: sender, statuses: ['DELIVERING'], from: '2026-03-01T00:00:00+01:00', to: '2026-03-31T00:00:00+02:00' }))
      .toEqual([c, b, a].map((w) => w.notification.iun));
    expect(await iuns({ senderTaxId: sender, statuses: ['DELIVERING'], recipientTaxId: bianchi.taxId })).toEqual([c.notification.iun]);
    expect(await iuns({ senderTaxId: sender, statuses: ['DELIVERED', 'DELIVERING'], direction: 'asc', limit: 2 }))
      .toEqual([a.notification.iun, b.notification.iun]);
    await s.close();
  });

  test('paging the sender list with the cursor returns every notification once, in order', async () => {
    const s = await fresh();
    const sender = '00000000001';
    const writes = Array.from({ length: 23 }, (_, i) =>
      anImport({ senderTaxId: sender, sentAt: `2026-05-${String(1 + (i % 5)).padStart(2, '0')}T10:00:00+02:00` }));
    await s.timeline.importNotifications(writes);
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page++) {
      const res = await s.notifications.listForSender({ senderTaxId: sender, limit: 5, ...(cursor ? { cursor } : {}) });
      seen.push(...res.items.map((i) => `${i.sentAt}|${i.iun}`));
      if (!res.nextCursor) break;
      cursor = res.nextCursor;
    }
    const expected = writes.map((w) => `${w.notification.sentAt}|${w.notification.iun}`).sort().reverse();
    expect(seen).toEqual(expected);
    await s.close();
  });

  test('a timeline element stored twice is kept once (idempotent no-op)', async () => {
    const s = await fresh();
    const w = anImport({}, 'IN_VALIDATION');
    await s.timeline.importNotifications([w]);
    const el = { elementId: `REQUEST_ACCEPTED.IUN_${w.notification.iun}`, category: 'REQUEST_ACCEPTED' as const, at: '2026-03-10T10:00:00+01:00', details: { a: 1 } };
    const nid = (await s.notifications.lockForTimeline(w.notification.iun))!.nid;
    expect([...(await s.timelineElements.insertKeyed([{ nid, elements: [el] }]))]).toEqual([elementKey(nid, el.elementId)]);
    expect([...(await s.timelineElements.insertKeyed([{ nid, elements: [{ ...el, details: { a: 2 } }] }]))]).toEqual([]);
    expect(await s.timelineElements.listByIun(w.notification.iun)).toEqual([el]);
    await s.close();
  });

  test('a timeline element of an unknown notification is refused (foreign key)', async () => {
    const s = await fresh();
    const el = { elementId: 'REQUEST_ACCEPTED.IUN_X', category: 'REQUEST_ACCEPTED' as const, at: '2026-03-10T10:00:00+01:00', details: {} };
    await expect(s.timelineElements.insertKeyed([{ nid: 424242, elements: [el] }])).rejects.toThrow();
    await s.close();
  });

  test('legal facts follow the derived list and keep their file links', async () => {
    const s = await fresh();
    const w = anImport({}, 'IN_VALIDATION');
    await s.timeline.importNotifications([w]);
    const iun = w.notification.iun;
    const f1 = { id: 'A~SENDER_ACK', type: 'SENDER_ACK' as const, elementId: 'A', at: '2026-03-10T10:00:00+01:00' };
    const f2 = { id: 'B~PEC_RECEIPT', type: 'PEC_RECEIPT' as const, elementId: 'B', recipientIndex: 0, at: '2026-03-10T09:30:00Z' };
    const f3 = { id: 'C~PEC_RECEIPT', type: 'PEC_RECEIPT' as const, elementId: 'C', recipientIndex: 0, at: '2026-03-10T11:00:00+01:00' };
    const nid = (await s.notifications.lockForTimeline(iun))!.nid;
    await s.legalFacts.syncMany([{ nid, facts: [f1, f2] }]);
    expect(await s.legalFacts.setFileRef(iun, f1.id, 'a'.repeat(64))).toBe(true);
    await s.legalFacts.syncMany([{ nid, facts: [f1, f3] }]);
    expect(await s.legalFacts.listByIun(iun)).toEqual([{ ...f1, fileRef: 'a'.repeat(64) }, f3]);
    expect(await s.legalFacts.listByIun(iun, 0)).toEqual([f3]);
    await s.close();
  });

  test('legal facts of several notifications follow their derived lists in one call', async () => {
    const s = await fresh();
    const [a, b] = [anImport({}, 'IN_VALIDATION'), anImport({}, 'IN_VALIDATION')];
    await s.timeline.importNotifications([a, b]);
    const nid = async (iun: string) => (await s.notifications.lockForTimeline(iun))!.nid;
    const [na, nb] = [await nid(a.notification.iun), await nid(b.notification.iun)];
    const fact = (id: string, at: string) => ({ id, type: 'SENDER_ACK' as const, elementId: id, at });
    const [f1, f2, f3] = [fact('F1', '2026-03-10T09:00:00Z'), fact('F2', '2026-03-10T10:00:00Z'), fact('F3', '2026-03-10T11:00:00Z')];
    await s.legalFacts.syncMany([{ nid: na, facts: [f1, f2] }, { nid: nb, facts: [f1] }]);
    expect(await s.legalFacts.setFileRef(a.notification.iun, 'F1', 'c'.repeat(64))).toBe(true);
    await s.legalFacts.syncMany([{ nid: na, facts: [f1, f3] }, { nid: nb, facts: [f2] }]);
    expect(await s.legalFacts.listByIun(a.notification.iun)).toEqual([{ ...f1, fileRef: 'c'.repeat(64) }, f3]);
    expect(await s.legalFacts.listByIun(b.notification.iun)).toEqual([f2]);
    await s.close();
  });

  test('document and AAR file links are stored on the notification', async () => {
    const s = await fresh();
    const w = anImport();
    await s.timeline.importNotifications([w]);
    const key = 'b'.repeat(64);
    expect(await s.notifications.setDocumentRef(w.notification.iun, 0, key)).toBe(true);
    expect(await s.notifications.setAarRef(w.notification.iun, 0, key)).toBe(true);
    expect((await s.notifications.getByIun(w.notification.iun))?.notification.documents[0]?.ref).toBe(key);
    expect(await s.notifications.getAarRef(w.notification.iun, 0)).toBe(key);
    await s.close();
  });
});
