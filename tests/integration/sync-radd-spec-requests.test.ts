// What the RADD client puts on the wire, against radd-alt-external.yaml in ../shared/specs (read
// from there, never copied): each call's method and path are an operation of the spec, every query
// parameter it sends is one the operation declares (the required ones present), the `uid` header
// the spec requires is there, the bearer JWT goes to SEND but never to the presigned upload, and an
// ACT goes by iun or by qrCode, never both (DOMAIN.md 10 step 2, 10.1).
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { RaddClient } from '../../electron/adapters/radd/client.js';

const specsDir = join(resolve(import.meta.dirname, '..', '..'), '..', 'shared', 'specs');
const haveSpecs = existsSync(join(specsDir, 'radd-alt-external.yaml'));
if (!haveSpecs) console.log(`sync-radd-spec-requests: skipped, ${specsDir}/radd-alt-external.yaml is absent (PagoPA's OpenAPI files are not in the repository)`);

interface Param { name: string; in: string; required?: boolean; $ref?: string }
interface Operation { operationId: string; parameters?: Param[] }
type PathItem = Record<string, Operation> & { parameters?: Param[] };
interface Seen { method: string; path: string; query: URLSearchParams; headers: IncomingMessage['headers']; body: string }

const TOKEN = 'eyJ.spec.jwt';
const UID = 'USR1029@UFFRO129';
const IUN = 'RGDH-AKMP-QVXN-202308-G-1';
const QR = 'UkdESC1BS01QLVFWWE4tMjAyMzA4LUctMV9QRi1lZjJkZWI0NS0zYzBl';

let server: Server;
let base = '';
const seen: Seen[] = [];

