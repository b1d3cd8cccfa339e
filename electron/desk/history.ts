// The desk's log (DOMAIN.md 10.1 "History"): search by IUN, operationId or recipient tax id with
// a date range (the core validates: no future dates, "to" = end of that Rome day), filtered by
// ACT/AOR and state; the operations still open; the day summary a desk manager asks for.
import {
  DomainError,
  formatRomeDate,
  normalizeIunInput,
  toDomainError,
  tryParseInstant,
  validateHistoryRange,
  validateHistorySearch,
  type HistorySearchInput,
  type IsoInstant,
  type Locale,
} from '../../core/index.js';
import type { RaddTransaction } from '../../db/repositories/radd-transactions-repo.js';
import type { Store } from '../../db/store.js';
import type { DeskHistoryFilter } from '../api/contract/desk.js';
import type { DeskDailySummary, DeskHistoryItem, DeskHistoryPage } from '../api/contract/desk-views.js';
import { deskNamer, operatorName } from './context.js';
import { historyItem } from './views.js';

const PAGE = 200;
const RECENT = 50;

type HistoryStore = Pick<Store, 'raddTransactions' | 'deskRecords' | 'users' | 'settings'>;

function searchInput(f: DeskHistoryFilter): HistorySearchInput | undefined {
  if (f.iun) return { by: 'IUN', iun: normalizeIunInput(f.iun) };
  if (f.operationId) return { by: 'OPERATION_ID', operationId: f.operationId.toLowerCase() };
  if (f.taxId) return { by: 'TAX_ID', taxId: f.taxId, recipientType: f.recipientType ?? (/^\d{11}$/.test(f.taxId) ? 'PG' : 'PF'), from: f.from ?? null, to: f.to ?? null };
  return undefined;
}

/** The list's rows with the desk of each operation, read in one query for the page. */
async function withDesks(store: HistoryStore, txs: readonly RaddTransaction[], locale: Locale): Promise<DeskHistoryItem[]> {
  const desks = await store.deskRecords.deskIds(txs.map((t) => t.operationId));
  const nameDesk = await deskNamer(store);
  return txs.map((t) => historyItem(t, desks.get(t.operationId) ?? null, locale, nameDesk));
}

async function byIds(store: HistoryStore, ids: readonly string[]): Promise<RaddTransaction[]> {
  const txs = await Promise.all(ids.map((id) => store.raddTransactions.get(id)));
  return txs.filter((t): t is RaddTransaction => t !== undefined);
}

/** The Dal/Al range of any search, with the core's date rules (valid days, not in the future, not inverted). */
function dateRange(f: DeskHistoryFilter, now: IsoInstant): { from?: IsoInstant; to?: IsoInstant } {
  if (!f.from && !f.to) return {};
  const v = validateHistoryRange(f.from, f.to, now);
  if (!v.ok) throw toDomainError(v);
  return { ...(v.fromInstant ? { from: v.fromInstant } : {}), ...(v.toInstant ? { to: v.toInstant } : {}) };
}

/**
 * desk.searchHistory. The dates filter every search (on the operation date): with a key (IUN,
 * operationId, tax id) its operations in the range; with dates only, the log's operations in the
 * range; with neither, the desk's latest operations.
 */
export async function searchHistory(store: HistoryStore, f: DeskHistoryFilter, deskId: string, now: IsoInstant, locale: Locale): Promise<DeskHistoryPage> {
  const input = searchInput(f);
  const range = dateRange(f, now);
  let found: RaddTransaction[];
  if (input) {
    const v = validateHistorySearch(input, now);
    if (!v.ok) throw toDomainError(v);
    const q = v.query;
    found = await store.raddTransactions.search({
      ...(q.by === 'IUN' ? { iun: q.iun } : {}),
      ...(q.by === 'OPERATION_ID' ? (q.prefix ? { operationIdPrefix: q.operationId } : { operationId: q.operationId }) : {}),
      ...(q.by === 'TAX_ID' ? { taxId: q.taxId } : {}),
      ...range,
      limit: PAGE + 1,
    });
  } else if (range.from || range.to) {
    found = await store.raddTransactions.search({ ...range, limit: PAGE + 1 });
  } else {
    found = await byIds(store, await store.deskRecords.listRecent(deskId, RECENT));
  }
  const filtered = found.filter((t) => (!f.operationType || t.start.operationType === f.operationType) && (!f.state || t.state === f.state));
  return { items: await withDesks(store, filtered.slice(0, PAGE), locale), truncated: found.length > PAGE };
}

/** desk.listOpenTransactions: DRAFT/STARTED operations of this desk, oldest first. */
export async function listOpen(store: HistoryStore, deskId: string, locale: Locale): Promise<DeskHistoryItem[]> {
  return withDesks(store, await byIds(store, await store.deskRecords.listOpen(deskId)), locale);
}

/** The Rome calendar day as an instant range, with the core's date rules (valid, not in the future). */
function dayBounds(day: string, now: IsoInstant): { fromMs: number; toMs: number } {
  const v = validateHistoryRange(day, day, now);
  if (!v.ok) throw toDomainError(v);
  if (!v.fromInstant || !v.toInstant) throw new DomainError('HISTORY_DATE_INVALID', { field: 'day' });
  return { fromMs: tryParseInstant(v.fromInstant), toMs: tryParseInstant(v.toInstant) };
}

/** desk.dailySummary: pickups completed that day, and operations started that day that did not end well. */
export async function dailySummary(store: HistoryStore, deskId: string, day: string | undefined, now: IsoInstant): Promise<DeskDailySummary> {
  const date = day ?? formatRomeDate(tryParseInstant(now));
  const bounds = dayBounds(date, now);
  const rows = await store.deskRecords.listForPeriod(deskId, bounds.fromMs, bounds.toMs);
  const inDay = (ms: number | null) => ms !== null && ms >= bounds.fromMs && ms <= bounds.toMs;
  const completed = rows.filter((r) => r.state === 'COMPLETED' && inDay(r.completedMs));
  const startedToday = rows.filter((r) => inDay(r.startedMs));
  const operators = new Map<string, number>();
  for (const r of completed) operators.set(r.operatorId, (operators.get(r.operatorId) ?? 0) + 1);
  return {
    day: date,
    deskId,
    desk: (await deskNamer(store))(deskId),
    completed: completed.length,
    act: completed.filter((r) => r.operationType === 'ACT').length,
    aor: completed.filter((r) => r.operationType === 'AOR').length,
    byRecipient: completed.filter((r) => r.delegateTaxId === null).length,
    byDelegate: completed.filter((r) => r.delegateTaxId !== null).length,
    notifications: completed.reduce((a, r) => a + r.iuns, 0),
    documents: completed.reduce((a, r) => a + r.documents, 0),
    aborted: startedToday.filter((r) => r.state === 'ABORTED').length,
    errors: startedToday.filter((r) => r.state === 'ERROR').length,
    open: startedToday.filter((r) => r.state === 'DRAFT' || r.state === 'STARTED').length,
    byOperator: await Promise.all([...operators.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(async ([operatorId, n]) => ({ operatorId, name: await operatorName(store, operatorId), completed: n }))),
  };
}
