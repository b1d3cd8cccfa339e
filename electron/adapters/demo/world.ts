// The demo adapter's simulated SEND: a deterministic set of notifications (a backlog deposited
// before the first start, then one new deposit every few minutes of wall time), each following a
// simulator path (core/simulator), so that statuses move on while the app runs (accepted ->
// delivering -> delivered -> refined). Pushed requests and desk operations add to it; that part
// is not derivable from the seed, so `snapshot()` / `restore()` let the adapter keep it across
// restarts (state.ts).
import {
  DEMO_HOME_SENDER_TAX_ID,
  makeDemoCase,
  simulateTimeline,
  type Notification,
  type SimulationPath,
  type TimelineElementInput,
} from '../../../core/index.js';

export interface DemoCase {
  notification: Notification;
  timeline: TimelineElementInput[];
  /** Deposited through a push: its documents are the desk's own files, not simulated ones. */
  pushed?: true;
}

/** A notification of the simulated SEND, with the time from which it exists. */
export interface DemoEntry {
  key: string;
  depositedMs: number;
  load(): DemoCase;
}

/** An element added by a push (desk view, AOR retrieval), visible from `visibleMs`. */
export interface ExtraElement {
  iun: string;
  element: TimelineElementInput;
  visibleMs: number;
}

/** A notification deposited through a push: its timeline is simulated again from `path` and `key`. */
export interface PushedDeposit {
  key: string;
  notification: Notification;
  path: SimulationPath;
  depositedMs: number;
}

/** What pushes added to the world (the rest follows from seed and epoch). */
export interface WorldSnapshot {
  pushed: PushedDeposit[];
  extras: ExtraElement[];
  /** [IUN, business time (ms) of its cancellation] */
  cancelledAt: [string, number][];
}

export interface DemoWorldOptions {
  seed: number;
  /** Epoch ms of the first pull (stored in the cursor, so the world survives restarts). */
  epochMs: number;
  backlog: number;
  backlogDays: number;
  depositEveryMs: number;
}

const DAY_MS = 86_400_000;

// The backlog shows every outcome; live deposits favour quick stories so that a running demo moves.
const BACKLOG_PATHS: readonly SimulationPath[] = [
  'PEC_FIRST_TRY', 'ANALOG_890_DELIVERED', 'ANALOG_AR_DELIVERED', 'GIACENZA_COLLECTED', 'UNREACHABLE',
  'PEC_FAIL_SECOND_CYCLE', 'DIGITAL_FAILURE_RS', 'GIACENZA_EXPIRED', 'VIEWED_ONLINE_AFTER_TERM', 'IN_PROGRESS',
  'PEC_FIRST_TRY', 'UNREACHABLE', 'REFUSED', 'CANCELLED', 'DECEASED',
];
const LIVE_PATHS: readonly SimulationPath[] = ['PEC_FIRST_TRY', 'ANALOG_890_DELIVERED', 'PEC_FIRST_TRY', 'ANALOG_AR_DELIVERED', 'UNREACHABLE', 'GIACENZA_COLLECTED'];

/**
 * Every other deposit is for the office of the demo sender operators (DEMO_HOME_SENDER_TAX_ID), so
 * that its dashboard and list look like a municipality's; the others are drawn among the demo
 * senders (the desk serves citizens of every sender).
 */
function caseOptions(k: number, depositedMs: number) {
  return { sentAt: new Date(depositedMs).toISOString(), ...(k % 2 === 1 ? { senderTaxId: DEMO_HOME_SENDER_TAX_ID } : {}) };
}

export class DemoWorld {
  private readonly cache = new Map<string, DemoCase>();
  private readonly pushed: (DemoEntry & { deposit: PushedDeposit })[] = [];
  private readonly byIun = new Map<string, DemoEntry>();
  readonly extras: ExtraElement[] = [];
  /** IUN -> business time (ms) of its cancellation: the simulated workflow stops there. */
  private readonly cancelledAt = new Map<string, number>();

  constructor(readonly opts: DemoWorldOptions) {}

  private cached(key: string, make: () => DemoCase): DemoCase {
    let c = this.cache.get(key);
    if (!c) {
      c = make();
      this.cache.set(key, c);
    }
    return c;
  }

