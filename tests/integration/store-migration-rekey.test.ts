// Migration 0900 (a notification's rows keyed by its `nid`) on both backends, on a store with
// data: down gives back the IUN-keyed tables with every row, up re-keys them again with every row
// and every link (AAR tokens, engine states, analog outcomes) intact; the sender counters stay
// equal to a recomputation, the triggers keep counting after it, and a rerun is a no-op.
import { describe, expect } from 'vitest';
import { makeDemoCase } from '../../core/index.js';
import * as rekey from '../../db/migrations/2026-11-27-0900-key-children-by-notification.js';
import type { Store } from '../../db/store.js';
import { storeBackends, useBackend } from '../support/store-backends.js';
import { importedRows } from '../support/store-temp.js';

/** Rows in a canonical order (by their content, whatever the column order of the dialect). */
const canonical = (rows: readonly unknown[]) => {
  const key = (r: unknown) => JSON.stringify(Object.entries(r as object).sort(([a], [b]) => a.localeCompare(b)));
  return [...rows].sort((a, b) => key(a).localeCompare(key(b)));
};
const columns = async (s: Store, table: string) => Object.keys(await s.knex(table).columnInfo()).sort();

describe.each(storeBackends())('migration 0900 (children keyed by nid) on $name', (backend) => {
  const test = useBackend(backend);

  test('down and up keep every row and link; counters exact; triggers count after it; a rerun changes nothing', async () => {
    const s = await backend.newStore();
    const cases = [
      makeDemoCase('rekey-pec', 'PEC_FIRST_TRY'),
      makeDemoCase('rekey-890', 'ANALOG_890_DELIVERED'),
      makeDemoCase('rekey-two', ['GIACENZA_COLLECTED', 'PEC_FIRST_TRY']),
      makeDemoCase('rekey-viewed', 'VIEWED_AT_RADD'),
    ];
    await s.timeline.importNotifications(cases.map((c) => ({ notification: c.notification, elements: c.timeline.slice(0, -1) })));
    // An engine state (first append), an AAR token and its file link, a document link.
    const first = cases[0]!.notification.iun;
    await s.timeline.appendElements(first, cases[0]!.timeline.slice(-1));
    await s.aarTokens.put('TOKEN-REKEY-1', cases[2]!.notification.iun, 1);
    await s.notifications.setAarRef(cases[2]!.notification.iun, 1, 'a'.repeat(64));
    await s.notifications.setDocumentRef(first, 0, 'b'.repeat(64));
    const before = await importedRows(s);
    const records = await Promise.all(cases.map((c) => s.notifications.getByIun(c.notification.iun)));
    expect(before.timeline_elements!.length).toBeGreaterThan(20);
    expect(before.notification_engine_states).toHaveLength(1);

    if (backend.name === 'sqlite') await s.knex.raw('ANALYZE');
    await rekey.down(s.knex);
    expect(await columns(s, 'timeline_elements')).toContain('iun');
    expect(await columns(s, 'timeline_elements')).not.toContain('nid');
    expect(await columns(s, 'notifications')).not.toContain('nid');
    for (const t of ['recipients', 'documents', 'payment_notices', 'timeline_elements', 'legal_facts']) {
      expect(canonical(await s.knex(t).select())).toEqual(canonical(before[t]!));
    }
    expect(await s.knex('aar_tokens').where('token', 'TOKEN-REKEY-1').first('iun', 'recipient_index')).toEqual({ iun: cases[2]!.notification.iun, recipient_index: 1 });

    await rekey.up(s.knex);
    await rekey.up(s.knex); // already done: no-op
    expect(await columns(s, 'timeline_elements')).toContain('nid');
    expect(await columns(s, 'timeline_elements')).not.toContain('iun');
    if (backend.name === 'sqlite') {
      // The planner statistics of the rebuilt tables are back.
      const analysed = (await s.knex.raw('SELECT DISTINCT tbl FROM sqlite_stat1')) as { tbl: string }[];
      expect(analysed.map((r) => r.tbl)).toEqual(expect.arrayContaining(['notifications', 'recipients', 'timeline_elements', 'legal_facts']));
    }
    expect(await importedRows(s)).toEqual(before);
    expect(await Promise.all(cases.map((c) => s.notifications.getByIun(c.notification.iun)))).toEqual(records);
    expect(await s.aarTokens.resolve('TOKEN-REKEY-1')).toEqual({ iun: cases[2]!.notification.iun, recipientIndex: 1 });
    expect(await s.senderStats.statsDrift()).toEqual([]);

    // The re-created triggers count an append, and a new notification gets the next nid.
    const more = makeDemoCase('rekey-after', 'PEC_FIRST_TRY');
    await s.timeline.importNotifications([{ notification: more.notification, elements: more.timeline.slice(0, 2) }]);
    await s.timeline.appendElements(more.notification.iun, more.timeline.slice(2));
    await s.timeline.appendElements(cases[1]!.notification.iun, cases[1]!.timeline.slice(-1));
    expect(await s.senderStats.statsDrift()).toEqual([]);
    const nids = (await s.knex('notifications').orderBy('nid').select('nid', 'iun')) as { nid: number | string; iun: string }[];
    expect(nids.at(-1)!.iun).toBe(more.notification.iun);
    expect(new Set(nids.map((r) => Number(r.nid))).size).toBe(nids.length);

    // Deleting a notification takes its rows with it (the foreign keys cascade on nid).
    await s.knex('notifications').where('iun', more.notification.iun).delete();
    expect(Number(((await s.knex('timeline_elements').whereNotIn('nid', s.knex('notifications').select('nid')).count({ c: '*' })) as { c: number }[])[0]!.c)).toBe(0);
    expect(await s.senderStats.statsDrift()).toEqual([]);
    await s.close();
  });
});
