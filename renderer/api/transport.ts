import type { Envelope } from '../../electron/api/contract/envelope.js';

/** Sends one operation to the host and returns its envelope. */
export type Transport = (op: string, input: unknown, locale: 'it' | 'en') => Promise<Envelope>;
