// Migration 2200 on both backends: stores written before DOMAIN.md 12 was read literally hold
// NOT_SENT for an unreached recipient of a cancelled notification; the migration rewrites it to
// IN_PROGRESS (what the core derives now), leaves everything else alone, keeps the dashboard's
// counters equal to a recomputation, and its down step restores the old reading. Migration 2200
// runs on the schema it was written for: migration 0900 (children keyed by nid) is rolled back
// around it and re-applied to read the result.
import { describe, expect } from 'vitest';
import { makeDemoCase, parseInstant, formatInstant, type TimelineElementInput } from '../../core/index.js';
import * as migration from '../../db/migrations/2026-11-26-2200-reread-cancelled-outcomes.js';
import * as rekey from '../../db/migrations/2026-11-27-0900-key-children-by-notification.js';
import type { Store } from '../../db/store.js';
import { storeBackends, useBackend } from '../support/store-backends.js';

const SENDS = new Set(['SEND_DIGITAL_DOMICILE', 'SEND_ANALOG_DOMICILE', 'SEND_SIMPLE_REGISTERED_LETTER']);

/** A demo case cut before (or just after) its first send, then cancelled by the sender an hour later. */
function cancelledCase(seed: string, withSend: boolean) {
  const c = makeDemoCase(seed, 'ANALOG_890_DELIVERED');
  const first = c.timeline.findIndex((e) => SENDS.has(e.category));
  const kept = c.timeline.slice(0, withSend ? first + 1 : first);
  const at = formatInstant(Math.max(...kept.map((e) => parseInstant(e.at))) + 3_600_000);
  const cancel: TimelineElementInput[] = [
    { category: 'NOTIFICATION_CANCELLATION_REQUEST', at, details: {} },
    { category: 'NOTIFICATION_CANCELLED', at, details: {} },
  ];
  return { notification: c.notification, elements: [...kept, ...cancel] };
}

const outcomes = async (s: Store, iun: string) =>
  (await s.knex('recipients').where('nid', s.knex('notifications').select('nid').where({ iun })).orderBy('rec_index').select('outcome')).map((r: { outcome: string }) => r.outcome);

describe.each(storeBackends())('migration 2200 (cancelled outcomes) on $name', (backend) => {
  const test = useBackend(backend);

  test('rewrites the old NOT_SENT of an unreached recipient, leaves a sent one, counters stay exact; down restores', async () => {
    const s = await backend.newStore();
    const unsent = cancelledCase('mig-cancel-unsent', false);
    const sent = cancelledCase('mig-cancel-sent', true);
    const delivered = makeDemoCase('mig-delivered', 'PEC_FIRST_TRY');
    await s.timeline.importNotifications([unsent, sent, { notification: delivered.notification, elements: delivered.timeline }]);
    expect(await s.notifications.statusOf(unsent.notification.iun)).toBe('CANCELLED');
    expect(await outcomes(s, unsent.notification.iun)).toEqual(['IN_PROGRESS']);
    const untouched = await outcomes(s, delivered.notification.iun);

    // A store written by the earlier reading, in the schema of the time.
    await rekey.down(s.knex);
    await s.knex('recipients').where({ iun: unsent.notification.iun }).update({ outcome: 'NOT_SENT' });
    await rekey.up(s.knex);
    expect(await outcomes(s, unsent.notification.iun)).toEqual(['NOT_SENT']);
    expect(await s.senderStats.statsDrift()).toEqual([]);

    await rekey.down(s.knex);
    await migration.up(s.knex);
    await rekey.up(s.knex);
    expect(await outcomes(s, unsent.notification.iun)).toEqual(['IN_PROGRESS']);
    expect(await outcomes(s, sent.notification.iun)).toEqual(['IN_PROGRESS']);
    expect(await outcomes(s, delivered.notification.iun)).toEqual(untouched);
    expect(await s.senderStats.statsDrift()).toEqual([]);
    // What the migration wrote is what the core derives from the stored timeline.
    const record = await s.notifications.getByIun(unsent.notification.iun);
    expect(record!.derived.perRecipient.map((r) => r.outcome)).toEqual(await outcomes(s, unsent.notification.iun));

    await rekey.down(s.knex);
    await migration.down(s.knex);
    await rekey.up(s.knex);
    expect(await outcomes(s, unsent.notification.iun)).toEqual(['NOT_SENT']);
    expect(await outcomes(s, sent.notification.iun)).toEqual(['IN_PROGRESS']);
    expect(await s.senderStats.statsDrift()).toEqual([]);
    await s.close();
  });
});
