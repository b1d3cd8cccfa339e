// The dashboard of a period (issue: sender monitoring): counts by status, per-day series, channels,
// mean times, digital failures by cause (from the daily counters kept by the store's triggers),
// refinements due in the next 7 days and failures needing action (two short index reads).
import {
  formatInstant,
  NOTIFICATION_STATUSES,
  pecFailureLabel,
  statusLabel,
  type DeliveryChannel,
  type NotificationStatus,
  type RecipientOutcome,
  deliveryChannelOf,
} from '../../core/index.js';
import type { DailyCounter } from '../../db/repositories/sender-queries.js';
import type { StoreScope } from '../../db/store.js';
import type { DashboardView } from '../api/contract/sender-views.js';
import { dayNumberOf, dayOfNumber, romeDayOf, romeDayStartMs } from './filters.js';
import { toListItems } from './list.js';

export type DashboardPeriod = '30d' | '3m' | '6m' | '12m' | 'custom';

const DAY_MS = 86_400_000;
/**
 * Refinements due (all of them by lapse of time): from now to the end of the 7th Rome day after
 * today, that is the rest of today and the next 7 whole days. Those of today already past are not
 * due: they are refined (counted with the period's refinements).
 */
const DUE_DAYS = 7;
/** DOMAIN.md 3: statuses that ask the sender to act (unreachable, refused, returned to sender). */
export const NEEDS_ACTION: readonly NotificationStatus[] = ['UNREACHABLE', 'REFUSED', 'RETURNED_TO_SENDER'];
const LIST_LIMIT = 20;

/** The inclusive Rome days of a period ending today (months as calendar months back from today). */
export function periodDays(period: DashboardPeriod, nowMs: number, custom?: { from?: string; to?: string }): { from: string; to: string } {
  const today = romeDayOf(nowMs);
  if (period === 'custom') return { from: custom!.from!, to: custom!.to! };
  if (period === '30d') return { from: dayOfNumber(dayNumberOf(today) - 29), to: today };
  const months = period === '3m' ? 3 : period === '6m' ? 6 : 12;
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const back = new Date(Date.UTC(y, m - 1 - months, 1));
  // The same day of the month, or the month's last day when it is shorter; then the day after.
  const last = new Date(Date.UTC(back.getUTCFullYear(), back.getUTCMonth() + 1, 0)).getUTCDate();
  const start = Date.UTC(back.getUTCFullYear(), back.getUTCMonth(), Math.min(d, last)) + DAY_MS;
  return { from: new Date(start).toISOString().slice(0, 10), to: today };
}

interface Totals {
  byDay: Map<number, { sent: number; delivered: number; perfected: number }>;
  status: Map<string, number>;
  channels: Record<DeliveryChannel, number>;
  sums: Record<'delivered' | 'viewed' | 'perfected', { n: number; ms: number }>;
  failures: Map<string, number>;
}

function fold(rows: readonly DailyCounter[], lastCountedDay: number): Totals {
  const t: Totals = {
    byDay: new Map(), status: new Map(), channels: { DIGITAL: 0, ANALOG: 0, NONE: 0 },
    sums: { delivered: { n: 0, ms: 0 }, viewed: { n: 0, ms: 0 }, perfected: { n: 0, ms: 0 } }, failures: new Map(),
  };
  const day = (d: number) => t.byDay.get(d) ?? (t.byDay.set(d, { sent: 0, delivered: 0, perfected: 0 }).get(d)!);
  for (const r of rows) {
    // Refinements by lapse of time are known ahead (DOMAIN.md 8.3): future days are not "perfected" yet.
    if ((r.metric === 'perfected' || r.metric === 'delivered' || r.metric === 'viewed') && r.day > lastCountedDay) continue;
    if (r.metric === 'sent') day(r.day).sent += r.n;
    else if (r.metric === 'status') t.status.set(r.key, (t.status.get(r.key) ?? 0) + r.n);
    else if (r.metric === 'outcome') t.channels[deliveryChannelOf(r.key as RecipientOutcome)] += r.n;
    else if (r.metric === 'digital_ko') t.failures.set(r.key, (t.failures.get(r.key) ?? 0) + r.n);
    if (r.metric === 'delivered' || r.metric === 'perfected' || r.metric === 'viewed') {
      t.sums[r.metric].n += r.n;
      t.sums[r.metric].ms += r.sumMs;
      if (r.metric !== 'viewed') day(r.day)[r.metric] += r.n;
    }
  }
  return t;
}

const mean = (s: { n: number; ms: number }) => (s.n > 0 ? Math.round(s.ms / s.n) : null);

/** A stretch of the refinement index and how many refinements due it holds. */
interface DueSpan {
  from: string;
  to: string;
  n: number;
}

