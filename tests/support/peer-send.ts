// A small SEND sender-B2B peer (node:http on 127.0.0.1, port 0) for the sync tests: the operations
// the send-b2b adapter uses, with every answer checked against the spec shapes before it is sent.
// Writes are applied idempotently (paProtocolNumber + idempotenceToken, as SEND does: a repeat gets
// 409; a cancellation once per IUN, a repeat answered with NOTIFICATION_ALREADY_CANCELLED) and
// counted, so a test can assert "applied exactly once". Attachments are preloaded and uploaded as
// the spec says (peer-send-uploads.ts); a request naming a document not uploaded is refused. SEND
// assigns its own IUN to a request; its stream events carry the notificationRequestId. A request
// whose paProtocolNumber is in `refusals` is refused instead: no IUN is given out, the request
// status says REFUSED with those `errors`, and the stream has a REQUEST_REFUSED event with the
// notificationRequestId and no IUN.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { z } from 'zod';
import { createRng, makeIun, pickIunLetters, iunYearMonthOf, type Notification, type TimelineElementInput } from '../../core/index.js';
import {
  cancelResponseSchema,
  documentDownloadSchema,
  fullSentNotificationSchema,
  legalFactDownloadSchema,
  legalFactListSchema,
  newNotificationRequestSchema,
  newNotificationResponseSchema,
  preloadBulkRequestSchema,
  preloadResponseListSchema,
  progressResponseSchema,
  requestStatusResponseSchema,
  streamMetadataSchema,
  type FullSentNotification,
  type NewNotificationRequest,
  type ProgressElement,
  type SendTimelineElement,
} from '../../electron/adapters/send-b2b/schemas.js';
import { SendUploads } from './peer-send-uploads.js';

export interface SendPeer {
  url: string;
  apiKey: string;
  streamId: string;
  /** 'garbage': 200 with a non-JSON body; 'schemaViolation': events without eventId. */
  mode: 'ok' | 'garbage' | 'schemaViolation';
  addNotification(n: Notification, timeline: readonly TimelineElementInput[]): FullSentNotification;
  appendElement(iun: string, element: TimelineElementInput): void;
  applied(idempotenceToken: string): number;
  /** Cancellations applied for this IUN (repeats answered as already cancelled are not counted). */
  cancellations(iun: string): number;
  timelineOf(iun: string): SendTimelineElement[];
  eventCount(): number;
  lastEventId(): string | undefined;
  /** Answers that failed their own schema check (must stay 0). */
  invalidAnswers: number;
  /** Preloads and uploads (counters of refused uploads and references there). */
  uploads: SendUploads;
  /** Base of the upload URLs handed out by the preload (default: the peer; a test may put a proxy). */
  uploadBase: string;
  /** Whether stream events of requests carry their notificationRequestId (default true, as SEND). */
  eventsCarryRequestId: boolean;
  /** paProtocolNumber -> the errors SEND refuses a request with this protocol number for (empty: accepted). */
  refusals: Map<string, { code: string; detail: string }[]>;
  /** The request applied under this idempotenceToken (with the documents it names), and SEND's IUN for it (not given out when refused). */
  requestOf(idempotenceToken: string): { body: NewNotificationRequest; iun: string; notificationRequestId: string; errors?: { code: string; detail: string }[] } | undefined;
  close(): Promise<void>;
}

const eventIdOf = (n: number) => String(n).padStart(38, '0');

/** Categories whose name in SEND's API (TimelineElementCategoryV2x) differs from DOMAIN.md 5's. */
const API_CATEGORY: Readonly<Record<string, string>> = { SIMPLE_REGISTERED_LETTER_PROGRESS: 'SEND_SIMPLE_REGISTERED_LETTER_PROGRESS' };

function toSendElement(iun: string, sentAt: string, e: TimelineElementInput, k: number): SendTimelineElement {
  const rec = e.recipientIndex;
  const elementId = e.elementId ?? `${e.category}.IUN_${iun}${rec === undefined ? '' : `.RECINDEX_${rec}`}.IDX_${k}`;
  const details = { ...(e.details ?? {}), ...(rec === undefined ? {} : { recIndex: rec }) };
  return { elementId, timestamp: e.at, eventTimestamp: e.at, ingestionTimestamp: e.at, notificationSentAt: sentAt, legalFactsIds: [], category: API_CATEGORY[e.category] ?? e.category, details };
}

