// Every handler, merged into one table that must match the contract exactly.
import type { Contract } from '../contract/index.js';
import { notificationsHandlers } from './notifications.js';
import { systemHandlers } from './system.js';
import type { HandlersOf } from './types.js';

export const handlers = {
  ...systemHandlers,
  ...notificationsHandlers,
} satisfies HandlersOf<Contract>;
