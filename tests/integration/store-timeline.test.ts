// The timeline write path on both backends: elements and derived state written together, the
// incremental state always equal to a full derivation of the stored elements.
import { describe, expect, it } from 'vitest';
import type { TimelineElementInput } from '../../core/index.js';
import { deriveNotification } from '../../db/engine.js';
import { derivedNotificationColumns, derivedRecipientColumns } from '../../db/mappers/notifications.js';
import { bulkBatches } from '../../db/seed/bulk.js';
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
  // The derived columns the lists and counters read, not only the engine state getByIun reads.
  const nid = s.knex('notifications').select('nid').where('iun', iun);
  const header = (await s.knex('notifications').where('iun', iun).first('status', 'status_at', 'viewed_at')) as Record<string, unknown>;
  expect(header).toEqual(derivedNotificationColumns(full));
  const recipients = (await s.knex('recipients').where('nid', nid).orderBy('rec_index')
    .select('rec_index', 'outcome', 'viewed_at', 'refinement_date', 'refined_by', 'term_date', 'pending')) as ({ rec_index: number; pending: unknown } & Record<string, unknown>)[];
  for (const r of full.perRecipient) {
    const row = recipients.find((x) => x.rec_index === r.recipientIndex);
    expect({ ...row, rec_index: undefined, pending: Boolean(row?.pending) }).toEqual({ ...derivedRecipientColumns(full.status, r), rec_index: undefined });
  }
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

  test('appendMany writes a page of appends as appendElements one by one would, each rebuilt, incremental or unchanged as it should', async () => {
    // Demo scenarios and simulated cases: the first half of each timeline imported (half of them
    // with an engine state), the second half appended; one appends only a stored element
    // (unchanged), one adds an invalid input.
    const cases = [
      ...demoScenarios.map((sc) => ({ notification: sc.notification, events: sc.events })),
      ...[...bulkBatches({ count: 40, batchSize: 40, seed: 11 })][0]!.map((b) => ({ notification: b.notification, events: [...(b.elements ?? [])] })),
    ];
    const split = (events: readonly TimelineElementInput[]) => Math.ceil(events.length / 2);
    const load = async () => {
      const s = await backend.newStore();
      for (const [k, c] of cases.entries()) {
        await s.timeline.importNotifications([{ notification: c.notification, elements: c.events.slice(0, split(c.events)) }], { keepEngineState: k % 2 === 0 });
      }
      return s;
    };
    const batch = cases.map((c, k) => {
      const rest = c.events.slice(split(c.events));
      // k 0: a stored element only; k 2 and 5: the whole timeline again (stored half included), as
      // SEND sends it; k 3: an invalid input too.
      const inputs = k === 0 ? c.events.slice(0, 1) : k === 2 || k === 5 ? c.events : k === 3 ? [...rest, { category: 'NOT_A_CATEGORY', at: '2026-03-10T10:00:00+01:00' }] : rest;
      return { iun: c.notification.iun, inputs };
    });
    const one = await load();
    const singly = [];
    for (const b of batch) singly.push(await one.timeline.appendElements(b.iun, b.inputs));
    const many = await load();
    const together = await many.timeline.appendMany(batch);
    expect(together).toEqual(singly);
    expect(new Set(together.map((r) => r.mode))).toEqual(new Set(['unchanged', 'incremental', 'rebuilt']));
    expect(together[3]!.rejected.map((r) => r.error.code)).toEqual(['UNKNOWN_CATEGORY']);
    for (const k of [2, 5]) expect(together[k]!.duplicates).toHaveLength(split(cases[k]!.events));
    for (const { iun } of batch) {
      expect(await many.notifications.getByIun(iun)).toEqual(await one.notifications.getByIun(iun));
      expect(await many.legalFacts.listByIun(iun)).toEqual(await one.legalFacts.listByIun(iun));
      expect(await many.notifications.getEngineState(iun)).toEqual(await one.notifications.getEngineState(iun));
      await expectDerivedMatchesTimeline(many, iun);
    }
    expect(await many.senderStats.statsDrift()).toEqual([]);
    await one.close();
    await many.close();
  });

  // Several desks on one PostgreSQL store: a desk that waited for another's row locks must go on
  // from what that one committed, not from the engine states of its own statement's snapshot.
  (backend.anotherDesk ? test : it.skip)('two desks appending to the same notifications at once lose nothing (PostgreSQL)', async () => {
    const one = await backend.newStore();
    const other = await backend.anotherDesk!();
    const items = Array.from({ length: 60 }, () => anImport({}, 'ACCEPTED'));
    await one.timeline.importNotifications(items, { keepEngineState: true });
    const at = (w: (typeof items)[number], minutes: number) => new Date(Date.parse(w.notification.sentAt) + minutes * 60_000).toISOString();
    const domicile = (w: (typeof items)[number]) => ({ category: 'SEND_DIGITAL_DOMICILE', at: at(w, 10), recipientIndex: 0, details: { digitalAddressSource: 'SPECIAL', sentAttemptMade: 0, retryNumber: 0 } });
    const view = (w: (typeof items)[number]) => ({ category: 'NOTIFICATION_VIEWED', at: at(w, 30), recipientIndex: 0, details: {} });
    let otherStarted!: () => void;
    const started = new Promise<void>((resolve) => (otherStarted = resolve));
    // Desk one holds its locks until desk two's append is waiting for them.
    const first = one.transaction(async (tx) => {
      await tx.timeline.appendMany(items.map((w) => ({ iun: w.notification.iun, inputs: [domicile(w)] })));
      await started;
      await new Promise((resolve) => setTimeout(resolve, 400));
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const second = other.timeline.appendMany([...items].reverse().map((w) => ({ iun: w.notification.iun, inputs: [view(w)] })));
    otherStarted();
    await Promise.all([first, second]);
    for (const w of items) {
      expect(await one.timelineElements.countByIun(w.notification.iun)).toBe(3);
      await expectDerivedMatchesTimeline(one, w.notification.iun);
    }
    await other.close();
    await one.close();
  });

  test('appendMany with an unknown IUN in the batch fails with NOTIFICATION_NOT_FOUND and writes nothing of the batch', async () => {
    const s = await backend.newStore();
    const a = anImport({}, 'ACCEPTED');
    await s.timeline.importNotifications([a]);
    const view = { category: 'NOTIFICATION_VIEWED', at: '2026-03-12T10:00:00+01:00', recipientIndex: 0 };
    const before = await s.notifications.getByIun(a.notification.iun);
    expect(await rejectionCode(s.timeline.appendMany([{ iun: a.notification.iun, inputs: [view] }, { iun: 'ADEG-HJKL-MNPQ-202603-A-1', inputs: [view] }]))).toBe('NOTIFICATION_NOT_FOUND');
    expect(await s.timelineElements.countByIun(a.notification.iun)).toBe(a.elements!.length);
    expect(await s.notifications.getByIun(a.notification.iun)).toEqual(before);
    await expect(s.timeline.appendMany([{ iun: a.notification.iun, inputs: [] }, { iun: a.notification.iun, inputs: [] }])).rejects.toThrow(/twice/);
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

  test('the engine state is stored in its compact form; one stored as plain JSON by an earlier version goes on incrementally', async () => {
    const s = await backend.newStore();
    const w = anImport({}, 'DELIVERED');
    await s.timeline.importNotifications([w], { keepEngineState: true });
    const state = (await s.notifications.getEngineState(w.notification.iun))!;
    const row = () => s.knex('notification_engine_states').where('iun', w.notification.iun).first<{ engine_state: string }>('engine_state');
    const compact = (await row()).engine_state;
    expect(JSON.parse(compact)).toMatchObject({ c: 1 });
    expect(compact.length).toBeLessThan(JSON.stringify(state).length * 0.8);
    // A store written before the compact form: the same state as plain JSON.
    await s.knex('notification_engine_states').where('iun', w.notification.iun).update({ engine_state: JSON.stringify(state) });
    expect(await s.notifications.getEngineState(w.notification.iun)).toEqual(state);
    const res = await s.timeline.appendElements(w.notification.iun, [{ category: 'NOTIFICATION_VIEWED', at: '2026-03-13T10:00:00+01:00', recipientIndex: 0 }]);
    expect(res.mode).toBe('incremental');
    expect(JSON.parse((await row()).engine_state)).toMatchObject({ c: 1 });
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
