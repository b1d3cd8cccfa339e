// Child process of the store benchmark: builds the store by bulk import and prints the import
// figures as one JSON line on stdout (progress on stderr). Run apart from the query phase so
// that the measured RSS is that of a process serving queries, not of the import's garbage.
import { bulkBatches } from '../../db/seed/bulk.js';
import { openStore } from '../../db/store.js';
import { IMPORT_BATCH, progress } from './store-bench.js';

async function main(): Promise<void> {
  const [filename, dataDir, countText, shape = 'full'] = process.argv.slice(2);
  if (!filename || !dataDir || !countText) throw new Error('usage: store-bench-build.ts FILE DATADIR COUNT [issue|full]');
  const count = Number(countText);
  const store = await openStore({ client: 'sqlite3', filename, dataDir });
  let generationMs = 0;
  let done = 0;
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  function* timed() {
    // 'issue': the dataset of issue #5 (~5 elements a notification: nine in ten still in flight).
    const source = bulkBatches({ count, batchSize: IMPORT_BATCH, ...(shape === 'issue' ? { inFlight: 0.9 } : {}) });
    for (;;) {
      const t0 = performance.now();
      const next = source.next();
      generationMs += performance.now() - t0;
      if (next.done) return;
      yield next.value;
    }
  }
  const result = await store.timeline.importStream(timed(), {
    expectedCount: count,
    onBatch: (n) => {
      done += n;
      progress('import', done, count, started);
    },
  });
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuStart);
  process.stderr.write('\n');
  await store.knex.raw('ANALYZE');
  await store.knex.raw('PRAGMA wal_checkpoint(TRUNCATE)');
  await store.close();
  // The simulator's time to produce the batches is measured apart and left out of the rate.
  const rate = (result.inserted / (wallMs - generationMs)) * 1000;
  // CPU of all threads (JS + SQLite's), generation included: comparable across loaded machines.
  const cpuUsPerNotification = (cpu.user + cpu.system) / result.inserted;
  console.log(JSON.stringify({ inserted: result.inserted, rejected: result.rejected.length, rate, wallMs, generationMs, cpuUsPerNotification }));
}

await main();
