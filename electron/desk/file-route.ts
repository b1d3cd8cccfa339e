// Browser mode: `GET /files/<sha256>?ticket=…` serves a PDF the desk produced (print bundle, single
// document, receipt) to the browser's own PDF viewer, which cannot send headers. The ticket
// (electron/auth/url-tickets.ts, resource `file:<sha256>`, from `documents.viewUrl` or
// `documents.print`) opens that one file for two minutes: the data directory's token and the
// operator's session never go into a URL, where the browser's history and the viewer's address bar
// would keep them. The file is re-hashed on read (content-addressed store), and only PDFs are
// served: identity scans never leave the host this way. Whether the browser shows the file or
// saves it, and under which name, was fixed by the host when it issued the ticket (file-names.ts):
// `Content-Disposition` never takes anything from the URL.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isDomainError, type ErrorCode, type Locale } from '../../core/index.js';
import { httpStatusOf } from '../api/errors.js';
import { sendRouteFailure } from '../api/route-failure.js';
import type { HostContext } from '../api/host-context.js';
import type { Caller } from '../api/dispatch.js';
import type { Role } from '../api/contract/index.js';
import { checkTicket, fileResource, ticketsOf, type ServedFile } from '../auth/url-tickets.js';
import { contentDisposition } from '../content-disposition.js';

export const FILES_PREFIX = '/files/';
const KEY = /^[0-9a-f]{64}$/;
const PDF_MAGIC = Buffer.from('%PDF-');
/** Who may open desk documents: the counter and its administrator. */
const ALLOWED_ROLES: ReadonlySet<Role> = new Set<Role>(['clerk', 'admin']);

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
// A reload of a PDF tab whose ticket ended gets a readable page, not JSON (api/route-failure.ts).
function fail(req: IncomingMessage, res: ServerResponse, code: ErrorCode, locale: Locale, params: Record<string, string | number> = {}): void {
  sendRouteFailure(res, req.headers, code === 'DOCUMENT_MISSING' ? 404 : httpStatusOf(code), code, locale, params, PDF_HEADERS);
}

export interface FileRouteOptions {
  locale: Locale;
}

/**
 * The URL at which the browser opens a stored PDF for this caller: `/files/<sha256>?ticket=…`, the
 * ticket also fixing how it is served (in the viewer or as a download) and its file name. The
 * caller's roles were checked by the operation that asks for it (clerk or admin).
 */
export function viewerUrlOf(ctx: HostContext, caller: Pick<Caller, 'roles' | 'sessionId'>, sha256: string, served: ServedFile): string {
  return `${FILES_PREFIX}${sha256}?ticket=${ticketsOf(ctx).issue(fileResource(sha256), caller, served)}`;
}

/** Answers one `/files/…` request (GET or HEAD). */
export async function serveStoredPdf(ctx: HostContext, req: IncomingMessage, url: URL, res: ServerResponse, opts: FileRouteOptions): Promise<void> {
  const key = url.pathname.slice(FILES_PREFIX.length).replace(/\.pdf$/, '');
  // Only a live ticket for this very file opens it, for a clerk or an administrator whose session
  // has not ended (url-tickets.ts); a malformed name cannot hold a ticket either.
  if (!KEY.test(key)) return fail(req, res, 'UNAUTHORIZED', opts.locale);
  const check = checkTicket(ctx, url.searchParams.get('ticket') ?? undefined, fileResource(key), ALLOWED_ROLES);
  if ('refusal' in check) return fail(req, res, check.refusal, opts.locale);
  let bytes: Buffer;
  try {
    bytes = await ctx.store.files.read(key);
  } catch (e) {
    if (isDomainError(e)) return fail(req, res, e.code, opts.locale, e.params);
    throw e;
  }
  if (!bytes.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC)) return fail(req, res, 'NOT_FOUND', opts.locale);
  res.writeHead(200, {
    ...PDF_HEADERS,
    'Content-Type': 'application/pdf',
    'Content-Length': bytes.length,
    'Content-Disposition': contentDisposition(check.served?.disposition ?? 'inline', check.served?.fileName ?? `${key.slice(0, 16)}.pdf`),
  });
  res.end(req.method === 'HEAD' ? undefined : bytes);
}