function answer(method: string, path: string): { type: string; body: string | Buffer } {
  if (method === 'PUT') return { type: 'text/plain', body: '' };
  if (path.startsWith('/radd-net/api/v1/download/')) return { type: 'application/pdf', body: Buffer.from('%PDF-1.4\n%%EOF\n') };
  if (path.endsWith('/documents/upload')) return { type: 'application/json', body: JSON.stringify({ url: `${base}/s3/PN_RADD_ALT_ATTACHMENT-1.zip`, fileKey: 'PN_RADD_ALT_ATTACHMENT-1.zip', secret: 's3cr3t', status: { code: 0, message: 'OK' } }) };
  if (path.endsWith('/inquiry')) return { type: 'application/json', body: JSON.stringify({ result: true, status: { code: 0, message: 'OK' } }) };
  if (path.endsWith('/start')) return { type: 'application/json', body: JSON.stringify({ downloadUrlList: [], status: { code: 0, message: 'OK' } }) };
  return { type: 'application/json', body: JSON.stringify({ status: { code: 0, message: 'OK' } }) };
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://peer');
      seen.push({ method: req.method ?? '', path: url.pathname, query: url.searchParams, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const a = answer(req.method ?? '', url.pathname);
      res.writeHead(200, { 'content-type': a.type, ...(req.method === 'PUT' ? { 'x-amz-version-id': 'v1' } : {}) });
      res.end(a.body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => { await new Promise((r) => server.close(r)); });

function spec(): { paths: Record<string, PathItem>; components: { parameters: Record<string, Param> } } {
  return parse(readFileSync(join(specsDir, 'radd-alt-external.yaml'), 'utf8'));
}

/** The spec operation a request lands on: its path template matched segment by segment. */
function operationOf(s: ReturnType<typeof spec>, method: string, path: string): { template: string; op: Operation; params: Param[] } | undefined {
  for (const [template, item] of Object.entries(s.paths)) {
    const re = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    const op = item[method.toLowerCase()] as Operation | undefined;
    if (!re.test(path) || !op) continue;
    const deref = (p: Param): Param => (p.$ref ? s.components.parameters[p.$ref.split('/').pop()!]! : p);
    return { template, op, params: [...(item.parameters ?? []), ...(op.parameters ?? [])].map(deref) };
  }
  return undefined;
}

async function callEverything(): Promise<void> {
  const client = new RaddClient({ baseUrl: base, token: TOKEN, uid: UID, timeoutMs: 5000 });
  await client.actInquiry({ recipientTaxId: 'TNTGTR76E21H751S', recipientType: 'PF', iun: IUN });
  await client.actInquiry({ recipientTaxId: 'TNTGTR76E21H751S', recipientType: 'PF', qrCode: QR });
  await client.aorInquiry({ recipientTaxId: '15376371009', recipientType: 'PG' });
  const up = await client.documentUpload({ operationId: 'op-1', checksum: 'Kg2Uwyt7rYE4II1giJwh2MtaNtq6Obup2eDE0kAps+c=' });
  await client.putZip(up.url, new Uint8Array([80, 75, 5, 6]), up.secret, 'Kg2Uwyt7rYE4II1giJwh2MtaNtq6Obup2eDE0kAps+c=', 'op-1');
  const at = '2026-03-20T10:00:00+01:00';
  await client.startTransaction('ACT', { operationId: 'op-1', recipientTaxId: 'TNTGTR76E21H751S', recipientType: 'PF', operationDate: at, qrCode: QR, fileKey: up.fileKey, checksum: 'Kg2Uwyt7rYE4II1giJwh2MtaNtq6Obup2eDE0kAps+c=', versionToken: 'v1' });
  await client.startTransaction('AOR', { operationId: 'op-2', recipientTaxId: 'TNTGTR76E21H751S', recipientType: 'PF', operationDate: at });
  await client.completeTransaction('ACT', { operationId: 'op-1', operationDate: at });
  await client.abortTransaction('AOR', { operationId: 'op-2', operationDate: at, reason: 'abort' });
  await client.coverPage('ACT', 'op-1');
}

describe.skipIf(!haveSpecs)('the RADD client\'s requests match radd-alt-external.yaml', () => {
  beforeAll(callEverything);

  it('lands every call on an operation of the spec, the presigned PUT aside', () => {
    const s = spec();
    const calls = seen.filter((r) => r.method !== 'PUT').map((r) => operationOf(s, r.method, r.path)?.op.operationId);
    expect(calls).toEqual(['actInquiry', 'actInquiry', 'aorInquiry', 'documentUpload', 'startActTransaction', 'startAorTransaction', 'completeActTransaction', 'abortAorTransaction', 'documentDownload']);
  });

  it('sends only the query parameters each operation declares, the required ones included, and the uid header it requires', () => {
    const s = spec();
    for (const r of seen.filter((x) => x.method !== 'PUT')) {
      const { op, params } = operationOf(s, r.method, r.path)!;
      const declared = params.filter((p) => p.in === 'query').map((p) => p.name);
      expect([...r.query.keys()].filter((k) => !declared.includes(k)), op.operationId).toEqual([]);
      for (const p of params.filter((x) => x.in === 'query' && x.required)) expect(r.query.has(p.name), `${op.operationId}: ${p.name}`).toBe(true);
      for (const p of params.filter((x) => x.in === 'header' && x.required)) expect(r.headers[p.name.toLowerCase()], `${op.operationId}: header ${p.name}`).toBeDefined();
      if (params.some((p) => p.name === 'uid' && p.in === 'header')) expect(r.headers.uid).toBe(UID);
      expect(r.headers.authorization).toBe(`Bearer ${TOKEN}`);
    }
  });

  it('asks an ACT by iun or by qrCode, never both, and the start body carries the one it was given', () => {
    const inquiries = seen.filter((r) => r.path.endsWith('/act/inquiry'));
    expect(inquiries.map((r) => [r.query.get('iun'), r.query.get('qrCode')])).toEqual([[IUN, null], [null, QR]]);
    const start = JSON.parse(seen.find((r) => r.path.endsWith('/act/transaction/start'))!.body) as Record<string, unknown>;
    expect([start.qrCode, 'iun' in start]).toEqual([QR, false]);
  });

  it('puts the zip on the presigned URL with the spec\'s headers and without the JWT (PROCEDURA DI UPLOAD)', () => {
    const put = seen.find((r) => r.method === 'PUT')!;
    expect(put.headers.authorization).toBeUndefined();
    expect(put.headers['content-type']).toBe('application/zip');
    expect(put.headers['x-amz-meta-secret']).toBe('s3cr3t');
    expect(put.headers['x-amz-checksum-sha256']).toBe('Kg2Uwyt7rYE4II1giJwh2MtaNtq6Obup2eDE0kAps+c=');
    const description = String((parse(readFileSync(join(specsDir, 'radd-alt-external.yaml'), 'utf8')) as { info: { description: string } }).info.description);
    for (const h of ['content-type', 'x-amz-meta-secret', 'x-amz-checksum-sha256', 'x-amz-version-id', 'versionToken']) expect(description, h).toContain(h);
  });
});
