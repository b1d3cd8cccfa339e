// Browser mode (STYLE.md 2): the real host over HTTP on 127.0.0.1 only. Serves the built renderer
// and `POST /api/<op>`; every API request needs the token (one per data directory: serve.ts). No
// CORS, foreign Host/Origin refused, body size capped, the same CSP as the Electron window.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo, Socket } from 'node:net';
import { megabytesText, type Locale } from '../core/index.js';
import type { Envelope } from './api/contract/envelope.js';
import { dispatch, isOpName, type Caller } from './api/dispatch.js';
import { contract } from './api/contract/index.js';
import { apiError, httpStatusOf } from './api/errors.js';
import type { HostContext } from './api/host-context.js';
import { httpCallerResolver } from './auth/callers.js';
import { CONTENT_SECURITY_POLICY } from './csp.js';
import { FILES_PREFIX, serveStoredPdf } from './desk/file-route.js';
import { EXPORT_PREFIX, serveExport } from './sender/export-route.js';
import { serveStatic } from './static-files.js';

export const LOOPBACK = '127.0.0.1';
export const MAX_BODY_BYTES = 1024 * 1024;

export interface HttpHost {
  server: Server;
  port: number;
  token: string;
  url: string;
  close(): Promise<void>;
}

export interface HttpHostOptions {
  port: number;
  portFallback?: boolean;
  token?: string;
  /**
   * Who the holder of the token is. Default: the operator of the `x-radd-session` session
   * (electron/auth/callers.ts); while no operator exists the token holder has every role (#11).
   */
  resolveCaller?: (req: IncomingMessage, locale: Locale) => Caller;
  /** Node's slow-request guards (tests shorten them). Defaults: headers 15 s, whole request 60 s. */
  timeouts?: { headersMs: number; requestMs: number; checkEveryMs?: number };
}

/**
 * What to answer a request Node's HTTP layer gave up on (the `clientError` event), before any
 * dispatch. A request that arrived too slowly is a 408 the client may repeat (nothing was done);
 * bytes the parser refused are a 400; a connection that is already gone gets nothing.
 */
export function clientErrorReply(code: string | undefined, bytesRead = 1): { status: 400 | 408; code: 'MALFORMED_REQUEST' | 'REQUEST_TIMEOUT' } | undefined {
  if (code === 'ECONNRESET' || code === 'EPIPE') return undefined;
  // A connection the browser opened ahead of need (preconnect) and never used: an answer written on
  // it would be read as the answer to the next request sent on it; closing it makes the browser
  // open another.
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT' && bytesRead === 0) return undefined;
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return { status: 408, code: 'REQUEST_TIMEOUT' };
  return { status: 400, code: 'MALFORMED_REQUEST' };
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function send(res: ServerResponse, status: number, envelope: Envelope): void {
  const body = JSON.stringify(envelope);
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

function sendError(res: ServerResponse, locale: Locale, code: 'UNAUTHORIZED' | 'FORBIDDEN' | 'PAYLOAD_TOO_LARGE' | 'UPLOAD_TOO_LARGE' | 'MALFORMED_REQUEST' | 'UNKNOWN_OPERATION' | 'NOT_FOUND', params: Record<string, string> = {}, details?: Record<string, string>): void {
  send(res, httpStatusOf(code), { ok: false, error: apiError(code, locale, params, details) });
}

/**
 * A refused token, told apart from a missing session: signing in again cannot help, the page must
 * be opened from the address the host printed (the sign-in screen says so instead of looping).
 */
export const TOKEN_REFUSED = { credential: 'token' } as const;

function tokenMatches(expected: Buffer, given: string | undefined): boolean {
  if (!given) return false;
  const g = Buffer.from(given);
  return g.length === expected.length && timingSafeEqual(g, expected);
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolveBody, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      req.resume();
      resolveBody('too-large');
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        // Answer 413 at once and drop the rest (the connection closes after the reply).
        req.removeAllListeners('data');
        req.resume();
        resolveBody('too-large');
      } else chunks.push(c);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function localeOf(req: IncomingMessage, fallback: Locale): Locale {
  const h = req.headers['x-radd-locale'];
  return h === 'en' || h === 'it' ? h : fallback;
}

function allowedHosts(port: number): Set<string> {
  return new Set([`${LOOPBACK}:${port}`, `localhost:${port}`]);
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolveListen, reject) => {
    const onError = (e: Error) => reject(e);
    server.once('error', onError);
    server.listen(port, LOOPBACK, () => {
      server.off('error', onError);
      resolveListen((server.address() as AddressInfo).port);
    });
  });
}

