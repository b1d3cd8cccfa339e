// Helpers of the store benchmark (tests/bench/store.ts): samples of keys to look up, timing, output.
import type { NotificationStatus } from '../../core/index.js';
import type { Store } from '../../db/store.js';

const STATUSES: NotificationStatus[] = ['DELIVERING', 'DELIVERED', 'EFFECTIVE_DATE', 'VIEWED', 'UNREACHABLE'];
const MAX_SAMPLES = 20_000;

export interface Sample {
  loadFrom(store: Store): Promise<void>;
  iun(i: number): string;
  taxId(i: number): string;
  senderQuery(i: number): { senderTaxId: string; status: NotificationStatus; from: string; to: string; recipientTaxId?: string };
}

/**
 * A random sample of stored notifications (keys spread over the whole range). Tax ids are drawn
 * per notification, so heavy recipients are looked up in proportion to their notifications
 * (the harder case for the pending list).
 */
export function lookupSamples(): Sample {
  const iuns: string[] = [];
  const taxIds: string[] = [];
  const senders: { sender: string; taxId: string; sentMs: number }[] = [];
  const pick = <T>(list: T[], i: number): T => list[(i * 7919) % list.length]!;
  return {
    async loadFrom(store) {
      const rows = await store.knex('notifications as n').join('recipients as r', (j) => j.on('r.nid', 'n.nid').andOnVal('r.rec_index', 0))
        .whereNot('n.status', 'IN_VALIDATION') // not visible yet (DOMAIN.md 13): the lookup says "not found"
        .select('n.iun', 'n.sender_tax_id', 'n.sent_at', 'r.tax_id').orderByRaw('random()').limit(MAX_SAMPLES);
      for (const r of rows) {
        iuns.push(r.iun);
        taxIds.push(r.tax_id);
        senders.push({ sender: r.sender_tax_id, taxId: r.tax_id, sentMs: Date.parse(r.sent_at) });
      }
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

/** A 1×1 PNG: the identity-document scan the desk benchmarks identify people with. */
export const BENCH_SCAN_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** The identification of a recipient collecting in person (PG: with the company's papers). */
export function benchIdentification(taxId: string, recipientType: string, scan: string) {
  return {
    recipientType, recipientTaxId: taxId, collector: 'RECIPIENT',
    scans: recipientType === 'PG' ? { recipientId: scan, companyRegister: scan, selfDeclaration: scan } : { recipientId: scan },
    recipientDocument: { type: 'CARTA_IDENTITA_ELETTRONICA', number: 'CA12345AB', issuer: 'Comune di Roma', issueDate: '2021-06-30', expiryDate: '2031-06-30' },
  };
}

/**
 * Notifications a bulk import transaction of the store benchmark: with random IUN keys nearly every
 * insert dirties its own b-tree page once the store is large, and a page is written once per
 * transaction (measured at 300k: 10k batches 3,460-3,930/s and 77 KB written a notification, 50k
 * batches 4,300/s and 42 KB).
 */
export const IMPORT_BATCH = 50_000;
