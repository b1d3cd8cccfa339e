// The notifications of the core benchmarks: a realistic mix of simulated SEND stories (DOMAIN.md
// 4-8), made before any timing starts, as plain data (they are copied to worker threads).
import { deriveNotification, makeDemoCase, type EngineNotification, type SimulationPath, type TimelineElementInput } from '../../../core/index.js';

export interface DeriveCase {
  n: EngineNotification;
  timeline: TimelineElementInput[];
}

// A plausible mix of stories: most notifications go by PEC or are delivered on paper.
const MIX: ReadonlyArray<readonly [SimulationPath, number]> = [
  ['PEC_FIRST_TRY', 30],
  ['PEC_FAIL_SECOND_CYCLE', 4],
  ['DIGITAL_FAILURE_RS', 4],
  ['ANALOG_890_DELIVERED', 12],
  ['ANALOG_AR_DELIVERED', 12],
  ['GIACENZA_COLLECTED', 8],
  ['GIACENZA_EXPIRED', 5],
  ['UNREACHABLE', 5],
  ['DECEASED', 1],
  ['VIEWED_AT_RADD', 6],
  ['VIEWED_ONLINE_AFTER_TERM', 6],
  ['REFUSED', 1],
  ['CANCELLED', 1],
  ['IN_PROGRESS', 5],
];
const TOTAL_WEIGHT = MIX.reduce((s, [, w]) => s + w, 0);

function pathFor(i: number): SimulationPath {
  // Deterministic spread over the mix (golden-ratio sequence), no Math.random.
  let x = ((i * 0.6180339887498949) % 1) * TOTAL_WEIGHT;
  for (const [path, w] of MIX) {
    if (x < w) return path;
    x -= w;
  }
  return 'PEC_FIRST_TRY';
}

/**
 * `count` simulated notifications with their timelines (elementIds left to the engine to build),
 * each as plain data read back from JSON, the way the store and the sync client hand timelines to
 * the engine (the simulator's own objects hold texts still in pieces from being assembled, which
 * the engine would pay to join on first reading: not what it sees in production).
 */
export function generateCases(count: number): DeriveCase[] {
  const cases: DeriveCase[] = [];
  for (let i = 0; i < count; i++) {
    const path = pathFor(i);
    // One notification in ten has two recipients following the same kind of story.
    const recipientCount = path !== 'REFUSED' && path !== 'CANCELLED' && i % 10 === 0 ? 2 : 1;
    const { notification, timeline } = makeDemoCase(`bench-${i}`, path, { recipientCount });
    const c: DeriveCase = { n: { iun: notification.iun, sentAt: notification.sentAt, recipientCount: notification.recipients.length }, timeline };
    cases.push(JSON.parse(JSON.stringify(c)) as DeriveCase);
  }
  return cases;
}

/**
 * Cases derived, untimed, before a timed run: a first pass over fewer runs about 20% slower than
 * the next ones (the JIT and the heap settle), which is not the steady rate being measured.
 */
export const WARM_UP_CASES = 20_000;

/** Derives every case; returns how many and a number that depends on every result. */
export function deriveAll(cases: readonly DeriveCase[]): { count: number; sink: number } {
  let sink = 0;
  for (const c of cases) sink += deriveNotification(c.n, c.timeline).result.statusHistory.length;
  return { count: cases.length, sink };
}
