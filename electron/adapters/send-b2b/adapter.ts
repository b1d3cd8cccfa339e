// The send-b2b adapter: pulls SEND's v2.5 progress stream (cursor = last eventId), fetches the
// sent notification for IUNs met for the first time, and pushes new notification requests
// (idempotent on idempotenceToken: SEND answers 409 to a repeat, which we confirm by reading the
// request status) and cancellations (idempotent on the IUN: SEND answers a repeat with the detail
// NOTIFICATION_ALREADY_CANCELLED). Everything is mapped into the core model. Postal outcomes and
// RADD operations have no sender-API operation: the engine keeps them local-only.
import type { Logger } from '../../logger.js';
import { describeFailure, SyncError } from '../../sync/errors.js';
import { checkShape } from '../../sync/http.js';
import { parseOutboxPayload } from '../../sync/outbox-payloads.js';
import type { AdapterHealth, OutboxItem, PullOptions, PullPage, PulledElement, PulledNotification, PushResult, SyncAdapter } from '../../sync/types.js';
import { SendB2bClient, type SendB2bConfig } from './client.js';
import { elementOf, pulledOf } from './mapping.js';
import { newNotificationRequestSchema } from './schemas.js';

export interface SendB2bAdapterOptions extends SendB2bConfig {
  logger?: Logger;
  now?: () => number;
  /** Sent notifications fetched in parallel when a page brings new IUNs (default 6). */
  fetchConcurrency?: number;
}

export function createSendB2bAdapter(opts: SendB2bAdapterOptions): SyncAdapter & { client: SendB2bClient } {
  const client = new SendB2bClient(opts);
  const now = opts.now ?? Date.now;
  const iso = () => new Date(now()).toISOString();

  async function pull(cursor: string | undefined, options: PullOptions): Promise<PullPage> {
    const { events, retryAfterMs } = await client.consumeEvents(cursor, options.signal);
    const elements: PulledElement[] = [];
    let skipped = 0;
    events.forEach((ev, i) => {
      if (ev.iun === undefined) {
        skipped += 1; // a request refused before SEND gave it an IUN: nothing to attach it to
        return;
      }
      elements.push({ iun: ev.iun, element: elementOf(ev.element, `consumeEventStreamV25[${i}]`) });
    });
    if (skipped > 0) opts.logger?.info('sync: SEND events without IUN skipped', { count: skipped });
    const last = events[events.length - 1];
    const page: PullPage = { notifications: [], elements, cursor: last ? last.eventId : (cursor ?? ''), hasMore: events.length > 0 && retryAfterMs === 0 };
    if (retryAfterMs !== undefined && retryAfterMs > 0) page.retryAfterMs = retryAfterMs;
    return page;
  }

  /** Sent notifications of new IUNs, a few requests in flight at once (SEND's latency dominates). */
  async function fetchNotifications(iuns: readonly string[], signal?: AbortSignal): Promise<{ notifications: PulledNotification[]; elements: PulledElement[] }> {
    const found: (ReturnType<typeof pulledOf> | undefined)[] = new Array(iuns.length);
    let next = 0;
    const worker = async () => {
      while (next < iuns.length) {
        const i = next++;
        const full = await client.sentNotification(iuns[i]!, signal);
        found[i] = full ? pulledOf(full) : undefined;
      }
    };
    await Promise.all(Array.from({ length: Math.min(opts.fetchConcurrency ?? 6, iuns.length) }, worker));
    const out = { notifications: [] as PulledNotification[], elements: [] as PulledElement[] };
    for (const p of found) {
      if (!p) continue;
      out.notifications.push(p.notification);
      out.elements.push(...p.elements);
    }
    return out;
  }

  async function cancel(item: OutboxItem & { kind: 'send.cancelNotification' }, signal?: AbortSignal): Promise<PushResult> {
    const { iun } = parseOutboxPayload(item);
    const res = await client.cancelNotification(iun, signal);
    const codes = (res.details ?? []).map((d) => d.code);
    const status = codes.includes('NOTIFICATION_ALREADY_CANCELLED') ? 'duplicate' : 'applied';
    return { status, remoteRef: iun, data: { status: res.status, details: codes } };
  }

  async function push(item: OutboxItem, options: { signal?: AbortSignal } = {}): Promise<PushResult> {
    if (item.kind === 'send.cancelNotification') return cancel({ ...item, kind: item.kind }, options.signal);
    if (item.kind !== 'send.newNotification') throw new SyncError('SYNC_PUSH_UNSUPPORTED', { adapter: 'send-b2b', kind: item.kind }, { transient: false });
    const body = checkShape(newNotificationRequestSchema, { ...(item.payload as object), idempotenceToken: item.idempotencyKey }, 'SYNC_REQUEST_INVALID', 'SEND', 'sendNewNotificationV24');
    const sent = await client.sendNewNotification(body, options.signal);
    if (!sent.duplicate) return { status: 'applied', remoteRef: sent.notificationRequestId };
    // 409: confirm that the conflict is our own earlier delivery, not someone else's request.
    const known = await client.requestStatus({ paProtocolNumber: body.paProtocolNumber, idempotenceToken: item.idempotencyKey }, options.signal);
    if (!known) throw new SyncError('SYNC_PEER_REJECTED', { peer: 'SEND', status: 409, detail: 'conflict without a matching request' }, { transient: false });
    return { status: 'duplicate', remoteRef: known.notificationRequestId, data: { iun: known.iun ?? null, status: known.notificationRequestStatus } };
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
  };
}
