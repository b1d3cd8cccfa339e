// SyncStore over the real store (db/ repositories only: no SQL here). The outbox's dedupe key is
// `<kind>:<idempotencyKey>`, so a desk action repeated with the same operationId / idempotenceToken
// queues one item. Pulled pages go through the timeline write path (engine-derived state) and the
// cursor is stored in the same transaction.
import type { TimelineElementInput } from '../../core/index.js';
import type { OutboxMessage } from '../../db/repositories/outbox-repo.js';
import type { Store, StoreScope } from '../../db/store.js';
import type { Logger } from '../logger.js';
import { refusalElement } from './links.js';
import { type ApplyResult, type NewOutboxItem, type OutboxItem, type OutboxKind, type OutboxStats, type OutboxWriter, type PullPage, type RequestLink, type RequestLinkStore, type SyncStore } from './types.js';

/**
 * The outbox table has no "parked" state yet (asked to the db helper): a parked item is kept unsent
 * with this due time, which no clock reaches (max Date ms).
 */
export const PARKED_DUE_MS = 8.64e15;
const SCAN_LIMIT = 100_000;

const dedupeKeyOf = (kind: string, key: string) => `${kind}:${key}`;
/** The host's own setting (a leading `_`: not among the settings a person sees) with a stream's last success. */
const lastSuccessKey = (stream: string) => `_sync.lastSuccess.${stream}`;

/** An outbox row as the sync engine sees it (state pending / parked / done, idempotency key). */
export function toItem(m: OutboxMessage): OutboxItem {
  // A kind unknown to this version stays as written: the adapter refuses it and the item is parked.
  const kind = m.kind as OutboxKind;
  const prefix = `${m.kind}:`;
  const item: OutboxItem = {
    id: m.id, kind, payload: m.payload, createdAt: m.createdAt, attempts: m.attempts,
    idempotencyKey: m.dedupeKey?.startsWith(prefix) ? m.dedupeKey.slice(prefix.length) : (m.dedupeKey ?? String(m.id)),
    state: m.sentAt !== undefined ? 'done' : m.dueMs !== undefined && m.dueMs >= PARKED_DUE_MS ? 'parked' : 'pending',
  };
  if (item.state === 'pending' && m.dueMs !== undefined) item.nextAttemptMs = m.dueMs;
  if (m.lastError !== undefined) item.lastError = m.lastError;
  return item;
}

/** Queues an outbox item inside the caller's transaction (the one recording the desk action). */
export function outboxWriterOf(scope: Pick<StoreScope, 'outbox'>): OutboxWriter {
  return {
    enqueue: (item: NewOutboxItem) =>
      scope.outbox.enqueue({ kind: item.kind, payload: item.payload, createdAt: item.createdAt, dedupeKey: dedupeKeyOf(item.kind, item.idempotencyKey) }),
  };
}

function groupByIun(elements: PullPage['elements']): Map<string, PullPage['elements'][number]['element'][]> {
  const out = new Map<string, PullPage['elements'][number]['element'][]>();
  for (const e of elements) {
    const list = out.get(e.iun);
    if (list) list.push(e.element);
    else out.set(e.iun, [e.element]);
  }
  return out;
}

/**
 * Writes one page in the caller's transaction: new notifications with their elements, then appends.
 * `writing` is called once, when the first statements are sent (by the import, even of none).
 */
