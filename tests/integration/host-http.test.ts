// The browser-mode host over real HTTP on 127.0.0.1, on a real SQLite file with the demo data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deskIdentitySchema } from '../../electron/api/contract/admin.js';
import { DEMO_DESK_IDENTITY, getDeskIdentity } from '../../electron/auth/desk-settings.js';
import { loadConfig } from '../../electron/config.js';
import { createHost, type Host } from '../../electron/host.js';
import { startHttpHost, type HttpHost } from '../../electron/http-host.js';
import { createLogger } from '../../electron/logger.js';

let dir: string;
let host: Host;
let http: HttpHost;
const logLines: string[] = [];

interface Reply { status: number; body: { ok: boolean; data?: unknown; error?: { code: string; message: string; details?: { fields?: { path: string; code: string }[] } } }; headers: Record<string, string | string[] | undefined> }

function raw(path: string, opts: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: http.port, path, method: opts.method ?? 'POST', headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: Reply['body'];
        try { body = JSON.parse(text); } catch { body = { ok: false, error: { code: 'NOT_JSON', message: text.slice(0, 80) } }; }
        resolve({ status: res.statusCode ?? 0, body, headers: res.headers });
      });
    });
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

function api(op: string, input: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return raw(`/api/${op}`, { headers: { 'content-type': 'application/json', 'x-radd-token': http.token, ...headers }, body: JSON.stringify(input) });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'radd-http-'));
  const config = loadConfig(['--data-dir', dir, '--port', '0', '--no-open'], {});
  host = await createHost(config, { transport: 'http', logger: createLogger((l) => logLines.push(l)) });
  http = await startHttpHost(host.ctx, { port: 0 });
});

afterAll(async () => {
  await http?.close();
  await host?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('browser-mode host', () => {
  it('listens on the loopback address only', () => {
    const addr = http.server.address();
    expect(typeof addr === 'object' && addr?.address).toBe('127.0.0.1');
  });

  it('finds a demo notification by IUN through the API table', async () => {
    const res = await api('notifications.getByIun', { iun: 'QDUX-GHKP-JNAM-202603-T-1' });
    expect(res.status).toBe(200);
    expect(res.body.ok).toBe(true);
    expect(res.body.data).toMatchObject({ iun: 'QDUX-GHKP-JNAM-202603-T-1', status: 'EFFECTIVE_DATE', statusLabel: { it: 'Perfezionata per decorrenza termini' } });
  });

  it('gives the demo store a demo desk, named on receipts and stamped on sessions', async () => {
    expect(await getDeskIdentity(host.ctx.store)).toEqual(DEMO_DESK_IDENTITY);
    expect(deskIdentitySchema.parse(DEMO_DESK_IDENTITY)).toEqual(DEMO_DESK_IDENTITY);
  });

  it('accepts a lower-case IUN without dashes (normalised by the core parser)', async () => {
    const res = await api('notifications.getByIun', { iun: 'quxghkpjnam202603t1'.replace('qux', 'qdux') });
    expect(res.body.ok).toBe(true);
  });

  it('refuses a wrong check character with VALIDATION_FAILED and the field code of the core', async () => {
    const res = await api('notifications.getByIun', { iun: 'QDUX-GHKP-JNAM-202603-A-1' });
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe('VALIDATION_FAILED');
    expect(res.body.error?.details?.fields).toEqual([expect.objectContaining({ path: 'iun', code: 'IUN_INVALID_CHECK_CHAR' })]);
    expect(res.body.error?.message).toMatch(/controllo/);
  });

  it('answers in English when asked', async () => {
    const res = await api('notifications.getByIun', { iun: 'KWKU-JHXN-HJXM-202304-U-1' }, { 'x-radd-locale': 'en' });
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: 'NOTIFICATION_NOT_FOUND', message: 'Notification not found' });
  });

  it('refuses requests without the token, or with a wrong one, with 401 and nothing else', async () => {
    const variants: Record<string, string>[] = [{ 'content-type': 'application/json' }, { 'content-type': 'application/json', 'x-radd-token': 'wrong' }, { 'content-type': 'application/json', 'x-radd-token': http.token + 'x' }];
    for (const headers of variants) {
      const res = await raw('/api/notifications.getByIun', { headers, body: JSON.stringify({ iun: 'QDUX-GHKP-JNAM-202603-T-1' }) });
      expect(res.status).toBe(401);
      // Nothing else but the hint that the token (not a session) was refused: the sign-in screen
      // then says to open the address the host printed instead of asking to sign in again.
      expect(res.body).toEqual({ ok: false, error: { code: 'UNAUTHORIZED', message: expect.any(String), details: { credential: 'token' } } });
    }
  });

  it('refuses a foreign Host header (DNS rebinding) and a foreign Origin (cross-site)', async () => {
    expect((await api('system.info', {}, { host: 'evil.example:80' })).status).toBe(403);
    expect((await api('system.info', {}, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await api('system.info', {}, { origin: `http://127.0.0.1:${http.port}` })).status).toBe(200);
  });

  it('refuses oversize bodies, malformed JSON, other content types and unknown operations with stable codes', async () => {
    const big = JSON.stringify({ iun: 'x'.repeat(2 * 1024 * 1024) });
    expect((await api('notifications.getByIun', JSON.parse(big))).body.error?.code).toBe('PAYLOAD_TOO_LARGE');
    const bad = await raw('/api/system.info', { headers: { 'content-type': 'application/json', 'x-radd-token': http.token }, body: '{"a":' });
    expect([bad.status, bad.body.error?.code]).toEqual([400, 'MALFORMED_REQUEST']);
    const form = await raw('/api/system.info', { headers: { 'content-type': 'text/plain', 'x-radd-token': http.token }, body: '{}' });
    expect(form.body.error?.code).toBe('MALFORMED_REQUEST');
    const unknown = await api('nope.nothing', {});
    expect([unknown.status, unknown.body.error?.code]).toEqual([404, 'UNKNOWN_OPERATION']);
    const get = await raw('/api/system.info', { method: 'GET', headers: { 'x-radd-token': http.token } });
    expect(get.body.error?.code).toBe('UNKNOWN_OPERATION');
  });

  it('sends the CSP and no CORS headers', async () => {
    const res = await api('system.info', {}, { origin: `http://127.0.0.1:${http.port}` });
    expect(String(res.headers['content-security-policy'])).toContain("script-src 'self'");
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('never writes a tax code into the host log', async () => {
    await api('notifications.getByIun', { iun: 'QDUX-GHKP-JNAM-202603-T-1' });
    expect(logLines.join('\n')).not.toMatch(/RSSMRA85T10A562S/);
  });
});
