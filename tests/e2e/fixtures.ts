// e2e fixtures: one real browser-mode host per worker, on a temp store, driven in Debian's Chromium.
import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, mkdirSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface HostProcess {
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  restart(): Promise<void>;
}

const repoRoot = resolve(import.meta.dirname, '..', '..');

function startHost(dataDir: string, extraEnv: Record<string, string> = {}): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolveStart, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/serve.ts', '--port', '0', '--data-dir', dataDir, '--no-open'], {
      cwd: repoRoot,
      env: { ...process.env, CI: 'true', ...extraEnv },
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

export const test = base.extend<{ accessible: (page: Page, screen: string) => Promise<void> }, { host: HostProcess }>({
  host: [
    async ({}, use) => {
      const dataDir = mkdtempSync(join(tmpdir(), 'radd-e2e-'));
      let running = await startHost(dataDir);
      const host: HostProcess = {
        get url() { return running.url; },
        get origin() { return new URL(running.url).origin; },
        get token() { return new URL(running.url).searchParams.get('token') ?? ''; },
        dataDir,
        async restart() {
          await stopHost(running.child);
          running = await startHost(dataDir);
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
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
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

export { expect };
