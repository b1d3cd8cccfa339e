// The refusals of the two GETs the browser makes by itself (`/files/…` in its PDF viewer, `/export/…`
// in its downloads): a page script gets the API's JSON envelope, but a person who reloads a PDF tab
// after its ticket ended sees the answer as a page. For a navigation (Accept: text/html) the same
// refusal, same status, is a small page with the catalogue's message in the host's language; a dead
// ticket reads "the link has expired: open the document again from the application" rather than
// "sign in again" (the person may well be signed in).
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import { codedMessage, messageFor, type ErrorCode, type Locale } from '../../core/index.js';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** True when the request is the browser showing the answer as a page (a navigation, a reload). */
export function wantsPage(headers: IncomingHttpHeaders): boolean {
  return String(headers.accept ?? '').includes('text/html');
}

/** The page of a refused navigation: the message, its stable code, nothing to run. */
export function refusalPage(code: ErrorCode, locale: Locale, params: Record<string, string | number> = {}): string {
  const shown: ErrorCode = code === 'UNAUTHORIZED' ? 'LINK_EXPIRED' : code;
  const title = locale === 'en' ? 'RADD Desk – document not available' : 'RADD Desk – documento non disponibile';
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>` +
    '<style>body{font-family:sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1f2937}p{font-size:1.1rem}small{color:#4b5563}</style></head>' +
    `<body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(messageFor(shown, locale, params))}</p><small>${escapeHtml(code)}</small></main></body></html>`;
}

/**
 * Answers a refused `/files/` or `/export/` GET with `status`: the page for a navigation, else the
 * API's JSON envelope `{ ok: false, error: { code, message } }`. `headers` are the route's own.
 */
export function sendRouteFailure(res: ServerResponse, requestHeaders: IncomingHttpHeaders, status: number, code: ErrorCode, locale: Locale, params: Record<string, string | number>, headers: Record<string, string>): void {
  if (wantsPage(requestHeaders)) {
    const page = refusalPage(code, locale, params);
    res.writeHead(status, { ...headers, 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'", 'Content-Length': Buffer.byteLength(page) });
    res.end(page);
    return;
  }
  const body = JSON.stringify({ ok: false, error: codedMessage(code, locale, params) });
  res.writeHead(status, { ...headers, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}
