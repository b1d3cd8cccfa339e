// A small RADD operator-API peer (radd-alt-external.yaml, node:http on 127.0.0.1, port 0): the
// presigned upload (checksum and zip layout checked), start / complete / abort for ACT and AOR with
// the transaction rules of DOMAIN.md 10.1 (core's state machine), answers checked against the spec
// shapes. Writes are applied once per operationId and counted.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { z } from 'zod';
import { transitionTransaction, type DeskTransaction, type TransactionEvent } from '../../core/index.js';
import {
  abortRequestSchema, abortResponseSchema, actInquiryResponseSchema, actStartRequestSchema, aorInquiryResponseSchema, aorStartRequestSchema,
  completeRequestSchema, completeResponseSchema, documentUploadRequestSchema, documentUploadResponseSchema, identityDocInfoSchema, startTransactionResponseSchema,
} from '../../electron/adapters/radd/schemas.js';
import { readZip } from '../../electron/sync/zip.js';

export interface RaddPeer {
  url: string;
  token: string;
  /** Where presigned URLs point (set it to a proxy's URL to break uploads too). */
  publicUrl: string;
  /** Times each write was applied, by `<op>:<operationId>` (upload: zip stored; put: accepted PUTs). */
  applied(op: 'start' | 'complete' | 'abort' | 'upload' | 'put', operationId: string): number;
  /** Zip entry names of the evidence stored for an operation. */
  evidence(operationId: string): string[] | undefined;
  /** Operations whose first start answers code 2 (not ready) with retryAfter. */
  notReadyOnce: Set<string>;
  /** Answer start with this result code (e.g. 10) for these operations. */
  refuse: Map<string, number>;
  invalidAnswers: number;
  transaction(operationId: string): DeskTransaction | undefined;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

export async function startRaddPeer(opts: { token?: string } = {}): Promise<RaddPeer> {
  const token = opts.token ?? 'eyJ.test.jwt';
  const counts = new Map<string, number>();
  const uploads = new Map<string, { operationId: string; checksum: string; secret: string; stored?: { entries: string[]; versionId: string } }>();
  const transactions = new Map<string, DeskTransaction>();
  const sockets = new Set<Socket>();
  const bump = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);

  const peer: RaddPeer = {
    url: '', token, publicUrl: '', invalidAnswers: 0, notReadyOnce: new Set(), refuse: new Map(),
    applied: (op, id) => counts.get(`${op}:${id}`) ?? 0,
    evidence: (id) => [...uploads.values()].find((u) => u.operationId === id && u.stored)?.stored?.entries,
    transaction: (id) => transactions.get(id),
    close: async () => undefined,
  };

