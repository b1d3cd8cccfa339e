// Helpers of the store benchmark: samples of keys to look up, timing, output.
import type { NotificationStatus } from '../../core/index.js';
import type { NotificationImport } from '../../db/repositories/timeline-writer.js';
import type { Store } from '../../db/store.js';

const STATUSES: NotificationStatus[] = ['DELIVERING', 'DELIVERED', 'EFFECTIVE_DATE', 'VIEWED', 'UNREACHABLE'];
const MAX_SAMPLES = 20_000;

export interface Sample {
  observe(batch: readonly NotificationImport[]): void;
  loadFrom(store: Store): Promise<void>;
  iun(i: number): string;
  taxId(i: number): string;
  senderQuery(i: number): { senderTaxId: string; status: NotificationStatus; from: string; to: string; recipientTaxId?: string };
}

/**
 * Keys seen during the import (reservoir-style: every k-th notification), so that lookups hit
 * stored rows spread over the whole key range. Tax ids are drawn per notification, so heavy
 * recipients are looked up in proportion to their notifications (the harder case for pending).
 */
export function lookupSamples(): Sample {
  const iuns: string[] = [];
  const taxIds: string[] = [];
  const senders: { sender: string; taxId: string; sentMs: number }[] = [];
  let seen = 0;
  const keep = (n: { iun: string; senderTaxId: string; sentAt: string; recipients: { taxId: string }[] }) => {
    seen += 1;
    if (iuns.length < MAX_SAMPLES || seen % 50 === 0) {
      const slot = iuns.length < MAX_SAMPLES ? iuns.length : seen % MAX_SAMPLES;
      iuns[slot] = n.iun;
      taxIds[slot] = n.recipients[0]!.taxId;
      senders[slot] = { sender: n.senderTaxId, taxId: n.recipients[0]!.taxId, sentMs: Date.parse(n.sentAt) };
    }
  };
  const pick = <T>(list: T[], i: number): T => list[(i * 7919) % list.length]!;
  return {
    observe: (batch) => batch.forEach((b) => keep(b.notification)),
    async loadFrom(store) {
      const rows = await store.knex('notifications as n').join('recipients as r', (j) => j.on('r.iun', 'n.iun').andOnVal('r.rec_index', 0))
        .select('n.iun', 'n.sender_tax_id', 'n.sent_at', 'r.tax_id').orderByRaw('random()').limit(MAX_SAMPLES);
      for (const r of rows) keep({ iun: r.iun, senderTaxId: r.sender_tax_id, sentAt: r.sent_at, recipients: [{ taxId: r.tax_id }] });
    },
    iun: (i) => pick(iuns, i),
    taxId: (i) => pick(taxIds, i + 1),
    senderQuery(i) {
      const s = pick(senders, i + 2);
      const day = 86_400_000;
      // A 60-day window around a real notification; every other query also filters by recipient.
      const from = new Date(s.sentMs - 30 * day).toISOString();
      const to = new Date(s.sentMs + 30 * day).toISOString();
      const status = STATUSES[i % STATUSES.length]!;
      return { senderTaxId: s.sender, status, from, to, ...(i % 2 === 1 ? { recipientTaxId: s.taxId } : {}) };
    },
  };
}

export async function measure(rounds: number, fn: (i: number) => Promise<unknown>): Promise<{ p50: number; p99: number }> {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    await fn(i);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
  return { p50: at(0.5), p99: at(0.99) };
}

export function printFigure(name: string, value: number, unit: string, decimals = 2): void {
  console.log(`${name}: ${value.toFixed(decimals)} ${unit}`);
}

export function progress(label: string, done: number, total: number, startedMs: number): void {
  const width = 30;
  const filled = Math.round((done / total) * width);
  const secs = (performance.now() - startedMs) / 1000;
  const rate = Math.round(done / Math.max(secs, 0.001));
  process.stderr.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${rate}/s ${secs.toFixed(0)}s`);
}
