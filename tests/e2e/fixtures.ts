// e2e fixtures: one real browser-mode host per worker, on a temp store, driven in Debian's Chromium.
import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, mkdirSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openStore, type Store } from '../../db/store.js';
import { seedDemo } from '../../db/seed/demo.js';

export interface HostProcess {
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  /** The session of the all-roles demo operator the pages are signed in with. */
  sessionId: string;
  /** Stops and starts the host on the same store; open pages get the new session (in-memory sessions end). */
  restart(): Promise<void>;
  /** Pages signed in through this host, kept up to date by restart(). */
  pages: Set<Page>;
}

/** The all-roles demo operator (electron/auth/bootstrap.ts) that e2e pages sign in with. */
export const E2E_OPERATOR = { username: 'demo', password: 'demo-radd-2026' };
export const SESSION_KEY = 'radd-desk-session';
export const TOKEN_KEY = 'radd-desk-token';

async function signIn(origin: string, token: string): Promise<string> {
  const res = await fetch(`${origin}/api/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-radd-token': token },
    body: JSON.stringify(E2E_OPERATOR),
  });
  const body = (await res.json()) as { ok: boolean; data?: { sessionId?: string }; error?: { code: string } };
  if (!body.ok || !body.data?.sessionId) throw new Error(`e2e sign-in failed: ${JSON.stringify(body.error)}`);
  return body.data.sessionId;
}

const repoRoot = resolve(import.meta.dirname, '..', '..');

/**
 * Every e2e host: the demo operators (also on a store a spec seeded itself) including the
 * all-roles supervisor the pages sign in with; sync off, so specs work on fixed data (a spec
 * about sync turns it on with `test.use({ hostEnv: { RADD_SYNC: '1' } })`).
 */
const BASE_HOST_ENV = { RADD_DEMO_OPERATORS: '1', RADD_DEMO_SUPERVISOR: '1', RADD_SYNC: '0' };

function startHost(dataDir: string, extraEnv: Record<string, string> = {}, port = 0): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolveStart, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/serve.ts', '--port', String(port), '--data-dir', dataDir, '--no-open'], {
      cwd: repoRoot,
      env: { ...process.env, CI: 'true', ...BASE_HOST_ENV, ...extraEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`host did not start in time:\n${out}\n${err}`)), 45_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolveStart({ child, url: m[1]! });
      }
    });
    child.stderr!.on('data', (d: Buffer) => { err += d.toString(); });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${code}:\n${out}\n${err}`));
    });
  });
}

function stopHost(child: ChildProcess): Promise<void> {
  return new Promise((r) => {
    if (child.exitCode !== null) return r();
    child.removeAllListeners('exit');
    child.once('exit', () => r());
    child.kill('SIGTERM');
  });
}

/** Prepares the store of a spec file's host before it starts (the demo data is inserted too). */
export type SeedFn = (store: Store) => Promise<void>;

async function seedStore(dataDir: string, seed: SeedFn): Promise<void> {
  const store = await openStore({ client: 'sqlite3', filename: join(dataDir, 'radd-desk.sqlite'), dataDir });
  try {
    if (await store.isEmpty()) await seedDemo(store);
    await seed(store);
  } finally {
    await store.close();
  }
}

