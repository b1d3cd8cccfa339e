// The send-b2b adapter: pulls SEND's v2.5 progress stream (cursor = last eventId), fetches the
// sent notification for IUNs met for the first time, and pushes new notification requests
// (documents still on this computer preloaded and uploaded first, preload.ts; idempotent on
// idempotenceToken: SEND answers 409 to a repeat, which we confirm by reading the request status)
// and cancellations (idempotent on the IUN: SEND answers a repeat with the detail
// NOTIFICATION_ALREADY_CANCELLED). Everything is mapped into the core model. The request id and,
// once accepted, SEND's IUN come back as links (stream events, request status) so that SEND's
// timeline reaches the notification stored here under its local IUN (electron/sync/links.ts); a
// refused request comes back with SEND's reasons (its status `errors`), also when the stream only
// names its notificationRequestId.
// Postal outcomes and RADD operations have no sender-API operation: the engine keeps them local-only.
import { withReason } from '../../../core/index.js';
import type { Logger } from '../../logger.js';
import { describeFailure, SyncError } from '../../sync/errors.js';
import { checkShape } from '../../sync/http.js';
import { parseOutboxPayload, requestTokenOf } from '../../sync/outbox-payloads.js';
import type { AdapterHealth, BlobReader, OutboxItem, PullOptions, PullPage, PulledElement, PulledNotification, PushResult, RequestLink, SyncAdapter } from '../../sync/types.js';
import { SendB2bClient, type SendB2bConfig } from './client.js';
import { elementOf, pulledOf } from './mapping.js';
import { preloadDocuments } from './preload.js';
import { newNotificationRequestSchema, type NewNotificationRequest } from './schemas.js';

export interface SendB2bAdapterOptions extends SendB2bConfig {
  logger?: Logger;
  now?: () => number;
  /** Sent notifications fetched in parallel when a page brings new IUNs (default 6). */
  fetchConcurrency?: number;
  /** The stored documents (acts) by hex SHA-256, for the preload of new notifications. */
  readBlob?: BlobReader;
}

/** Runs `fn` over `items` with at most `limit` in flight; results in input order. */
async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

type RequestStatus = { notificationRequestId: string; iun?: string | undefined; notificationRequestStatus: string; senderTaxId: string; paProtocolNumber: string; idempotenceToken?: string | undefined; errors?: { code: string; detail?: string | undefined }[] | undefined };

/**
 * What a request status says about the link: the request id, SEND's IUN once accepted, the status,
 * the request's key (finds the local notification) and, when REFUSED, SEND's `errors` as the
 * refusal reasons (DOMAIN.md 5 row 4), learnt at `at`.
 */
function linkOf(r: RequestStatus, at: string): RequestLink {
  const link: RequestLink = { notificationRequestId: r.notificationRequestId, status: r.notificationRequestStatus, ...(r.iun ? { iun: r.iun } : {}) };
  if (r.idempotenceToken !== undefined) link.request = { senderTaxId: r.senderTaxId, paProtocolNumber: r.paProtocolNumber, idempotenceToken: r.idempotenceToken };
  if (r.notificationRequestStatus === 'REFUSED') {
    link.refusal = { at, reasons: (r.errors ?? []).map((e) => ({ errorCode: e.code, ...(e.detail !== undefined ? { detail: e.detail } : {}) })) };
  }
  return link;
}

