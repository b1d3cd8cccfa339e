// The sender office's queries: the filtered, sorted, paged list with its total, the export in
// batches (keyset, so memory stays constant and no statement holds the one SQLite connection
// for long), the dashboard's daily counters and its short lists. SQL of the counters and their
// triggers: sender-stats-sql.ts.
import type { IsoInstant, NotificationStatus, RecipientOutcome, RefinedBy } from '../../core/index.js';
import { toNumber } from '../mappers/json.js';
import type { NotificationRow } from '../mappers/notifications.js';
import { rawRows, type Db } from './sql.js';
import type { Knex } from 'knex';

export interface SenderFilter {
  senderTaxId?: string;
  statuses?: readonly NotificationStatus[];
  /** sent_ms >= fromMs. */
  fromMs?: number;
  /** sent_ms < toMs. */
  toMs?: number;
  /** Set when [fromMs, toMs) is exactly these Rome days (inclusive): the total is then read from the counters. */
  days?: { from: number; to: number };
  recipientTaxId?: string;
  /** A whole IUN, or its beginning. */
  iun?: string;
  /** A protocol number, or its beginning. */
  protocol?: string;
  group?: string;
}

export type SenderSort = 'sentAt' | 'status';

export interface SenderPageQuery extends SenderFilter {
  offset: number;
  limit: number;
  sort?: SenderSort;
  direction?: 'asc' | 'desc';
}

export interface SenderRecipientRow {
  recipientIndex: number;
  denomination: string;
  taxId: string;
  outcome: RecipientOutcome;
  refinementDate: IsoInstant | null;
  refinedBy: RefinedBy | null;
}

export interface SenderRow {
  iun: string;
  sentAt: IsoInstant;
  sentMs: number;
  subject: string;
  senderDenomination: string;
  senderTaxId: string;
  paProtocolNumber: string | null;
  group: string | null;
  status: NotificationStatus;
  statusAt: IsoInstant;
  recipientCount: number;
  recipients: SenderRecipientRow[];
}

/** Position after the last row of an export batch. */
export interface SenderCursor {
  ms: number;
  iun: string;
}

export interface DailyCounter {
  day: number;
  metric: string;
  key: string;
  n: number;
  sumMs: number;
}

export interface DueRefinement {
  iun: string;
  recipientIndex: number;
  denomination: string;
  taxId: string;
  refinementDate: IsoInstant;
  subject: string;
  senderDenomination: string;
}

const MAX_LIMIT = 200;
const HIGH = '\uffff';

const SORT_COLUMNS: Record<SenderSort, string[]> = {
  sentAt: ['n.sent_ms', 'n.iun'],
  status: ['n.status', 'n.sent_ms', 'n.iun'],
};

/** A value or the values that begin with it: one index range (an OR would hide the index). */
function exactOrPrefix(q: Knex.QueryBuilder, column: string, value: string): void {
  q.where(column, '>=', value).andWhere(column, '<', value + HIGH);
}

/**
 * exactOrPrefix whatever the letter case, on upper(column): the expression of its index (migration
 * 2026-11-28-0100). The database's own upper() is applied to the value too, so that both sides fold
 * letters alike.
 */
function upperPrefix(q: Knex.QueryBuilder, column: string, value: string): void {
  q.whereRaw('upper(??) >= upper(?)', [column, value]).andWhereRaw('upper(??) < upper(?)', [column, value + HIGH]);
}

/**
 * The filter's conditions. `dateNotIndexed`: the date bounds are written `+n.sent_ms` (same meaning
 * on both dialects) so that SQLite cannot range-scan the date index and uses the index of a more
 * selective condition (protocol number, IUN) or walks the index of the sort column, stopping after
 * one page, rather than reading the whole date window.
 */
function applyFilter(db: Db, q: Knex.QueryBuilder, f: SenderFilter, dateNotIndexed = narrowsBeyondDates(f)): Knex.QueryBuilder {
  const sent: string | Knex.Raw = dateNotIndexed ? db.raw('+??', ['n.sent_ms']) : 'n.sent_ms';
  if (f.senderTaxId) q.where('n.sender_tax_id', f.senderTaxId);
  if (f.statuses && f.statuses.length > 0) q.whereIn('n.status', [...f.statuses]);
  if (f.fromMs !== undefined) q.where(sent as string, '>=', f.fromMs);
  if (f.toMs !== undefined) q.where(sent as string, '<', f.toMs);
  if (f.recipientTaxId) q.whereIn('n.nid', db('recipients').select('nid').where('tax_id', f.recipientTaxId));
  if (f.iun) exactOrPrefix(q, 'n.iun', f.iun);
  if (f.protocol) upperPrefix(q, 'n.pa_protocol_number', f.protocol);
  if (f.group) q.where('n.group_name', f.group);
  return q;
}

