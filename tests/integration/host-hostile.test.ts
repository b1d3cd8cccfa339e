// Hostile requests against the browser-mode host: no or wrong token, other origins, oversize and
// malformed bodies, unknown operations, broken HTTP, then 10,000 fuzzed inputs generated from the
// zod schema of every operation (plus junk). 0 crashes, 0 HTTP 500; every refusal carries a
// stable code of the catalogue, with the HTTP status of that code, and so does every field error,
// whose message is the catalogue's (never the validation library's English).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { isErrorCode } from '../../core/index.js';
import { contract } from '../../electron/api/contract/index.js';
import { httpStatusOf } from '../../electron/api/errors.js';
import { MAX_BODY_BYTES, startHttpHost } from '../../electron/http-host.js';
import { startAuthHost, type AuthHost } from './auth-support.js';
import { rng, ZodFuzzer } from './zod-fuzz.js';

let h: AuthHost;
let root: string;
let clerk: string;

interface RawReply { status: number; headers: Record<string, string | string[] | undefined>; text: string }

function raw(path: string, opts: { method?: string; headers?: Record<string, string>; body?: string | Buffer; chunks?: Buffer[] } = {}): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: h.http.port, path, method: opts.method ?? 'POST', headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    for (const c of opts.chunks ?? []) req.write(c);
    req.end(opts.body);
  });
}

const api = (token = h.http.token, extra: Record<string, string> = {}) => ({ 'content-type': 'application/json', 'x-radd-token': token, 'x-radd-session': root, ...extra });

function envelopeCode(r: RawReply): string | undefined {
  try {
    return (JSON.parse(r.text) as { error?: { code?: string } }).error?.code;
  } catch {
    return undefined;
  }
}

beforeAll(async () => {
  h = await startAuthHost();
  const admin = await h.loginAs('admin');
  const created = await h.call('admin.createOperator', { username: 'fuzz.root', displayName: 'Fuzz', roles: ['clerk', 'postal', 'sender', 'admin'], password: 'fuzz-root-password-1' }, admin);
  expect(created.body.ok).toBe(true);
  root = await h.login('fuzz.root', 'fuzz-root-password-1');
  clerk = await h.loginAs('clerk');
});
afterAll(async () => h?.close());

