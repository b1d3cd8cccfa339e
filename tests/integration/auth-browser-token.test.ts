// Browser mode's API token is kept per data directory (electron/auth/browser-token.ts): the real
// `npm run serve` process, stopped and started again on the same directory, accepts the token of
// the address it printed the first time, so open tabs can still sign in; a wrong token stays out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BROWSER_TOKEN_FILE, browserToken } from '../../electron/auth/browser-token.js';

const repoRoot = resolve(import.meta.dirname, '..', '..');
let dir: string;

interface Running { child: ChildProcess; url: URL }

function serve(dataDir: string, extra: string[] = []): Promise<Running> {
  return new Promise((resolveStart, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/serve.ts', '--port', '0', '--data-dir', dataDir, '--no-open', '--no-seed', ...extra], {
      cwd: repoRoot,
      env: { ...process.env, CI: 'true', RADD_SYNC: '0', RADD_ADMIN_PASSWORD: 'token-test-password-2026' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${out}`)), 40_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolveStart({ child, url: new URL(m[1]!) });
      }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`serve exited with ${code}:\n${out}`)); });
  });
}

function stop(r: Running): Promise<void> {
  return new Promise((done) => {
    r.child.removeAllListeners('exit');
    if (r.child.exitCode !== null) return done();
    r.child.once('exit', () => done());
    r.child.kill('SIGTERM');
  });
}

async function anonymousCall(r: Running, token: string): Promise<{ status: number; body: { ok: boolean; error?: { code: string; details?: Record<string, unknown> } } }> {
  const res = await fetch(new URL('/api/auth.setupStatus', r.url), { method: 'POST', headers: { 'content-type': 'application/json', 'x-radd-token': token }, body: '{}' });
  return { status: res.status, body: (await res.json()) as never };
}

beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'radd-token-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('browser-mode token per data directory', () => {
  it('a host restarted on the same data directory accepts the token of its first run; a wrong token is still refused', async () => {
    const first = await serve(dir);
    const token = first.url.searchParams.get('token')!;
    expect((await anonymousCall(first, token)).status).toBe(200);
    await stop(first);

    const second = await serve(dir);
    try {
      expect(second.url.searchParams.get('token')).toBe(token);
      const again = await anonymousCall(second, token);
      expect([again.status, again.body.ok]).toEqual([200, true]);
      const wrong = await anonymousCall(second, `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`);
      expect([wrong.status, wrong.body.error?.code]).toEqual([401, 'UNAUTHORIZED']);
      // The page is told that the token, not the session, was refused (it then says to open the printed address).
      expect(wrong.body.error?.details).toEqual({ credential: 'token' });
    } finally {
      await stop(second);
    }
  }, 90_000);

  it('--new-token replaces the kept token: the old address is refused', async () => {
    const old = readFileSync(join(dir, BROWSER_TOKEN_FILE), 'utf8').trim();
    const renewed = await serve(dir, ['--new-token']);
    try {
      const token = renewed.url.searchParams.get('token')!;
      expect(token).not.toBe(old);
      expect((await anonymousCall(renewed, old)).status).toBe(401);
      expect((await anonymousCall(renewed, token)).status).toBe(200);
    } finally {
      await stop(renewed);
    }
  }, 60_000);
});

describe('browserToken', () => {
  it('stores a 192-bit token in a file only its owner can read, and gives it back on the next call', () => {
    const d = mkdtempSync(join(tmpdir(), 'radd-token-unit-'));
    try {
      const token = browserToken(d);
      expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
      if (process.platform !== 'win32') expect(statSync(join(d, BROWSER_TOKEN_FILE)).mode & 0o777).toBe(0o600);
      expect(browserToken(d)).toBe(token);
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });

  it('does not reuse a token file that others could read, nor a malformed one', () => {
    const d = mkdtempSync(join(tmpdir(), 'radd-token-unit-'));
    try {
      const path = join(d, BROWSER_TOKEN_FILE);
      const token = browserToken(d);
      chmodSync(path, 0o644);
      const replaced = browserToken(d, { platform: 'linux' });
      expect(replaced).not.toBe(token);
      expect(statSync(path).mode & 0o777).toBe(0o600);
      writeFileSync(path, 'short\n', { mode: 0o600 });
      expect(browserToken(d, { platform: 'linux' })).toMatch(/^[A-Za-z0-9_-]{32}$/);
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });
});
