// Bulk import (seed, bench, large pulls): importStream derives and serializes each batch slice by
// slice while the previous batch is written. Whatever the slicing, the store it leaves is the one
// importing the same batches one by one with importNotifications leaves, on both backends.
import { describe, expect } from 'vitest';
import { makeDemoCase, type SimulationPath, type TimelineElementInput } from '../../core/index.js';
import type { NotificationImport } from '../../db/repositories/timeline-writer.js';
import { storeBackends, useBackend } from '../support/store-backends.js';
import { importedRows } from '../support/store-temp.js';

const PATHS: SimulationPath[] = ['PEC_FIRST_TRY', 'PEC_FAIL_SECOND_CYCLE', 'DIGITAL_FAILURE_RS', 'ANALOG_890_DELIVERED', 'GIACENZA_EXPIRED', 'UNREACHABLE', 'VIEWED_AT_RADD', 'REFUSED', 'CANCELLED', 'DECEASED'];

/** 70 notifications in three batches (one empty); the third repeats five IUNs of the first and brings a refused element. */
function batches(): NotificationImport[][] {
  const cases = Array.from({ length: 65 }, (_, i) => makeDemoCase(`stream-${i}`, PATHS[i % PATHS.length]!));
  const items = cases.map((c) => ({ notification: c.notification, elements: c.timeline as TimelineElementInput[] }));
  const bad: TimelineElementInput = { category: 'NOT_A_CATEGORY' as TimelineElementInput['category'], at: items[40]!.notification.sentAt, details: {} };
  items[40] = { ...items[40]!, elements: [...items[40]!.elements, bad] };
  return [items.slice(0, 31), [], [...items.slice(31), ...items.slice(0, 5)]];
}

describe.each(storeBackends())('bulk import stream on $name', (backend) => {
  const test = useBackend(backend);

  test('leaves the store importNotifications leaves, batch by batch, and reports the same', async () => {
    const streamed = await backend.newStore();
    const direct = await backend.newStore();
    const reported: number[] = [];
    const r = await streamed.timeline.importStream(batches(), { keepEngineState: true, onBatch: (n) => reported.push(n) });
    const one = [];
    for (const b of batches()) one.push(await direct.timeline.importNotifications(b, { keepEngineState: true }));
    expect(reported).toEqual([31, 0, 34]);
    expect(r.inserted).toBe(65);
    expect(r.rejected).toEqual(one.flatMap((x) => x.rejected));
    expect(r.rejected.map((x) => x.iun)).toEqual([batches()[2]![9]!.notification.iun]);
    const a = await importedRows(streamed);
    expect(a.notifications).toHaveLength(65);
    expect((a.timeline_elements ?? []).length).toBeGreaterThan(65 * 3);
    expect(a).toEqual(await importedRows(direct));
    expect(await streamed.senderStats.statsDrift()).toEqual([]);
    await streamed.close();
    await direct.close();
  });

  test('a batch that fails leaves the batches before it and nothing of its own', async () => {
    const s = await backend.newStore();
    const [first, , third] = batches();
    const broken = { ...third![0]!, notification: { ...third![0]!.notification, recipients: [{ ...third![0]!.notification.recipients[0]!, denomination: null as unknown as string }] } };
    await expect(s.timeline.importStream([first!, [broken, ...third!.slice(1)]])).rejects.toThrow();
    expect(await s.notifications.count()).toBe(31);
    expect(await s.senderStats.statsDrift()).toEqual([]);
    // The import's connection settings are given back even when it fails (SQLite page cache).
    if (backend.name === 'sqlite') expect(await s.knex.raw('PRAGMA cache_size')).toEqual([{ cache_size: -32000 }]);
    await s.close();
  });
});
