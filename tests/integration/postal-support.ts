// Shared by the postal-* tests: a real browser-mode host on a temp SQLite store holding the
// postal cases (tests/e2e/data/postal-cases.ts), a fixed clock, and a typed-enough API caller.
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../electron/config.js';
import { createHost, type Host } from '../../electron/host.js';
import { startHttpHost, type HttpHost } from '../../electron/http-host.js';
import { createLogger } from '../../electron/logger.js';
import { buildPostalCases, seedPostalCases, type PostalCases } from '../e2e/data/postal-cases.js';

export const NOW_MS = Date.parse('2026-11-26T15:00:00Z');

export interface Reply<T = unknown> {
  status: number;
  body: { ok: boolean; data?: T; error?: { code: string; message: string; details?: Record<string, unknown> } };
}

export interface PostalHost {
  host: Host;
  cases: PostalCases;
  call<T = unknown>(op: string, input: unknown): Promise<Reply<T>>;
  /** The data of a call that must succeed (the error code otherwise, in the thrown message). */
  ok<T = unknown>(op: string, input: unknown): Promise<T>;
  /** The error code of a call that must fail. */
  refused(op: string, input: unknown): Promise<string>;
  /** Rows written so far: timeline elements of an IUN, analog_outcomes and outbox rows. */
  counts(iun?: string): Promise<{ elements: number; outcomes: number; outbox: number }>;
  close(): Promise<void>;
}

export async function startPostalHost(): Promise<PostalHost> {
  const dir = mkdtempSync(join(tmpdir(), 'radd-postal-'));
  const config = loadConfig(['--data-dir', dir, '--port', '0', '--no-open', '--no-seed'], {});
  const host = await createHost(config, { transport: 'http', logger: createLogger(() => undefined), clock: { now: () => new Date(NOW_MS) } });
  const cases = buildPostalCases(NOW_MS);
  await seedPostalCases(host.ctx.store, cases);
  const http: HttpHost = await startHttpHost(host.ctx, { port: 0 });

  function call<T>(op: string, input: unknown): Promise<Reply<T>> {
    return new Promise((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: http.port, path: `/api/${op}`, method: 'POST',
        headers: { 'content-type': 'application/json', 'x-radd-token': http.token, 'accept-language': 'it' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
      });
      req.on('error', reject);
      req.end(JSON.stringify(input));
    });
  }

  const knex = host.ctx.store.knex;
  const count = async (table: string, where: Record<string, unknown> = {}) => Number(((await knex(table).where(where).count({ c: '*' })) as { c: number }[])[0]!.c);

  return {
    host, cases, call,
    async ok<T>(op: string, input: unknown): Promise<T> {
      const r = await call<T>(op, input);
      if (!r.body.ok) throw new Error(`${op} refused: ${r.body.error?.code} ${r.body.error?.message}`);
      return r.body.data as T;
    },
    async refused(op: string, input: unknown): Promise<string> {
      const r = await call(op, input);
      if (r.body.ok) throw new Error(`${op} unexpectedly succeeded`);
      return r.body.error!.code;
    },
    async counts(iun?: string) {
      return {
        elements: await count('timeline_elements', iun ? { nid: knex('notifications').select('nid').where('iun', iun) } : {}),
        outcomes: await count('analog_outcomes', iun ? { iun } : {}),
        outbox: await count('outbox'),
      };
    },
    async close() {
      await http.close();
      await host.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A tiny but complete PNG (1×1), as a scanner would save. */
export const PNG_1x1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** Uploads a file as the screen does: 512 KiB chunks with their offsets. */
export async function uploadScan(h: PostalHost, bytes: Buffer, fileName = 'ricevuta.png'): Promise<string> {
  const size = 512 * 1024;
  let uploadId: string | undefined;
  for (let offset = 0; ; offset += size) {
    const last = offset + size >= bytes.length;
    const out = await h.ok<{ uploadId: string; scan: { sha256: string } | null }>('postal.uploadScan',
      { ...(uploadId ? { uploadId } : {}), fileName, offset, chunk: bytes.subarray(offset, offset + size).toString('base64'), last });
    uploadId = out.uploadId;
    if (last) return out.scan!.sha256;
  }
}

export { romeLocal } from '../e2e/data/postal-cases.js';
