// Desk benchmark: `npx tsx tests/bench/index.ts desk [--notifications N] [--keep DIR] [--rounds R]`.
// Builds a store of N simulated notifications (default 1,000,000) with the store benchmark's own
// builder, gives a sample of them an AAR token and an act file, starts the real browser-mode host
// on it, and measures what a clerk waits for, through the HTTP API:
//   desk.qr_lookup_p99: the QR scanned -> the ACT result list (identifyInput, checkIdentity, inquiry)
//   desk.aor_list_p99: the tax code typed -> the AOR list (identifyInput, checkIdentity, inquiry)
// (the clerk's typing in between is not part of it; the notifications are the store bench's).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAarToken } from '../../core/index.js';
import { openStore, type Store } from '../../db/store.js';
import { loadConfig } from '../../electron/config.js';
import { createHost } from '../../electron/host.js';
import { startHttpHost, type HttpHost } from '../../electron/http-host.js';
import { createLogger } from '../../electron/logger.js';
import { actPdf } from '../e2e/data/desk-cases.js';
import { BENCH_SCAN_PNG, benchIdentification, measure, printFigure } from '../support/store-bench.js';

const SAMPLES = 2000;

function option(args: string[], flag: string): string | undefined {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
}

function build(filename: string, dataDir: string, count: number): void {
  const script = join(dirname(fileURLToPath(import.meta.url)), '..', 'support', 'store-bench-build.ts');
  execFileSync('npx', ['tsx', script, filename, dataDir, String(count)], { stdio: ['ignore', 'ignore', 'inherit'] });
}

interface Samples {
  qr: Array<{ url: string; taxId: string; recipientType: string }>;
  aor: Array<{ taxId: string; recipientType: string }>;
  scan: string;
}

/** Notifications a desk can serve get a token and an act on disk; unreachable recipients are the AOR keys. */
async function prepare(store: Store): Promise<Samples> {
  const rows = await store.knex('notifications as n').join('recipients as r', (j) => j.on('r.nid', 'n.nid').andOnVal('r.rec_index', 0))
    .whereNotIn('n.status', ['REFUSED', 'CANCELLED', 'IN_VALIDATION']).orderByRaw('random()').limit(SAMPLES)
    .select<{ iun: string; tax_id: string; recipient_type: string }[]>('n.iun', 'r.tax_id', 'r.recipient_type');
  const pdf = await actPdf('BENCH', 'Atto');
  const { sha256 } = await store.files.put(pdf);
  const qr: Samples['qr'] = [];
  for (const [i, r] of rows.entries()) {
    const docs = await store.knex('documents').where('nid', store.knex('notifications').select('nid').where('iun', r.iun)).pluck('doc_index');
    for (const d of docs) await store.notifications.setDocumentRef(r.iun, Number(d), sha256);
    const token = buildAarToken(r.iun, `PF-bench-${i}`, `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    await store.aarTokens.put(token, r.iun, 0);
    qr.push({ url: `https://cittadini.notifichedigitali.it/notifica?aar=${token}`, taxId: r.tax_id, recipientType: r.recipient_type });
  }
  const aor = await store.knex('recipients').where({ outcome: 'UNREACHABLE', pending: true }).orderByRaw('random()').limit(SAMPLES)
    .select<{ tax_id: string; recipient_type: string }[]>('tax_id', 'recipient_type');
  const scan = (await store.files.put(BENCH_SCAN_PNG)).sha256;
  return { qr, aor: aor.map((a) => ({ taxId: a.tax_id, recipientType: a.recipient_type })), scan };
}

function client(http: HttpHost) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  return (op: string, input: unknown) => new Promise<{ ok: boolean; error?: { code: string } }>((resolve, reject) => {
    const body = JSON.stringify(input);
    const req = httpRequest({ host: '127.0.0.1', port: http.port, path: `/api/${op}`, method: 'POST', agent, headers: { 'content-type': 'application/json', 'x-radd-token': http.token, 'content-length': Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
    });
    req.on('error', reject);
    req.end(body);
  });
}

export async function run(args: string[]): Promise<void> {
  const count = Number((option(args, '--notifications') ?? '1000000').replace(/[_,]/g, ''));
  const rounds = Number(option(args, '--rounds') ?? '2000');
  const keep = option(args, '--keep');
  const dir = keep ?? mkdtempSync(join(tmpdir(), 'radd-bench-desk-'));
  const filename = join(dir, 'bench.sqlite');
  if (!existsSync(filename)) build(filename, dir, count);
  const prepStore = await openStore({ client: 'sqlite3', filename, dataDir: dir });
  const samples = await prepare(prepStore);
  const stored = await prepStore.notifications.count();
  await prepStore.close();
  const config = loadConfig(['--data-dir', dir, '--db', filename, '--port', '0', '--no-open', '--no-seed'], {});
  const host = await createHost(config, { transport: 'http', logger: createLogger(() => undefined) });
  const http = await startHttpHost(host.ctx, { port: 0 });
  const call = client(http);
  const failures: Record<string, number> = {};
  const count_ = (r: { ok: boolean; error?: { code: string } }) => { if (!r.ok) failures[r.error!.code] = (failures[r.error!.code] ?? 0) + 1; };
  // The calls the counter screens make on the way: start field, identity check, inquiry.
  const qrLookup = async (i: number) => {
    const s = samples.qr[i % samples.qr.length]!;
    const id = benchIdentification(s.taxId, s.recipientType, samples.scan);
    count_(await call('desk.identifyInput', { text: s.url }));
    count_(await call('desk.checkIdentity', { identification: id }));
    count_(await call('desk.inquiry', { mode: 'ACT', qrCode: s.url, identification: id }));
  };
  const aorList = async (i: number) => {
    const s = samples.aor[(i * 7919) % samples.aor.length]!;
    const id = benchIdentification(s.taxId, s.recipientType, samples.scan);
    count_(await call('desk.identifyInput', { text: s.taxId }));
    count_(await call('desk.checkIdentity', { identification: id }));
    count_(await call('desk.inquiry', { mode: 'AOR', identification: id }));
  };
  try {
    await measure(200, qrLookup);
    await measure(200, aorList);
    for (const k of Object.keys(failures)) delete failures[k];
    const qr = await measure(rounds, qrLookup);
    const aor = await measure(rounds, aorList);
    printFigure('desk.qr_lookup_p99', qr.p99, 'ms');
    printFigure('desk.aor_list_p99', aor.p99, 'ms');
    printFigure('desk.qr_lookup_p50', qr.p50, 'ms');
    printFigure('desk.aor_list_p50', aor.p50, 'ms');
    printFigure('desk.notifications', stored, 'notifications', 0);
    printFigure('desk.refused_calls', Object.values(failures).reduce((a, b) => a + b, 0), `calls ${JSON.stringify(failures)}`, 0);
  } finally {
    await http.close();
    await host.close();
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}
