// Builds the HostContext (store, clock, logger, config) shared by main.ts and serve.ts, so that
// browser mode is the real app, not a copy. No `electron` import here.
import { mkdirSync } from 'node:fs';
import { openStore } from '../db/store.js';
import { seedDemo } from '../db/seed/demo.js';
import type { HostContext, Clock } from './api/host-context.js';
import type { HostConfig } from './config.js';
import { createLogger, type Logger } from './logger.js';

export const systemClock: Clock = { now: () => new Date() };

export interface Host {
  ctx: HostContext;
  close(): Promise<void>;
}

export async function createHost(config: HostConfig, options: { transport: 'ipc' | 'http'; logger?: Logger; clock?: Clock }): Promise<Host> {
  const logger = options.logger ?? createLogger();
  const clock = options.clock ?? systemClock;
  mkdirSync(config.dataDir, { recursive: true });
  const store = await openStore(
    config.db.client === 'pg'
      ? { client: 'pg', connection: config.db.connection, dataDir: config.dataDir }
      : { client: 'sqlite3', filename: config.db.filename, dataDir: config.dataDir },
  );
  if (config.seedDemo && (await store.isEmpty())) {
    await seedDemo(store);
    logger.info('demo dataset inserted into an empty store');
  }
  const ctx: HostContext = { store, clock, logger, config, transport: options.transport };
  return { ctx, close: () => store.close() };
}
