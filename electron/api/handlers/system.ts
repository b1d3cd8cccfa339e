import type { systemContract } from '../contract/system.js';
import type { HandlersOf } from './types.js';

export const APP_VERSION = '0.1.0';

export const systemHandlers = {
  'system.info': async (_input, ctx, caller) => ({
    appName: 'RADD Desk',
    version: APP_VERSION,
    transport: ctx.transport,
    adapter: ctx.sync?.adapterName ?? ctx.config.adapter ?? 'demo',
    dbClient: ctx.config.db.client,
    locale: caller.locale,
  }),
} satisfies HandlersOf<typeof systemContract>;
