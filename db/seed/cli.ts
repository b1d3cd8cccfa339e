// `npm run seed -- --notifications N [--db FILE] [--data-dir DIR] [--seed S]`: fills a store
// with N simulated notifications (core simulator: several senders, a long tail of recipients,
// a few with many notifications), through the same import path as synced data.
// PostgreSQL: RADD_DB_CLIENT=pg RADD_DATABASE_URL=postgres://… (the host's variables).
import { join, resolve } from 'node:path';
import { describeError } from '../../core/index.js';
import { openStore, type StoreConfig } from '../store.js';
import { bulkBatches } from './bulk.js';

function flag(argv: string[], name: string): string | undefined {
  const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  const a = argv[i]!;
  return a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[i + 1];
}

function configFrom(argv: string[], env: NodeJS.ProcessEnv): StoreConfig {
  const dataDir = resolve(flag(argv, 'data-dir') ?? env.RADD_DATA_DIR ?? '.data');
  if (env.RADD_DB_CLIENT === 'pg') {
    const connection = flag(argv, 'database-url') ?? env.RADD_DATABASE_URL;
    if (!connection) throw new Error('RADD_DB_CLIENT=pg needs RADD_DATABASE_URL');
    return { client: 'pg', connection, dataDir };
  }
  return { client: 'sqlite3', filename: resolve(flag(argv, 'db') ?? env.RADD_DB ?? join(dataDir, 'radd-desk.sqlite')), dataDir };
}

function drawProgress(done: number, total: number, startedMs: number): void {
  const width = 30;
  const filled = Math.round((done / total) * width);
  const secs = (Date.now() - startedMs) / 1000;
  const rate = Math.round(done / Math.max(secs, 0.001));
  process.stderr.write(`\rseed [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${rate}/s`);
}

async function main(argv: string[]): Promise<void> {
  const count = Number((flag(argv, 'notifications') ?? '1000').replace(/[_,]/g, ''));
  const seed = Number(flag(argv, 'seed') ?? Date.now() % 1_000_000);
  if (!Number.isInteger(count) || count < 1) throw new Error('--notifications must be a positive integer');
  const config = configFrom(argv, process.env);
  const store = await openStore(config);
  const started = Date.now();
  let done = 0;
  try {
    const result = await store.timeline.importStream(bulkBatches({ count, seed, batchSize: 20_000 }), {
      expectedCount: count,
      onBatch: (n) => drawProgress((done += n), count, started),
      onBuildingIndexes: () => process.stderr.write('\nbuilding the indexes…'),
    });
    process.stderr.write('\n');
    const where = config.client === 'sqlite3' ? config.filename : 'PostgreSQL';
    console.log(`seeded ${result.inserted} notifications into ${where} in ${((Date.now() - started) / 1000).toFixed(1)} s` +
      (result.rejected.length > 0 ? ` (${result.rejected.length} with refused elements)` : ''));
  } finally {
    await store.close();
  }
}

main(process.argv.slice(2)).catch((e: unknown) => {
  console.error(describeError(e, 'en'));
  process.exitCode = 1;
});
