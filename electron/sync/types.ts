// The sync contract: what an adapter does (pull, push, capabilities, health) and what the engine
// needs from the store (outbox, cursors, applying pulled data). No `electron` import, no SQL.
import type { IsoInstant, Notification, TimelineElementInput } from '../../core/index.js';

// ---------------------------------------------------------------- outbox items

/**
 * What a queued item asks the peer to do, with the producer and the idempotency key of each kind
 * (payload schemas: outbox-payloads.ts), so that a repeated push is applied once:
 * - `send.newNotification` (electron/sender/new-notification.ts): SEND's `idempotenceToken`
 *   (the local IUN when the form gives none);
 * - `send.cancelNotification` (electron/sender/cancel.ts): the IUN;
 * - `radd.*` (desk operations): the RADD `operationId`;
 * - `postal.recordOutcome`, `postal.sendSecondAttempt` (electron/postal/write.ts):
 *   `<iun>:<elementId of the first element written>`.
 * An adapter pushes the kinds listed in its `capabilities().push`; the engine marks the other known
 * kinds done as local-only (docs/decisions/sync.md) and parks a kind unknown to this version.
 */
export const OUTBOX_KINDS = [
  'send.newNotification',
  'send.cancelNotification',
  'radd.startTransaction',
  'radd.completeTransaction',
  'radd.abortTransaction',
  'postal.recordOutcome',
  'postal.sendSecondAttempt',
] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];

export function isOutboxKind(kind: string): kind is OutboxKind {
  return (OUTBOX_KINDS as readonly string[]).includes(kind);
}

export interface NewOutboxItem {
  kind: OutboxKind;
  idempotencyKey: string;
  payload: unknown;
  /** When the desk action happened (the item is due from then). */
  createdAt: IsoInstant;
}

export interface OutboxItem extends NewOutboxItem {
  id: number;
  /** Failed attempts so far. */
  attempts: number;
  /** Epoch ms of the next attempt; undefined when done or parked. */
  nextAttemptMs?: number;
  lastError?: string;
  state: 'pending' | 'done' | 'parked';
}

// ---------------------------------------------------------------- pulled data

/** One timeline element of one notification, as the adapter received it (core normalises it). */
export interface PulledElement {
  iun: string;
  element: TimelineElementInput;
}

/** A notification header (as deposited) plus, optionally, SEND's own view of its status. */
export interface PulledNotification {
  notification: Notification;
  /** SEND's status history, when the peer sends it (informative: the core derives its own). */
  remoteStatusHistory?: { status: string; activeFrom: IsoInstant; relatedTimelineElements: string[] }[];
}

/**
 * SEND's answer about a new-notification request of this office: the request id SEND gave it and,
 * once SEND accepted it, the IUN SEND assigned (the notification is stored here under a local
 * IUN: electron/sync/links.ts translates between the two).
 */
export interface RequestLink {
  notificationRequestId: string;
  iun?: string;
  /** SEND's notificationRequestStatus (WAITING, ACCEPTED, REFUSED), when the answer says. */
  status?: string;
  /** The request's key as SEND echoes it (request status answers): how the local notification is found. */
  request?: { senderTaxId: string; paProtocolNumber: string; idempotenceToken: string };
  /** With status REFUSED: SEND's reasons (REQUEST_REFUSED details.refusalReasons, DOMAIN.md 5 row 4) and when it was learnt. */
  refusal?: { at: IsoInstant; reasons: RefusalReason[] };
}

/** One reason SEND gave for refusing a request (its `errors` [{code, detail}] as the timeline writes them). */
export interface RefusalReason {
  errorCode: string;
  detail?: string;
}

/** One page of changes after a cursor. Applied in one transaction together with `cursor`. */
export interface PullPage {
  notifications: PulledNotification[];
  elements: PulledElement[];
  /** Request ids met with their IUN in this page (SEND's stream events carry both). */
  links?: RequestLink[];
  /** The cursor to persist once this page is applied (opaque to the engine). */
  cursor: string;
  /** True when the peer has more right now: the engine asks again at once. */
  hasMore: boolean;
  /** The peer asks to wait this long before the next pull (SEND's `retry-after`, ms). */
  retryAfterMs?: number;
  /** Progress of a large pull (items done / expected), for the progress bar. */
  progress?: { done: number; total?: number };
}

