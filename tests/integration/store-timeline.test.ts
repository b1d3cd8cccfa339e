// The timeline write path on both backends: elements and derived state written together, the
// incremental state always equal to a full derivation of the stored elements.
import { describe, expect } from 'vitest';
import type { TimelineElementInput } from '../../core/index.js';
import { deriveNotification } from '../../db/engine.js';
import { demoScenarios } from '../../db/seed/demo-scenarios.js';
import { seedDemo } from '../../db/seed/demo.js';
import type { Store } from '../../db/store.js';
import { anImport } from '../support/store-builders.js';
import { storeBackends, useBackend } from '../support/store-backends.js';
import { rejectionCode } from '../support/store-temp.js';

async function expectDerivedMatchesTimeline(s: Store, iun: string): Promise<void> {
  const record = await s.notifications.getByIun(iun);
  const elements = await s.timeline.listByIun(iun);
  const full = deriveNotification({ iun, sentAt: record!.notification.sentAt, recipientCount: record!.notification.recipients.length }, elements).result;
  expect(record!.derived).toEqual(full);
  expect(await s.notifications.statusOf(iun)).toBe(full.status);
  const facts = [...full.notificationLegalFacts, ...full.perRecipient.flatMap((r) => r.legalFacts)];
  expect((await s.legalFacts.listByIun(iun)).map((f) => f.id).sort()).toEqual(facts.map((f) => f.id).sort());
}

describe.each(storeBackends())('timeline write path on $name', (backend) => {
  const test = useBackend(backend);

  test('appending each demo timeline element by element (out of order included) ends at the full derivation', async () => {
    const s = await backend.newStore();
    for (const sc of demoScenarios) {
      await s.timeline.importNotifications([{ notification: sc.notification }]);
      // Reverse pairs so that some elements arrive before ones that sort earlier (rebuild path).
      const order: TimelineElementInput[] = sc.events.flatMap((e, i, all) => (i % 2 === 0 ? [all[i + 1], e].filter((x): x is TimelineElementInput => x !== undefined) : []));
      const modes = new Set<string>();
      for (const e of order) modes.add((await s.timeline.appendElements(sc.notification.iun, [e])).mode);
      await expectDerivedMatchesTimeline(s, sc.notification.iun);
      expect(modes.has('incremental') || sc.events.length < 3).toBe(true);
    }
    await s.close();
  });

  test('the demo seed stores every scenario with a derived state equal to a full derivation', async () => {
    const s = await backend.newStore();
    expect(await seedDemo(s)).toBe(demoScenarios.length);
    expect(await seedDemo(s)).toBe(0);
    for (const sc of demoScenarios) await expectDerivedMatchesTimeline(s, sc.notification.iun);
    await s.close();
  });

  test('an element appended twice is stored once and changes nothing the second time', async () => {
    const s = await backend.newStore();
    const w = anImport({}, 'ACCEPTED');
    await s.timeline.importNotifications([w]);
    const view = { category: 'NOTIFICATION_VIEWED', at: '2026-03-12T10:00:00+01:00', recipientIndex: 0, details: {} };
    const first = await s.timeline.appendElements(w.notification.iun, [view]);
    const again = await s.timeline.appendElements(w.notification.iun, [view, view]);
    expect(first.inserted).toHaveLength(1);
    expect(again).toMatchObject({ inserted: [], duplicates: first.inserted, mode: 'unchanged' });
    expect(again.derived).toEqual(first.derived);
    expect(await s.timelineElements.countByIun(w.notification.iun)).toBe(2);
    await s.close();
  });

  test('an invalid element is reported and not stored; the valid ones of the same call are', async () => {
    const s = await backend.newStore();
    const w = anImport({}, 'IN_VALIDATION');
    await s.timeline.importNotifications([w]);
    const res = await s.timeline.appendElements(w.notification.iun, [
      { category: 'NOT_A_CATEGORY', at: '2026-03-10T10:00:00+01:00' },
      { category: 'REQUEST_ACCEPTED', at: '2026-03-10T10:00:00+01:00' },
      { category: 'NOTIFICATION_VIEWED', at: '2026-03-10T11:00:00+01:00', recipientIndex: 7 },
    ]);
    expect(res.rejected.map((r) => [r.index, r.error.code])).toEqual([[0, 'UNKNOWN_CATEGORY'], [2, 'RECIPIENT_INDEX_OUT_OF_RANGE']]);
    expect(res.inserted).toEqual([`REQUEST_ACCEPTED.IUN_${w.notification.iun}`]);
    expect(res.derived.status).toBe('ACCEPTED');
    await s.close();
  });

  test('appending to an unknown IUN fails with NOTIFICATION_NOT_FOUND', async () => {
    const s = await backend.newStore();
    expect(await rejectionCode(s.timeline.appendElements('ADEG-HJKL-MNPQ-202603-A-1', []))).toBe('NOTIFICATION_NOT_FOUND');
    await s.close();
  });

  test('a bulk-imported notification without engine state is rebuilt on its first append', async () => {
    const s = await backend.newStore();
    const w = anImport({}, 'DELIVERED');
    await s.timeline.importNotifications([w]);
    expect(await s.notifications.getEngineState(w.notification.iun)).toBeUndefined();
    const res = await s.timeline.appendElements(w.notification.iun, [{ category: 'NOTIFICATION_VIEWED', at: '2026-03-13T10:00:00+01:00', recipientIndex: 0 }]);
    expect(res.mode).toBe('rebuilt');
    expect(await s.notifications.getEngineState(w.notification.iun)).toBeDefined();
    await expectDerivedMatchesTimeline(s, w.notification.iun);
    await s.close();
  });

  test('timeline elements cannot be modified once stored (append-only)', async () => {
    const s = await backend.newStore();
    const w = anImport({}, 'ACCEPTED');
    await s.timeline.importNotifications([w]);
    await expect(s.knex('timeline_elements').where('nid', s.knex('notifications').select('nid').where('iun', w.notification.iun)).update({ details: '{}' })).rejects.toThrow(/append-only/);
    await s.close();
  });

  test('details are stored as the JSON text JSON.stringify writes, by the bulk import and by an append (queries match on it)', async () => {
    const s = await backend.newStore();
    const w = anImport({}, 'ACCEPTED');
    await s.timeline.importNotifications([w]);
    const odd = { deliveryDetailCode: 'RECRN011', note: 'Citt\u00e0 "Sant\'Angelo" \\ \u20ac 1/2 \u{1F4EC}\n', n: 0.1, big: 12345678901234, neg: -3e-7, list: [1, 'a', null, { x: true }], nested: { empty: {}, arr: [] } };
    const at = w.elements![0]!.at;
    await s.timeline.appendElements(w.notification.iun, [{ category: 'SEND_ANALOG_PROGRESS', at, recipientIndex: 0, details: odd } as TimelineElementInput]);
    const rows = (await s.knex('timeline_elements').where('nid', s.knex('notifications').select('nid').where('iun', w.notification.iun)).select('element_id', 'details')) as { element_id: string; details: string }[];
    const stored = await s.timeline.listByIun(w.notification.iun);
    expect(rows.length).toBe(stored.length);
    for (const r of rows) expect(r.details).toBe(JSON.stringify(stored.find((e) => e.elementId === r.element_id)!.details));
    expect(rows.some((r) => r.details.includes('"deliveryDetailCode":"RECRN011"'))).toBe(true);
    await s.close();
  });
});
