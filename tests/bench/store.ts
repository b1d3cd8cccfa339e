// Store benchmark: `npx tsx tests/bench/index.ts store [--notifications N] [--keep DIR]`.
// Builds a SQLite store by bulk import of simulated notifications (default 1,000,000), then
// measures the desk and sender lookups. Each measured query is one function of `StoreQueries`,
// so that the host API call can replace the repository call without touching the rest.
import { mkdtempSync, rmSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bulkBatches } from '../../db/seed/bulk.js';
import { openStore, type Store } from '../../db/store.js';
import type { NotificationStatus } from '../../core/index.js';
import { lookupSamples, measure, printFigure, progress, type Sample } from './store-support.js';

/** The measured queries: swap these for host API calls (`notifications.getByIun` ...). */
export interface StoreQueries {
  getByIun(iun: string): Promise<unknown>;
  pendingByTaxId(taxId: string): Promise<unknown>;
  senderPage(q: { senderTaxId: string; status: NotificationStatus; from: string; to: string; recipientTaxId?: string }): Promise<unknown>;
}

export function repositoryQueries(store: Store): StoreQueries {
  return {
    getByIun: (iun) => store.notifications.getByIun(iun),
    pendingByTaxId: (taxId) => store.notifications.listPendingByTaxId(taxId),
    senderPage: (q) =>
      store.notifications.listForSender({ senderTaxId: q.senderTaxId, statuses: [q.status], from: q.from, to: q.to, ...(q.recipientTaxId ? { recipientTaxId: q.recipientTaxId } : {}), limit: 50 }),
  };
}

function parseArgs(args: string[]): { count: number; keep?: string } {
  const at = (flag: string) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const n = at('--notifications');
  const keep = at('--keep');
  return { count: n ? Number(n.replace(/[_,]/g, '')) : 1_000_000, ...(keep ? { keep } : {}) };
}

async function bulkImport(store: Store, count: number, sample: Sample): Promise<number> {
  let done = 0;
  let busyMs = 0;
  const started = performance.now();
  for (const batch of bulkBatches({ count, batchSize: 5000 })) {
    sample.observe(batch);
    const t0 = performance.now();
    await store.timeline.importNotifications(batch);
    busyMs += performance.now() - t0;
    done += batch.length;
    progress('import', done, count, started);
  }
  process.stderr.write('\n');
  return (done / busyMs) * 1000;
}

export async function run(args: string[]): Promise<void> {
  const { count, keep } = parseArgs(args);
  const dir = keep ?? mkdtempSync(join(tmpdir(), 'radd-bench-store-'));
  const filename = join(dir, 'bench.sqlite');
  const reuse = keep !== undefined && existsSync(filename);
  const store = await openStore({ client: 'sqlite3', filename, dataDir: dir });
  try {
    const sample = lookupSamples();
    let rate: number | undefined;
    if (reuse) await sample.loadFrom(store);
    else rate = await bulkImport(store, count, sample);
    await store.knex.raw('PRAGMA wal_checkpoint(TRUNCATE)');
    await store.knex.raw('ANALYZE');
    const stored = await store.notifications.count();
    const bytes = statSync(filename).size;
    const q = repositoryQueries(store);
    await measureQueries(q, sample, true);
    const figures = await measureQueries(q, sample, false);
    printFigure('store.iun_lookup_p99', figures.iun, 'ms');
    printFigure('store.taxid_pending_p99', figures.pending, 'ms');
    printFigure('store.sender_page_p99', figures.sender, 'ms');
    if (rate !== undefined) printFigure('store.import_rate', rate, 'notifications/s', 0);
    printFigure('store.host_rss', process.memoryUsage().rss / 2 ** 20, 'MB', 0);
    printFigure('store.bytes_per_notification', bytes / stored, 'B', 0);
    printFigure('store.iun_lookup_p50', figures.iunP50, 'ms');
    printFigure('store.notifications', stored, 'notifications', 0);
  } finally {
    await store.close();
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}

async function measureQueries(q: StoreQueries, s: Sample, warmUp: boolean) {
  const rounds = warmUp ? 300 : 3000;
  const iun = await measure(rounds, (i) => q.getByIun(s.iun(i)));
  const pending = await measure(rounds, (i) => q.pendingByTaxId(s.taxId(i)));
  const sender = await measure(Math.floor(rounds / 2), (i) => q.senderPage(s.senderQuery(i)));
  return { iun: iun.p99, iunP50: iun.p50, pending: pending.p99, sender: sender.p99 };
}