  private backlogEntry(k: number): DemoEntry {
    const span = this.opts.backlogDays * DAY_MS;
    const depositedMs = this.opts.epochMs - span + Math.floor((k * span) / Math.max(1, this.opts.backlog));
    const key = `demo:${this.opts.seed}:b${k}`;
    const path = BACKLOG_PATHS[k % BACKLOG_PATHS.length]!;
    return { key, depositedMs, load: () => this.cached(key, () => makeDemoCase(key, path, caseOptions(k, depositedMs))) };
  }

  private liveEntry(k: number): DemoEntry {
    const depositedMs = this.opts.epochMs + (k + 1) * this.opts.depositEveryMs;
    const key = `demo:${this.opts.seed}:l${k}`;
    const path = LIVE_PATHS[k % LIVE_PATHS.length]!;
    return { key, depositedMs, load: () => this.cached(key, () => makeDemoCase(key, path, caseOptions(k, depositedMs))) };
  }

  /** Every notification deposited at or before `atMs`, in a stable order (backlog, live, pushed). */
  entriesUntil(atMs: number): DemoEntry[] {
    const out: DemoEntry[] = [];
    for (let k = 0; k < this.opts.backlog; k++) out.push(this.backlogEntry(k));
    const live = Math.max(0, Math.floor((atMs - this.opts.epochMs) / this.opts.depositEveryMs));
    for (let k = 0; k < live; k++) out.push(this.liveEntry(k));
    out.push(...this.pushed.filter((e) => e.depositedMs <= atMs));
    return out;
  }

  /** The notification with this IUN, deposited at or before `atMs`. */
  find(iun: string, atMs: number): DemoCase | undefined {
    const known = this.byIun.get(iun);
    if (known) return known.load();
    for (const e of this.entriesUntil(atMs)) {
      const c = e.load();
      this.byIun.set(c.notification.iun, e);
      if (c.notification.iun === iun) return c;
    }
    return undefined;
  }

  /** Adds a notification deposited through a push (its timeline simulated from `path`). */
  deposit(key: string, notification: Notification, path: SimulationPath, depositedMs: number): void {
    const timeline = simulateTimeline(notification, path, key);
    const entry = { key, depositedMs, load: (): DemoCase => ({ notification, timeline, pushed: true }), deposit: { key, notification, path, depositedMs } };
    this.pushed.push(entry);
    this.byIun.set(notification.iun, entry);
  }

  /** What pushes added (deposits, extra elements, cancellations), as plain JSON. */
  snapshot(): WorldSnapshot {
    return { pushed: this.pushed.map((e) => e.deposit), extras: [...this.extras], cancelledAt: [...this.cancelledAt] };
  }

  /** Adds back what a snapshot holds (on a fresh world: after a restart or a new epoch). */
  restore(s: WorldSnapshot): void {
    for (const d of s.pushed) this.deposit(d.key, d.notification, d.path, d.depositedMs);
    this.extras.push(...s.extras);
    for (const [iun, ms] of s.cancelledAt) this.cancelledAt.set(iun, ms);
  }

  /**
   * Cancels a notification at business time `at` (DOMAIN.md 4.2): the simulated elements after it
   * are withdrawn and `elements` (the cancellation request and NOTIFICATION_CANCELLED) become
   * visible from `visibleMs`. False when it was cancelled already (by the desk or by its path).
   */
  cancel(c: DemoCase, at: string, elements: readonly TimelineElementInput[], visibleMs: number): boolean {
    const iun = c.notification.iun;
    if (this.cancelledAt.has(iun) || this.visibleOf(c, visibleMs).some((e) => e.category === 'NOTIFICATION_CANCELLED')) return false;
    this.cancelledAt.set(iun, Date.parse(at));
    for (const element of elements) this.extras.push({ iun, element, visibleMs });
    return true;
  }

  /** Elements of `iun` visible at `atMs` (simulated up to then, plus extras already added). */
  visibleElements(iun: string, atMs: number): TimelineElementInput[] {
    const c = this.find(iun, atMs);
    return c ? this.visibleOf(c, atMs) : [];
  }

  /** Elements of a case visible at `atMs`. */
  visibleOf(c: DemoCase, atMs: number): TimelineElementInput[] {
    const iun = c.notification.iun;
    const stopMs = this.cancelledAt.get(iun) ?? Number.MAX_SAFE_INTEGER;
    const own = c.timeline.filter((e) => Date.parse(e.at) <= Math.min(atMs, stopMs));
    if (this.extras.length === 0) return own;
    return [...own, ...this.extras.filter((x) => x.iun === iun && x.visibleMs <= atMs).map((x) => x.element)];
  }
}