async function applyIn(tx: StoreScope, page: Pick<PullPage, 'notifications' | 'elements'>, writing: (() => void) | undefined, logger?: Logger): Promise<ApplyResult> {
  const byIun = groupByIun(page.elements);
  // Headers of notifications already stored are not imported again (SEND sends a notification whole
  // each time it changes): their elements are appended below, without deriving them twice.
  const stored = await tx.notifications.existing(page.notifications.map((n) => n.notification.iun));
  const imported = await tx.timeline.importNotifications(
    page.notifications.filter(({ notification }) => !stored.has(notification.iun)).map(({ notification }) => ({ notification, elements: byIun.get(notification.iun) ?? [] })),
    // No engine state on import: it is ~6 KB of JSON a notification (twice the rest of its rows)
    // and most pulled notifications never get a later page. The first later append rebuilds it
    // from the stored timeline once and stores it; appends after that are incremental.
    // Measured (sync bench, 20k): 1,290 -> 1,756 notifications per CPU-second.
    { keepEngineState: false, ...(writing ? { onWriting: writing } : {}) },
  );
  const fresh = new Set(imported.inserted);
  const result: ApplyResult = { notificationsInserted: fresh.size, elementsInserted: 0, elementsRejected: 0 };
  const rejectedByIun = new Map(imported.rejected.map((r) => [r.iun, r.errors.length]));
  for (const iun of fresh) {
    const rejected = rejectedByIun.get(iun) ?? 0;
    result.elementsInserted += Math.max(0, (byIun.get(iun)?.length ?? 0) - rejected);
    result.elementsRejected += rejected;
  }
  // Elements for notifications stored before this page: all appended together (appendMany).
  const appends = [...byIun].filter(([iun]) => !fresh.has(iun)).map(([iun, inputs]) => ({ iun, inputs }));
  const appended = await tx.timeline.appendMany(appends);
  appended.forEach((r, k) => {
    result.elementsInserted += r.inserted.length;
    result.elementsRejected += r.rejected.length;
    if (r.rejected.length > 0) logger?.warn('sync: elements refused by the engine', { iun: appends[k]!.iun, codes: r.rejected.slice(0, 5).map((x) => x.error.code) });
  });
  return result;
}

/**
 * SEND refused the request: its REQUEST_REFUSED element goes on the local notification through the
 * timeline writer (status REFUSED derived in the same transaction; links.ts refusalElement). The
 * notification is the one whose request carries this notificationRequestId (recorded from the push
 * answer), else the one of the request key SEND echoed with that same id.
 */
async function refusalOf(tx: StoreScope, link: RequestLink): Promise<{ iun: string; inputs: TimelineElementInput[] } | undefined> {
  if (link.status !== 'REFUSED') return undefined;
  let request = await tx.senderRequests.getByRequestId(link.notificationRequestId);
  if (!request && link.request !== undefined) {
    const { senderTaxId, paProtocolNumber, idempotenceToken } = link.request;
    request = await tx.senderRequests.findByKey(senderTaxId, paProtocolNumber, idempotenceToken);
  }
  if (request?.notificationRequestId !== link.notificationRequestId || !(await tx.notifications.exists(request.iun))) return undefined;
  const element = refusalElement(request.iun, link);
  return element === undefined ? undefined : { iun: request.iun, inputs: [element] };
}

/**
 * The refusals of several links in one append (appendMany takes the notifications' locks in IUN
 * order, as every writer of several notifications does, so two desks on one PostgreSQL store
 * cannot deadlock on them). One notification has one request: a second link to it adds nothing.
 * Returns how many notifications got their refusal now.
 */
async function recordRefusals(tx: StoreScope, links: readonly RequestLink[], logger?: Logger): Promise<number> {
  const byIun = new Map<string, { iun: string; inputs: TimelineElementInput[] }>();
  for (const l of links) {
    const refusal = await refusalOf(tx, l);
    if (refusal && !byIun.has(refusal.iun)) byIun.set(refusal.iun, refusal);
  }
  const appends = [...byIun.values()];
  if (appends.length === 0) return 0;
  const results = await tx.timeline.appendMany(appends);
  results.forEach((r, k) => {
    if (r.rejected.length > 0) logger?.warn('sync: refusal refused by the engine', { iun: appends[k]!.iun, codes: r.rejected.map((x) => x.error.code) });
  });
  return results.filter((r) => r.inserted.length > 0).length;
}

const answerOf = (l: RequestLink) => ({ ...(l.iun ? { sendIun: l.iun } : {}), ...(l.status ? { status: l.status } : {}) });

