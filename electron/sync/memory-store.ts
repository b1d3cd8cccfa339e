// An in-memory SyncStore with the same rules as the real one (idempotent enqueue, elementId
// idempotency, page + cursor applied atomically). For unit tests and store-less benchmarks.
import type { IsoInstant, Notification, TimelineElementInput } from '../../core/index.js';
import type { ApplyResult, NewOutboxItem, OutboxItem, OutboxStats, PullPage, RequestLinkStore, SyncStore } from './types.js';

/** A notification request created here (as sender_requests keeps it). */
export interface MemoryRequest {
  localIun: string;
  /** The idempotency key of its `send.newNotification` item. */
  idempotencyKey: string;
  notificationRequestId?: string;
  sendIun?: string;
  status?: string;
}

export interface MemorySyncStore extends SyncStore {
  readonly links: RequestLinkStore;
  /** Requests created here, by local IUN (add one to tie an item to a local notification). */
  readonly requests: Map<string, MemoryRequest>;
  readonly notifications: Map<string, Notification>;
  /** iun -> elementId -> element */
  readonly timelines: Map<string, Map<string, TimelineElementInput>>;
  readonly cursors: Map<string, string>;
  items(): OutboxItem[];
  /** Makes the next applyPage fail after writing part of the page (tests the rollback). */
  failNextApply(error: Error): void;
}

function memoryLinks(requests: Map<string, MemoryRequest>): RequestLinkStore {
  const all = () => [...requests.values()];
  /** True when `l` changed the request. */
  const patch = (r: MemoryRequest, l: { iun?: string; status?: string }) => {
    let changed = false;
    if (r.sendIun === undefined && l.iun !== undefined) (r.sendIun = l.iun), (changed = true);
    if (l.status !== undefined && r.status !== l.status) (r.status = l.status), (changed = true);
    return changed;
  };
  return {
    async recordPushed(item, link) {
      const r = all().find((x) => item.kind === 'send.newNotification' && x.idempotencyKey === item.idempotencyKey);
      if (!r) return;
      r.notificationRequestId ??= link.notificationRequestId;
      patch(r, link);
    },
    async record(links) {
      let changed = 0;
      for (const l of links) {
        const r = all().find((x) => x.notificationRequestId === l.notificationRequestId);
        if (r && patch(r, l)) changed += 1;
      }
      return changed;
    },
    async awaitingIun(limit) {
      return all().filter((r) => r.notificationRequestId !== undefined && r.sendIun === undefined && r.status !== 'REFUSED').slice(0, limit).map((r) => r.notificationRequestId!);
    },
    async localIunsOf(iuns) {
      return new Map(all().filter((r) => r.sendIun !== undefined && iuns.includes(r.sendIun)).map((r) => [r.sendIun!, r.localIun]));
    },
    async peerIunsOf(iuns) {
      return new Map(all().filter((r) => r.sendIun !== undefined && iuns.includes(r.localIun)).map((r) => [r.localIun, r.sendIun!]));
    },
  };
}