export interface PullOptions {
  /** Maximum notifications per page (the adapter may return fewer). */
  limit: number;
  signal?: AbortSignal;
}

// ---------------------------------------------------------------- adapter

export interface AdapterCapabilities {
  pull: boolean;
  /** Outbox kinds this adapter can deliver. */
  push: readonly OutboxKind[];
  /** Can fetch a notification's header/timeline on demand (`fetchNotifications`). */
  fetch: boolean;
  /** Works without network (bundles on removable media). */
  offline: boolean;
}

export interface AdapterHealth {
  ok: boolean;
  checkedAt: IsoInstant;
  latencyMs?: number;
  /** Error code when not ok (core/errors/catalog/sync.ts). */
  code?: string;
  params?: Record<string, string | number>;
}

/** Outcome of one push: `duplicate` when the peer had already applied the same idempotency key. */
export interface PushResult {
  status: 'applied' | 'duplicate';
  /** The peer's reference (notificationRequestId, fileKey, bundle name...). */
  remoteRef?: string;
  /** Data the desk may show (e.g. RADD download URLs); never secrets. */
  data?: unknown;
  /** For `send.newNotification`: SEND's request id (and IUN, when the answer already has it). */
  link?: RequestLink;
}

export interface PushOptions {
  signal?: AbortSignal;
}

/**
 * A sync adapter. Adapters throw `SyncError` (electron/sync/errors.ts) so the engine knows
 * whether to retry; anything else is treated as a transient failure.
 */
export interface SyncAdapter {
  readonly name: string;
  capabilities(): AdapterCapabilities;
  health(signal?: AbortSignal): Promise<AdapterHealth>;
  /** Changes after `cursor` (undefined: from the beginning). */
  pull(cursor: string | undefined, options: PullOptions): Promise<PullPage>;
  /** Delivers one item; idempotent on `item.idempotencyKey`. */
  push(item: OutboxItem, options?: PushOptions): Promise<PushResult>;
  /** Delivers several items at once (file adapter: one bundle); results in input order. */
  pushMany?(items: readonly OutboxItem[], options?: PushOptions): Promise<PushResult[]>;
  /** Headers (and full timelines) of notifications met in a feed but unknown locally. */
  fetchNotifications?(iuns: readonly string[], signal?: AbortSignal): Promise<{ notifications: PulledNotification[]; elements: PulledElement[] }>;
  /**
   * Asks the peer about requests sent earlier whose IUN is not known yet (SEND's request status);
   * returns what it knows, in any order. Called before a pull, so that the feed's elements of an
   * accepted request go to the notification created here.
   */
  resolveRequests?(notificationRequestIds: readonly string[], signal?: AbortSignal): Promise<RequestLink[]>;
  /** The stream name under which the cursor is stored (one per adapter and configuration). */
  readonly stream: string;
  close?(): Promise<void>;
}

// ---------------------------------------------------------------- store

export interface ApplyResult {
  notificationsInserted: number;
  elementsInserted: number;
  /** Elements the core engine refused (unknown category, bad recipient index...): logged, not stored. */
  elementsRejected: number;
}

export interface OutboxStats {
  pending: number;
  /** Pending items that already failed at least once. */
  failing: number;
  parked: number;
  /** Items kept local-only (the adapter does not carry their kind), counted from the outbox (absent: 0). */
  localOnly?: number;
  /** Epoch ms of the earliest due pending item. */
  nextDueMs?: number;
}

/**
 * The ties between notifications created here (local IUN) and SEND's requests and IUNs
 * (sender_requests). Optional in a SyncStore: without it, IUNs are taken as they come.
 */
