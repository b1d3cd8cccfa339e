// JSON over HTTP for the adapters: Node's fetch (undici) with a timeout on every call, request and
// response bodies checked against the zod shape of the spec, and every failure turned into a typed
// SyncError. Headers (API keys, bearer tokens) never go into errors or logs.
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { SyncError } from './errors.js';
import { withReason } from '../../core/index.js';

/**
 * The body as fetch types it under both the Node and the DOM libraries (the e2e specs type-check
 * this file with DOM's, where a Uint8Array must sit on an ArrayBuffer): a view, not a copy.
 */
function asBodyInit(body: string | Uint8Array): string | Uint8Array<ArrayBuffer> {
  return typeof body === 'string' ? body : new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength);
}

export interface HttpCall {
  /** Peer name for messages ("SEND", "RADD"). */
  peer: string;
  /** The spec's operationId, for messages. */
  operation: string;
  method: 'GET' | 'POST' | 'PUT';
  url: string;
  headers?: Record<string, string>;
  /** JSON body (validated with requestSchema first, when given). */
  json?: unknown;
  /** Raw body (uploads). */
  body?: Uint8Array;
  requestSchema?: z.ZodType;
  timeoutMs: number;
  signal?: AbortSignal;
  /** Statuses whose body is parsed with the response schema (default [200]). */
  okStatuses?: readonly number[];
  /** Statuses returned to the caller as they are, without throwing (e.g. SEND's 409 duplicate). */
  handledStatuses?: readonly number[];
  /** Unit of the Retry-After header: SEND documents milliseconds on its streams; HTTP says seconds. */
  retryAfterUnit?: 'ms' | 's';
  /** Skip JSON parsing of the OK body (uploads answer with an empty body). */
  noBody?: boolean;
}

export interface HttpResult<T> {
  status: number;
  data: T;
  headers: Headers;
}

const MAX_DETAIL = 200;

/** Retry-After in ms: a number in the given unit, or an HTTP date. */
export function parseRetryAfter(value: string | null, unit: 'ms' | 's', nowMs: number): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const n = Number(value);
  if (Number.isFinite(n) && n >= 0) return unit === 'ms' ? n : n * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

function zodPath(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue && issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)';
}

/** Checks a value against a schema; throws the given code with the first failing field. */
export function checkShape<T>(schema: z.ZodType<T>, value: unknown, code: 'SYNC_SCHEMA_VIOLATION' | 'SYNC_REQUEST_INVALID', peer: string, operation: string): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  throw new SyncError(code, { peer, operation, path: zodPath(r.error) });
}

function networkFailure(e: unknown, call: HttpCall): SyncError {
  const name = (e as { name?: string } | null)?.name;
  if (name === 'TimeoutError') return new SyncError('SYNC_PEER_TIMEOUT', { peer: call.peer, timeoutMs: call.timeoutMs });
  if (name === 'AbortError') return new SyncError('SYNC_STOPPED', {}, { transient: true });
  return new SyncError('SYNC_PEER_UNREACHABLE', { peer: call.peer });
}

/** The peer's own words in its problem body (title, detail, first error), as it sent them; '' for none. */
export function problemDetail(text: string): string {
  try {
    const p = JSON.parse(text) as { detail?: unknown; title?: unknown; errors?: { code?: unknown; detail?: unknown }[] };
    const first = Array.isArray(p.errors) ? p.errors[0] : undefined;
    const parts = [p.title, p.detail, first?.code, first?.detail].filter((x) => typeof x === 'string' && x !== '');
    return parts.join(' — ').slice(0, MAX_DETAIL);
  } catch {
    return '';
  }
}

/**
 * SYNC_PEER_REJECTED's params: the peer's text is data and shown as it sent it; when it sent none,
 * the detail is our own words (SYNC_PEER_NO_DETAIL), sent as its code and worded in the reader's language.
 */
export function peerRejected(peer: string, status: number, body: string): Record<string, string | number> {
  const detail = problemDetail(body);
  return detail ? { peer, status, detail } : withReason({ peer, status }, 'SYNC_PEER_NO_DETAIL', {}, 'detail');
}

function statusFailure(status: number, text: string, headers: Headers, call: HttpCall): SyncError {
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(headers.get('retry-after'), call.retryAfterUnit ?? 's', Date.now()) ?? 1000;
    return new SyncError('SYNC_PEER_RATE_LIMITED', { peer: call.peer, retryAfterMs }, { retryAfterMs });
  }
  if (status === 401 || status === 403) return new SyncError('SYNC_PEER_AUTH_FAILED', { peer: call.peer, status });
  if (status >= 500 || status === 408) {
    const retryAfterMs = parseRetryAfter(headers.get('retry-after'), call.retryAfterUnit ?? 's', Date.now());
    return new SyncError('SYNC_PEER_UNAVAILABLE', { peer: call.peer, status }, retryAfterMs === undefined ? {} : { retryAfterMs });
  }
  return new SyncError('SYNC_PEER_REJECTED', peerRejected(call.peer, status, text));
}

