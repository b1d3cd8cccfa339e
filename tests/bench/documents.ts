// `npm run bench -- documents [--aars N] [--bundles N] [--threads N]`
// documents.aar_rate: AAR PDFs per second on `--threads` worker threads (default 2: the machine's
//   cores), each rendering its share one after the other, after a warm-up (goal ≥ 50 on 2 cores).
// documents.aar_rate_1thread: the same on one thread.
// documents.aar_cpu_ms: CPU time per AAR on one thread (the rate without other processes on the machine).
// documents.bundle10_ms: merging one pickup of 10 acts (3-5 pages each) + AAR + 3 attestations.
// documents.bundle10_total_ms: the same, including rendering the cover, AAR and attestations.
import {
  buildPrintBundle,
  legalFactInputFrom,
  renderAar,
  renderCoverSheet,
  renderLegalFact,
  type BundleDocument,
  type PrintBundleParts,
} from '../../electron/documents/index.js';
import { element, factOf, makeActPdf, notification, timeline } from '../integration/documents-support.js';
import { aarInput, renderAars, WARM_UP_AARS } from './support/aar-inputs.js';
import { runShards } from './support/workers.js';

const GENERATED = '2026-03-12T16:40:00+01:00';

function option(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`);
  const value = i >= 0 ? Number(args[i + 1]) : NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

/** One thread: wall-clock rate, and CPU milliseconds per AAR (what the rate would be on an idle core). */
async function aarRate(count: number): Promise<{ rate: number; cpuMs: number }> {
  await renderAars(0, WARM_UP_AARS);
  const cpu = process.cpuUsage();
  const start = performance.now();
  await renderAars(1000, count);
  const used = process.cpuUsage(cpu);
  return { rate: count / ((performance.now() - start) / 1000), cpuMs: (used.user + used.system) / 1000 / count };
}

/** `threads` workers rendering `count` AARs between them: aggregate wall-clock rate and CPU ms per AAR. */
async function aarRateParallel(count: number, threads: number): Promise<{ rate: number; cpuMs: number }> {
  const shards: { from: number; count: number }[] = [];
  const size = Math.ceil(count / threads);
  for (let from = 0; from < count; from += size) shards.push({ from: 1000 + from, count: Math.min(size, count - from) });
  const run = await runShards(new URL('./support/aar-worker.ts', import.meta.url), shards);
  return { rate: run.count / run.wallSeconds, cpuMs: (run.cpuSeconds * 1000) / run.count };
}

async function attestations(): Promise<BundleDocument[]> {
  const picks: Array<[string, Parameters<typeof factOf>[1], number | undefined]> = [
    ['REQUEST_ACCEPTED', 'SENDER_ACK', undefined],
    ['SEND_DIGITAL_FEEDBACK', 'PEC_RECEIPT', 0],
    ['NOTIFICATION_VIEWED', 'RECIPIENT_ACCESS', 0],
  ];
  const out: BundleDocument[] = [];
  for (const [category, type, recipient] of picks) {
    const el = element(category, recipient);
    const pdf = await renderLegalFact(legalFactInputFrom({ notification, legalFact: factOf(el, type), element: el, timeline, generatedAt: GENERATED }));
    out.push({ title: type, pdf: pdf.buffer });
  }
  return out;
}

async function pickup(acts: BundleDocument[]): Promise<PrintBundleParts> {
  const cover = await renderCoverSheet({ recipientName: notification.recipients[0]!.denomination, generatedAt: GENERATED });
  const aar = await renderAar(aarInput(0));
  return {
    cover: { title: 'Frontespizio', pdf: cover.buffer },
    acts,
    aars: [{ title: 'AAR', pdf: aar.buffer }],
    attestations: await attestations(),
    generatedAt: GENERATED,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function bundleTimes(runs: number): Promise<{ merge: number; total: number }> {
  const acts: BundleDocument[] = [];
  for (let i = 0; i < 10; i++) acts.push({ title: `Atto ${i + 1}`, pdf: await makeActPdf(String(i + 1), 3 + (i % 3)) });
  await buildPrintBundle(await pickup(acts));
  const merge: number[] = [];
  const total: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const parts = await pickup(acts);
    const t1 = performance.now();
    await buildPrintBundle(parts);
    const t2 = performance.now();
    merge.push(t2 - t1);
    total.push(t2 - t0);
  }
  return { merge: median(merge), total: median(total) };
}

export async function run(args: string[]): Promise<void> {
  const aars = option(args, 'aars', 300);
  const parallel = await aarRateParallel(aars, option(args, 'threads', 2));
  console.log(`documents.aar_rate: ${parallel.rate.toFixed(1)} pdf/s`);
  console.log(`documents.aar_cpu_ms_threads: ${parallel.cpuMs.toFixed(1)} ms`);
  const { rate, cpuMs } = await aarRate(aars);
  console.log(`documents.aar_rate_1thread: ${rate.toFixed(1)} pdf/s`);
  console.log(`documents.aar_cpu_ms: ${cpuMs.toFixed(1)} ms`);
  const { merge, total } = await bundleTimes(option(args, 'bundles', 7));
  console.log(`documents.bundle10_ms: ${merge.toFixed(1)} ms`);
  console.log(`documents.bundle10_total_ms: ${total.toFixed(1)} ms`);
}
