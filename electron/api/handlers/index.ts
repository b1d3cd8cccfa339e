// Every handler, merged into one table that must match the contract exactly.
import type { Contract } from '../contract/index.js';
import { adminHandlers } from './admin.js';
import { authHandlers } from './auth.js';
import { deskHandlers } from './desk.js';
import { deskMandatesHandlers } from './desk-mandates.js';
import { notificationsHandlers } from './notifications.js';
import { postalHandlers } from './postal.js';
import { printingHandlers } from './printing.js';
import { senderHandlers } from './sender.js';
import { syncHandlers } from './sync.js';
import { systemHandlers } from './system.js';
import type { HandlersOf } from './types.js';

export const handlers = {
  ...systemHandlers,
  ...notificationsHandlers,
  ...authHandlers,
  ...adminHandlers,
  ...deskHandlers,
  ...deskMandatesHandlers,
  ...postalHandlers,
  ...senderHandlers,
  ...syncHandlers,
  ...printingHandlers,
} satisfies HandlersOf<Contract>;
