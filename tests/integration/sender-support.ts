// A browser-mode host on a temp store with a fixed clock and the sender cases of sender-cases.ts,
// for the sender integration tests.
export * from './sender-cases.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseInstant } from '../../core/index.js';
import { importCases, NOW, standardCases, type SenderCase } from './sender-cases.js';
import { loadConfig } from '../../electron/config.js';
import { createHost, type Host } from '../../electron/host.js';
import { startHttpHost, type HttpHost } from '../../electron/http-host.js';
import { createLogger } from '../../electron/logger.js';

export interface SenderHost {
  host: Host;
  http: HttpHost;
  dir: string;
  api<T = unknown>(op: string, input: unknown, locale?: 'it' | 'en'): Promise<{ status: number; ok: boolean; data: T; error?: { code: string; message: string; details?: { fields?: { path: string; code: string; message: string }[] } } }>;
  get(path: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>;
  close(): Promise<void>;
}

/** A browser-mode host on a temp store (demo data not seeded), clock fixed at `now`, with `cases`. */
export async function startSenderHost(cases: readonly SenderCase[] = standardCases(), now = NOW): Promise<SenderHost> {
  const dir = mkdtempSync(join(tmpdir(), 'radd-sender-'));
  const config = loadConfig(['--data-dir', dir, '--port', '0', '--no-open', '--no-seed'], {});
  const clock = { now: () => new Date(parseInstant(now)) };
  const host = await createHost(config, { transport: 'http', logger: createLogger(() => undefined), clock });
  await importCases(host.ctx.store, cases);
  const http = await startHttpHost(host.ctx, { port: 0 });
  const request = (path: string, method: string, headers: Record<string, string>, body?: string) =>
    new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: http.port, path, method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      });
      req.on('error', reject);
      if (body) req.write(body);
      req.end();
    });
  return {
    host, http, dir,
    async api(op, input, locale = 'it') {
      const r = await request(`/api/${op}`, 'POST', { 'content-type': 'application/json', 'x-radd-token': http.token, 'x-radd-locale': locale }, JSON.stringify(input));
      const env = JSON.parse(r.body.toString('utf8'));
      return { status: r.status, ok: env.ok, data: env.data, error: env.error };
    },
    get: (path) => request(path, 'GET', {}),
    async close() {
      await http.close();
      await host.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
