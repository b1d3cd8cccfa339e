// Shared by the auth-*, audit-*, api-roles and host-hostile tests: a real browser-mode host on a
// temp SQLite store, with the demo operators (RADD_DEMO_OPERATORS=1), a cheap scrypt and a clock
// the test moves.
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_OPERATORS } from '../../electron/auth/bootstrap.js';
import { FAST_TEST_SCRYPT } from '../../electron/auth/password.js';
import { loadConfig } from '../../electron/config.js';
import { createHost, type Host, type HostOptions } from '../../electron/host.js';
import { startHttpHost, type HttpHost } from '../../electron/http-host.js';
import { createLogger } from '../../electron/logger.js';

export class TestClock {
  constructor(private ms = Date.parse('2026-03-12T09:00:00Z')) {}
  now(): Date {
    return new Date(this.ms);
  }
  advanceMinutes(m: number): void {
    this.ms += m * 60_000;
  }
  advanceSeconds(s: number): void {
    this.ms += s * 1000;
  }
}

export interface Reply<T = unknown> {
  status: number;
  body: { ok: boolean; data?: T; error?: { code: string; message: string; details?: Record<string, unknown> } };
}

export interface AuthHost {
  dir: string;
  host: Host;
  http: HttpHost;
  clock: TestClock;
  logLines: string[];
  printed: string[];
  call<T = unknown>(op: string, input: unknown, session?: string, headers?: Record<string, string>): Promise<Reply<T>>;
  login(username: string, password: string): Promise<string>;
  loginAs(role: 'clerk' | 'postal' | 'sender' | 'admin'): Promise<string>;
  close(): Promise<void>;
}

export function demoPassword(username: string): string {
  return DEMO_OPERATORS.find((o) => o.username === username)!.password;
}

export async function startAuthHost(options: { env?: NodeJS.ProcessEnv; bootstrap?: boolean; seed?: boolean; host?: Partial<HostOptions>; args?: string[] } = {}): Promise<AuthHost> {
  const dir = mkdtempSync(join(tmpdir(), 'radd-auth-'));
  const clock = new TestClock();
  const logLines: string[] = [];
  const printed: string[] = [];
  const config = loadConfig(['--data-dir', dir, '--port', '0', '--no-open', ...(options.seed ? [] : ['--no-seed']), ...(options.args ?? [])], {});
  const host = await createHost(config, {
    transport: 'http',
    logger: createLogger((l) => logLines.push(l)),
    clock,
    auth: { scrypt: FAST_TEST_SCRYPT },
    bootstrapOperators: options.bootstrap ?? true,
    env: options.env ?? { RADD_DEMO_OPERATORS: '1' },
    print: (l) => printed.push(l),
    ...options.host,
  }).catch((e: unknown) => {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  });
  const http = await startHttpHost(host.ctx, { port: 0 });
  const agent = new Agent({ keepAlive: true, maxSockets: 16 });

  function call<T>(op: string, input: unknown, session?: string, headers: Record<string, string> = {}): Promise<Reply<T>> {
    const body = JSON.stringify(input);
    const h: Record<string, string> = { 'content-type': 'application/json', 'x-radd-token': http.token, ...headers };
    if (session) h['x-radd-session'] = session;
    return new Promise((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: http.port, path: `/api/${op}`, method: 'POST', headers: h, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          try {
            resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
          } catch (e) {
            reject(e);
          }
        });
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  async function login(username: string, password: string): Promise<string> {
    const res = await call<{ sessionId: string }>('auth.login', { username, password });
    if (!res.body.ok) throw new Error(`login ${username} failed: ${res.body.error?.code}`);
    return res.body.data!.sessionId;
  }

  return {
    dir, host, http, clock, logLines, printed, call, login,
    loginAs: (role) => login(role, demoPassword(role)),
    async close() {
      agent.destroy();
      await http.close();
      await host.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