export async function startHttpHost(ctx: HostContext, options: HttpHostOptions): Promise<HttpHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const expected = Buffer.from(token);
  const resolveCaller = options.resolveCaller ?? (ctx.auth ? httpCallerResolver(ctx.auth) : (_req, locale) => ({ roles: ['clerk', 'postal', 'sender', 'admin'], locale }) satisfies Caller);
  let port = 0;

  const timeouts = options.timeouts ?? { headersMs: 15_000, requestMs: 60_000 };
  const server = createServer({ connectionsCheckingInterval: timeouts.checkEveryMs ?? 30_000 }, (req, res) => {
    void handle(req, res).catch((e: unknown) => {
      ctx.logger.error('http handler crashed', { error: String(e) });
      if (!res.headersSent) send(res, 500, { ok: false, error: apiError('INTERNAL', ctx.config.locale, { correlationId: 'http' }) });
      else res.destroy();
    });
  });
  // Requests Node's parser rejects (bad Content-Length, bad header bytes...) get the envelope too.
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    // The code only (parser error, timeout, reset): never the bytes, which may hold personal data.
    ctx.logger.warn('http client error', { code: err.code ?? 'UNKNOWN' });
    const reply = clientErrorReply(err.code, (socket as Socket).bytesRead);
    if (!reply || !socket.writable) {
      socket.destroy();
      return;
    }
    const body = JSON.stringify({ ok: false, error: apiError(reply.code, ctx.config.locale) });
    const reason = reply.status === 408 ? 'Request Timeout' : 'Bad Request';
    socket.end(`HTTP/1.1 ${reply.status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  });
  server.requestTimeout = timeouts.requestMs;
  server.headersTimeout = timeouts.headersMs;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const locale = localeOf(req, ctx.config.locale);
    const hosts = allowedHosts(port);
    // DNS rebinding and cross-site requests: only our own loopback origin may talk to us.
    if (!hosts.has(req.headers.host ?? '')) return sendError(res, locale, 'FORBIDDEN');
    const origin = req.headers.origin;
    if (origin !== undefined && !hosts.has(origin.replace(/^http:\/\//, ''))) return sendError(res, locale, 'FORBIDDEN');
    const url = new URL(req.url ?? '/', `http://${LOOPBACK}:${port}`);
    if (!url.pathname.startsWith('/api/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, locale, 'NOT_FOUND');
      // Desk PDFs for the browser's viewer: a short-lived ticket for that one file in the query, never the token.
      if (url.pathname.startsWith(FILES_PREFIX)) return serveStoredPdf(ctx, req, url, res, { locale });
      // Sender CSV exports, streamed to the browser's downloads: a short-lived ticket for that one job, never the token.
      if (url.pathname.startsWith(EXPORT_PREFIX)) return serveExport(ctx, req, url, res, { locale });
      return serveStatic(ctx.config.rendererDir, url.pathname, res, SECURITY_HEADERS);
    }
    const given = req.headers['x-radd-token'];
    if (!tokenMatches(expected, Array.isArray(given) ? given[0] : given)) return sendError(res, locale, 'UNAUTHORIZED', {}, TOKEN_REFUSED);
    if (req.method !== 'POST') return sendError(res, locale, 'UNKNOWN_OPERATION', { op: `${req.method} ${url.pathname}` });
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return sendError(res, locale, 'MALFORMED_REQUEST');
    let opName: string;
    try {
      opName = decodeURIComponent(url.pathname.slice('/api/'.length));
    } catch {
      return sendError(res, locale, 'UNKNOWN_OPERATION', { op: url.pathname.slice(0, 80) });
    }
    // An operation may declare a larger cap (desk.uploadScan carries a scan of up to 15 MB).
    const def = isOpName(opName) ? contract[opName] : undefined;
    const limit = def?.maxBodyBytes ?? MAX_BODY_BYTES;
    const body = await readBody(req, limit);
    if (body === 'too-large') {
      res.setHeader('Connection', 'close');
      // An upload over the cap carries a file over its limit: say so, and which limit.
      if (def?.maxFileBytes) return sendError(res, locale, 'UPLOAD_TOO_LARGE', { maxMb: megabytesText(def.maxFileBytes, locale) });
      return sendError(res, locale, 'PAYLOAD_TOO_LARGE');
    }
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch {
      return sendError(res, locale, 'MALFORMED_REQUEST');
    }
    const envelope = await dispatch(ctx, resolveCaller(req, locale), opName, input);
    send(res, envelope.ok ? 200 : httpStatusOf(envelope.error.code), envelope);
  }

  const wanted = options.port;
  const attempts = options.portFallback && wanted !== 0 ? 20 : 1;
  for (let i = 0; i < attempts; i++) {
    try {
      port = await listen(server, wanted === 0 ? 0 : wanted + i);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE' || i === attempts - 1) throw e;
    }
  }
  const url = `http://${LOOPBACK}:${port}/?token=${token}`;
  return {
    server,
    port,
    token,
    url,
    close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}
