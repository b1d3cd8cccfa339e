// The sender office's data: dashboard, list (its filter mirrors the route query, so a view can be
// bookmarked), detail, new notification, CSV export. Views call this store; it calls the API.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type {
  DashboardView,
  InputOf,
  SenderDetailView,
  SenderFiltersView,
  SenderListView,
} from '../../electron/api/contract/index.js';
import type { NotificationStatus } from '../../core/index.js';
import { call } from '../api/client.js';
import { shownError } from '../api/host-text.js';
import { newestWins, STALE } from '../composables/newest-wins.js';
import { useBusyAction } from '../composables/use-busy-action.js';

export type Period = '30d' | '3m' | '6m' | '12m' | 'custom';
export type SortField = 'sentAt' | 'status';

/** The list's state as it lives in the URL query (all strings, empty = not set). */
export interface ListQuery {
  from: string;
  to: string;
  status: NotificationStatus[];
  cf: string;
  iun: string;
  protocol: string;
  group: string;
  sender: string;
  page: number;
  sort: SortField;
  dir: 'asc' | 'desc';
}

export const PAGE_SIZE = 50;

export function emptyListQuery(): ListQuery {
  return { from: '', to: '', status: [], cf: '', iun: '', protocol: '', group: '', sender: '', page: 1, sort: 'sentAt', dir: 'desc' };
}

const one = (v: unknown): string => (Array.isArray(v) ? String(v[0] ?? '') : typeof v === 'string' ? v : '');

/** The list state from a route query (unknown values dropped). */
export function listQueryFrom(q: Record<string, unknown>): ListQuery {
  const base = emptyListQuery();
  const sorts: SortField[] = ['sentAt', 'status'];
  const page = Number(one(q.page));
  return {
    from: /^\d{4}-\d{2}-\d{2}$/.test(one(q.from)) ? one(q.from) : '',
    to: /^\d{4}-\d{2}-\d{2}$/.test(one(q.to)) ? one(q.to) : '',
    status: one(q.status).split(',').filter((s) => /^[A-Z_]+$/.test(s)) as NotificationStatus[],
    cf: one(q.cf),
    iun: one(q.iun),
    protocol: one(q.protocol),
    group: one(q.group),
    sender: one(q.sender),
    page: Number.isInteger(page) && page > 0 ? page : 1,
    sort: sorts.includes(one(q.sort) as SortField) ? (one(q.sort) as SortField) : base.sort,
    dir: one(q.dir) === 'asc' ? 'asc' : 'desc',
  };
}

/** The route query of a list state (defaults left out, so URLs stay short). */
export function routeQueryOf(s: ListQuery): Record<string, string> {
  const q: Record<string, string> = {};
  if (s.from) q.from = s.from;
  if (s.to) q.to = s.to;
  if (s.status.length) q.status = s.status.join(',');
  for (const k of ['cf', 'iun', 'protocol', 'group', 'sender'] as const) if (s[k].trim()) q[k] = s[k].trim();
  if (s.page > 1) q.page = String(s.page);
  if (s.sort !== 'sentAt') q.sort = s.sort;
  if (s.dir !== 'desc') q.dir = s.dir;
  return q;
}

/** The API filter of a list state. */
export function apiFilterOf(s: ListQuery): InputOf<'sender.list'>['filter'] {
  return {
    ...(s.from ? { from: s.from } : {}),
    ...(s.to ? { to: s.to } : {}),
    ...(s.status.length ? { statuses: s.status } : {}),
    ...(s.cf.trim() ? { recipientTaxId: s.cf.trim() } : {}),
    ...(s.iun.trim() ? { iun: s.iun.trim() } : {}),
    ...(s.protocol.trim() ? { protocol: s.protocol.trim() } : {}),
    ...(s.group.trim() ? { group: s.group.trim() } : {}),
    ...(s.sender ? { senderTaxId: s.sender } : {}),
  };
}

export interface UiError {
  code: string;
  message: string;
  fields: Record<string, string>;
}

/** The error kept for the screen: its texts follow the UI language (shownError). */
export function toUiError(e: unknown): UiError {
  return shownError(e);
}

export const useSenderStore = defineStore('sender', () => {
  const filters = ref<SenderFiltersView | null>(null);
  const dashboard = ref<DashboardView | null>(null);
  const list = ref<SenderListView | null>(null);
  const detail = ref<SenderDetailView | null>(null);
  const { busy: loading, error, run } = useBusyAction<UiError>(toUiError);
  // Filters changed, or another notification opened, before the previous answer: the last asked wins.
  const dashboards = newestWins();
  const lists = newestWins();
  const details = newestWins();

  async function loadFilters(): Promise<void> {
    if (!filters.value) filters.value = (await run(() => call('sender.filters', {}))) ?? null;
  }

  // What the dashboard and the list were last asked for: a quiet re-read asks for it again.
  let dashboardAsked: InputOf<'sender.dashboard'> | undefined;
  let listAsked: ListQuery | undefined;
  const listInput = (q: ListQuery): InputOf<'sender.list'> => ({ filter: apiFilterOf(q), offset: (q.page - 1) * PAGE_SIZE, limit: PAGE_SIZE, sort: q.sort, direction: q.dir });

  async function loadDashboard(input: InputOf<'sender.dashboard'>): Promise<void> {
    dashboardAsked = input;
    const answer = await run(() => dashboards.run(() => call('sender.dashboard', input)));
    if (answer !== STALE) dashboard.value = answer ?? dashboard.value;
  }

  async function loadList(q: ListQuery): Promise<void> {
    listAsked = q;
    const page = await run(() => lists.run(() => call('sender.list', listInput(q))));
    if (page !== STALE) list.value = page ?? null;
  }

  /**
   * The dashboard and the list read again as last asked, quietly (no spinner, no error shown): after
   * sync stored something, or the window came back. A request the clerk makes meanwhile wins; a
   * failure throws to the caller.
   */
  async function refreshDashboard(): Promise<void> {
    if (!dashboardAsked || !dashboard.value) return;
    const answer = await dashboards.run(() => call('sender.dashboard', dashboardAsked!));
    if (answer !== STALE) dashboard.value = answer;
  }
  async function refreshList(): Promise<void> {
    if (!listAsked || !list.value) return;
    const page = await lists.run(() => call('sender.list', listInput(listAsked!)));
    if (page !== STALE) list.value = page;
  }

  async function loadDetail(iun: string): Promise<void> {
    detail.value = null;
    const answer = await run(() => details.run(() => call('sender.detail', { iun })));
    if (answer !== STALE) detail.value = answer ?? null;
  }

  /**
   * Reads the shown notification again without clearing it first (no spinner, no error shown: a
   * re-read nobody asked for, after sync stored something or the window came back). Does nothing
   * while another notification is shown or being opened; a failure throws to the caller.
   */
  async function refreshDetail(iun: string): Promise<void> {
    if (detail.value?.iun !== iun) return;
    const answer = await details.run(() => call('sender.detail', { iun }));
    if (answer !== STALE && detail.value?.iun === iun) detail.value = answer;
  }

  async function cancel(iun: string): Promise<boolean> {
    const done = await run(() => call('sender.cancel', { iun }));
    if (done) await loadDetail(iun);
    return done !== undefined;
  }

  return { filters, dashboard, list, detail, loading, error, loadFilters, loadDashboard, loadList, loadDetail, refreshDashboard, refreshList, refreshDetail, cancel };
});