function parseBody<T>(text: string, schema: z.ZodType<T> | undefined, call: HttpCall): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new SyncError('SYNC_PEER_GARBAGE', { peer: call.peer, operation: call.operation });
  }
  return schema ? checkShape(schema, value, 'SYNC_SCHEMA_VIOLATION', call.peer, call.operation) : (value as T);
}

/**
 * fetch and body read under a deadline and the caller's signal. Our own timer races the exchange
 * instead of trusting fetch to honour AbortSignal.timeout: under GC pressure undici can lose the link
 * between a request and the signal it follows (nodejs/node#55428, nodejs/undici#4984), and a peer
 * that never answers then hung a whole sync cycle for good (seen with the fault proxy's "timeout").
 */
async function exchange<T>(call: HttpCall, init: RequestInit, read: (res: Response) => Promise<T>): Promise<{ res: Response; data: T }> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort: (() => void) | undefined;
  const guard = new Promise<never>((_, reject) => {
    const fail = (e: DOMException) => {
      controller.abort(e);
      reject(e);
    };
    timer = setTimeout(() => fail(new DOMException('The operation timed out', 'TimeoutError')), call.timeoutMs);
    if (call.signal?.aborted) fail(new DOMException('Stopped', 'AbortError'));
    else if (call.signal) {
      onAbort = () => fail(new DOMException('Stopped', 'AbortError'));
      call.signal.addEventListener('abort', onAbort, { once: true });
    }
  });
  const work = (async () => {
    const res = await fetch(call.url, { ...init, signal: controller.signal, redirect: 'error' });
    return { res, data: await read(res) };
  })();
  work.catch(() => undefined); // when the guard wins, the late failure of the request is expected
  try {
    return await Promise.race([work, guard]);
  } finally {
    clearTimeout(timer);
    if (onAbort) call.signal?.removeEventListener('abort', onAbort);
  }
}

/** One HTTP exchange; see HttpCall. Throws SyncError; returns handled statuses with `data` undefined. */
export async function httpCall<T>(call: HttpCall, responseSchema?: z.ZodType<T>): Promise<HttpResult<T>> {
  if (call.requestSchema && call.json !== undefined) checkShape(call.requestSchema, call.json, 'SYNC_REQUEST_INVALID', call.peer, call.operation);
  const headers: Record<string, string> = { accept: 'application/json', ...call.headers };
  let body: string | Uint8Array | undefined = call.body;
  if (call.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(call.json);
  }
  let res: Response;
  let text: string;
  try {
    ({ res, data: text } = await exchange(call, { method: call.method, headers, ...(body !== undefined ? { body: asBodyInit(body) } : {}) }, (r) => r.text()));
  } catch (e) {
    throw networkFailure(e, call);
  }
  const ok = call.okStatuses ?? [200];
  if (ok.includes(res.status)) {
    const data = call.noBody ? (undefined as T) : parseBody(text, responseSchema, call);
    return { status: res.status, data, headers: res.headers };
  }
  if (call.handledStatuses?.includes(res.status)) return { status: res.status, data: undefined as T, headers: res.headers };
  throw statusFailure(res.status, text, res.headers, call);
}

/** A binary GET (PDF of a cover page, a presigned document); checks the SHA-256 (base64) when given. */
export async function httpBytes(call: HttpCall & { maxBytes?: number; sha256Base64?: string }): Promise<Buffer> {
  let res: Response;
  let data: Buffer;
  try {
    ({ res, data } = await exchange(call, { method: call.method, headers: call.headers ?? {} }, async (r) => Buffer.from(await r.arrayBuffer())));
  } catch (e) {
    throw networkFailure(e, call);
  }
  if (!(call.okStatuses ?? [200]).includes(res.status)) throw statusFailure(res.status, data.toString('utf8', 0, 4096), res.headers, call);
  if (call.maxBytes !== undefined && data.length > call.maxBytes) throw new SyncError('SYNC_PEER_GARBAGE', { peer: call.peer, operation: call.operation });
  if (call.sha256Base64 !== undefined) {
    if (createHash('sha256').update(data).digest('base64') !== call.sha256Base64) throw new SyncError('SYNC_PEER_GARBAGE', { peer: call.peer, operation: call.operation });
  }
  return data;
}
