// Core engine benchmarks (`npx tsx tests/bench/index.ts core [--count N] [--apply-count N]`):
//   core.derive_rate  full derivation (DOMAIN.md 4-8) over N simulated notifications
//   core.apply_cost   incremental applyElement, per element, in business-time order
// The notifications and timelines are generated before any timing starts.
import {
  applyElement,
  createEngineState,
  deriveNotification,
  makeDemoCase,
  type SimulationPath,
  type TimelineElementInput,
} from '../../core/index.js';

interface Case {
  n: { iun: string; sentAt: string; recipientCount: number };
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

function argValue(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(name);
  const v = i >= 0 ? Number(args[i + 1]) : Number.NaN;
  return Number.isFinite(v) && v > 0 ? Math.floor(v) : fallback;
}

function generate(count: number): Case[] {
  const cases: Case[] = [];
  for (let i = 0; i < count; i++) {
    const path = pathFor(i);
    // One notification in ten has two recipients following the same kind of story.
    const recipientCount = path !== 'REFUSED' && path !== 'CANCELLED' && i % 10 === 0 ? 2 : 1;
    const { notification, timeline } = makeDemoCase(`bench-${i}`, path, { recipientCount });
    cases.push({ n: { iun: notification.iun, sentAt: notification.sentAt, recipientCount: notification.recipients.length }, timeline });
  }
  return cases;
}

function benchDerive(cases: Case[]): number {
  for (const c of cases.slice(0, Math.min(2000, cases.length))) deriveNotification(c.n, c.timeline);
  const start = performance.now();
  let sink = 0;
  for (const c of cases) sink += deriveNotification(c.n, c.timeline).result.statusHistory.length;
  const seconds = (performance.now() - start) / 1000;
  if (sink === 0) throw new Error('derivation produced nothing');
  return cases.length / seconds;
}

function benchApply(cases: Case[]): { microsPerElement: number; elements: number; rederive: number } {
  let elements = 0;
  let rederive = 0;
  let elapsed = 0;
  for (const c of cases) {
    let state = createEngineState(c.n);
    const start = performance.now();
    for (const e of c.timeline) {
      const r = applyElement(state, e);
      if (r.outcome === 'needs-rederive') rederive++;
      state = r.state;
    }
    elapsed += performance.now() - start;
    elements += c.timeline.length;
  }
  return { microsPerElement: (elapsed * 1000) / elements, elements, rederive };
}

export async function run(args: string[]): Promise<void> {
  const count = argValue(args, '--count', 100_000);
  const applyCount = argValue(args, '--apply-count', Math.min(count, 20_000));
  const t0 = performance.now();
  const cases = generate(count);
  const elementCount = cases.reduce((s, c) => s + c.timeline.length, 0);
  console.error(`(generated ${count} notifications, ${elementCount} elements, in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  console.log(`core.derive_rate: ${Math.round(benchDerive(cases))} notifications/s`);
  const apply = benchApply(cases.slice(0, applyCount));
  console.log(`core.apply_cost: ${apply.microsPerElement.toFixed(2)} µs/element`);
  console.error(`(applyElement over ${applyCount} notifications, ${apply.elements} elements, ${apply.rederive} answered needs-rederive)`);
}
