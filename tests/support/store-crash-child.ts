// Child of the crash-safety test (tests/integration/store-crash.test.ts): appends timeline
// elements to the store in transactions, forever, and prints `COMMIT <iun> <elementId>...` on
// stdout only after each transaction has committed. The parent kills it with SIGKILL.
// With `import` as fourth argument it bulk-imports batches of new notifications instead (the
// path that suspends the counter triggers inside its transaction) and prints `BATCH <iun>...`;
// with `stream`, the same through importStream with the secondary indexes deferred.
import { toStoredElement } from '../../db/engine.js';
import { bulkBatches } from '../../db/seed/bulk.js';
import { openStore, type Store } from '../../db/store.js';
import { CRASH_IMPORT_BATCH, crashWorkload } from './store-crash-workload.js';

async function importForever(store: Store, seed: number): Promise<void> {
  process.stdout.write('READY\n');
  for (const batch of bulkBatches({ count: 1_000_000, seed, batchSize: CRASH_IMPORT_BATCH, templates: 200 })) {
    await store.timeline.importNotifications(batch);
    process.stdout.write(`BATCH ${batch.map((b) => b.notification.iun).join(' ')}\n`);
  }
}

/** importStream with deferred indexes (a large seed or first load): `BATCH <iun>...` per batch stored. */
async function streamForever(store: Store, seed: number): Promise<void> {
  const yielded: string[][] = [];
  function* source() {
    for (const batch of bulkBatches({ count: 1_000_000, seed, batchSize: CRASH_IMPORT_BATCH, templates: 200 })) {
      yielded.push(batch.map((b) => b.notification.iun));
      yield batch;
    }
  }
  process.stdout.write('READY\n');
  await store.timeline.importStream(source(), {
    deferIndexes: true,
    onBatch: () => process.stdout.write(`BATCH ${yielded.shift()!.join(' ')}\n`),
  });
}

async function main(): Promise<void> {
  const [filename, dataDir, seedText, mode] = process.argv.slice(2);
  if (!filename || !dataDir || !seedText) throw new Error('usage: store-crash-child.ts FILE DATADIR SEED [import|stream]');
  const store = await openStore({ client: 'sqlite3', filename, dataDir });
  if (mode === 'import') return importForever(store, Number(seedText));
  if (mode === 'stream') return streamForever(store, Number(seedText));
  const cases = crashWorkload();
  let rng = Number(seedText) >>> 0;
  const next = (n: number) => {
    rng = (Math.imul(rng, 1664525) + 1013904223) >>> 0;
    return rng % n;
  };
  process.stdout.write('READY\n');
  for (;;) {
    const c = cases[next(cases.length)]!;
    const ctx = { iun: c.notification.iun, recipientCount: c.notification.recipients.length };
    const stored = new Set((await store.timelineElements.listByIun(ctx.iun)).map((e) => e.elementId));
    const missing = c.elements.filter((e) => !stored.has(toStoredElement(e, ctx, [])!.elementId));
    if (missing.length === 0) continue;
    // 1-3 elements, picked in random order so that some arrive before earlier ones (rebuilds).
    const picked = Array.from({ length: Math.min(missing.length, 1 + next(3)) }, () => missing.splice(next(missing.length), 1)[0]!);
    const res = await store.transaction(async (tx) => {
      const r = await tx.timeline.appendElements(ctx.iun, picked);
      await tx.audit.append({ at: '2026-03-10T10:00:00+01:00', actor: 'crash-child', action: 'timeline.append', subject: ctx.iun, details: { n: r.inserted.length } });
      return r;
    });
    if (res.inserted.length > 0) process.stdout.write(`COMMIT ${ctx.iun} ${res.inserted.join(' ')}\n`);
  }
}

await main();