export function createMemorySyncStore(): MemorySyncStore {
  const outbox = new Map<number, OutboxItem>();
  const localOnly = new Set<number>();
  const requests = new Map<string, MemoryRequest>();
  const keys = new Set<string>();
  const notifications = new Map<string, Notification>();
  const timelines = new Map<string, Map<string, TimelineElementInput>>();
  const cursors = new Map<string, string>();
  const lastSuccess = new Map<string, number>();
  let nextId = 1;
  let injected: Error | null = null;

  const must = (id: number): OutboxItem => {
    const item = outbox.get(id);
    if (!item) throw new Error(`outbox item ${id} not found`);
    return item;
  };
  const copy = (i: OutboxItem): OutboxItem => ({ ...i });

  function applyAll(page: Pick<PullPage, 'notifications' | 'elements'>, staged: Map<string, Map<string, TimelineElementInput>>, newHeaders: Map<string, Notification>): ApplyResult {
    const result: ApplyResult = { notificationsInserted: 0, elementsInserted: 0, elementsRejected: 0 };
    for (const { notification } of page.notifications) {
      if (notifications.has(notification.iun) || newHeaders.has(notification.iun)) continue;
      newHeaders.set(notification.iun, notification);
      result.notificationsInserted += 1;
    }
    for (const { iun, element } of page.elements) {
      if (!notifications.has(iun) && !newHeaders.has(iun)) throw new Error(`element for unknown notification ${iun}`);
      // Without an elementId the content identifies the element (the real store builds SEND's id).
      const id = element.elementId ?? `${element.category}|${element.recipientIndex ?? ''}|${element.at}|${JSON.stringify(element.details ?? {})}`;
      const existing = timelines.get(iun);
      const stagedForIun = staged.get(iun) ?? new Map<string, TimelineElementInput>();
      if (existing?.has(id) || stagedForIun.has(id)) continue;
      stagedForIun.set(id, element);
      staged.set(iun, stagedForIun);
      result.elementsInserted += 1;
    }
    return result;
  }

  return {
    notifications,
    timelines,
    cursors,
    requests,
    links: memoryLinks(requests),
    items: () => [...outbox.values()].map(copy),
    failNextApply(error) {
      injected = error;
    },
    async enqueue(item: NewOutboxItem) {
      const key = `${item.kind}:${item.idempotencyKey}`;
      if (keys.has(key)) return false;
      keys.add(key);
      const id = nextId++;
      outbox.set(id, { ...item, id, attempts: 0, nextAttemptMs: Date.parse(item.createdAt), state: 'pending' });
      return true;
    },
    async claimDue(nowMs, limit) {
      const pending = [...outbox.values()].filter((i) => i.state === 'pending');
      const head = new Map<string, number>();
      for (const i of pending) head.set(i.idempotencyKey, Math.min(head.get(i.idempotencyKey) ?? i.id, i.id));
      return pending
        .filter((i) => i.nextAttemptMs !== undefined && i.nextAttemptMs <= nowMs && head.get(i.idempotencyKey) === i.id)
        .sort((a, b) => a.nextAttemptMs! - b.nextAttemptMs! || a.id - b.id)
        .slice(0, limit)
        .map(copy);
    },
    async markDone(id) {
      const item = must(id);
      item.state = 'done';
      delete item.nextAttemptMs;
    },
    async markLocalOnly(id, note) {
      const item = must(id);
      localOnly.add(id);
      item.state = 'done';
      item.lastError = note;
      delete item.nextAttemptMs;
    },
    async scheduleRetry(id, retry) {
      const item = must(id);
      item.attempts += 1;
      item.lastError = retry.error;
      item.nextAttemptMs = retry.nextAttemptMs;
    },
    async park(id, error) {
      const item = must(id);
      item.attempts += 1;
      item.state = 'parked';
      item.lastError = error;
      delete item.nextAttemptMs;
    },
    async listParked(limit = 100) {
      return [...outbox.values()].filter((i) => i.state === 'parked').slice(0, limit).map(copy);
    },
    async requeue(id, nowMs) {
      const item = must(id);
      if (item.state !== 'parked') return;
      item.state = 'pending';
      item.attempts = 0;
      item.nextAttemptMs = nowMs;
    },
    async get(id) {
      const item = outbox.get(id);
      return item ? copy(item) : undefined;
    },
    async stats(): Promise<OutboxStats> {
      const pending = [...outbox.values()].filter((i) => i.state === 'pending');
      const stats: OutboxStats = { pending: pending.length, failing: pending.filter((i) => i.attempts > 0).length, parked: [...outbox.values()].filter((i) => i.state === 'parked').length, localOnly: localOnly.size };
      const due = pending.map((i) => i.nextAttemptMs!).sort((a, b) => a - b)[0];
      if (due !== undefined) stats.nextDueMs = due;
      return stats;
    },
    async getCursor(stream) {
      return cursors.get(stream);
    },
    async getLastSuccess(stream) {
      return lastSuccess.get(stream);
    },
    async setLastSuccess(stream, atMs) {
      lastSuccess.set(stream, atMs);
    },
    async knownIuns(iuns) {
      return new Set(iuns.filter((i) => notifications.has(i)));
    },
    async applyPage(stream, page, _at: IsoInstant, hooks) {
      hooks?.writing?.();
      const staged = new Map<string, Map<string, TimelineElementInput>>();
      const headers = new Map<string, Notification>();
      const result = applyAll(page, staged, headers);
      if (injected) {
        const e = injected;
        injected = null;
        throw e;
      }
      // Commit: nothing above touched the live maps.
      for (const [iun, n] of headers) notifications.set(iun, n);
      for (const [iun, els] of staged) {
        const live = timelines.get(iun) ?? new Map<string, TimelineElementInput>();
        for (const [id, el] of els) live.set(id, el);
        timelines.set(iun, live);
      }
      cursors.set(stream, page.cursor);
      return result;
    },
  };
}
