// The demo adapter (default): a built-in simulated SEND. Pull reveals the simulated timelines as
// the clock advances; pushes are answered like the real APIs (new notification request idempotent
// on idempotenceToken, cancellation on the IUN, RADD start/complete/abort idempotent on operationId
// with SEND's result codes). Postal outcomes are acknowledged only: the desk's store already holds
// their elements, so nothing comes back through the feed.
// What pushes add to the simulated SEND is saved (state.ts) when the host gives a state store, so
// that after a restart pushed notifications keep progressing from where they were.
// Simulated notifications come with their acts: real demo PDFs, stored through `files` before the
// page is returned and named in the notification by their SHA-256 (acts.ts).
import { buildElementId, createRng, makeIun, pickIunLetters, iunYearMonthOf, type Notification, type SimulationPath, type TimelineElementInput } from '../../../core/index.js';
import { SyncError } from '../../sync/errors.js';
import { checkShape, peerRejected } from '../../sync/http.js';
import { parseOutboxPayload, requestTokenOf } from '../../sync/outbox-payloads.js';
import { OUTBOX_KINDS, type AdapterHealth, type OutboxItem, type PullOptions, type PullPage, type PulledElement, type PulledNotification, type PushResult, type SyncAdapter } from '../../sync/types.js';
import { notificationOf } from '../send-b2b/mapping.js';
import { newNotificationRequestSchema, SEND_IUN_PATTERN } from '../send-b2b/schemas.js';
import { DemoActs, type DemoActSink } from './acts.js';
import { DemoDesk } from './desk.js';
import { parseDemoState, type DemoState, type DemoStateStore } from './state.js';
import { DemoWorld, type DemoCase, type WorldSnapshot } from './world.js';

export interface DemoAdapterOptions {
  now: () => number;
  seed?: number;
  /** Notifications deposited before the first start (default 240, over `backlogDays` = 90). */
  backlog?: number;
  backlogDays?: number;
  /** One new deposit every this many ms of wall time (default 5 minutes). */
  depositEveryMs?: number;
  /** Where to keep what pushes added, across restarts (default: memory only). */
  state?: DemoStateStore;
  /** Where the acts of simulated notifications are stored (the store's files); default: nowhere. */
  files?: DemoActSink;
}

interface DemoCursor {
  epochMs: number;
  /** Everything visible at doneMs has been delivered. */
  doneMs: number;
  /** The round in progress: deliver what became visible in (doneMs, targetMs], from entry `offset`. */
  targetMs?: number;
  offset?: number;
}

/**
 * SEND's answer to the cancellation of an IUN it does not know: a problem body (status, title,
 * detail, as its Problem schema has them). Its words are SEND's, shown as sent inside the desk's
 * SYNC_PEER_REJECTED message, which says in the reader's language that SEND refused the request.
 */
