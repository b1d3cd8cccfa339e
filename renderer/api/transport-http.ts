import { messageFor } from '../../core/index.js';
import type { Envelope } from '../../electron/api/contract/envelope.js';
import type { Transport } from './transport.js';

const TOKEN_KEY = 'radd-desk-token';
/** The operator's session in this tab (browser mode); Electron keeps it in the main process. */
export const SESSION_KEY = 'radd-desk-session';

/**
 * Browser mode: the token (one per data directory) arrives in the URL the host printed; it is kept for this tab
 * only (sessionStorage) and removed from the address bar so it is not bookmarked or shared.
 */
export function takeToken(loc: Location = window.location, storage: Storage = window.sessionStorage): string | null {
  const url = new URL(loc.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    storage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return storage.getItem(TOKEN_KEY);
}

/**
 * MALFORMED_REQUEST and REQUEST_TIMEOUT are the host's answers before any dispatch when it could
 * not read a request (Node's parser rejected the connection's bytes, the body did not parse, or the
 * request did not arrive in time). This transport only sends JSON it serialised itself, so such an
 * answer means the bytes were damaged or stalled on the way (seen once under heavy load on a
 * keep-alive connection): nothing was done, and one retry is safe.
 */
const RETRY_ONCE = new Set(['MALFORMED_REQUEST', 'REQUEST_TIMEOUT']);

export function httpTransport(token: string | null, send: typeof fetch = (...a) => fetch(...a)): Transport {
  return async (op, input, locale) => {
    const body = JSON.stringify(input ?? {});
    let envelope = await exchange(send, token, op, body, locale);
    if (!envelope.ok && RETRY_ONCE.has(envelope.error.code)) envelope = await exchange(send, token, op, body, locale);
    return envelope;
  };
}

async function exchange(send: typeof fetch, token: string | null, op: string, body: string, locale: 'it' | 'en'): Promise<Envelope> {
  let res: Response;
  try {
    res = await send(`/api/${encodeURIComponent(op)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Radd-Token': token ?? '', 'X-Radd-Locale': locale, 'X-Radd-Session': window.sessionStorage.getItem(SESSION_KEY) ?? '' },
      body,
    });
  } catch {
    return { ok: false, error: { code: 'HOST_UNREACHABLE', message: messageFor('HOST_UNREACHABLE', locale) } };
  }
  try {
    return (await res.json()) as Envelope;
  } catch {
    return { ok: false, error: { code: 'MALFORMED_RESPONSE', message: `HTTP ${res.status}` } };
  }
}
