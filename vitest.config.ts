import { defineConfig } from 'vitest/config';

// Two projects: `unit` (pure, next to the code) and `integration` (real SQLite files, real HTTP,
// real peer processes). e2e runs under Playwright, not vitest.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['core/**/*.test.ts', 'db/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.ts', 'tests/scenarios/**/*.test.ts', 'tests/architecture/**/*.test.ts'],
          environment: 'node',
          // A few unit files import the whole host graph fresh (vi.resetModules): seconds of
          // transform on a loaded 2-core machine, not a hang.
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: true,
        },
      },
    ],
  },
});
