// Shared by the desk integration tests: a real browser-mode host on a temp SQLite store seeded
// with the desk cases, the API over real HTTP, and the identification a clerk would type.
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { loadConfig } from '../../electron/config.js';
import { createHost, type Host } from '../../electron/host.js';
import { startHttpHost, type HttpHost } from '../../electron/http-host.js';
import { createLogger } from '../../electron/logger.js';
import { openStore } from '../../db/store.js';
import { seedDeskCases, type DeskCase } from '../e2e/data/desk-cases.js';

export interface Reply<T = unknown> {
  status: number;
  body: { ok: boolean; data?: T; error?: { code: string; message: string } };
  raw: Buffer;
  headers: Record<string, string | string[] | undefined>;
}

export interface DeskHost {
  dir: string;
  host: Host;
  http: HttpHost;
  cases: DeskCase[];
  nowMs: number;
  api<T = Record<string, unknown>>(op: string, input: unknown): Promise<Reply<T>>;
  get(path: string): Promise<Reply>;
  /** Stops the host and starts a new one on the same data directory (an app restart). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

function send(port: number, path: string, method: string, headers: Record<string, string>, body?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        let parsed: Reply['body'];
        try { parsed = JSON.parse(raw.toString('utf8')); } catch { parsed = { ok: false }; }
        resolve({ status: res.statusCode ?? 0, body: parsed, raw, headers: res.headers });
      });
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/** Starts a host whose store holds the demo data and the desk cases (relative to the real clock). */
export async function startDeskHost(prefix: string): Promise<DeskHost> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const nowMs = Date.now();
  const store = await openStore({ client: 'sqlite3', filename: join(dir, 'radd-desk.sqlite'), dataDir: dir });
  const cases = await seedDeskCases(store, nowMs);
  await store.close();
  const config = loadConfig(['--data-dir', dir, '--port', '0', '--no-open', '--no-seed'], {});
  const boot = async () => {
    const host = await createHost(config, { transport: 'http', logger: createLogger(() => undefined) });
    return { host, http: await startHttpHost(host.ctx, { port: 0 }) };
  };
  let running = await boot();
  const h: DeskHost = {
    dir, cases, nowMs,
    get host() { return running.host; },
    get http() { return running.http; },
    api: (op, input) => send(running.http.port, `/api/${op}`, 'POST', { 'content-type': 'application/json', 'x-radd-token': running.http.token }, JSON.stringify(input)) as Promise<Reply<never>>,
    get: (path) => send(running.http.port, path, 'GET', {}),
    async restart() {
      await running.http.close();
      await running.host.close();
      running = await boot();
    },
    async close() {
      await running.http.close();
      await running.host.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return h;
}

/** A valid identity document expiring in the future. */
export function idDocument(number = 'CA12345AB') {
  return { type: 'CARTA_IDENTITA_ELETTRONICA', number, issuer: 'Comune di Roma', issueDate: '2019-03-01', expiryDate: '2029-03-01' };
}

/** A tiny real PNG (1x1): what a scanner saves, as far as the desk can tell. */
export const PNG_1X1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

export async function uploadScan(h: DeskHost, name = 'scan.png', bytes: Buffer = PNG_1X1): Promise<string> {
  const r = await h.api<{ scanId: string }>('desk.uploadScan', { fileName: name, dataBase64: bytes.toString('base64') });
  if (!r.body.ok) throw new Error(`upload failed: ${JSON.stringify(r.body.error)}`);
  return r.body.data!.scanId;
}

/** The identification of a recipient collecting in person, with the ID scan uploaded. */
export async function recipientIdentification(h: DeskHost, taxId: string) {
  return { recipientType: 'PF', recipientTaxId: taxId, collector: 'RECIPIENT', recipientDocument: idDocument(), scans: { recipientId: await uploadScan(h) } };
}

/** A delegate with their document, the recipient's document copy and the signed delegation form. */
export async function delegateIdentification(h: DeskHost, recipientTaxId: string, delegate: { taxId: string; denomination: string }) {
  return {
    recipientType: 'PF', recipientTaxId, collector: 'DELEGATE', recipientDocument: idDocument('CA00001AA'),
    delegate: { taxId: delegate.taxId, denomination: delegate.denomination, document: { ...idDocument('YA1234567'), type: 'PASSAPORTO' } },
    scans: { recipientId: await uploadScan(h, 'id-recipient.png'), delegateId: await uploadScan(h, 'id-delegate.png'), delegationForm: await uploadScan(h, 'delega.png') },
  };
}

export const newOperationId = (): string => randomUUID();

export function caseOf(h: DeskHost, name: DeskCase['name']): DeskCase {
  const c = h.cases.find((x) => x.name === name);
  if (!c) throw new Error(`no case ${name}`);
  return c;
}

/** Prints the operation's bundle, ticks every document handed over and completes it: its answer. */
export async function pickUp<T extends { documents: { position: number }[] }>(h: DeskHost, operationId: string): Promise<T> {
  const printed = await h.api<T>('desk.printBundle', { operationId });
  if (!printed.body.ok) throw new Error(JSON.stringify(printed.body.error));
  for (const d of printed.body.data!.documents) await h.api('desk.markHandedOver', { operationId, position: d.position, handedOver: true });
  const done = await h.api<T>('desk.completeTransaction', { operationId });
  if (!done.body.ok) throw new Error(JSON.stringify(done.body.error));
  return done.body.data!;
}
