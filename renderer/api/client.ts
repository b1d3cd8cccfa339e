// The typed client: a wrong operation name or input shape is a compile error (types inferred from
// the contract, no codegen). The transport is picked once: Electron bridge, else HTTP.
import type { InputOf, OpName, OutputOf } from '../../electron/api/contract/index.js';
import type { ApiError } from '../../electron/api/contract/envelope.js';
import type { Transport } from './transport.js';
import { ipcTransport } from './transport-ipc.js';
import { httpTransport, takeToken } from './transport-http.js';

export class ApiCallError extends Error {
  readonly code: string;
  readonly details: ApiError['details'];
  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
    this.code = error.code;
    this.details = error.details;
  }
}

let transport: Transport | undefined;
let currentLocale: 'it' | 'en' = 'it';

export function setApiLocale(locale: 'it' | 'en'): void {
  currentLocale = locale;
}

export function useTransport(t: Transport): void {
  transport = t;
}

function pickTransport(): Transport {
  if (window.raddDesk) return ipcTransport(window.raddDesk);
  return httpTransport(takeToken());
}

/** Calls one API operation; resolves with its data or rejects with an ApiCallError. */
export async function call<K extends OpName>(op: K, input: InputOf<K>): Promise<OutputOf<K>> {
  transport ??= pickTransport();
  const envelope = await transport(op, input, currentLocale);
  if (!envelope.ok) throw new ApiCallError(envelope.error);
  return envelope.data as OutputOf<K>;
}
