// Store benchmark: `npx tsx tests/bench/index.ts store [--notifications N] [--keep DIR]`.
// A child process builds a SQLite store by bulk import of simulated notifications (default
// 1,000,000); this process then opens it like the host does and measures the lookups. Each
// measured query is one function of `StoreQueries`: replace `repositoryQueries` with host API
// calls to measure through the API without touching the rest.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NotificationStatus } from '../../core/index.js';
import { openStore, type Store } from '../../db/store.js';
import { lookupSamples, measure, printFigure, type Sample } from '../support/store-bench.js';

/** The measured queries, one function each. */
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
      store.notifications.listForSender({
        senderTaxId: q.senderTaxId, statuses: [q.status], from: q.from, to: q.to, limit: 50,
        ...(q.recipientTaxId ? { recipientTaxId: q.recipientTaxId } : {}),
      }),
  };
}

interface ImportFigures {
  inserted: number;
  rate: number;
  wallMs: number;
  generationMs: number;
  cpuUsPerNotification: number;
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

function buildInChild(filename: string, dataDir: string, count: number): ImportFigures {
  const script = join(dirname(fileURLToPath(import.meta.url)), '..', 'support', 'store-bench-build.ts');
  const out = execFileSync('npx', ['tsx', script, filename, dataDir, String(count)], { stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 });
  const lines = out.toString().trim().split('\n');
  return JSON.parse(lines[lines.length - 1]!) as ImportFigures;
}

async function measureQueries(q: StoreQueries, s: Sample, rounds: number) {
  const iun = await measure(rounds, (i) => q.getByIun(s.iun(i)));
  const pending = await measure(rounds, (i) => q.pendingByTaxId(s.taxId(i)));
  const sender = await measure(Math.floor(rounds / 2), (i) => q.senderPage(s.senderQuery(i)));
  return { iun, pending, sender };
}

export async function run(args: string[]): Promise<void> {
  const { count, keep } = parseArgs(args);
  const dir = keep ?? mkdtempSync(join(tmpdir(), 'radd-bench-store-'));
  const filename = join(dir, 'bench.sqlite');
  const imported = keep && existsSync(filename) ? undefined : buildInChild(filename, dir, count);
  const store = await openStore({ client: 'sqlite3', filename, dataDir: dir });
  try {
    const sample = lookupSamples();
    await sample.loadFrom(store);
    const stored = await store.notifications.count();
    const q = repositoryQueries(store);
    await measureQueries(q, sample, 500);
    const f = await measureQueries(q, sample, 4000);
    printFigure('store.iun_lookup_p99', f.iun.p99, 'ms');
    printFigure('store.taxid_pending_p99', f.pending.p99, 'ms');
    printFigure('store.sender_page_p99', f.sender.p99, 'ms');
    if (imported) printFigure('store.import_rate', imported.rate, 'notifications/s', 0);
    printFigure('store.host_rss', process.memoryUsage().rss / 2 ** 20, 'MB', 0);
    printFigure('store.bytes_per_notification', statSync(filename).size / stored, 'B', 0);
    printFigure('store.iun_lookup_p50', f.iun.p50, 'ms');
    printFigure('store.taxid_pending_p50', f.pending.p50, 'ms');
    printFigure('store.sender_page_p50', f.sender.p50, 'ms');
    printFigure('store.notifications', stored, 'notifications', 0);
    if (imported) {
      printFigure('store.import_wall', imported.wallMs / 1000, 's', 1);
      printFigure('store.import_cpu_per_notification', imported.cpuUsPerNotification, 'us', 0);
    }
  } finally {
    await store.close();
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}
