// Store benchmark: `npx tsx tests/bench/index.ts store [--notifications N] [--keep DIR]`.
// A child process builds a SQLite store by bulk import of simulated notifications (default
// 1,000,000 notifications, ~5,000,000 elements: the dataset issue #5 describes, i.e. nine in ten
// notifications still in flight; `--full-timelines` imports every timeline to its end, ~15
// elements each). This process then starts the real host on it and measures the lookups through
// the host API (dispatch: the function behind both the IPC bridge and the HTTP route, with input
// validation, roles and view mapping), and the same queries on the repositories for comparison.
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, fsyncSync, mkdtempSync, openSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NotificationStatus } from '../../core/index.js';
import { sqliteCopyFloor } from '../../db/seed/sqlite-floor.js';
import { openStore, type Store } from '../../db/store.js';
import { dispatch, type Caller } from '../../electron/api/dispatch.js';
import type { HostContext } from '../../electron/api/host-context.js';
import { loadConfig } from '../../electron/config.js';
import { createHost } from '../../electron/host.js';
import { createLogger } from '../../electron/logger.js';
import { BENCH_SCAN_PNG, IMPORT_BATCH, benchIdentification, lookupSamples, measure, printFigure, type Sample } from '../support/store-bench.js';

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

const CALLER: Caller = { roles: ['clerk', 'sender', 'admin'], locale: 'it' };

/**
 * The same queries through the host API: the IUN lookup screen, the desk's list of a tax code's
 * pending notices (AOR inquiry of an identified recipient: it reads every pending notification of
 * the tax code, then keeps the undelivered ones), the sender office's list page.
 */
