// Browser mode: `GET /export/<jobId>.csv?ticket=…` streams a prepared CSV export to the browser's
// download manager, which cannot send headers. The ticket (electron/auth/url-tickets.ts, resource
// `export:<jobId>`, in `sender.exportStart`'s answer) opens that one job's file for the caller who
// started it, for two minutes: the data directory's token and the operator's session never go into
// the URL, where the browser's history and downloads list would keep them (as for the desk's
// `/files/` route). Chunks are written as the socket drains (constant memory on the host).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isDomainError, type ErrorCode, type Locale } from '../../core/index.js';
import { httpStatusOf } from '../api/errors.js';
import { sendRouteFailure } from '../api/route-failure.js';
import type { HostContext } from '../api/host-context.js';
import type { Caller } from '../api/dispatch.js';
import type { Role } from '../api/contract/index.js';
import { checkTicket, exportResource, ticketsOf } from '../auth/url-tickets.js';
import { EXPORT_PREFIX, exportJobsOf, type ExportJob } from './export.js';

export { EXPORT_PREFIX } from './export.js';

const ALLOWED_ROLES: ReadonlySet<Role> = new Set<Role>(['sender', 'admin']);
const ROWS_PER_WRITE = 2000;
const HEADERS = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer', 'Cross-Origin-Resource-Policy': 'same-origin', 'Cache-Control': 'no-store' };

// A download link opened after its ticket ended gets a readable page, not JSON (api/route-failure.ts).
function fail(req: IncomingMessage, res: ServerResponse, code: ErrorCode, locale: Locale, params: Record<string, string | number> = {}): void {
  sendRouteFailure(res, req.headers, httpStatusOf(code), code, locale, params, HEADERS);
}

export interface ExportRouteOptions {
  locale: Locale;
}

/**
 * The URL at which the browser downloads this job for this caller: `/export/<jobId>.csv?ticket=…`.
 * The caller's roles were checked by the operation that asks for it (sender.exportStart: sender or
 * admin), and the job is theirs (they started it).
 */
export function exportUrlOf(ctx: HostContext, caller: Pick<Caller, 'roles' | 'sessionId'>, job: ExportJob): string {
  return `${job.downloadPath}?ticket=${ticketsOf(ctx).issue(exportResource(job.id), caller)}`;
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
  if (req.method !== 'GET') return fail(req, res, 'NOT_FOUND', opts.locale);
  // Only a ticket for this very job opens it (token and session in the query open nothing); a
  // malformed name cannot hold a ticket either: the same refusal as a wrong ticket.
  const id = /^([A-Za-z0-9_-]{16,64})\.csv$/.exec(url.pathname.slice(EXPORT_PREFIX.length))?.[1];
  if (!id) return fail(req, res, 'UNAUTHORIZED', opts.locale);
  const check = checkTicket(ctx, url.searchParams.get('ticket') ?? undefined, exportResource(id), ALLOWED_ROLES);
  if ('refusal' in check) return fail(req, res, check.refusal, opts.locale);
  let job: ExportJob;
  try {
    job = exportJobsOf(ctx).get(id, ctx.clock.now().getTime());
    // Another session's job does not exist for the ticket's session (as for sender.exportStatus).
    if (job.ownerSession !== undefined && job.ownerSession !== check.holder.sessionId) return fail(req, res, 'SENDER_EXPORT_NOT_FOUND', opts.locale, { jobId: id });
    if (job.state === 'done') job.rewind();
    if (job.state === 'running') return fail(req, res, 'CONFLICT', opts.locale);
  } catch (e) {
    if (isDomainError(e)) return fail(req, res, e.code, opts.locale, e.params);
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
