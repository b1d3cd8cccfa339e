// Sender benchmark: `npx tsx tests/bench/index.ts sender [--notifications N] [--keep DIR]`.
// Builds a SQLite store of N simulated notifications (default 1,000,000) with the store bench's
// builder (tests/support/store-bench-build.ts, db/seed/bulk), opens the real host on it with its clock just after the data, and
// measures through the host API (dispatch, the function both transports call): a filtered list
// page with its total, the dashboard of a period, and a CSV export of ~100k rows streamed over
// the real HTTP route (time and peak RSS of the process).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NotificationStatus } from '../../core/index.js';
import type { DashboardView, SenderExportStartView, SenderListView } from '../../electron/api/contract/index.js';
import { dispatch, type Caller } from '../../electron/api/dispatch.js';
import { loadConfig } from '../../electron/config.js';
import { createHost } from '../../electron/host.js';
import { startHttpHost } from '../../electron/http-host.js';
import { createLogger } from '../../electron/logger.js';
import { measure, printFigure } from '../support/store-bench.js';

/** The bulk data is deposited between 2025-06-02 and 2026-05-29: "now" is just after. */
const NOW = Date.parse('2026-06-01T10:00:00+02:00');
const CALLER: Caller = { roles: ['sender', 'admin'], locale: 'it' };
const SENDERS = ['01199250158', '02438750586', '80014890638', '06363391001', '13756881002'];
const LIVE: NotificationStatus[] = ['DELIVERING', 'DELIVERED', 'EFFECTIVE_DATE', 'VIEWED', 'UNREACHABLE', 'CANCELLED', 'REFUSED'];

function arg(args: string[], flag: string): string | undefined {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
}

/** The store bench's builder, in a child process (its garbage stays out of the measured RSS). */
function build(dir: string, count: number): void {
  const script = join(dirname(fileURLToPath(import.meta.url)), '..', 'support', 'store-bench-build.ts');
  execFileSync('npx', ['tsx', script, join(dir, 'radd-desk.sqlite'), dir, String(count)], { stdio: ['ignore', 'ignore', 'inherit'] });
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A realistic mix of list requests: windows of 1-3 months, one to three statuses, sometimes a sender, a recipient, a protocol number, a deep page or another sort. */
function pageQuery(i: number, sample: { taxIds: string[]; protocols: string[] }): unknown {
  const span = [30, 60, 90][i % 3]!;
  const end = NOW - ((i * 7919) % 330) * 86_400_000;
  const filter: Record<string, unknown> = { from: day(end - span * 86_400_000), to: day(end) };
  if (i % 4 !== 3) filter.statuses = LIVE.slice(i % LIVE.length, (i % LIVE.length) + 1 + (i % 3));
  if (i % 5 === 1) filter.senderTaxId = SENDERS[i % SENDERS.length];
  if (i % 7 === 2) filter.recipientTaxId = sample.taxIds[i % sample.taxIds.length];
  // A protocol number typed whole, or without its last two digits.
  if (i % 11 === 5) filter.protocol = sample.protocols[i % sample.protocols.length]!.slice(0, i % 2 === 0 ? undefined : -2);
  const sort = i % 6 === 4 ? 'status' : 'sentAt';
  return { filter, offset: (i % 10 === 9 ? 20 : i % 3) * 50, limit: 50, sort, direction: i % 2 === 0 ? 'desc' : 'asc' };
}

async function call<T>(ctx: Parameters<typeof dispatch>[0], op: string, input: unknown): Promise<T> {
  const env = await dispatch(ctx, CALLER, op, input);
  if (!env.ok) throw new Error(`${op}: ${env.error.code} ${env.error.message}`);
  return env.data as T;
}

/** Streams one export over HTTP, discarding the bytes; returns rows, seconds and the peak RSS seen. */
function download(port: number, path: string): Promise<{ lines: number; seconds: number; peakRss: number }> {
  return new Promise((resolve, reject) => {
    let peak = process.memoryUsage().rss;
    const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 25);
    const t0 = performance.now();
    let lines = 0;
    httpRequest({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      res.on('data', (c: Buffer) => { for (const b of c) if (b === 10) lines++; });
      res.on('end', () => {
        clearInterval(timer);
        resolve({ lines: lines - 1, seconds: (performance.now() - t0) / 1000, peakRss: Math.max(peak, process.memoryUsage().rss) });
      });
      res.on('error', reject);
    }).on('error', reject).end();
  });
}

export async function run(args: string[]): Promise<void> {
  const count = Number((arg(args, '--notifications') ?? '1000000').replace(/[_,]/g, ''));
  const keep = arg(args, '--keep');
  const dir = keep ?? mkdtempSync(join(tmpdir(), 'radd-bench-sender-'));
  if (!existsSync(join(dir, 'radd-desk.sqlite'))) build(dir, count);
  const config = loadConfig(['--data-dir', dir, '--port', '0', '--no-open', '--no-seed'], {});
  const host = await createHost(config, { transport: 'http', logger: createLogger(() => undefined), clock: { now: () => new Date(NOW) } });
  const http = await startHttpHost(host.ctx, { port: 0 });
  try {
    const ctx = host.ctx;
    const picked = await ctx.store.knex('notifications as n').join('recipients as r', 'r.nid', 'n.nid').select('r.tax_id', 'n.pa_protocol_number').orderByRaw('random()').limit(500);
    const sample = { taxIds: picked.map((r: { tax_id: string }) => r.tax_id), protocols: picked.map((r: { pa_protocol_number: string }) => r.pa_protocol_number) };
    for (let i = 0; i < 100; i++) await call<SenderListView>(ctx, 'sender.list', pageQuery(i, sample));
    const page = await measure(2000, (i) => call<SenderListView>(ctx, 'sender.list', pageQuery(i + 100, sample)));
    const periods = ['30d', '3m', '6m', '12m'];
    const dash = (i: number) => call<DashboardView>(ctx, 'sender.dashboard', { period: periods[i % 4], ...(i % 2 === 1 ? { senderTaxId: SENDERS[i % SENDERS.length] } : {}) });
    for (let i = 0; i < 20; i++) await dash(i);
    const dashboard = await measure(400, dash);
    // The latest days holding ~100k notifications (or everything in a smaller store).
    const year = await call<DashboardView>(ctx, 'sender.dashboard', { period: '12m' });
    let from = year.perDay.length - 1;
    for (let sum = 0; from > 0 && sum < 100_000; from--) sum += year.perDay[from]!.sent;
    const job = await call<SenderExportStartView>(ctx, 'sender.exportStart', { filter: { from: year.perDay[from]!.day, to: year.period.to } });
    const rssBefore = process.memoryUsage().rss;
    const csv = await download(http.port, job.downloadUrl);
    printFigure('sender.page_p99', page.p99, 'ms');
    printFigure('sender.dashboard_p99', dashboard.p99, 'ms');
    printFigure('sender.csv_100k_s', (csv.seconds * 100_000) / Math.max(1, csv.lines), 's');
    printFigure('sender.csv_peak_rss', csv.peakRss / 2 ** 20, 'MB', 0);
    printFigure('sender.page_p50', page.p50, 'ms');
    printFigure('sender.dashboard_p50', dashboard.p50, 'ms');
    printFigure('sender.csv_rows', csv.lines, 'rows', 0);
    printFigure('sender.csv_rss_before', rssBefore / 2 ** 20, 'MB', 0);
    printFigure('sender.notifications', await ctx.store.notifications.count(), 'notifications', 0);
  } finally {
    await http.close();
    await host.close();
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}
