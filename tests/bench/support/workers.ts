// Benchmarks on both cores of the machine: one worker thread per shard of pre-made input.
// Protocol: a worker gets its shard as plain data (workerData), prepares and warms up, says
// 'ready'; when every worker is ready the main thread says 'go' to all at once and times until the
// last one answers 'done'. Input generation, copying and warm-up are outside the timed part.
// Workers do not inherit tsx's module hooks (Node 20), so a worker is a small eval script that
// registers tsx and then imports the TypeScript worker module.
import { parentPort, Worker, workerData } from 'node:worker_threads';

/** What a worker's timed run reports: items done and a number derived from the work (kept so that the work is not optimised away). */
export interface ShardResult {
  count: number;
  sink: number;
}

export interface ParallelRun {
  /** Wall-clock seconds from 'go' to the last 'done'. */
  wallSeconds: number;
  /** CPU seconds of the whole process (all threads) over the same span. */
  cpuSeconds: number;
  count: number;
  sink: number;
}

type Message = { type: 'ready' } | { type: 'done'; result: ShardResult } | { type: 'failed'; message: string };

/** Starts a TypeScript worker module under tsx. */
export function startTsWorker(moduleUrl: URL, data: unknown): Worker {
  const api = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(api)}).then(({ register }) => { register(); return import(${JSON.stringify(moduleUrl.href)}); })`;
  return new Worker(code, { eval: true, workerData: data });
}

function nextMessage(w: Worker, type: 'ready' | 'done'): Promise<Message> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: Message): void => {
      if (m.type === 'failed') reject(new Error(m.message));
      else if (m.type === type) resolve(m);
      else return;
      w.off('message', onMessage);
      w.off('error', reject);
    };
    w.on('message', onMessage);
    w.once('error', reject);
  });
}

/** Runs `moduleUrl` on one worker per shard, all started together; returns the timed figures. */
export async function runShards(moduleUrl: URL, shards: readonly unknown[]): Promise<ParallelRun> {
  const workers = shards.map((shard) => startTsWorker(moduleUrl, shard));
  try {
    await Promise.all(workers.map((w) => nextMessage(w, 'ready')));
    const done = workers.map((w) => nextMessage(w, 'done'));
    const cpu = process.cpuUsage();
    const start = performance.now();
    for (const w of workers) w.postMessage('go');
    const results = await Promise.all(done);
    const wallSeconds = (performance.now() - start) / 1000;
    const used = process.cpuUsage(cpu);
    let count = 0;
    let sink = 0;
    for (const m of results) {
      if (m.type !== 'done') continue;
      count += m.result.count;
      sink += m.result.sink;
    }
    return { wallSeconds, cpuSeconds: (used.user + used.system) / 1e6, count, sink };
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/**
 * The worker side: `prepare` gets the shard (warm up there) and returns the timed job, run on 'go'.
 * Call it once from the worker module's top level.
 */
export function serveShard<T>(prepare: (shard: T) => Promise<() => Promise<ShardResult>>): void {
  const port = parentPort;
  if (port === null) throw new Error('serveShard must run in a worker thread');
  const fail = (e: unknown): void => port.postMessage({ type: 'failed', message: e instanceof Error ? e.stack ?? e.message : String(e) });
  prepare(workerData as T).then(
    (job) => {
      port.once('message', () => {
        job().then((result) => port.postMessage({ type: 'done', result }), fail);
      });
      port.postMessage({ type: 'ready' });
    },
    fail,
  );
}