/** A protocol number or IUN picks a few rows: its own index beats any date window. */
function narrowsBeyondDates(f: SenderFilter): boolean {
  return Boolean(f.protocol || f.iun);
}

/** Only the sender, the statuses and whole Rome days: the counters answer the total. */
function countableFromCounters(f: SenderFilter): f is SenderFilter & { days: { from: number; to: number } } {
  return f.days !== undefined && !f.recipientTaxId && !f.iun && !f.protocol && !f.group;
}

type HeaderRow = Pick<NotificationRow, 'iun' | 'sent_at' | 'sent_ms' | 'subject' | 'sender_denomination' | 'sender_tax_id' | 'pa_protocol_number' | 'group_name' | 'status' | 'status_at' | 'recipient_count'>;
const HEADER_COLUMNS = ['n.iun', 'n.sent_at', 'n.sent_ms', 'n.subject', 'n.sender_denomination', 'n.sender_tax_id', 'n.pa_protocol_number', 'n.group_name', 'n.status', 'n.status_at', 'n.recipient_count'];

export class SenderQueries {
  constructor(private readonly db: Db) {}

  /** One page of the list and the number of notifications matching the filter. */
  async page(q: SenderPageQuery): Promise<{ items: SenderRow[]; total: number }> {
    const limit = Math.min(Math.max(1, q.limit), MAX_LIMIT);
    const offset = Math.max(0, q.offset);
    const sort = q.sort ?? 'sentAt';
    const dir = q.direction ?? 'desc';
    const statuses = q.statuses ?? [];
    const rows = sort === 'sentAt' && statuses.length > 1
      ? await this.newestOfEachStatus(q, statuses, dir, offset, limit)
      : await this.pageRows(q, sort, dir, offset, limit);
    const [items, total] = await Promise.all([this.withRecipients(rows), this.count(q)]);
    return { items, total };
  }

  /**
   * The page's IUNs first (read from the index alone when the filter is dates, statuses and the
   * sort), then only those rows: a deep page skips index entries, not table rows.
   */
  private async pageRows(f: SenderFilter, sort: SenderSort, dir: 'asc' | 'desc', offset: number, limit: number): Promise<HeaderRow[]> {
    const ids = await applyFilter(this.db, this.db('notifications as n'), f)
      .orderBy(SORT_COLUMNS[sort].map((column) => ({ column, order: dir })))
      .offset(offset)
      .limit(limit)
      .select<{ iun: string }[]>('n.iun');
    return this.headersOf(ids.map((r) => r.iun));
  }

  private async headersOf(iuns: readonly string[]): Promise<HeaderRow[]> {
    if (iuns.length === 0) return [];
    const rows = await this.db('notifications as n').whereIn('n.iun', [...iuns]).select<HeaderRow[]>(HEADER_COLUMNS);
    const byIun = new Map(rows.map((r) => [r.iun, r]));
    return iuns.map((i) => byIun.get(i)).filter((r): r is HeaderRow => r !== undefined);
  }

  /**
   * Several statuses by date: one index range per status, each read in date order up to the page's
   * end (index only), merged here. Reads at most statuses x (offset + limit) index entries, where
   * one query over all the statuses would sort every match of the date window.
   */
  private async newestOfEachStatus(f: SenderFilter, statuses: readonly NotificationStatus[], dir: 'asc' | 'desc', offset: number, limit: number): Promise<HeaderRow[]> {
    const per = await Promise.all(statuses.map((s) => applyFilter(this.db, this.db('notifications as n'), { ...f, statuses: [s] })
      .orderBy(SORT_COLUMNS.sentAt.map((column) => ({ column, order: dir })))
      .limit(offset + limit)
      .select<{ iun: string; sent_ms: number | string }[]>('n.iun', 'n.sent_ms')));
    const sign = dir === 'desc' ? -1 : 1;
    const key = (r: { sent_ms: number | string }) => toNumber(r.sent_ms)!;
    const page = per.flat().sort((a, b) => sign * (key(a) - key(b) || (a.iun < b.iun ? -1 : a.iun > b.iun ? 1 : 0))).slice(offset, offset + limit);
    return this.headersOf(page.map((r) => r.iun));
  }

