// Postal desk benchmark: `npx tsx tests/bench/index.ts postal [--items N]`. On a temp SQLite store
// holding N sent items and N items in giacenza (simulated, default 200 each) it measures, through
// the same functions the handlers call: one outcome recorded, a batch of N recorded in one
// transaction, a CSV import of N lines, and the giacenza register.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { formatInstant } from '../../core/index.js';
import { openStore } from '../../db/store.js';
import { recordBatch } from '../../electron/postal/batch.js';
import { CsvImports, importLine } from '../../electron/postal/csv-import.js';
import { giacenzaRegister } from '../../electron/postal/giacenza.js';
import { recordOutcome } from '../../electron/postal/record.js';
import { buildManyCases, romeLocal, seedPostalCases } from '../e2e/data/postal-cases.js';

function argOf(args: string[], flag: string, fallback: number): number {
  const i = args.indexOf(flag);
  return i >= 0 ? Number(args[i + 1]) : fallback;
}

const print = (name: string, value: number, unit: string) => console.log(`${name}: ${value.toFixed(unit === 'ms' ? 1 : 0)} ${unit}`);

export async function run(args: string[]): Promise<void> {
  const n = argOf(args, '--items', 200);
  const nowMs = Date.now();
  const call = { now: formatInstant(nowMs), locale: 'it' as const };
  const dir = mkdtempSync(join(tmpdir(), 'radd-bench-postal-'));
  const store = await openStore({ client: 'sqlite3', filename: join(dir, 'bench.sqlite'), dataDir: dir });
  try {
    const sent = buildManyCases(nowMs, 3 * n + 1, 'sent');
    const held = buildManyCases(nowMs, n, 'held');
    await seedPostalCases(store, [...sent, ...held]);
    const outcome = { kind: 'DELIVERED_TO_RECIPIENT' as const, at: romeLocal(nowMs - 3_600_000) };

    let t = performance.now();
    await store.transaction((tx) => recordOutcome(tx, store.files, sent[0]!.itemCode, outcome, call));
    print('postal.recordOutcome (one item)', performance.now() - t, 'ms');

    const batch = sent.slice(1, n + 1).map((c) => c.itemCode);
    t = performance.now();
    await store.transaction((tx) => recordBatch(tx, store.files, batch, outcome, call));
    const batchMs = performance.now() - t;
    print(`postal.recordBatch (${n} items, one transaction)`, batchMs, 'ms');
    print('postal.recordBatch rate', (n / batchMs) * 1000, 'items/s');

    const csv = ['item;outcome;date', ...sent.slice(n + 1, 3 * n + 1).map((c) => `${c.itemCode};DELIVERED_TO_RECIPIENT;${outcome.at}`)].join('\n');
    const imports = new CsvImports();
    t = performance.now();
    let view = await imports.receive({ fileName: 'bench.csv', offset: 0, chunk: Buffer.from(csv).toString('base64'), last: true });
    while (view.state !== 'done') {
      view = await imports.step(view.jobId, { maxLines: 50 }, (records, job) => store.transaction(async (tx) => {
        const lines = [];
        for (const r of records) lines.push(await importLine(tx, store.files, job, r, call));
        return lines;
      }));
    }
    const csvMs = performance.now() - t;
    print(`postal.importCsv (${2 * n} lines, steps of 50)`, csvMs, 'ms');
    print('postal.importCsv rate', (2 * n / csvMs) * 1000, 'lines/s');
    if (view.refused > 0) console.error(`warning: ${view.refused} CSV lines refused`);

    t = performance.now();
    const register = await giacenzaRegister(store, call.now);
    print(`postal.giacenzaRegister (${register.entries.length} held)`, performance.now() - t, 'ms');
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