/** SEND request links over sender_requests (links.ts says why the IUNs are translated, not re-keyed). */
function linkStoreOf(store: Store, logger?: Logger): RequestLinkStore {
  return {
    async recordPushed(item, link) {
      if (item.kind !== 'send.newNotification') return;
      await store.transaction(async (tx) => {
        await tx.senderRequests.recordSubmission(dedupeKeyOf(item.kind, item.idempotencyKey), { notificationRequestId: link.notificationRequestId, ...answerOf(link) });
        await recordRefusals(tx, [link], logger);
      });
    },
    async record(links) {
      if (links.length === 0) return 0;
      return store.transaction(async (tx) => {
        // A refusal is appended for every request of ours (idempotent: its elementId is fixed), also
        // when the status was recorded before, so that a refusal lost before now still lands.
        const ours: RequestLink[] = [];
        let changed = 0;
        for (const l of links) {
          const outcome = await tx.senderRequests.recordRequestStatus(l.notificationRequestId, answerOf(l));
          if (outcome !== 'unknown') ours.push(l);
          if (outcome === 'changed') changed += 1;
        }
        return changed + (await recordRefusals(tx, ours, logger));
      });
    },
    awaitingIun: (limit) => store.senderRequests.awaitingSendIun(limit),
    localIunsOf: (iuns) => store.senderRequests.localIunsOf(iuns),
    peerIunsOf: (iuns) => store.senderRequests.sendIunsOf(iuns),
  };
}

export function createStoreSyncStore(store: Store, logger?: Logger): SyncStore {
  const all = async () => (await store.outbox.due(Number.MAX_SAFE_INTEGER, SCAN_LIMIT)).map(toItem);
  return {
    ...outboxWriterOf(store),
    async claimDue(nowMs, limit) {
      // Per-key order needs the pending items that are not due yet too (the outbox stays small).
      const pending = (await store.outbox.due(PARKED_DUE_MS - 1, SCAN_LIMIT)).map(toItem);
      const head = new Map<string, number>();
      for (const i of pending) head.set(i.idempotencyKey, Math.min(head.get(i.idempotencyKey) ?? i.id, i.id));
      return pending
        .filter((i) => (i.nextAttemptMs ?? 0) <= nowMs && head.get(i.idempotencyKey) === i.id)
        .slice(0, limit);
    },
    markDone: (id, at) => store.outbox.markSent(id, at),
    markLocalOnly: (id, note, at) => store.outbox.markLocalOnly(id, note, at),
    scheduleRetry: (id, retry) => store.outbox.markFailed(id, retry.error, retry.nextAttemptMs),
    links: linkStoreOf(store, logger),
    park: (id, error) => store.outbox.markFailed(id, error, PARKED_DUE_MS),
    async listParked(limit = 100) {
      return (await all()).filter((i) => i.state === 'parked').slice(0, limit);
    },
    async requeue(id, nowMs) {
      const item = await store.outbox.get(id);
      if (!item || item.dueMs === undefined || item.dueMs < PARKED_DUE_MS) return;
      // markFailed counts one more attempt: a requeued item gets one more try before parking again.
      await store.outbox.markFailed(id, item.lastError ?? '', nowMs);
    },
    async get(id) {
      const m = await store.outbox.get(id);
      return m ? toItem(m) : undefined;
    },
    async stats(): Promise<OutboxStats> {
      const items = await all();
      const pending = items.filter((i) => i.state === 'pending');
      const stats: OutboxStats = {
        pending: pending.length, failing: pending.filter((i) => i.attempts > 0).length, parked: items.length - pending.length,
        localOnly: await store.outbox.localOnlyCount(),
      };
      if (pending.length > 0) stats.nextDueMs = Math.min(...pending.map((i) => i.nextAttemptMs ?? 0));
      return stats;
    },
    getCursor: (stream) => store.syncCursors.get(stream),
    async getLastSuccess(stream) {
      const at = await store.settings.get<string>(lastSuccessKey(stream));
      const ms = typeof at === 'string' ? Date.parse(at) : Number.NaN;
      return Number.isFinite(ms) ? ms : undefined;
    },
    async setLastSuccess(stream, atMs) {
      const at = new Date(atMs).toISOString();
      await store.settings.set(lastSuccessKey(stream), at, at);
    },
    knownIuns: (iuns) => store.notifications.existing(iuns),
    applyPage(stream, page, at, hooks) {
      return store.transaction(async (tx) => {
        const result = await applyIn(tx, page, hooks?.writing, logger);
        await tx.syncCursors.set(stream, page.cursor, at);
        return result;
      });
    },
  };
}