describe('hostile requests', () => {
  it('binds 127.0.0.1 only and draws a fresh random token per run', async () => {
    const addr = h.http.server.address();
    expect(typeof addr === 'object' && addr?.address).toBe('127.0.0.1');
    const other = await startAuthHost();
    try {
      expect(other.http.token).not.toBe(h.http.token);
      expect(other.http.token.length).toBeGreaterThanOrEqual(32);
    } finally {
      await other.close();
    }
  });

  it('refuses no token, a wrong one, and a token passed in the query string (401 UNAUTHORIZED)', async () => {
    for (const [path, headers] of [
      ['/api/system.info', { 'content-type': 'application/json' }],
      ['/api/system.info', api('x'.repeat(32))],
      ['/api/system.info', api(h.http.token.slice(0, -1))],
      [`/api/system.info?token=${h.http.token}`, { 'content-type': 'application/json' }],
    ] as const) {
      const r = await raw(path, { headers, body: '{}' });
      expect([r.status, envelopeCode(r)], path).toEqual([401, 'UNAUTHORIZED']);
    }
  });

  it('refuses other origins and foreign Host headers (403 FORBIDDEN), and answers no CORS preflight', async () => {
    for (const origin of ['http://evil.example', 'null', `http://127.0.0.1:${h.http.port + 1}`, `https://127.0.0.1:${h.http.port}`]) {
      const r = await raw('/api/system.info', { headers: api(undefined, { origin }), body: '{}' });
      expect([r.status, envelopeCode(r)], origin).toEqual([403, 'FORBIDDEN']);
    }
    const rebound = await raw('/api/system.info', { headers: api(undefined, { host: 'attacker.example' }), body: '{}' });
    expect([rebound.status, envelopeCode(rebound)]).toEqual([403, 'FORBIDDEN']);
    const preflight = await raw('/api/system.info', { method: 'OPTIONS', headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST' } });
    expect(preflight.status).toBeGreaterThanOrEqual(400);
    expect(Object.keys(preflight.headers).filter((k) => k.startsWith('access-control-'))).toEqual([]);
  });

  it('refuses bodies over 1 MiB, declared or streamed without a length (413 PAYLOAD_TOO_LARGE)', async () => {
    const big = Buffer.alloc(MAX_BODY_BYTES + 10, 0x61);
    const declared = await raw('/api/system.info', { headers: api(), body: big });
    expect([declared.status, envelopeCode(declared)]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    const streamed = await raw('/api/system.info', { headers: { ...api(), 'transfer-encoding': 'chunked' }, chunks: [big.subarray(0, 600_000), big.subarray(600_000)] });
    expect([streamed.status, envelopeCode(streamed)]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
  });

  it('answers a file over an upload\'s limit with the limit, not a bare "request too large" (413 UPLOAD_TOO_LARGE)', async () => {
    for (const [op, maxMb] of [['desk.uploadScan', '15'], ['sender.uploadDocument', '30']] as const) {
      const cap = contract[op].maxBodyBytes!;
      const big = Buffer.alloc(cap + 10, 0x61);
      const reply = await raw(`/api/${op}`, { headers: api(undefined, { 'x-radd-locale': 'it' }), body: big });
      expect([reply.status, envelopeCode(reply)], op).toEqual([413, 'UPLOAD_TOO_LARGE']);
      expect((JSON.parse(reply.text) as { error: { message: string } }).error.message).toBe(`File troppo grande: il massimo è ${maxMb} MB`);
    }
  });

  it('refuses malformed JSON and other content types (400 MALFORMED_REQUEST); deep nesting does no harm', async () => {
    for (const body of ['{', '{"a":1,}', "{'a':1}", '\u0000', 'undefined', Buffer.from([0xff, 0xfe, 0x7b])]) {
      const r = await raw('/api/system.info', { headers: api(), body });
      expect([r.status, envelopeCode(r)], String(body)).toEqual([400, 'MALFORMED_REQUEST']);
    }
    const text = await raw('/api/system.info', { headers: api(undefined, { 'content-type': 'text/plain' }), body: '{}' });
    expect(envelopeCode(text)).toBe('MALFORMED_REQUEST');
    const deep = await raw('/api/admin.listOperators', { headers: api(), body: '['.repeat(400_000) + ']'.repeat(400_000) });
    expect([deep.status, envelopeCode(deep)]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('answers unknown operations, prototype names and broken escapes with 404 UNKNOWN_OPERATION', async () => {
    for (const op of ['nope.nothing', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '%E0%A4%A', '', 'auth.login%2F..%2Fadmin.listOperators', 'a'.repeat(500)]) {
      const r = await raw(`/api/${op}`, { headers: api(), body: '{}' });
      expect([r.status, envelopeCode(r)], op).toEqual([404, 'UNKNOWN_OPERATION']);
    }
  });

  it('answers requests Node\'s HTTP parser rejects with the JSON envelope (400)', async () => {
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = connect(h.http.port, '127.0.0.1', () => socket.write('POST /api/system.info HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n{}'));
      let text = '';
      socket.on('data', (d) => { text += d.toString(); });
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(reply).toMatch(/^HTTP\/1\.1 400/);
    expect(reply).toContain('"code":"MALFORMED_REQUEST"');
  });

  it('answers a request that stalls half-way with 408 REQUEST_TIMEOUT (retryable), not 400', async () => {
    const slow = await startHttpHost(h.host.ctx, { port: 0, timeouts: { headersMs: 300, requestMs: 600, checkEveryMs: 50 } });
    const talk = (bytes: string) => new Promise<string>((resolve, reject) => {
      const socket = connect(slow.port, '127.0.0.1', () => socket.write(bytes));
      let text = '';
      socket.on('data', (d) => { text += d.toString(); });
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    try {
      const head = `POST /api/system.info HTTP/1.1\r\nHost: 127.0.0.1:${slow.port}\r\nContent-Type: application/json\r\nX-Radd-Token: ${slow.token}\r\n`;
      // Headers never finished, then a body that never arrives: both stall past their timeout.
      for (const bytes of [head, `${head}Content-Length: 20\r\n\r\n{"a"`]) {
        const reply = await talk(bytes);
        expect(reply).toMatch(/^HTTP\/1\.1 408/);
        expect(reply).toContain('"code":"REQUEST_TIMEOUT"');
        expect(httpStatusOf('REQUEST_TIMEOUT')).toBe(408);
      }
      // A connection opened ahead of need and never used is closed without a word: bytes written
      // on it would be taken by the browser as the answer to the next request it sends there.
      expect(await talk('')).toBe('');
    } finally {
      await slow.close();
    }
  });
});

describe('fuzzing every operation from its zod schema', () => {
  const TOTAL = 10_000;
  const CONCURRENCY = 8;
  const seed = Number(process.env.RADD_FUZZ_SEED ?? 20261126);

  it(`survives ${TOTAL} generated and junk requests: 0 crashes, 0 HTTP 500, only stable codes`, async () => {
    const fz = new ZodFuzzer(rng(seed));
    const ops = Object.keys(contract).filter((op) => op !== 'auth.logout');
    const stats = { tried: 0, ok: 0, refused: 0, crashes: 0, http500: 0, unstable: [] as string[], english: [] as string[], codes: new Map<string, number>() };
    // zod's own (English) message phrases: every field error must come from the catalogue instead.
    const zodEnglish = /Too small|Too big|Invalid input|Invalid string|Invalid option|Invalid discriminator|Invalid element|Invalid key|Unrecognized key|\bexpected [a-z]|\breceived [a-z]/;

    function nextCase(): { path: string; headers: Record<string, string>; body: string } {
      const r = fz.pick([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4]);
      const op = fz.pick(ops);
      const input = r === 1 ? fz.junk(4) : fz.input(contract[op as keyof typeof contract].input);
      const body = JSON.stringify(input) ?? '{}';
      if (r === 2) return { path: `/api/${encodeURIComponent(fz.pick(['nope', '__proto__', 'constructor', op + '.x', op.toUpperCase(), 'a'.repeat(300)]))}`, headers: api(), body };
      if (r === 3) return { path: `/api/${op}`, headers: api(), body: body.slice(0, Math.floor(body.length * fz.pick([0.3, 0.6, 0.9]))) + fz.pick(['', '}', '\u0000', ',,']) };
      if (r === 4) return { path: `/api/${op}`, headers: api(undefined, { 'x-radd-session': fz.pick(['', 'forged', clerk, root.slice(1)]) }), body };
      return { path: `/api/${op}`, headers: api(), body };
    }

    async function worker(): Promise<void> {
      while (stats.tried < TOTAL) {
        stats.tried++;
        const c = nextCase();
        let reply: RawReply;
        try {
          reply = await raw(c.path, { headers: c.headers, body: c.body });
        } catch {
          stats.crashes++;
          continue;
        }
        if (reply.status >= 500) stats.http500++;
        let env: { ok?: boolean; error?: { code?: string; message?: string; details?: { fields?: { path: string; code: string; message: string }[] } } };
        try {
          env = JSON.parse(reply.text) as typeof env;
        } catch {
          stats.crashes++;
          continue;
        }
        if (env.ok === true && reply.status === 200) stats.ok++;
        else {
          const code = env.error?.code ?? '';
          stats.refused++;
          stats.codes.set(code, (stats.codes.get(code) ?? 0) + 1);
          if (!isErrorCode(code) || httpStatusOf(code) !== reply.status) stats.unstable.push(`${reply.status} ${code} ${c.path}`);
          for (const f of env.error?.details?.fields ?? []) {
            if (!isErrorCode(f.code)) stats.unstable.push(`field ${f.path} ${f.code} ${c.path}`);
            if (zodEnglish.test(f.message)) stats.english.push(`${c.path} ${f.path}: ${f.message}`);
          }
          if (zodEnglish.test(env.error?.message ?? '')) stats.english.push(`${c.path}: ${env.error?.message}`);
        }
      }
    }

    const started = Date.now();
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const codes = [...stats.codes].sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c}=${n}`).join(' ');
    console.log(`fuzz (seed ${seed}): tried ${stats.tried}, answered ok ${stats.ok}, refused ${stats.refused}, crashes ${stats.crashes}, http 500 ${stats.http500}, unstable codes ${stats.unstable.length}, ${Date.now() - started} ms`);
    console.log(`fuzz refusals by code: ${codes}`);
    expect(stats.tried).toBeGreaterThanOrEqual(TOTAL);
    expect(stats.crashes).toBe(0);
    expect(stats.http500).toBe(0);
    expect(stats.unstable).toEqual([]);
    expect(stats.english.slice(0, 10)).toEqual([]);
    expect(stats.ok).toBeGreaterThan(100);
    // Still serving, and the audit chain written by concurrent calls is intact.
    expect((await h.call('system.info', {}, root)).body.ok).toBe(true);
    const verify = await h.call<{ ok: boolean; checked: number }>('audit.verify', {}, root);
    expect(verify.body.data).toMatchObject({ ok: true });
    console.log(`fuzz: audit entries written and verified: ${verify.body.data?.checked}`);
  }, 240_000);
});
