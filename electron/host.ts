// Builds the HostContext (store, clock, logger, config) shared by main.ts and serve.ts, so that
// browser mode is the real app, not a copy. No `electron` import here.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from '../db/store.js';
import { seedDemo } from '../db/seed/demo.js';
import type { HostContext, Clock } from './api/host-context.js';
import { bootstrapOperators, DEMO_OPERATORS, DEMO_SUPERVISOR } from './auth/bootstrap.js';
import { DEMO_DESK_IDENTITY, setDeskIdentity } from './auth/desk-settings.js';
import { AuthRuntime, type AuthOptions } from './auth/runtime.js';
import type { HostConfig } from './config.js';
import { createLogger, type Logger } from './logger.js';
import type { Printer } from './printing/printer.js';
import type { SecretStore } from './secrets.js';
import { startHostSync } from './sync/host-runtime.js';
import { scheduleDailyBackup } from './backup.js';
import { scheduleScanRetention } from './desk/scan-retention.js';
import { UrlTickets } from './auth/url-tickets.js';
import { createFileSecretStore } from './secrets-file.js';
import { markRunning } from './store-running.js';

export const systemClock: Clock = { now: () => new Date() };

export interface Host {
  ctx: HostContext;
  close(): Promise<void>;
}

export interface HostOptions {
  transport: 'ipc' | 'http';
  logger?: Logger;
  clock?: Clock;
  /**
   * Enforce sign-in from the start (issue #11): the administrator from RADD_ADMIN_PASSWORD, the
   * demo operators with RADD_DEMO_OPERATORS=1, or else the first-run setup on the sign-in screen.
   * main.ts and serve.ts set it; every API call then needs a signed-in session.
   */
  bootstrapOperators?: boolean;
  /** Password cost, lockout and session policies (tests use a cheap scrypt). */
  auth?: AuthOptions;
  env?: NodeJS.ProcessEnv;
  /** Where the demo operators' known passwords are listed (the console, never the log). */
  print?: (line: string) => void;
  /** Adapter secrets; default: a 0600 file in the data directory (Electron passes safeStorage's). */
  secrets?: SecretStore;
  /** Build the sync engine (and run it when config.sync): main.ts and serve.ts do, tests may not. */
  sync?: boolean;
  /** The desktop app's printer (main.ts); without one, `documents.print` answers for the browser's PDF viewer. */
  printer?: Printer;
}

export async function createHost(config: HostConfig, options: HostOptions): Promise<Host> {
  const logger = options.logger ?? createLogger();
  const clock = options.clock ?? systemClock;
  // Owner only when created here: the store holds tax codes and identity scans (a directory given
  // by --data-dir that exists keeps its permissions).
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const store = await openStore(
    config.db.client === 'pg'
      ? { client: 'pg', connection: config.db.connection, dataDir: config.dataDir }
      : { client: 'sqlite3', filename: config.db.filename, dataDir: config.dataDir },
  );
  // A store that starts with the demo dataset also gets the demo operators (known passwords,
  // printed on the console): the demo is meant to be tried at once.
  let env = options.env ?? process.env;
  if (config.seedDemo && (await store.isEmpty())) {
    await seedDemo(store);
    // and a desk to print on its receipts (an administrator changes it in the desk settings).
    await setDeskIdentity(store, DEMO_DESK_IDENTITY, clock.now());
    logger.info('demo dataset inserted into an empty store');
    env = { ...env, RADD_DEMO_OPERATORS: '1', RADD_DEMO_SUPERVISOR: '1' };
  }
  const auth = new AuthRuntime(clock, options.auth);
  const secrets = options.secrets ?? createFileSecretStore(join(config.dataDir, 'secrets.json'));
  const ctx: HostContext = { store, clock, logger, config, transport: options.transport, auth, secrets, urlTickets: new UrlTickets(clock) };
  if (options.printer) ctx.printer = options.printer;
  try {
    if (options.bootstrapOperators) {
      const print = options.print ?? ((l: string) => process.stdout.write(`${l}\n`));
      // Only the operators RADD_DEMO_OPERATORS made: `demo` (every role) only with RADD_DEMO_SUPERVISOR=1.
      const demo = env.RADD_DEMO_SUPERVISOR === '1' ? [...DEMO_OPERATORS, DEMO_SUPERVISOR] : DEMO_OPERATORS;
      if ((await bootstrapOperators(ctx, auth, env)) === 'demo') print(`Demo operators: ${demo.map((o) => `${o.username} / ${o.password}`).join(', ')}`);
    }
    else await auth.refresh(store);
  } catch (e) {
    await store.close();
    throw e;
  }
  if (!auth.enforced) logger.warn('no operator exists: sign-in is not enforced, the API token holder has every role');
  if (options.sync) ctx.sync = await startHostSync(ctx, { start: config.sync });
  // The running app (sync on) also keeps the daily backup; tools and tests do not.
  const stopBackups = options.sync ? scheduleDailyBackup(ctx) : () => undefined;
  // And the data-retention purge of closed operations' scans (issue #11), at start and daily.
  const stopPurge = options.sync ? scheduleScanRetention(ctx) : async () => undefined;
  // The running app marks its SQLite store, so that `npm run restore` refuses to replace it meanwhile.
  const unmark = options.sync && config.db.client === 'sqlite3' ? markRunning(config.db.filename) : () => undefined;
  return {
    ctx,
    close: async () => {
      stopBackups();
      await stopPurge();
      await ctx.sync?.stop();
      await store.close();
      unmark();
    },
  };
}
