// The demo adapter (default): a built-in simulated SEND. Pull reveals the simulated timelines as
// the clock advances; pushes are answered like the real APIs (new notification request idempotent
// on idempotenceToken, RADD start/complete/abort idempotent on operationId with SEND's result codes).
// The simulated SEND lives in memory: requests pushed before a restart are forgotten by it (the
// local store keeps what it already pulled).
import { createRng, makeIun, pickIunLetters, iunYearMonthOf, type SimulationPath } from '../../../core/index.js';
import { SyncError } from '../../sync/errors.js';
import { checkShape } from '../../sync/http.js';
import type { AdapterHealth, OutboxItem, PullOptions, PullPage, PulledElement, PulledNotification, PushResult, SyncAdapter } from '../../sync/types.js';
import { notificationOf } from '../send-b2b/mapping.js';
import { newNotificationRequestSchema } from '../send-b2b/schemas.js';
import { DemoDesk } from './desk.js';
import { DemoWorld } from './world.js';

export interface DemoAdapterOptions {
  now: () => number;
  seed?: number;
  /** Notifications deposited before the first start (default 40, over `backlogDays` = 60). */
  backlog?: number;
  backlogDays?: number;
  /** One new deposit every this many ms of wall time (default 5 minutes). */
  depositEveryMs?: number;
}

interface DemoCursor {
  epochMs: number;
  /** Everything visible at doneMs has been delivered. */
  doneMs: number;
  /** The round in progress: deliver what became visible in (doneMs, targetMs], from entry `offset`. */
  targetMs?: number;
  offset?: number;
}

function readCursor(text: string | undefined): DemoCursor | undefined {
  if (!text) return undefined;
  try {
    const c = JSON.parse(text) as DemoCursor;
    return Number.isFinite(c.epochMs) && Number.isFinite(c.doneMs) ? c : undefined;
  } catch {
    return undefined;
  }
}

export function createDemoAdapter(opts: DemoAdapterOptions): SyncAdapter & { world(): DemoWorld | undefined } {
  const seed = opts.seed ?? 1;
  let world: DemoWorld | undefined;
  const requests = new Map<string, { notificationRequestId: string; iun: string }>();

  function worldFor(epochMs: number): DemoWorld {
    if (!world || world.opts.epochMs !== epochMs) {
      world = new DemoWorld({ seed, epochMs, backlog: opts.backlog ?? 40, backlogDays: opts.backlogDays ?? 60, depositEveryMs: opts.depositEveryMs ?? 5 * 60_000 });
    }
    return world;
  }
  const desk = new DemoDesk(() => world ?? worldFor(opts.now()), opts.now);

  async function pull(cursorText: string | undefined, options: PullOptions): Promise<PullPage> {
    const c = readCursor(cursorText) ?? { epochMs: opts.now(), doneMs: Number.MIN_SAFE_INTEGER };
    const w = worldFor(c.epochMs);
    const targetMs = c.targetMs ?? opts.now();
    const entries = w.entriesUntil(targetMs);
    const from = c.offset ?? 0;
    const to = Math.min(entries.length, from + Math.max(1, options.limit));
    const notifications: PulledNotification[] = [];
    const elements: PulledElement[] = [];
    for (const entry of entries.slice(from, to)) {
      const demoCase = entry.load();
      const { notification } = demoCase;
      const seen = new Set(w.visibleOf(demoCase, c.doneMs));
      const fresh = w.visibleOf(demoCase, targetMs).filter((e) => !seen.has(e));
      // Headers only for new deposits; the engine fetches any other it does not know (fetchNotifications).
      if (entry.depositedMs > c.doneMs) notifications.push({ notification });
      for (const element of fresh) elements.push({ iun: notification.iun, element });
    }
    const finished = to >= entries.length;
    const next: DemoCursor = finished ? { epochMs: c.epochMs, doneMs: targetMs } : { epochMs: c.epochMs, doneMs: c.doneMs, targetMs, offset: to };
    return { notifications, elements, cursor: JSON.stringify(next), hasMore: !finished, progress: { done: to, total: entries.length } };
  }

  function newNotification(item: OutboxItem): PushResult {
    const body = checkShape(newNotificationRequestSchema, { ...(item.payload as object), idempotenceToken: item.idempotencyKey }, 'SYNC_REQUEST_INVALID', 'SEND', 'sendNewNotificationV24');
    const known = requests.get(`${body.paProtocolNumber}\n${item.idempotencyKey}`);
    if (known) return { status: 'duplicate', remoteRef: known.notificationRequestId, data: { iun: known.iun } };
    const nowMs = opts.now();
    const rng = createRng(`request:${body.paProtocolNumber}:${item.idempotencyKey}`);
    const sentAt = new Date(nowMs).toISOString();
    const iun = makeIun(pickIunLetters((n) => rng.int(n)), iunYearMonthOf(sentAt));
    const { notification } = notificationOf({ ...body, iun, sentAt, notificationStatus: 'IN_VALIDATION', notificationStatusHistory: [], timeline: [] });
    const path: SimulationPath = notification.recipients.every((r) => r.digitalDomicile) ? 'PEC_FIRST_TRY' : 'ANALOG_890_DELIVERED';
    if (world === undefined) worldFor(nowMs);
    world!.deposit(`request:${item.idempotencyKey}`, notification, path, nowMs + 1);
    const notificationRequestId = Buffer.from(`${iun}:${item.idempotencyKey}`).toString('base64').slice(0, 36).padEnd(36, 'A');
    requests.set(`${body.paProtocolNumber}\n${item.idempotencyKey}`, { notificationRequestId, iun });
    return { status: 'applied', remoteRef: notificationRequestId, data: { iun } };
  }

  async function push(item: OutboxItem): Promise<PushResult> {
    switch (item.kind) {
      case 'send.newNotification':
        return newNotification(item);
      case 'radd.startTransaction':
        return desk.start(item);
      case 'radd.completeTransaction':
        return desk.complete(item);
      case 'radd.abortTransaction':
        return desk.abort(item);
      default:
        throw new SyncError('SYNC_PUSH_UNSUPPORTED', { adapter: 'demo', kind: String(item.kind) }, { transient: false });
    }
  }

  async function fetchNotifications(iuns: readonly string[]): Promise<{ notifications: PulledNotification[]; elements: PulledElement[] }> {
    const w = world ?? worldFor(opts.now());
    const notifications: PulledNotification[] = [];
    for (const iun of iuns) {
      const c = w.find(iun, opts.now());
      if (c) notifications.push({ notification: c.notification });
    }
    return { notifications, elements: [] };
  }

  const health = async (): Promise<AdapterHealth> => ({ ok: true, checkedAt: new Date(opts.now()).toISOString(), latencyMs: 0 });

  return {
    name: 'demo',
    stream: `demo:${seed}`,
    capabilities: () => ({ pull: true, push: ['send.newNotification', 'radd.startTransaction', 'radd.completeTransaction', 'radd.abortTransaction'], fetch: true, offline: true }),
    health,
    pull,
    push,
    fetchNotifications,
    world: () => world,
  };
}