/** Notification (core model) -> FullSentNotificationV25 with the fields SEND requires. */
export function toFullSent(n: Notification, timeline: SendTimelineElement[]): FullSentNotification {
  return {
    iun: n.iun, sentAt: n.sentAt, paProtocolNumber: n.paProtocolNumber ?? `P-${n.iun}`, subject: n.subject.slice(0, 134),
    senderDenomination: n.senderDenomination.slice(0, 88), senderTaxId: n.senderTaxId, notificationFeePolicy: 'FLAT_RATE', taxonomyCode: '010101P',
    physicalCommunicationType: n.physicalCommunicationType,
    recipients: n.recipients.map((r) => ({
      recipientType: r.recipientType, taxId: r.taxId, denomination: r.denomination.slice(0, 88),
      physicalAddress: r.physicalAddress ?? { address: 'Via Roma 1', zip: '00100', municipality: 'Roma' },
      ...(r.digitalDomicile ? { digitalDomicile: { type: 'PEC' as const, address: r.digitalDomicile.address } } : {}),
    })),
    documents: n.documents.map((d, i) => ({ digests: { sha256: d.digests.sha256 }, contentType: d.contentType, ref: { key: `PN_DOC-${i}.pdf`, versionToken: 'v1' }, title: d.title, docIdx: String(i) })),
    notificationStatus: 'ACCEPTED', notificationStatusHistory: [], timeline,
  };
}

function problem(res: ServerResponse, status: number, code: string): void {
  res.writeHead(status, { 'content-type': 'application/problem+json' });
  res.end(JSON.stringify({ status, title: code, errors: [{ code }] }));
}

async function readRaw(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    return undefined;
  }
}

