// What every handler receives: the store, the clock, the logger and the host's configuration.
// No `electron` import here: the same context serves the Electron window and browser mode.
import type { Store } from '../../db/store.js';
import type { HostConfig } from '../config.js';
import type { Logger } from '../logger.js';

/** The current time, injected so that handlers and core never read the clock themselves. */
export interface Clock {
  now(): Date;
}

export interface HostContext {
  store: Store;
  clock: Clock;
  logger: Logger;
  config: HostConfig;
  transport: 'ipc' | 'http';
}