export async function hostQueries(ctx: HostContext): Promise<StoreQueries> {
  const scan = (await ctx.store.files.put(BENCH_SCAN_PNG)).sha256;
  // AOR_NOTHING_PENDING is the answer for a tax code whose notices were all delivered: the query ran.
  const call = async (op: string, input: unknown) => {
    const env = await dispatch(ctx, CALLER, op, input);
    if (env.ok) return env.data;
    if (env.error.code !== 'AOR_NOTHING_PENDING') throw new Error(`${op}: ${env.error.code} ${env.error.message}`);
    return env.error;
  };
  const day = (iso: string) => iso.slice(0, 10);
  return {
    getByIun: (iun) => call('notifications.getByIun', { iun }),
    pendingByTaxId: (taxId) => call('desk.inquiry', { mode: 'AOR', identification: benchIdentification(taxId, /^\d{11}$/.test(taxId) ? 'PG' : 'PF', scan) }),
    senderPage: (q) => call('sender.list', {
      filter: { senderTaxId: q.senderTaxId, statuses: [q.status], from: day(q.from), to: day(q.to), ...(q.recipientTaxId ? { recipientTaxId: q.recipientTaxId } : {}) },
      offset: 0, limit: 50, sort: 'sentAt', direction: 'desc',
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

function parseArgs(args: string[]): { count: number; keep?: string; full: boolean } {
  const at = (flag: string) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const n = at('--notifications');
  const keep = at('--keep');
  return { count: n ? Number(n.replace(/[_,]/g, '')) : 1_000_000, full: args.includes('--full-timelines'), ...(keep ? { keep } : {}) };
}

function buildInChild(filename: string, dataDir: string, count: number, full: boolean): ImportFigures {
  const script = join(dirname(fileURLToPath(import.meta.url)), '..', 'support', 'store-bench-build.ts');
  const out = execFileSync('npx', ['tsx', script, filename, dataDir, String(count), full ? 'full' : 'issue'], { stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 });
  const lines = out.toString().trim().split('\n');
  return JSON.parse(lines[lines.length - 1]!) as ImportFigures;
}

/** `offset` picks other keys of the sample: the warm-up never touches the rows measured after it. */
async function measureQueries(q: StoreQueries, s: Sample, rounds: number, offset = 0) {
  const iun = await measure(rounds, (i) => q.getByIun(s.iun(i + offset)));
  const pending = await measure(rounds, (i) => q.pendingByTaxId(s.taxId(i + offset)));
  const sender = await measure(Math.floor(rounds / 2), (i) => q.senderPage(s.senderQuery(i + offset)));
  return { iun, pending, sender };
}

export async function run(args: string[]): Promise<void> {
  const { count, keep, full } = parseArgs(args);
  const dir = keep ?? mkdtempSync(join(tmpdir(), 'radd-bench-store-'));
  const filename = join(dir, 'bench.sqlite');
  const imported = keep && existsSync(filename) ? undefined : buildInChild(filename, dir, count, full);
  // The import leaves gigabytes of dirty pages in the OS cache: flushed now, so that the kernel's
  // write-back does not run under the lookups (a desk after an import has long finished it).
  const fd = openSync(filename, 'r+');
  fsyncSync(fd);
  closeSync(fd);
  const config = loadConfig(['--data-dir', dir, '--db', filename, '--port', '0', '--no-open', '--no-seed'], {});
  const host = await createHost(config, { transport: 'http', logger: createLogger(() => undefined) });
  const store: Store = host.ctx.store;
  try {
    const sample = lookupSamples();
    await sample.loadFrom(store);
    const stored = await store.notifications.count();
    const elements = Number((await store.knex('timeline_elements').count<{ c: number }[]>({ c: '*' }))[0]!.c);
    const api = await hostQueries(host.ctx);
    const repo = repositoryQueries(store);
    // Warm-up (JIT, SQLite's schema and statement caches, index inner pages) on other keys:
    // measured on this 1M store, the first 4,000 lookups of a fresh process have a p99 4x the next.
    await measureQueries(api, sample, 3000, 12_000);
    const f = await measureQueries(api, sample, 4000);
    const r = await measureQueries(repo, sample, 2000, 6_000);
    printFigure('store.iun_lookup_p99', f.iun.p99, 'ms');
    printFigure('store.taxid_pending_p99', f.pending.p99, 'ms');
    printFigure('store.sender_page_p99', f.sender.p99, 'ms');
    if (imported) printFigure('store.import_rate', imported.rate, 'notifications/s', 0);
    printFigure('store.host_rss', process.memoryUsage().rss / 2 ** 20, 'MB', 0);
    printFigure('store.bytes_per_notification', statSync(filename).size / stored, 'B', 0);
    printFigure('store.iun_lookup_p50', f.iun.p50, 'ms');
    printFigure('store.taxid_pending_p50', f.pending.p50, 'ms');
    printFigure('store.sender_page_p50', f.sender.p50, 'ms');
    printFigure('store.repo_iun_lookup_p99', r.iun.p99, 'ms');
    printFigure('store.repo_taxid_pending_p99', r.pending.p99, 'ms');
    printFigure('store.repo_sender_page_p99', r.sender.p99, 'ms');
    printFigure('store.notifications', stored, 'notifications', 0);
    printFigure('store.elements', elements, 'elements', 0);
    if (imported) {
      // The same rows copied by SQLite itself into an empty store (no JS, no driver): the ceiling
      // of any import path of this schema on this machine (db/seed/sqlite-floor.ts).
      const floor = await openStore({ client: 'sqlite3', filename: join(dir, 'floor', 'floor.sqlite'), dataDir: join(dir, 'floor') });
      try {
        printFigure('store.import_sqlite_floor_rate', (await sqliteCopyFloor(floor.knex, filename, IMPORT_BATCH, { deferIndexes: true })).rate, 'notifications/s', 0);
      } finally {
        await floor.close();
        rmSync(join(dir, 'floor'), { recursive: true, force: true });
      }
      printFigure('store.import_element_rate', (imported.rate * elements) / stored, 'elements/s', 0);
      printFigure('store.import_wall', imported.wallMs / 1000, 's', 1);
      printFigure('store.import_cpu_per_notification', imported.cpuUsPerNotification, 'us', 0);
    }
  } finally {
    await host.close();
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}