  function json<T>(res: ServerResponse, schema: z.ZodType<T>, body: unknown): void {
    if (!schema.safeParse(body).success) {
      peer.invalidAnswers += 1;
      res.writeHead(500).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  }
  const invalid = (res: ServerResponse): void => void res.writeHead(400, { 'content-type': 'application/problem+json' }).end(JSON.stringify({ status: 400, title: 'Bad Request' }));

  function apply(event: TransactionEvent): ReturnType<typeof transitionTransaction> {
    const r = transitionTransaction(transactions.get(event.operationId), event);
    if (r.ok) transactions.set(event.operationId, r.tx);
    return r;
  }

  function upload(body: unknown, res: ServerResponse): void {
    const p = documentUploadRequestSchema.safeParse(body);
    if (!p.success) return invalid(res);
    const fileKey = `PN_RADD_ALT_ATTACHMENT-${createHash('sha1').update(p.data.operationId + p.data.checksum).digest('hex').slice(0, 16)}.zip`;
    uploads.set(fileKey, { ...p.data, secret: 'alow22ddw', ...(uploads.get(fileKey)?.stored ? { stored: uploads.get(fileKey)!.stored } : {}) });
    json(res, documentUploadResponseSchema, { url: `${peer.publicUrl}/s3/${fileKey}`, fileKey, secret: 'alow22ddw', status: { code: 0, message: 'OK' } });
  }

  /** The presigned PUT: secret, checksum header = SHA-256 of the body = the announced checksum, zip layout. */
  function put(fileKey: string, req: IncomingMessage, zip: Buffer, res: ServerResponse): void {
    const u = uploads.get(fileKey);
    const sum = createHash('sha256').update(zip).digest('base64');
    if (!u || req.headers['x-amz-meta-secret'] !== u.secret || req.headers['x-amz-checksum-sha256'] !== sum || sum !== u.checksum || req.headers['content-type'] !== 'application/zip') return void res.writeHead(403).end();
    let entries: string[];
    try {
      const files = readZip(zip);
      const meta = files.find((f) => f.name === 'metadati_destinatario.json');
      if (!meta || !identityDocInfoSchema.safeParse(JSON.parse(Buffer.from(meta.data).toString())).success) return void res.writeHead(400).end();
      entries = files.map((f) => f.name);
    } catch {
      return void res.writeHead(400).end();
    }
    bump(`put:${u.operationId}`);
    if (!u.stored) bump(`upload:${u.operationId}`);
    u.stored = { entries, versionId: `v-${sum.slice(0, 8)}` };
    res.writeHead(200, { 'x-amz-version-id': u.stored.versionId }).end();
  }

  function start(type: 'ACT' | 'AOR', body: unknown, res: ServerResponse): void {
    const p = (type === 'ACT' ? actStartRequestSchema : aorStartRequestSchema).safeParse(body);
    if (!p.success) return invalid(res);
    const b = p.data as z.infer<typeof actStartRequestSchema>;
    const reply = (code: number, extra: object = {}) => json(res, startTransactionResponseSchema, { status: { code, message: code === 0 ? 'OK' : `code ${code}`, ...extra }, ...(code === 0 ? { downloadUrlList: [{ url: `${peer.url}/doc/${b.operationId}`, needAuthentication: false, documentType: 'COPERTINA' }] } : {}) });
    if (b.fileKey !== undefined) {
      const u = uploads.get(b.fileKey);
      if (!u?.stored || u.checksum !== b.checksum || u.stored.versionId !== b.versionToken) return reply(10);
    }
    const refused = peer.refuse.get(b.operationId);
    if (refused !== undefined) return reply(refused);
    if (peer.notReadyOnce.delete(b.operationId)) return reply(2, { retryAfter: 30 });
    const data = { operationType: type, recipientTaxId: b.recipientTaxId, recipientType: b.recipientType, delegateTaxId: b.delegateTaxId ?? null, iun: b.iun ?? null, qrCode: b.qrCode ?? null, fileKey: b.fileKey ?? null, checksum: b.checksum ?? null, operationDate: b.operationDate ?? '' };
    const at = new Date().toISOString();
    const r = apply({ type: 'START', operationId: b.operationId, data, at });
    if (!r.ok) return reply(5);
    if (!r.repeated) bump(`start:${b.operationId}`);
    apply({ type: 'DOCUMENTS_READY', operationId: b.operationId, iuns: b.iun ? [b.iun] : [], at });
    reply(0);
  }

  /** Complete / abort; a repeat answers 2 ("already closed") as SEND's code does (DOMAIN.md 10.1). */
  function close(kind: 'complete' | 'abort', body: unknown, res: ServerResponse): void {
    const p = (kind === 'complete' ? completeRequestSchema : abortRequestSchema).safeParse(body);
    if (!p.success) return invalid(res);
    const at = p.data.operationDate;
    const event: TransactionEvent = kind === 'complete' ? { type: 'COMPLETE', operationId: p.data.operationId, at } : { type: 'ABORT', operationId: p.data.operationId, reason: (p.data as { reason?: string }).reason ?? '', at };
    const r = apply(event);
    const schema = kind === 'complete' ? completeResponseSchema : abortResponseSchema;
    if (!r.ok) return json(res, schema, { status: { code: r.code === 'RADD_TRANSACTION_NOT_FOUND' ? 1 : r.code === 'RADD_TRANSACTION_NOT_STARTED' ? 1 : 2, message: r.code } });
    if (r.repeated) return json(res, schema, { status: { code: 2, message: 'transazione già chiusa' } });
    bump(`${kind}:${p.data.operationId}`);
    json(res, schema, { status: { code: 0, message: 'OK' } });
  }

  function route(req: IncomingMessage, res: ServerResponse, raw: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://peer');
    const p = url.pathname;
    if (req.method === 'PUT' && p.startsWith('/s3/')) return put(p.slice(4), req, raw, res);
    if (req.headers.authorization !== `Bearer ${token}`) return void res.writeHead(401).end();
    if (typeof req.headers.uid !== 'string' || !req.headers.uid.includes('@')) return invalid(res);
    let body: unknown;
    try {
      body = raw.length ? JSON.parse(raw.toString('utf8')) : undefined;
    } catch {
      return invalid(res);
    }
    const m = p.match(/^\/radd-net\/api\/v1\/(act|aor)\/transaction\/(start|complete|abort)$/);
    if (req.method === 'POST' && m) {
      const type = m[1] === 'act' ? 'ACT' : 'AOR';
      return m[2] === 'start' ? start(type, body, res) : close(m[2] as 'complete' | 'abort', body, res);
    }
    if (req.method === 'POST' && p === '/radd-net/api/v1/documents/upload') return upload(body, res);
    if (req.method === 'GET' && p === '/radd-net/api/v1/act/inquiry') return json(res, actInquiryResponseSchema, { result: true, status: { code: 0, message: 'OK' } });
    if (req.method === 'GET' && p === '/radd-net/api/v1/aor/inquiry') return json(res, aorInquiryResponseSchema, { result: true, status: { code: 0, message: 'OK' } });
    if (req.method === 'GET' && p.startsWith('/radd-net/api/v1/download/')) return void res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.7 cover');
    res.writeHead(404).end();
  }

  const server = createServer((req, res) => {
    void readBody(req).then((raw) => route(req, res, raw)).catch(() => res.writeHead(500).end());
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('peer: no address');
  peer.url = `http://127.0.0.1:${address.port}`;
  peer.publicUrl = peer.url;
  peer.close = () => new Promise<void>((resolve) => {
    for (const s of sockets) s.destroy();
    server.close(() => resolve());
  });
  return peer;
}