  /** Number of notifications matching the filter. */
  async count(f: SenderFilter): Promise<number> {
    if (countableFromCounters(f)) {
      const statuses = f.statuses && f.statuses.length > 0 ? [...f.statuses] : undefined;
      const q = this.db('sender_daily').whereBetween('day', [f.days.from, f.days.to]).andWhere('metric', statuses ? 'status' : 'sent');
      if (statuses) q.whereIn('k', statuses);
      if (f.senderTaxId) q.andWhere('sender_tax_id', f.senderTaxId);
      const r = await q.sum<{ c: number | string | null }[]>({ c: 'n' });
      return Number(r[0]?.c ?? 0);
    }
    const r = await applyFilter(this.db, this.db('notifications as n'), f).count<{ c: number | string }[]>({ c: '*' });
    return Number(r[0]?.c ?? 0);
  }

  /**
   * One batch of the matching notifications, newest first, after `after` (keyset on sent_ms, iun):
   * an export of any size is a loop of short queries holding one batch in memory, and no statement
   * keeps the one SQLite connection for long. `next` is null after the last batch.
   */
  async batch(f: SenderFilter, after: SenderCursor | null, size = 1000): Promise<{ rows: SenderRow[]; next: SenderCursor | null }> {
    const q = applyFilter(this.db, this.db('notifications as n'), f);
    // `sent_ms <= x` first, so that the keyset is an index range and not an OR over the table.
    if (after) q.where('n.sent_ms', '<=', after.ms).andWhere((w) => w.where('n.sent_ms', '<', after.ms).orWhere('n.iun', '<', after.iun));
    const rows = await q.orderBy([{ column: 'n.sent_ms', order: 'desc' }, { column: 'n.iun', order: 'desc' }]).limit(size).select<HeaderRow[]>(HEADER_COLUMNS);
    const last = rows[rows.length - 1];
    const next = rows.length === size && last ? { ms: toNumber(last.sent_ms)!, iun: last.iun } : null;
    return { rows: await this.withRecipients(rows), next };
  }

  private async withRecipients(rows: readonly HeaderRow[]): Promise<SenderRow[]> {
    if (rows.length === 0) return [];
    const recs = await this.db('recipients as r')
      .join('notifications as n', 'n.nid', 'r.nid')
      .whereIn('n.iun', rows.map((r) => r.iun))
      .orderBy([{ column: 'n.iun' }, { column: 'r.rec_index' }])
      .select<{ iun: string; rec_index: number; denomination: string; tax_id: string; outcome: string; refinement_date: string | null; refined_by: string | null }[]>(
        'n.iun', 'r.rec_index', 'r.denomination', 'r.tax_id', 'r.outcome', 'r.refinement_date', 'r.refined_by');
    const byIun = new Map<string, SenderRecipientRow[]>();
    for (const r of recs) {
      const list = byIun.get(r.iun) ?? [];
      list.push({ recipientIndex: r.rec_index, denomination: r.denomination, taxId: r.tax_id, outcome: r.outcome as RecipientOutcome, refinementDate: r.refinement_date, refinedBy: r.refined_by as RefinedBy | null });
      byIun.set(r.iun, list);
    }
    return rows.map((r) => ({
      iun: r.iun,
      sentAt: r.sent_at,
      sentMs: toNumber(r.sent_ms)!,
      subject: r.subject,
      senderDenomination: r.sender_denomination,
      senderTaxId: r.sender_tax_id,
      paProtocolNumber: r.pa_protocol_number,
      group: r.group_name,
      status: r.status as NotificationStatus,
      statusAt: r.status_at,
      recipientCount: r.recipient_count,
      recipients: byIun.get(r.iun) ?? [],
    }));
  }

  /** The daily counters of Rome days [fromDay, toDay], summed over senders unless one is given. */
  async daily(q: { senderTaxId?: string; fromDay: number; toDay: number; metrics?: readonly string[] }): Promise<DailyCounter[]> {
    const query = this.db('sender_daily').whereBetween('day', [q.fromDay, q.toDay]);
    if (q.senderTaxId) query.andWhere('sender_tax_id', q.senderTaxId);
    if (q.metrics) query.whereIn('metric', [...q.metrics]);
    const rows = await query.groupBy('day', 'metric', 'k').select<{ day: number; metric: string; k: string; n: number | string; s: number | string }[]>(
      'day', 'metric', 'k', this.db.raw('SUM(n) AS n'), this.db.raw('SUM(sum_ms) AS s'));
    return rows.map((r) => ({ day: Number(r.day), metric: r.metric, key: r.k, n: Number(r.n), sumMs: Number(r.s) }));
  }