export const test = base.extend<{ accessible: (page: Page, screen: string) => Promise<void>; signedIn: boolean }, { host: HostProcess; seed: SeedFn | undefined; hostEnv: Record<string, string>; operatorSession: boolean }>({
  seed: [undefined, { scope: 'worker', option: true }],
  /** Sign the all-roles demo operator in at host start; false for a host without operators (first-run spec). */
  operatorSession: [true, { scope: 'worker', option: true }],
  /** Pages start signed in as the all-roles demo operator; `test.use({ signedIn: false })` to see the sign-in. */
  signedIn: [true, { option: true }],
  page: async ({ page, host, signedIn }, use) => {
    if (signedIn) {
      host.pages.add(page);
      await page.addInitScript(([key, id]) => { if (!window.sessionStorage.getItem(key!)) window.sessionStorage.setItem(key!, id!); }, [SESSION_KEY, host.sessionId]);
    }
    await use(page);
    host.pages.delete(page);
  },
  hostEnv: [{}, { scope: 'worker', option: true }],
  host: [
    async ({ seed, hostEnv, operatorSession }, use) => {
      const dataDir = mkdtempSync(join(tmpdir(), 'radd-e2e-'));
      if (seed) await seedStore(dataDir, seed);
      let running = await startHost(dataDir, hostEnv);
      let sessionId = operatorSession ? await signIn(new URL(running.url).origin, new URL(running.url).searchParams.get('token') ?? '') : '';
      const pages = new Set<Page>();
      const host: HostProcess = {
        get sessionId() { return sessionId; },
        pages,
        get url() { return running.url; },
        get origin() { return new URL(running.url).origin; },
        get token() { return new URL(running.url).searchParams.get('token') ?? ''; },
        dataDir,
        async restart() {
          await stopHost(running.child);
          // Same port and data directory, so open pages keep their origin and token; the session is new.
          running = await startHost(dataDir, hostEnv, Number(new URL(running.url).port));
          sessionId = operatorSession ? await signIn(host.origin, host.token) : '';
          for (const p of pages) {
            await p.evaluate(([sk, sid, tk, tok]) => { window.sessionStorage.setItem(sk!, sid!); window.sessionStorage.setItem(tk!, tok!); }, [SESSION_KEY, sessionId, TOKEN_KEY, host.token]).catch(() => undefined);
          }
        },
      };
      await use(host);
      await stopHost(running.child);
      rmSync(dataDir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  // WCAG 2.1 AA: every screen a spec visits is checked; serious and critical violations fail.
  accessible: async ({}, use) => {
    await use(async (page, screen) => {
      // Axe reads colours as rendered: a toast or dialog caught mid-fade has a contrast it never
      // has at rest. Check the settled screen (CSS transitions and animations finished).
      // Endless ones (spinners, the sync indicator) never finish and are not waited for.
      const settle = () => page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity), undefined, { timeout: 5_000 }).catch(() => undefined);
      const check = async () => {
        await settle();
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      };
      let bad = await check();
      // A toast that starts fading out while axe reads it (its life ends mid-analysis) shows a
      // contrast it never has at rest: a contrast finding is checked once more on the settled
      // screen; a real one is found again.
      if (bad.some((v) => v.id === 'color-contrast')) bad = await check();
      // WCAG 1.4.10 (reflow) in its spirit at the counter's screen size: nothing wider than the window.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${screen}: the page is ${overflow}px wider than the window`).toBeLessThanOrEqual(0);
      expect(bad.map((v) => `${screen}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
    });
  },
});

/** Saves a screenshot in test-results, and in docs/screenshots when UPDATE_SCREENSHOTS=1. */
export async function snapshot(page: Page, name: string): Promise<void> {
  const out = join(repoRoot, 'test-results', 'screenshots');
  mkdirSync(out, { recursive: true });
  const file = join(out, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    mkdirSync(join(repoRoot, 'docs', 'screenshots'), { recursive: true });
    copyFileSync(file, join(repoRoot, 'docs', 'screenshots', `${name}.png`));
  }
}

/** A host operation whose first request waits for `release()`; `count()` tells how many were sent. */
export interface HeldRequests {
  release(): void;
  count(): number;
}

/**
 * A slow host, made exact: the first request to `op` is held until `release()`, later ones go
 * through at once. The route stays until the page's `unrouteAll()` or its end.
 */
export async function holdFirstRequest(page: Page, op: string): Promise<HeldRequests> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => { release = resolve; });
  let sent = 0;
  await page.route(`**/api/${op}`, async (route) => {
    if (sent++ === 0) await held;
    await route.continue();
  });
  return { release, count: () => sent };
}

export { expect };
