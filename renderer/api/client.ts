// The typed client: a wrong operation name or input shape is a compile error (types inferred from
// the contract, no codegen). The transport is picked once: Electron bridge, else HTTP.
import { shallowRef } from 'vue';
import type { InputOf, OpName, OutputOf } from '../../electron/api/contract/index.js';
import type { ApiError } from '../../electron/api/contract/envelope.js';
import type { Transport } from './transport.js';
import { ipcTransport } from './transport-ipc.js';
import { httpTransport, SESSION_KEY, takeToken } from './transport-http.js';
import { fileTooLarge } from './uploads.js';

export class ApiCallError extends Error {
  readonly code: string;
  /** The params the message shows: a screen renders the code again in the UI language (host-text.ts). */
  readonly params: ApiError['params'];
  readonly details: ApiError['details'];
  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
    this.code = error.code;
    this.params = error.params;
    this.details = error.details;
  }
}

let transport: Transport | undefined;
let onUnauthorized: ((refused: 'session' | 'token') => void) | undefined;

/**
 * Browser mode: the host refused the page's token, not its session (electron/http-host.ts
 * TOKEN_REFUSED). Signing in again cannot help: the page must be opened from the host's address.
 */
export function isTokenRefused(e: unknown): boolean {
  return e instanceof ApiCallError && e.code === 'UNAUTHORIZED' && e.details?.credential === 'token';
}

/** Called when the host answers UNAUTHORIZED (no or expired session, or a refused token): the app shows the sign-in. */
export function whenUnauthorized(fn: (refused: 'session' | 'token') => void): void {
  onUnauthorized = fn;
}

/** Whether this tab holds a session id from an earlier sign-in (browser mode). */
export function hasRememberedSession(): boolean {
  return !window.raddDesk && Boolean(window.sessionStorage.getItem(SESSION_KEY));
}

/** Keeps (or forgets) the session id the host gave at sign-in, for this tab only. */
export function rememberSession(sessionId: string | undefined): void {
  if (window.raddDesk) return; // Electron: the main process holds the window's session.
  if (sessionId) window.sessionStorage.setItem(SESSION_KEY, sessionId);
  else window.sessionStorage.removeItem(SESSION_KEY);
}
/** The UI language, the one the host is asked to answer in: reactive, so host messages on screen follow a switch. */
const currentLocale = shallowRef<'it' | 'en'>('it');

export function setApiLocale(locale: 'it' | 'en'): void {
  currentLocale.value = locale;
}

/** The UI language now; read in a render or a computed, it re-runs them on a switch. */
export function apiLocale(): 'it' | 'en' {
  return currentLocale.value;
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
  // A file over its limit is not sent: the clerk learns which one, and the limit.
  const tooLarge = fileTooLarge(op, input, currentLocale.value);
  if (tooLarge) throw new ApiCallError(tooLarge);
  transport ??= pickTransport();
  const envelope = await transport(op, input, currentLocale.value);
  if (!envelope.ok) {
    const error = new ApiCallError(envelope.error);
    if (error.code === 'UNAUTHORIZED' && op !== 'auth.login') onUnauthorized?.(isTokenRefused(error) ? 'token' : 'session');
    throw error;
  }
  return envelope.data as OutputOf<K>;
}
