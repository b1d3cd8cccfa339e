// A fault-injecting HTTP proxy on loopback. A seeded share of the requests (default 30 %) gets one
// of: 500, 429 with Retry-After, no answer (client timeout), connection reset, or the response lost
// after the server applied the write (forwarded, then the client socket destroyed).
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { seededRandom } from '../../electron/sync/backoff.js';

export const FAULTS = ['error500', 'rate429', 'timeout', 'reset', 'lostResponse'] as const;
export type Fault = (typeof FAULTS)[number];

export interface FaultProxyOptions {
  target: string;
  rate?: number;
  seed?: number;
  faults?: readonly Fault[];
  /** Retry-After value sent with 429 (default "1"). */
  retryAfter?: string;
}

export interface FaultProxy {
  url: string;
  counts: Record<Fault | 'passed', number>;
  /** Change the fault rate (0 turns faults off). */
  setRate(rate: number): void;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Forwards the request; resolves with the target's full answer. */
function forward(target: URL, req: IncomingMessage, body: Buffer): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const headers = { ...req.headers, host: target.host, 'content-length': String(body.length) };
    delete headers['transfer-encoding'];
    const out = request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers }, (res) => {
      readBody(res).then((b) => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: b }), reject);
    });
    out.on('error', reject);
    out.end(body);
  });
}

function send(res: ServerResponse, answer: { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }): void {
  const headers = { ...answer.headers };
  delete headers['transfer-encoding'];
  delete headers.connection;
  headers['content-length'] = String(answer.body.length);
  res.writeHead(answer.status, headers);
  res.end(answer.body);
}

export async function startFaultProxy(opts: FaultProxyOptions): Promise<FaultProxy> {
  const target = new URL(opts.target);
  const random = seededRandom(opts.seed ?? 1);
  const faults = opts.faults ?? FAULTS;
  let rate = opts.rate ?? 0.3;
  const counts: FaultProxy['counts'] = { error500: 0, rate429: 0, timeout: 0, reset: 0, lostResponse: 0, passed: 0 };
  const sockets = new Set<Socket>();

  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const roll = random();
      const fault = roll < rate ? faults[Math.floor(random() * faults.length)]! : undefined;
      if (fault) counts[fault] += 1;
      else counts.passed += 1;
      switch (fault) {
        case 'error500':
          return send(res, { status: 500, headers: { 'content-type': 'application/problem+json' }, body: Buffer.from(JSON.stringify({ status: 500, title: 'Internal Server Error', errors: [] })) });
        case 'rate429':
          return send(res, { status: 429, headers: { 'retry-after': opts.retryAfter ?? '1' }, body: Buffer.alloc(0) });
        case 'timeout':
          return; // never answer: the client's AbortSignal.timeout fires
        case 'reset':
          req.socket.destroy();
          return;
        case 'lostResponse':
          await forward(target, req, body);
          req.socket.destroy();
          return;
        default:
          send(res, await forward(target, req, body));
      }
    })().catch(() => {
      if (!res.headersSent) res.writeHead(502).end();
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('proxy: no address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    counts,
    setRate(r) {
      rate = r;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