export async function startSendPeer(opts: { apiKey?: string; streamId?: string; pageSize?: number; now?: () => number } = {}): Promise<SendPeer> {
  const apiKey = opts.apiKey ?? 'test-api-key-0123456789';
  const streamId = opts.streamId ?? '3fa85f64-5717-4562-b3fc-2c963f66afa6';
  const now = opts.now ?? Date.now;
  const notifications = new Map<string, FullSentNotification>();
  const requests = new Map<string, { notificationRequestId: string; iun: string; body: NewNotificationRequest; applied: number; errors?: { code: string; detail: string }[] }>();
  const events: ProgressElement[] = [];
  const cancelled = new Map<string, number>();
  const requestIdOf = new Map<string, string>();
  const sockets = new Set<Socket>();

  const emit = (iun: string, element: SendTimelineElement) => {
    const notificationRequestId = peer.eventsCarryRequestId ? requestIdOf.get(iun) : undefined;
    events.push({ eventId: eventIdOf(events.length + 1), ...(notificationRequestId ? { notificationRequestId } : {}), iun, element });
  };

  const peer: SendPeer = {
    url: '', apiKey, streamId, mode: 'ok', invalidAnswers: 0, uploads: new SendUploads(), uploadBase: '', eventsCarryRequestId: true, refusals: new Map(),
    requestOf: (token) => [...requests.values()].find((r) => r.body.idempotenceToken === token),
    addNotification(n, timeline) {
      const full = toFullSent(n, []);
      notifications.set(n.iun, full);
      timeline.forEach((e) => peer.appendElement(n.iun, e));
      return full;
    },
    appendElement(iun, e) {
      const full = notifications.get(iun)!;
      const el = toSendElement(iun, full.sentAt, e, full.timeline.length);
      full.timeline.push(el);
      emit(iun, el);
    },
    applied: (token) => [...requests.values()].filter((r) => r.body.idempotenceToken === token).reduce((n, r) => n + r.applied, 0),
    cancellations: (iun) => cancelled.get(iun) ?? 0,
    timelineOf: (iun) => notifications.get(iun)?.timeline ?? [],
    eventCount: () => events.length,
    lastEventId: () => events[events.length - 1]?.eventId,
    close: async () => undefined,
  };

  function answer<T>(res: ServerResponse, status: number, schema: z.ZodType<T>, body: unknown, headers: Record<string, string> = {}): void {
    if (peer.mode === 'garbage') {
      res.writeHead(status, { 'content-type': 'application/json' });
      return void res.end('<html>gateway says hi</html>');
    }
    if (peer.mode !== 'schemaViolation' && !schema.safeParse(body).success) {
      peer.invalidAnswers += 1;
      return problem(res, 500, 'PEER_INVALID_ANSWER');
    }
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  }

  function newRequest(body: unknown, res: ServerResponse): void {
    const parsed = newNotificationRequestSchema.safeParse(body);
    if (!parsed.success) return problem(res, 400, 'PN_GENERIC_INVALIDPARAMETER');
    const key = `${parsed.data.paProtocolNumber}\n${parsed.data.idempotenceToken ?? ''}`;
    if (requests.has(key)) return problem(res, 409, 'PN_NOTIFICATION_ALREADY_EXISTS');
    if (!peer.uploads.referencesUploaded(parsed.data)) return problem(res, 400, 'PN_GENERIC_INVALIDPARAMETER_DOCUMENT_REF');
    const rng = createRng(key);
    const sentAt = new Date(now()).toISOString();
    const iun = makeIun(pickIunLetters((n) => rng.int(n)), iunYearMonthOf(sentAt));
    const notificationRequestId = Buffer.from(key).toString('base64').replace(/[^A-Za-z0-9]/g, '').padEnd(36, 'A').slice(0, 36);
    const errors = peer.refusals.get(parsed.data.paProtocolNumber);
    requests.set(key, { notificationRequestId, iun, body: parsed.data, applied: 1, ...(errors ? { errors } : {}) });
    if (errors) {
      const refusalReasons = errors.map((e) => ({ errorCode: e.code, detail: e.detail }));
      const element: SendTimelineElement = { timestamp: sentAt, category: 'REQUEST_REFUSED', details: { refusalReasons } };
      events.push({ eventId: eventIdOf(events.length + 1), ...(peer.eventsCarryRequestId ? { notificationRequestId } : {}), element });
    } else {
      acceptRequest(parsed.data, iun, sentAt, notificationRequestId);
    }
    answer(res, 202, newNotificationResponseSchema, { notificationRequestId, paProtocolNumber: parsed.data.paProtocolNumber, idempotenceToken: parsed.data.idempotenceToken });
  }

  function acceptRequest(body: NewNotificationRequest, iun: string, sentAt: string, notificationRequestId: string): void {
    const full: FullSentNotification = { ...body, iun, sentAt, notificationStatus: 'ACCEPTED', notificationStatusHistory: [], timeline: [] };
    notifications.set(iun, full);
    requestIdOf.set(iun, notificationRequestId);
    peer.appendElement(iun, { category: 'REQUEST_ACCEPTED', at: sentAt });
  }

  /** notificationCancellation: the two elements with SEND's elementIds (DOMAIN.md 5 rows 40-41). */
  function cancel(iun: string, res: ServerResponse): void {
    if (!notifications.has(iun)) return problem(res, 404, 'PN_NOT_FOUND');
    if (cancelled.has(iun)) {
      return answer(res, 202, cancelResponseSchema, { status: 'OK', details: [{ code: 'NOTIFICATION_ALREADY_CANCELLED', level: 'WARN' }] });
    }
    cancelled.set(iun, 1);
    const at = new Date(now()).toISOString();
    peer.appendElement(iun, { elementId: `NOTIFICATION_CANCELLATION_REQUEST.IUN_${iun}`, category: 'NOTIFICATION_CANCELLATION_REQUEST', at, details: { cancellationRequestId: `cancel-${iun}` } });
    peer.appendElement(iun, { elementId: `NOTIFICATION_CANCELLED.IUN_${iun}`, category: 'NOTIFICATION_CANCELLED', at, details: { notificationCost: 0, notRefinedRecipientIndexes: [] } });
    answer(res, 202, cancelResponseSchema, { status: 'OK', details: [{ code: 'NOTIFICATION_CANCELLATION_ACCEPTED', level: 'INFO' }] });
  }

  function requestStatus(q: URLSearchParams, res: ServerResponse): void {
    const r = [...requests.values()].find((x) => x.notificationRequestId === q.get('notificationRequestId') || (x.body.paProtocolNumber === q.get('paProtocolNumber') && x.body.idempotenceToken === q.get('idempotenceToken')));
    if (!r) return problem(res, 404, 'PN_NOT_FOUND');
    const outcome = r.errors ? { notificationRequestStatus: 'REFUSED', errors: r.errors } : { notificationRequestStatus: 'ACCEPTED', iun: r.iun };
    answer(res, 200, requestStatusResponseSchema, { ...r.body, notificationRequestId: r.notificationRequestId, ...outcome });
  }

  function consume(q: URLSearchParams, res: ServerResponse): void {
    const after = q.get('lastEventId');
    const from = after ? events.findIndex((e) => e.eventId === after) + 1 : 0;
    const page = events.slice(from, from + (opts.pageSize ?? 50));
    const more = from + page.length < events.length;
    const body = peer.mode === 'schemaViolation' ? page.map(({ eventId: _drop, ...rest }) => rest) : page;
    answer(res, 200, progressResponseSchema, body, { 'retry-after': more ? '0' : '10' });
  }

  function preload(body: unknown, res: ServerResponse): void {
    const parsed = preloadBulkRequestSchema.safeParse(body);
    if (!parsed.success) return problem(res, 400, 'PN_GENERIC_INVALIDPARAMETER');
    answer(res, 200, preloadResponseListSchema, peer.uploads.preload(parsed.data, () => peer.uploadBase || peer.url));
  }

  /** The storage side of a presigned URL: no API key, the secret and checksum headers instead. */
  function upload(req: IncomingMessage, res: ServerResponse, key: string, raw: Buffer): void {
    const a = peer.uploads.upload(key, req.headers, raw, req.trailers);
    if (a.versionId === undefined) {
      res.writeHead(a.status, { 'content-type': 'application/xml' });
      return void res.end(`<Error><Code>${a.code}</Code></Error>`);
    }
    res.writeHead(200, { 'x-amz-version-id': a.versionId });
    res.end();
  }

  function route(req: IncomingMessage, res: ServerResponse, body: unknown): void {
    const url = new URL(req.url ?? '/', 'http://peer');
    const p = url.pathname;
    const base = `/delivery-progresses/v2.5/streams/${streamId}`;
    let m: RegExpMatchArray | null;
    if (req.method === 'POST' && p === '/delivery/attachments/preload') return preload(body, res);
    if (req.method === 'POST' && p === '/delivery/v2.4/requests') return newRequest(body, res);
    if (req.method === 'GET' && p === '/delivery/v2.4/requests') return requestStatus(url.searchParams, res);
    if (req.method === 'PUT' && (m = p.match(/^\/delivery-push\/v2\.0\/notifications\/cancel\/([A-Z0-9-]+)$/))) return cancel(m[1]!, res);
    if (req.method === 'GET' && p === `${base}/events`) return consume(url.searchParams, res);
    if (req.method === 'GET' && p === base) return answer(res, 200, streamMetadataSchema, { title: 'desk', eventType: 'TIMELINE', streamId, activationDate: '2026-01-01T00:00:00Z', version: 'v25' });
    if (req.method === 'GET' && (m = p.match(/^\/delivery\/v2\.5\/notifications\/sent\/([A-Z0-9-]+)$/))) {
      const full = notifications.get(m[1]!);
      return full ? answer(res, 200, fullSentNotificationSchema, full) : problem(res, 404, 'PN_NOT_FOUND');
    }
    if (req.method === 'GET' && (m = p.match(/^\/delivery-push\/v2\.0\/([A-Z0-9-]+)\/legal-facts$/))) {
      return answer(res, 200, legalFactListSchema, [{ iun: m[1]!, legalFactsId: { key: `safestorage://PN_LEGAL_FACTS-${m[1]}.pdf`, category: 'SENDER_ACK' } }]);
    }
    if (req.method === 'GET' && p.startsWith('/delivery-push/') && p.includes('/download/legal-facts/')) return answer(res, 200, legalFactDownloadSchema, { filename: 'ack.pdf', contentLength: 1234, url: 'https://example.invalid/ack.pdf' });
    if (req.method === 'GET' && /\/attachments\/documents\/\d+$/.test(p)) return answer(res, 200, documentDownloadSchema, { filename: 'doc.pdf', contentType: 'application/pdf', contentLength: 10, sha256: 'x', url: 'https://example.invalid/doc.pdf' });
    problem(res, 404, 'PN_NOT_FOUND');
  }

  const server = createServer((req, res) => {
    void (async () => {
      const raw = await readRaw(req);
      const uploadKey = req.method === 'PUT' ? /^\/upload\/([^/]+)$/.exec(new URL(req.url ?? '/', 'http://peer').pathname)?.[1] : undefined;
      if (uploadKey !== undefined) return upload(req, res, decodeURIComponent(uploadKey), raw);
      if (req.headers['x-api-key'] !== apiKey) return problem(res, 403, 'PN_FORBIDDEN');
      route(req, res, req.method === 'POST' ? parseJson(raw) : undefined);
    })().catch(() => problem(res, 500, 'PEER_CRASH'));
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('peer: no address');
  peer.url = `http://127.0.0.1:${address.port}`;
  peer.close = () => new Promise<void>((resolve) => {
    for (const s of sockets) s.destroy();
    server.close(() => resolve());
  });
  return peer;
}
