// Bulk demo data (seed CLI, store benchmark): simulator cases used as templates and cloned with
// fresh valid IUNs and recipients drawn from a long-tailed pool (a few recipients with many
// notifications, most with one or two). Clones keep the template's times, so every timeline
// stays exactly as the simulator wrote it; the engine derives each clone on import.
import {
  createRng,
  iunYearMonthOf,
  makeDemoCase,
  makeIun,
  makeTaxId,
  makeVatNumber,
  pickIunLetters,
  type Notification,
  type NotificationRecipient,
  type Rng,
  type SimulationPath,
  type TimelineElementInput,
} from '../../core/index.js';
import type { NotificationImport } from '../repositories/timeline-writer.js';

export interface BulkOptions {
  /** Number of notifications to produce. */
  count: number;
  seed?: number;
  /** Notifications per yielded batch (one import transaction each). */
  batchSize?: number;
  /** Distinct simulator cases to clone from. */
  templates?: number;
  /**
   * Share of notifications still in flight (0..1, default 0): their timeline is the simulated one
   * cut after its first k elements, k skewed towards the start (most in-flight notifications are
   * recent). A live store holds many of them; the store benchmark uses it to build the dataset
   * issue #5 describes (1M notifications, ~5M elements).
   */
  inFlight?: number;
}

/** Weighted paths: mostly completed deliveries, a share still in progress, viewed, refused, cancelled. */
const PATH_WEIGHTS: readonly [SimulationPath, number][] = [
  ['PEC_FIRST_TRY', 22], ['PEC_FAIL_SECOND_CYCLE', 4], ['DIGITAL_FAILURE_RS', 5], ['ANALOG_890_DELIVERED', 14],
  ['ANALOG_AR_DELIVERED', 12], ['GIACENZA_COLLECTED', 6], ['GIACENZA_EXPIRED', 5], ['UNREACHABLE', 4], ['DECEASED', 1],
  ['VIEWED_AT_RADD', 6], ['VIEWED_ONLINE_AFTER_TERM', 6], ['REFUSED', 2], ['CANCELLED', 1], ['IN_PROGRESS', 12],
];
const TOTAL_WEIGHT = PATH_WEIGHTS.reduce((a, [, w]) => a + w, 0);
const PLACES = ['H501', 'F205', 'A944', 'L219', 'G273', 'F839', 'D612', 'A662', 'C351', 'L736'];

function pickPath(rng: Rng): SimulationPath {
  let x = rng.int(TOTAL_WEIGHT);
  for (const [p, w] of PATH_WEIGHTS) if ((x -= w) < 0) return p;
  return 'PEC_FIRST_TRY';
}

interface Template {
  notification: Notification;
  timeline: TimelineElementInput[];
}

function makeTemplates(n: number, seed: number): Template[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, (_, i) => {
    const path = pickPath(rng);
    // One notification in twenty has two recipients (not for notification-level paths).
    const twoRecipients = path !== 'REFUSED' && path !== 'CANCELLED' && rng.chance(0.05);
    const c = makeDemoCase(`bulk-${seed}-${i}`, twoRecipients ? [path, pickPath(rng) === 'REFUSED' ? 'IN_PROGRESS' : 'PEC_FIRST_TRY'] : path);
    return { notification: c.notification, timeline: c.timeline };
  });
}

/** A new person (or company) shaped like the template recipient, with its own valid tax id. */
function poolRecipient(rng: Rng, like: NotificationRecipient): NotificationRecipient {
  if (like.recipientType === 'PG') {
    return { ...like, taxId: makeVatNumber(String(rng.int(1e9)).padStart(9, '0') + String(rng.int(10))) };
  }
  const parts = like.denomination.split(' ');
  const birth = `${1940 + rng.int(65)}-${String(1 + rng.int(12)).padStart(2, '0')}-${String(1 + rng.int(28)).padStart(2, '0')}`;
  const taxId = makeTaxId({ surname: parts.slice(1).join(' ') || 'Rossi', name: parts[0] ?? 'Mario', birthDate: birth, female: rng.chance(0.5), cadastralCode: rng.pick(PLACES) });
  return { ...like, taxId };
}

/**
 * Index into the recipient pool: 10% of notifications go to a small "frequent" head (companies,
 * people with many fines) with a skew, the rest spread over a large pool (one or two each).
 */
function poolIndex(rng: Rng, frequent: number, total: number): number {
  if (rng.chance(0.1)) return Math.floor(frequent * Math.pow(rng.next(), 1.5));
  return frequent + rng.int(total - frequent);
}

/**
 * The timeline of a notification caught in flight: the elements up to a cut, in time order (a
 * prefix of a valid timeline is a valid timeline, DOMAIN.md 4). At least the acceptance stays.
 */
function inFlightPrefix(rng: Rng, timeline: readonly TimelineElementInput[]): TimelineElementInput[] {
  const ordered = [...timeline].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const cut = 1 + Math.floor((ordered.length - 1) * rng.next() ** 3);
  return ordered.slice(0, cut);
}

/** Yields batches of importable notifications (with their simulated timelines). */
export function* bulkBatches(opts: BulkOptions): Generator<NotificationImport[]> {
  const seed = opts.seed ?? 1;
  const batchSize = opts.batchSize ?? 2000;
  const templates = makeTemplates(Math.min(opts.count, opts.templates ?? 3000), seed);
  const rng = createRng(seed + 1);
  const frequent = Math.max(10, Math.floor(opts.count / 500));
  const poolSize = frequent + Math.max(10, Math.floor(opts.count / 1.6));
  const pool = new Map<number, NotificationRecipient>();
  let batch: NotificationImport[] = [];
  for (let i = 0; i < opts.count; i++) {
    const t = templates[i % templates.length]!;
    const iun = makeIun(pickIunLetters((n) => rng.int(n)), iunYearMonthOf(t.notification.sentAt));
    const recipients = t.notification.recipients.map((r) => {
      const k = poolIndex(rng, frequent, poolSize);
      let p = pool.get(k);
      if (!p) pool.set(k, (p = poolRecipient(rng, r)));
      // Keep the template's delivery data (domicile, address) so the timeline stays consistent.
      return { ...r, taxId: p.taxId, recipientType: p.recipientType, denomination: p.denomination };
    });
    const elements = opts.inFlight && rng.chance(opts.inFlight) ? inFlightPrefix(rng, t.timeline) : t.timeline;
    batch.push({ notification: { ...t.notification, iun, recipients }, elements });
    if (batch.length === batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
