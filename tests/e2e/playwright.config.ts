import { defineConfig } from '@playwright/test';

// Debian's Chromium, never a downloaded browser (README, TOOLCHAIN.md).
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  outputDir: '../../test-results/e2e',
  use: {
    browserName: 'chromium',
    locale: 'it-IT',
    timezoneId: 'Europe/Rome',
    viewport: { width: 1366, height: 860 },
    launchOptions: {
      executablePath: process.env.RADD_CHROMIUM ?? '/usr/bin/chromium',
      // The browser's own locale (date inputs read dd/mm/yyyy as on an Italian desk): Chromium on
      // Linux takes it from LANGUAGE/--lang, with Debian's chromium-l10n pack installed.
      env: { ...process.env, LANG: 'it_IT.UTF-8', LANGUAGE: 'it' },
      args: ['--lang=it', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