export interface RequestLinkStore {
  /** Records SEND's answer to the request an item carried (kind `send.newNotification`). */
  recordPushed(item: Pick<OutboxItem, 'kind' | 'idempotencyKey'>, link: RequestLink): Promise<void>;
  /**
   * Records SEND's IUN / status of requests known by their notificationRequestId (others are
   * ignored). Returns how many changes it stored (requests with a new IUN or status, refusals
   * appended to their notifications): 0 when SEND said nothing new.
   */
  record(links: readonly RequestLink[]): Promise<number>;
  /** notificationRequestIds of requests sent whose IUN SEND has not given yet (refused ones left out). */
  awaitingIun(limit: number): Promise<string[]>;
  /** SEND IUN -> local IUN, for those of `peerIuns` that belong to notifications created here. */
  localIunsOf(peerIuns: readonly string[]): Promise<Map<string, string>>;
  /** Local IUN -> SEND IUN, for those of `localIuns` whose SEND IUN is known. */
  peerIunsOf(localIuns: readonly string[]): Promise<Map<string, string>>;
}

/** The outbox operations available inside a caller's transaction (a desk action). */
export interface OutboxWriter {
  /** Adds an item; false when the same kind + idempotency key was already queued. */
  enqueue(item: NewOutboxItem): Promise<boolean>;
}

/** What the sync engine needs from the store. Implemented over db/ repositories (store-sync-store.ts). */
export interface SyncStore extends OutboxWriter {
  /**
   * Pending items due at `nowMs`, oldest first. Per idempotency key the items go in order: an item
   * is not returned while an older pending item has the same key (a RADD complete waits for the
   * start of the same operationId).
   */
  claimDue(nowMs: number, limit: number): Promise<OutboxItem[]>;
  markDone(id: number, at: IsoInstant): Promise<void>;
  /**
   * Marks an item done without sending it (the adapter does not carry its kind), keeping `note`
   * (failureText of SYNC_LOCAL_ONLY). Optional: without it the engine uses markDone.
   */
  markLocalOnly?(id: number, note: string, at: IsoInstant): Promise<void>;
  scheduleRetry(id: number, retry: { error: string; nextAttemptMs: number }): Promise<void>;
  /** SEND request links (see RequestLinkStore). */
  readonly links?: RequestLinkStore;
  /** Parks a poison item for a human, with its error. */
  park(id: number, error: string, at: IsoInstant): Promise<void>;
  listParked(limit?: number): Promise<OutboxItem[]>;
  /** A human sends a parked item again. */
  requeue(id: number, nowMs: number): Promise<void>;
  get(id: number): Promise<OutboxItem | undefined>;
  stats(): Promise<OutboxStats>;
  getCursor(stream: string): Promise<string | undefined>;
  /**
   * When a sync round with the peer of `stream` last ended without error (epoch ms), kept across
   * restarts so that a desk opened offline says how old its data is. Optional (memory stores).
   */
  getLastSuccess?(stream: string): Promise<number | undefined>;
  setLastSuccess?(stream: string, atMs: number): Promise<void>;
  /** Notification IUNs among `iuns` already stored. */
  knownIuns(iuns: readonly string[]): Promise<Set<string>>;
  /**
   * Writes new notifications, appends elements (idempotent by elementId) and stores `cursor`, all in
   * one transaction: either the page and its cursor land together or nothing does.
   */
  applyPage(stream: string, page: Pick<PullPage, 'notifications' | 'elements' | 'cursor'>, at: IsoInstant, hooks?: ApplyHooks): Promise<ApplyResult>;
}

/** What applyPage tells its caller while it runs. */
export interface ApplyHooks {
  /**
   * Called once, when the first of the page's rows are built and their write begins (the database
   * works on its own thread then): the caller may meanwhile fetch the next page.
   */
  writing?: () => void;
}

/**
 * Reads a file stored on this computer by its local reference (the hex SHA-256 of db/files.ts);
 * undefined when it is absent or damaged. Adapters that upload documents get one from the host.
 */
export type BlobReader = (ref: string) => Promise<Uint8Array | undefined>;

// ---------------------------------------------------------------- injected time and randomness

/** Epoch milliseconds now; injected so that tests control time. */
export type NowMs = () => number;
/** A number in [0, 1); injected so that jitter is reproducible. */
export type Random = () => number;

/** Runs `fn` after `delayMs`; returns a cancel function. Tests inject a manual scheduler. */
export interface Scheduler {
  schedule(delayMs: number, fn: () => void): () => void;
}
