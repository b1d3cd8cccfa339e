// Browser mode: `GET /export/<jobId>.csv?token=…[&session=…]` streams a prepared CSV export to
// the browser's download manager, which cannot send headers: the browser-mode token (and the
// operator's session) travel in the query for this GET only (the desk's `/files/` route takes a
// short-lived per-file ticket instead). Chunks are written as the socket drains (constant memory
// on the host).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isDomainError, messageFor, type ErrorCode, type Locale } from '../../core/index.js';
import { httpStatusOf } from '../api/errors.js';
import type { HostContext } from '../api/host-context.js';
import { callerOfSession } from '../auth/callers.js';
import { EXPORT_PREFIX, exportJobsOf, type ExportJob } from './export.js';

export { EXPORT_PREFIX } from './export.js';

const ALLOWED_ROLES = new Set(['sender', 'admin']);
const ROWS_PER_WRITE = 2000;
const HEADERS = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer', 'Cross-Origin-Resource-Policy': 'same-origin', 'Cache-Control': 'no-store' };

function fail(res: ServerResponse, code: ErrorCode, locale: Locale, params: Record<string, string> = {}): void {
  const body = JSON.stringify({ ok: false, error: { code, message: messageFor(code, locale, params) } });
  res.writeHead(httpStatusOf(code), { ...HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

export interface ExportRouteOptions {
  tokenMatches(given: string | undefined): boolean;
  locale: Locale;
}

/** Resolves when the socket can take more, or is gone (listeners removed either way). */
function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

async function stream(ctx: HostContext, job: ExportJob, res: ServerResponse): Promise<void> {
  let closed = false;
  res.on('close', () => { closed = true; });
  for (;;) {
    const chunk = await job.next(ctx.store, ROWS_PER_WRITE);
    if (chunk.csv && !res.write(chunk.csv) && !closed) await drained(res);
    if (chunk.done || closed) break;
  }
  res.end();
}

/** Answers one `/export/…` request (GET only). */
export async function serveExport(ctx: HostContext, req: IncomingMessage, url: URL, res: ServerResponse, opts: ExportRouteOptions): Promise<void> {
  if (req.method !== 'GET') return fail(res, 'NOT_FOUND', opts.locale);
  if (!opts.tokenMatches(url.searchParams.get('token') ?? undefined)) return fail(res, 'UNAUTHORIZED', opts.locale);
  const session = url.searchParams.get('session') ?? undefined;
  if (ctx.auth) {
    const caller = callerOfSession(ctx.auth, session, opts.locale);
    if (caller.roles.length === 0) return fail(res, 'UNAUTHORIZED', opts.locale);
    if (!caller.roles.some((r) => ALLOWED_ROLES.has(r))) return fail(res, 'FORBIDDEN', opts.locale);
  }
  const id = /^([A-Za-z0-9_-]{16,64})\.csv$/.exec(url.pathname.slice(EXPORT_PREFIX.length))?.[1];
  if (!id) return fail(res, 'NOT_FOUND', opts.locale);
  let job: ExportJob;
  try {
    job = exportJobsOf(ctx).get(id, ctx.clock.now().getTime());
    if (job.ownerSession !== undefined && job.ownerSession !== session) return fail(res, 'SENDER_EXPORT_NOT_FOUND', opts.locale, { jobId: id });
    if (job.state === 'done') job.rewind();
    if (job.state === 'running') return fail(res, 'CONFLICT', opts.locale);
  } catch (e) {
    if (isDomainError(e)) return fail(res, e.code, opts.locale, Object.fromEntries(Object.entries(e.params).map(([k, v]) => [k, String(v)])));
    throw e;
  }
  res.writeHead(200, {
    ...HEADERS,
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${job.fileName}"`,
  });
  try {
    await stream(ctx, job, res);
  } catch (e) {
    ctx.logger.error('sender export failed', { jobId: id, error: e instanceof Error ? e.message : String(e) });
    res.destroy();
  }
}