  /**
   * The first recipients refined by lapse of time with a refinement date in [from, to) (ISO texts
   * with the Europe/Rome offset, as the engine writes them: DOMAIN.md 12), soonest first. The
   * refinement index is walked in date order and the sender checked per row, so a page costs a few
   * key lookups whatever the number due (that number comes from the daily counters).
   */
  async refinementsDue(q: { senderTaxId?: string; from: IsoInstant; to: IsoInstant; limit: number }): Promise<DueRefinement[]> {
    const b = this.dueRange(q);
    // The index's own order (refinement_date, refined_by, nid, rec_index): no sort, stops after `limit`.
    const items = await b.orderBy(['r.refinement_date', 'r.refined_by', 'r.nid', 'r.rec_index']).limit(q.limit)
      .select<{ iun: string; rec_index: number; denomination: string; tax_id: string; refinement_date: string; subject: string; sender_denomination: string }[]>(
        'n.iun', 'r.rec_index', 'r.denomination', 'r.tax_id', 'r.refinement_date', 'n.subject', 'n.sender_denomination');
    return items.map((r) => ({ iun: r.iun, recipientIndex: r.rec_index, denomination: r.denomination, taxId: r.tax_id, refinementDate: r.refinement_date, subject: r.subject, senderDenomination: r.sender_denomination }));
  }

  /**
   * How many recipients are refined by lapse of time in [from, to), as refinementsDue reads them:
   * for a part of a day (the rest of today), which the daily counters cannot tell apart.
   */
  async countRefinementsDue(q: { senderTaxId?: string; from: IsoInstant; to: IsoInstant }): Promise<number> {
    const r = await this.dueRange(q).count<{ c: number | string }[]>({ c: '*' });
    return Number(r[0]?.c ?? 0);
  }

  private dueRange(q: { senderTaxId?: string; from: IsoInstant; to: IsoInstant }): Knex.QueryBuilder {
    const b = this.db('recipients as r').join('notifications as n', 'n.nid', 'r.nid')
      .where('r.refinement_date', '>=', q.from).andWhere('r.refinement_date', '<', q.to).andWhere('r.refined_by', 'TERM');
    if (q.senderTaxId) b.andWhere('n.sender_tax_id', q.senderTaxId);
    return b;
  }

  /** The newest notifications in each of `statuses` (one index range each), newest first overall. */
  async latestInStatuses(q: { senderTaxId?: string; statuses: readonly NotificationStatus[]; fromMs?: number; toMs?: number; limit: number }): Promise<SenderRow[]> {
    const per = await Promise.all(q.statuses.map((s) => {
      const b = applyFilter(this.db, this.db('notifications as n'), { statuses: [s], ...(q.senderTaxId ? { senderTaxId: q.senderTaxId } : {}), ...(q.fromMs !== undefined ? { fromMs: q.fromMs } : {}), ...(q.toMs !== undefined ? { toMs: q.toMs } : {}) });
      return b.orderBy([{ column: 'n.sent_ms', order: 'desc' }, { column: 'n.iun', order: 'desc' }]).limit(q.limit).select<HeaderRow[]>(HEADER_COLUMNS);
    }));
    const rows = per.flat().sort((a, b) => toNumber(b.sent_ms)! - toNumber(a.sent_ms)! || (a.iun < b.iun ? 1 : -1)).slice(0, q.limit);
    return this.withRecipients(rows);
  }

  /** Senders present in the store (a skip scan of the sender index: one probe per sender). */
  async senders(): Promise<{ taxId: string; denomination: string }[]> {
    const ids = await this.distinct('sender_tax_id');
    const out: { taxId: string; denomination: string }[] = [];
    for (const taxId of ids) {
      const row = await this.db('notifications').where('sender_tax_id', taxId).first<{ sender_denomination: string } | undefined>('sender_denomination');
      out.push({ taxId, denomination: row?.sender_denomination ?? taxId });
    }
    return out.sort((a, b) => a.denomination.localeCompare(b.denomination, 'it'));
  }

  /** Groups present in the store. */
  groups(): Promise<string[]> {
    return this.distinct('group_name');
  }

  private async distinct(column: 'sender_tax_id' | 'group_name'): Promise<string[]> {
    const sql = `WITH RECURSIVE v(x) AS (
      SELECT MIN(${column}) FROM notifications WHERE ${column} IS NOT NULL
      UNION ALL SELECT (SELECT MIN(${column}) FROM notifications WHERE ${column} > v.x) FROM v WHERE v.x IS NOT NULL
    ) SELECT x FROM v WHERE x IS NOT NULL LIMIT 1000`;
    return (await rawRows<{ x: string }>(this.db, sql)).map((r) => r.x);
  }
}
