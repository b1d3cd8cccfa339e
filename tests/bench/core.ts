// Core engine benchmarks (`npx tsx tests/bench/index.ts core [--count N] [--apply-count N] [--threads N]`):
//   core.derive_rate             full derivation (DOMAIN.md 4-8) of N simulated notifications on
//                                `--threads` worker threads (default 2: the machine's cores), wall clock
//   core.derive_rate_1thread     the same on one thread
//   core.derive_cpu_rate[_1thread]  the same per CPU-second of the process (what an idle machine
//                                would give per core: the wall figures drop when others load the CPUs)
//   core.apply_cost              incremental applyElement, per element, in business-time order
//   core.apply_cost_with_state_json  what the store does per appended element (db/repositories/
//                                timeline-writer.ts): the stored state read back (its compact form,
//                                db/mappers/engine-state.ts), applyElement, stateToDerived, the new
//                                state written in that form
//   core.apply_cost_with_plain_json  the same with the state as plain JSON (stores of earlier versions)
// The notifications and timelines are generated before any timing starts.
import { applyElement, createEngineState, rebuildEngineState, stateToDerived, type EngineState } from '../../core/index.js';
import { decodeEngineState, encodeEngineState } from '../../db/mappers/engine-state.js';
import { generateCases, type DeriveCase } from './support/derive-cases.js';
import { runShards } from './support/workers.js';

function argValue(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(name);
  const v = i >= 0 ? Number(args[i + 1]) : Number.NaN;
  return Number.isFinite(v) && v > 0 ? Math.floor(v) : fallback;
}

interface Rates {
  wall: number;
  cpu: number;
}

function cpuSecondsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

/**
 * Derives the cases split over `threads` worker threads (one thread included: the same path, so
 * that the two figures differ only by the number of threads, and the main thread's heap, full of
 * the generator's leftovers, is not in the measure).
 */
async function deriveOnThreads(cases: DeriveCase[], threads: number): Promise<Rates> {
  const size = Math.ceil(cases.length / threads);
  const shards: DeriveCase[][] = [];
  for (let i = 0; i < cases.length; i += size) shards.push(cases.slice(i, i + size));
  const run = await runShards(new URL('./support/derive-worker.ts', import.meta.url), shards);
  if (run.count !== cases.length || run.sink === 0) throw new Error('parallel derivation incomplete');
  return { wall: run.count / run.wallSeconds, cpu: run.count / run.cpuSeconds };
}

interface ApplyFigures {
  microsPerElement: number;
  cpuMicrosPerElement: number;
  elements: number;
  rederive: number;
}

/**
 * applyElement over each timeline in order. A stored `form` adds the store's per-element work around
 * it: the state read back from and written to that form, stateToDerived, and a rebuild on
 * 'needs-rederive'.
 */
type StoredForm = 'none' | 'compact' | 'plain';

const writeState: Record<Exclude<StoredForm, 'none'>, (s: EngineState) => string> = { compact: encodeEngineState, plain: (s) => JSON.stringify(s) };
const readState: Record<Exclude<StoredForm, 'none'>, (text: string) => EngineState> = { compact: decodeEngineState, plain: (t) => JSON.parse(t) as EngineState };

function benchApply(cases: DeriveCase[], form: StoredForm): ApplyFigures {
  const withJson = form !== 'none';
  const write = form === 'none' ? () => '' : writeState[form];
  const read = form === 'none' ? () => { throw new Error('no stored form'); } : readState[form];
  let elements = 0;
  let rederive = 0;
  let sink = 0;
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (const c of cases) {
    let state: EngineState = createEngineState(c.n);
    let stored = withJson ? write(state) : '';
    c.timeline.forEach((e, i) => {
      const r = applyElement(withJson ? read(stored) : state, e);
      if (r.outcome === 'needs-rederive') rederive++;
      // The store rebuilds from its stored elements on 'needs-rederive'; the plain figure keeps going.
      state = withJson && r.outcome === 'needs-rederive' ? rebuildEngineState(c.n, c.timeline.slice(0, i + 1)).state : r.state;
      if (withJson) {
        sink += stateToDerived(state).statusHistory.length;
        stored = write(state);
      }
    });
    elements += c.timeline.length;
  }
  const wall = performance.now() - start;
  if (withJson && sink === 0) throw new Error('apply produced nothing');
  return { microsPerElement: (wall * 1000) / elements, cpuMicrosPerElement: (cpuSecondsSince(cpu) * 1e6) / elements, elements, rederive };
}

export async function run(args: string[]): Promise<void> {
  const count = argValue(args, '--count', 100_000);
  const applyCount = argValue(args, '--apply-count', Math.min(count, 20_000));
  const threads = argValue(args, '--threads', 2);
  const t0 = performance.now();
  const cases = generateCases(count);
  const elementCount = cases.reduce((s, c) => s + c.timeline.length, 0);
  console.error(`(generated ${count} notifications, ${elementCount} elements, in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  const parallel = await deriveOnThreads(cases, threads);
  console.log(`core.derive_rate: ${Math.round(parallel.wall)} notifications/s`);
  console.log(`core.derive_cpu_rate: ${Math.round(parallel.cpu)} notifications/cpu-s`);
  const single = await deriveOnThreads(cases, 1);
  console.log(`core.derive_rate_1thread: ${Math.round(single.wall)} notifications/s`);
  console.log(`core.derive_cpu_rate_1thread: ${Math.round(single.cpu)} notifications/cpu-s`);
  const sample = cases.slice(0, applyCount);
  benchApply(sample.slice(0, Math.min(1000, sample.length)), 'compact'); // warm-up
  benchApply(sample.slice(0, Math.min(1000, sample.length)), 'plain');
  const apply = benchApply(sample, 'none');
  console.log(`core.apply_cost: ${apply.microsPerElement.toFixed(2)} µs/element`);
  console.log(`core.apply_cpu_cost: ${apply.cpuMicrosPerElement.toFixed(2)} cpu-µs/element`);
  const stored = benchApply(sample, 'compact');
  console.log(`core.apply_cost_with_state_json: ${stored.microsPerElement.toFixed(2)} µs/element`);
  console.log(`core.apply_cpu_cost_with_state_json: ${stored.cpuMicrosPerElement.toFixed(2)} cpu-µs/element`);
  const plain = benchApply(sample, 'plain');
  console.log(`core.apply_cost_with_plain_json: ${plain.microsPerElement.toFixed(2)} µs/element`);
  console.log(`core.apply_cpu_cost_with_plain_json: ${plain.cpuMicrosPerElement.toFixed(2)} cpu-µs/element`);
  console.error(`(applyElement over ${applyCount} notifications, ${apply.elements} elements, ${apply.rederive} answered needs-rederive)`);
}
