import type { Envelope } from '../../electron/api/contract/envelope.js';
import type { Transport } from './transport.js';

/** Inside Electron: the preload's one function. */
export function ipcTransport(bridge: NonNullable<Window['raddDesk']>): Transport {
  return async (op, input, locale) => (await bridge.call(op, input, { locale })) as Envelope;
}