/**
 * The spans of the due window that hold refinements: the rest of today (counted on the index: the
 * day's counter also holds today's refinements already past, and views), then the whole days the
 * counters say hold some for this sender.
 */
async function dueSpans(store: Pick<StoreScope, 'senderQueries'>, nowMs: number, today: number, senderTaxId: string | undefined): Promise<DueSpan[]> {
  const sender = senderTaxId ? { senderTaxId } : {};
  const dayStart = (d: number) => formatInstant(romeDayStartMs(dayOfNumber(d)));
  const rest = { from: formatInstant(nowMs), to: dayStart(today + 1) };
  // Future days hold only refinements by lapse of time (a view is never in the future): DOMAIN.md 8.3.
  const [restOfToday, days] = await Promise.all([
    store.senderQueries.countRefinementsDue({ ...sender, ...rest }),
    store.senderQueries.daily({ ...sender, fromDay: today + 1, toDay: today + DUE_DAYS, metrics: ['perfected'] }),
  ]);
  const byDay = new Map<number, number>();
  for (const r of days) byDay.set(r.day, (byDay.get(r.day) ?? 0) + r.n);
  const later = [...byDay].sort((a, b) => a[0] - b[0]).map(([d, n]) => ({ from: dayStart(d), to: dayStart(d + 1), n }));
  return [{ ...rest, n: restOfToday }, ...later].filter((s) => s.n > 0);
}

/** The first refinements due, read span by span: each read walks one day of the refinement index, not the whole week. */
async function dueList(store: Pick<StoreScope, 'senderQueries'>, spans: readonly DueSpan[], senderTaxId: string | undefined) {
  const out: Awaited<ReturnType<StoreScope['senderQueries']['refinementsDue']>> = [];
  for (const s of spans) {
    if (out.length >= LIST_LIMIT) break;
    out.push(...(await store.senderQueries.refinementsDue({ ...(senderTaxId ? { senderTaxId } : {}), from: s.from, to: s.to, limit: LIST_LIMIT - out.length })));
  }
  return out;
}

export interface DashboardQuery {
  from: string;
  to: string;
  senderTaxId: string | undefined;
  nowMs: number;
}

export async function buildDashboard(store: Pick<StoreScope, 'senderQueries' | 'senderRequests'>, q: DashboardQuery): Promise<DashboardView> {
  const fromDay = dayNumberOf(q.from);
  const toDay = dayNumberOf(q.to);
  const sender = q.senderTaxId ? { senderTaxId: q.senderTaxId } : {};
  const today = dayNumberOf(romeDayOf(q.nowMs));
  const spans = await dueSpans(store, q.nowMs, today, q.senderTaxId);
  const [rows, dueItems, latest] = await Promise.all([
    store.senderQueries.daily({ ...sender, fromDay, toDay }),
    dueList(store, spans, q.senderTaxId),
    store.senderQueries.latestInStatuses({ ...sender, statuses: NEEDS_ACTION, fromMs: romeDayStartMs(q.from), toMs: romeDayStartMs(dayOfNumber(toDay + 1)), limit: LIST_LIMIT }),
  ]);
  const t = fold(rows, today);
  const perDay = [];
  for (let d = fromDay; d <= toDay; d++) perDay.push({ day: dayOfNumber(d), ...(t.byDay.get(d) ?? { sent: 0, delivered: 0, perfected: 0 }) });
  const statusCounts = NOTIFICATION_STATUSES.map((status) => ({ status, label: statusLabel(status), count: t.status.get(status) ?? 0 }));
  const byStatus = statusCounts.filter((s) => NEEDS_ACTION.includes(s.status));
  return {
    period: { from: q.from, to: q.to, days: toDay - fromDay + 1 },
    total: statusCounts.reduce((a, s) => a + s.count, 0),
    statusCounts,
    perDay,
    channels: t.channels,
    meanMs: { delivered: mean(t.sums.delivered), viewed: mean(t.sums.viewed), perfected: mean(t.sums.perfected) },
    digitalFailures: [...t.failures.entries()].filter(([, n]) => n !== 0).sort((a, b) => b[1] - a[1]).map(([cause, count]) => ({ cause, label: pecFailureLabel(cause), count })),
    refinementsDue: {
      since: formatInstant(q.nowMs),
      from: dayOfNumber(today),
      to: dayOfNumber(today + DUE_DAYS),
      count: spans.reduce((a, s) => a + s.n, 0),
      items: dueItems.map(({ senderDenomination: _s, ...i }) => i),
    },
    needsAction: { count: byStatus.reduce((a, s) => a + s.count, 0), byStatus, items: await toListItems(store, latest) },
  };
}