export function createSendB2bAdapter(opts: SendB2bAdapterOptions): SyncAdapter & { client: SendB2bClient } {
  const client = new SendB2bClient(opts);
  const now = opts.now ?? Date.now;
  const iso = () => new Date(now()).toISOString();

  async function pull(cursor: string | undefined, options: PullOptions): Promise<PullPage> {
    const { events, retryAfterMs } = await client.consumeEvents(cursor, options.signal);
    const elements: PulledElement[] = [];
    const links = new Map<string, RequestLink>();
    const refused = new Set<string>();
    let skipped = 0;
    events.forEach((ev, i) => {
      if (ev.iun === undefined) {
        // A request refused before SEND gave it an IUN: its status says which of ours and why.
        if (ev.notificationRequestId !== undefined) refused.add(ev.notificationRequestId);
        else skipped += 1;
        return;
      }
      if (ev.notificationRequestId !== undefined) links.set(ev.notificationRequestId, { notificationRequestId: ev.notificationRequestId, iun: ev.iun });
      elements.push({ iun: ev.iun, element: elementOf(ev.element, `consumeEventStreamV25[${i}]`) });
    });
    if (refused.size > 0) for (const l of await resolveRequests([...refused], options.signal)) links.set(l.notificationRequestId, l);
    if (skipped > 0) opts.logger?.info('sync: SEND events without IUN nor request id skipped', { count: skipped });
    const last = events[events.length - 1];
    const page: PullPage = { notifications: [], elements, cursor: last ? last.eventId : (cursor ?? ''), hasMore: events.length > 0 && retryAfterMs === 0 };
    if (links.size > 0) page.links = [...links.values()];
    if (retryAfterMs !== undefined && retryAfterMs > 0) page.retryAfterMs = retryAfterMs;
    return page;
  }

  /** Sent notifications of new IUNs, a few requests in flight at once (SEND's latency dominates). */
  async function fetchNotifications(iuns: readonly string[], signal?: AbortSignal): Promise<{ notifications: PulledNotification[]; elements: PulledElement[] }> {
    const found = await mapLimited(iuns, opts.fetchConcurrency ?? 6, async (iun) => {
      const full = await client.sentNotification(iun, signal);
      return full ? pulledOf(full) : undefined;
    });
    const out = { notifications: [] as PulledNotification[], elements: [] as PulledElement[] };
    for (const p of found) {
      if (!p) continue;
      out.notifications.push(p.notification);
      out.elements.push(...p.elements);
    }
    return out;
  }

  /** SEND's request status of requests sent earlier: the IUN once accepted (404: not known, left out). */
  async function resolveRequests(ids: readonly string[], signal?: AbortSignal): Promise<RequestLink[]> {
    const found = await mapLimited(ids, 4, (notificationRequestId) => client.requestStatus({ notificationRequestId }, signal));
    return found.flatMap((r) => (r ? [linkOf(r, iso())] : []));
  }

  async function cancel(item: OutboxItem & { kind: 'send.cancelNotification' }, signal?: AbortSignal): Promise<PushResult> {
    const { iun } = parseOutboxPayload(item);
    const res = await client.cancelNotification(iun, signal);
    const codes = (res.details ?? []).map((d) => d.code);
    const status = codes.includes('NOTIFICATION_ALREADY_CANCELLED') ? 'duplicate' : 'applied';
    return { status, remoteRef: iun, data: { status: res.status, details: codes } };
  }

  /** The request as SEND keeps it, when SEND already has it (our earlier delivery, answer lost). */
  async function earlier(body: NewNotificationRequest, token: string, signal?: AbortSignal): Promise<PushResult | undefined> {
    const known = await client.requestStatus({ paProtocolNumber: body.paProtocolNumber, idempotenceToken: token }, signal);
    if (!known) return undefined;
    return { status: 'duplicate', remoteRef: known.notificationRequestId, data: { iun: known.iun ?? null, status: known.notificationRequestStatus }, link: linkOf(known, iso()) };
  }

  async function newNotification(item: OutboxItem, signal?: AbortSignal): Promise<PushResult> {
    const token = requestTokenOf(item);
    const body = checkShape(newNotificationRequestSchema, { ...(item.payload as object), idempotenceToken: token }, 'SYNC_REQUEST_INVALID', 'SEND', 'sendNewNotificationV24');
    // A retry after a lost answer: ask first rather than upload every act again.
    if (item.attempts > 0) {
      const found = await earlier(body, token, signal);
      if (found) return found;
    }
    const documents = await preloadDocuments({ client, readBlob: opts.readBlob, token, ...(signal ? { signal } : {}) }, body.documents);
    const sent = await client.sendNewNotification({ ...body, documents }, signal);
    if (!sent.duplicate) return { status: 'applied', remoteRef: sent.notificationRequestId, link: { notificationRequestId: sent.notificationRequestId } };
    // 409: confirm that the conflict is our own earlier delivery, not someone else's request.
    const found = await earlier(body, token, signal);
    // The detail is our own finding, not SEND's text: sent as its code, worded in the reader's language.
    if (!found) throw new SyncError('SYNC_PEER_REJECTED', withReason({ peer: 'SEND', status: 409 }, 'SYNC_PEER_CONFLICT_NOT_OURS', {}, 'detail'), { transient: false });
    return found;
  }

  async function push(item: OutboxItem, options: { signal?: AbortSignal } = {}): Promise<PushResult> {
    if (item.kind === 'send.cancelNotification') return cancel({ ...item, kind: item.kind }, options.signal);
    if (item.kind === 'send.newNotification') return newNotification(item, options.signal);
    throw new SyncError('SYNC_PUSH_UNSUPPORTED', { adapter: 'send-b2b', kind: item.kind }, { transient: false });
  }

  async function health(signal?: AbortSignal): Promise<AdapterHealth> {
    const start = now();
    try {
      const meta = await client.streamMetadata(signal);
      if (meta.eventType !== 'TIMELINE') return { ok: false, checkedAt: iso(), code: 'SYNC_ADAPTER_NOT_CONFIGURED', params: { adapter: 'send-b2b', setting: 'streamId (TIMELINE)' } };
      return { ok: true, checkedAt: iso(), latencyMs: now() - start };
    } catch (e) {
      const f = describeFailure(e);
      return { ok: false, checkedAt: iso(), code: f.code, params: f.params };
    }
  }

  return {
    name: 'send-b2b',
    stream: `send-b2b:${opts.streamId}`,
    client,
    capabilities: () => ({ pull: true, push: ['send.newNotification', 'send.cancelNotification'], fetch: true, offline: false }),
    health,
    pull,
    push,
    fetchNotifications,
    resolveRequests,
  };
}
