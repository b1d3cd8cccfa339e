// Browser mode: `GET /files/<sha256>?token=…[&session=…]` serves a PDF the desk produced (print
// bundle, single document, receipt) to the browser's own PDF viewer, which cannot send headers:
// the browser-mode token (and the operator's session) travel in the query
// for this GET only. The file is re-hashed on read (content-addressed store), and only PDFs are
// served: identity scans never leave the host this way.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isDomainError, messageFor, type ErrorCode, type Locale } from '../../core/index.js';
import { httpStatusOf } from '../api/errors.js';
import type { HostContext } from '../api/host-context.js';
import { callerOfSession } from '../auth/callers.js';

export const FILES_PREFIX = '/files/';
const KEY = /^[0-9a-f]{64}$/;
const PDF_MAGIC = Buffer.from('%PDF-');
/** Who may open desk documents: the counter and its administrator. */
const ALLOWED_ROLES = new Set(['clerk', 'admin']);

/** Headers of a PDF response: no HTML CSP (it is not a page of ours), embeddable by our own pages only. */
const PDF_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'SAMEORIGIN',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

// A file that is gone (e.g. a scan removed by the data-retention purge) is a 404 with the stable
// code DOCUMENT_MISSING: a GET of a missing resource, not a refused request (the API's 422).
function fail(res: ServerResponse, code: ErrorCode, locale: Locale, params: Record<string, string> = {}): void {
  const body = JSON.stringify({ ok: false, error: { code, message: messageFor(code, locale, params) } });
  res.writeHead(code === 'DOCUMENT_MISSING' ? 404 : httpStatusOf(code), { ...PDF_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

export interface FileRouteOptions {
  /** Timing-safe comparison with the browser-mode token. */
  tokenMatches(given: string | undefined): boolean;
  locale: Locale;
}

/** Answers one `/files/…` request (GET or HEAD). */
export async function serveStoredPdf(ctx: HostContext, req: IncomingMessage, url: URL, res: ServerResponse, opts: FileRouteOptions): Promise<void> {
  if (!opts.tokenMatches(url.searchParams.get('token') ?? undefined)) return fail(res, 'UNAUTHORIZED', opts.locale);
  if (ctx.auth) {
    const caller = callerOfSession(ctx.auth, url.searchParams.get('session') ?? undefined, opts.locale);
    if (caller.roles.length === 0) return fail(res, 'UNAUTHORIZED', opts.locale);
    if (!caller.roles.some((r) => ALLOWED_ROLES.has(r))) return fail(res, 'FORBIDDEN', opts.locale);
  }
  const key = url.pathname.slice(FILES_PREFIX.length).replace(/\.pdf$/, '');
  if (!KEY.test(key)) return fail(res, 'NOT_FOUND', opts.locale);
  let bytes: Buffer;
  try {
    bytes = await ctx.store.files.read(key);
  } catch (e) {
    if (isDomainError(e)) return fail(res, e.code, opts.locale, Object.fromEntries(Object.entries(e.params).map(([k, v]) => [k, String(v)])));
    throw e;
  }
  if (!bytes.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC)) return fail(res, 'NOT_FOUND', opts.locale);
  res.writeHead(200, {
    ...PDF_HEADERS,
    'Content-Type': 'application/pdf',
    'Content-Length': bytes.length,
    'Content-Disposition': `inline; filename="${key.slice(0, 16)}.pdf"`,
  });
  res.end(req.method === 'HEAD' ? undefined : bytes);
}