const SEND_NOT_FOUND = { status: 404, title: 'Not Found', detail: 'Notification not found' } as const;

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
  /** `<kind>:<key>` of the postal outcomes acknowledged (a repeat is a duplicate). */
  const acknowledged = new Set<string>();
  /** What the saved state held, until a world takes it over. */
  let saved: { epochMs: number; world: WorldSnapshot } | undefined;
  let loading: Promise<void> | undefined;

  function worldFor(epochMs: number): DemoWorld {
    if (!world || world.opts.epochMs !== epochMs) {
      // What pushes added does not depend on the epoch: a new world takes it over.
      const carried = world?.snapshot() ?? saved?.world;
      world = new DemoWorld({ seed, epochMs, backlog: opts.backlog ?? 240, backlogDays: opts.backlogDays ?? 90, depositEveryMs: opts.depositEveryMs ?? 5 * 60_000 });
      if (carried) world.restore(carried);
      saved = undefined;
    }
    return world;
  }
  /** The current world; a new one from the saved epoch (or now) before the first pull. */
  const current = () => world ?? worldFor(saved?.epochMs ?? opts.now());
  const desk = new DemoDesk(current, opts.now);
  const acts = new DemoActs(opts.files);
  /** A notification as SEND gives it: a simulated one with its acts stored and digested. */
  const asSent = (c: DemoCase): Promise<Notification> => (c.pushed ? Promise.resolve(c.notification) : acts.of(c.notification));

  /** Loads the saved state once (a state that cannot be read is ignored: the demo starts afresh). */
  function ready(): Promise<void> {
    loading ??= (async () => {
      const s = opts.state ? parseDemoState(await opts.state.load()) : undefined;
      if (!s) return;
      saved = { epochMs: s.epochMs, world: s.world };
      for (const [k, v] of s.requests) requests.set(k, v);
      for (const k of s.acknowledged) acknowledged.add(k);
      desk.restore(s.transactions);
    })();
    return loading;
  }

  /** Saves what pushes added; called before a push that changed it returns. */
  async function persist(): Promise<void> {
    if (!opts.state) return;
    const w = current();
    const state: DemoState = {
      version: 1, epochMs: w.opts.epochMs, world: w.snapshot(), requests: [...requests], acknowledged: [...acknowledged], transactions: desk.snapshot(),
    };
    await opts.state.save(state);
  }

  async function pull(cursorText: string | undefined, options: PullOptions): Promise<PullPage> {
    await ready();
    const c = readCursor(cursorText) ?? { epochMs: world?.opts.epochMs ?? saved?.epochMs ?? opts.now(), doneMs: Number.MIN_SAFE_INTEGER };
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
      if (entry.depositedMs > c.doneMs) notifications.push({ notification: await asSent(demoCase) });
      for (const element of fresh) elements.push({ iun: notification.iun, element });
    }
    const finished = to >= entries.length;
    const next: DemoCursor = finished ? { epochMs: c.epochMs, doneMs: targetMs } : { epochMs: c.epochMs, doneMs: c.doneMs, targetMs, offset: to };
    return { notifications, elements, cursor: JSON.stringify(next), hasMore: !finished, progress: { done: to, total: entries.length } };
  }

  function newNotification(item: OutboxItem): PushResult {
    const token = requestTokenOf(item);
    const body = checkShape(newNotificationRequestSchema, { ...(item.payload as object), idempotenceToken: token }, 'SYNC_REQUEST_INVALID', 'SEND', 'sendNewNotificationV24');
    // SEND knows a request by its sender, protocol number and token.
    const requestKey = `${body.senderTaxId}\n${body.paProtocolNumber}\n${token}`;
    const known = requests.get(requestKey);
    if (known) return { status: 'duplicate', remoteRef: known.notificationRequestId, data: { iun: known.iun }, link: { notificationRequestId: known.notificationRequestId, iun: known.iun, status: 'ACCEPTED' } };
    const nowMs = opts.now();
    const rng = createRng(`request:${body.paProtocolNumber}:${item.idempotencyKey}`);
    const sentAt = new Date(nowMs).toISOString();
    current();
    // The desk keys a request without a token by the IUN it stored the notification under
    // (electron/sender/new-notification.ts): the simulated SEND keeps that IUN, so that the feed
    // updates the desk's own notification instead of bringing a second one.
    const localIun = SEND_IUN_PATTERN.test(token) && !world!.find(token, nowMs) ? token : undefined;
    const iun = localIun ?? makeIun(pickIunLetters((n) => rng.int(n)), iunYearMonthOf(sentAt));
    const { notification } = notificationOf({ ...body, iun, sentAt, notificationStatus: 'IN_VALIDATION', notificationStatusHistory: [], timeline: [] });
    const path: SimulationPath = notification.recipients.every((r) => r.digitalDomicile) ? 'PEC_FIRST_TRY' : 'ANALOG_890_DELIVERED';
    world!.deposit(`request:${item.idempotencyKey}`, notification, path, nowMs + 1);
    const notificationRequestId = Buffer.from(`${iun}:${item.idempotencyKey}`).toString('base64').slice(0, 36).padEnd(36, 'A');
    requests.set(requestKey, { notificationRequestId, iun });
    return { status: 'applied', remoteRef: notificationRequestId, data: { iun }, link: { notificationRequestId, iun, status: 'ACCEPTED' } };
  }

  /** SEND's cancellation (DOMAIN.md 4.2): the next pull brings the request and NOTIFICATION_CANCELLED. */
  function cancel(item: OutboxItem & { kind: 'send.cancelNotification' }): PushResult {
    const { iun } = parseOutboxPayload(item);
    const nowMs = opts.now();
    const c = current().find(iun, nowMs);
    // SEND's 404, as the real adapter reads it (http.ts): SEND's own problem text, data shown as sent.
    if (!c) throw new SyncError('SYNC_PEER_REJECTED', peerRejected('SEND', 404, JSON.stringify(SEND_NOT_FOUND)), { transient: false });
    // Dated as the desk recorded them, with SEND's elementIds: the desk's own two elements and
    // these are the same ones, so the pull adds nothing twice.
    const element = (category: 'NOTIFICATION_CANCELLATION_REQUEST' | 'NOTIFICATION_CANCELLED', details: Record<string, unknown>): TimelineElementInput =>
      ({ elementId: buildElementId(iun, category, undefined, details, item.createdAt), category, at: item.createdAt, details });
    const applied = world!.cancel(c, item.createdAt, [
      element('NOTIFICATION_CANCELLATION_REQUEST', { cancellationRequestId: `demo-cancel-${iun}` }),
      element('NOTIFICATION_CANCELLED', {}),
    ], nowMs + 1);
    return { status: applied ? 'applied' : 'duplicate', remoteRef: iun, data: { status: 'OK' } };
  }

  /** Postal outcomes: SEND learns them from the postal operator, not from the desk; acknowledged only. */
  function acknowledge(item: OutboxItem & { kind: 'postal.recordOutcome' | 'postal.sendSecondAttempt' }): PushResult {
    const p = parseOutboxPayload(item);
    const key = `${item.kind}:${item.idempotencyKey}`;
    if (acknowledged.has(key)) return { status: 'duplicate', remoteRef: p.item };
    acknowledged.add(key);
    return { status: 'applied', remoteRef: p.item };
  }

  /**
   * The answer to a push; the simulated SEND is saved before it is returned, whatever the outcome
   * (a refused RADD start may have recorded its start; a duplicate may follow a failed save).
   */
  async function push(item: OutboxItem): Promise<PushResult> {
    await ready();
    let result: PushResult;
    try {
      result = answer(item);
    } catch (e) {
      await persist();
      throw e;
    }
    await persist();
    return result;
  }

  function answer(item: OutboxItem): PushResult {
    switch (item.kind) {
      case 'send.newNotification':
        return newNotification(item);
      case 'send.cancelNotification':
        return cancel({ ...item, kind: item.kind });
      case 'postal.recordOutcome':
      case 'postal.sendSecondAttempt':
        return acknowledge({ ...item, kind: item.kind });
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
    await ready();
    const w = current();
    const notifications: PulledNotification[] = [];
    for (const iun of iuns) {
      const c = w.find(iun, opts.now());
      if (c) notifications.push({ notification: await asSent(c) });
    }
    return { notifications, elements: [] };
  }

  const health = async (): Promise<AdapterHealth> => ({ ok: true, checkedAt: new Date(opts.now()).toISOString(), latencyMs: 0 });

  return {
    name: 'demo',
    stream: `demo:${seed}`,
    capabilities: () => ({ pull: true, push: OUTBOX_KINDS, fetch: true, offline: true }),
    health,
    pull,
    push,
    fetchNotifications,
    // After a restart the saved world is rebuilt on first use.
    world: () => world ?? (saved ? current() : undefined),
  };
}
