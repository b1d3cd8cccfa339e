// One pull: read pages after the stored cursor and apply each page together with its cursor in
// one transaction, so the cursor never moves past data that was not stored. A page that fails
// (peer error, garbage, bad identifier) is not applied and the cursor stays where it was.
// Data about SEND's IUN of a notification created here goes to the local notification (links.ts).
import type { Logger } from '../logger.js';
import { SyncError } from './errors.js';
import { checkIncomingPage, logIncomingWarnings } from './incoming.js';
import { iunsOfPage, toLocalPage } from './links.js';
import type { PullProgress } from './status.js';
import type { ApplyResult, NowMs, PullPage, RequestLink, SyncAdapter, SyncStore } from './types.js';

export interface PullContext {
  adapter: SyncAdapter;
  store: SyncStore;
  now: NowMs;
  pageSize: number;
  maxPages: number;
  logger?: Logger;
  signal?: AbortSignal;
  onProgress?: (p: PullProgress) => void;
  /** Called after each page is stored (its transaction committed), with what it stored. */
  onApplied?: (applied: ApplyResult) => void;
  /**
   * Called when SEND's answer about requests sent earlier changed some (their IUN or status: a
   * refusal appended to the local notification), outside any page.
   */
  onRequestsChanged?: (count: number) => void;
}

export interface PullReport {
  pages: number;
  notificationsInserted: number;
  elementsInserted: number;
  elementsRejected: number;
  /** The peer asked to wait this long before the next pull. */
  retryAfterMs?: number;
  /** More pages are waiting (maxPages reached): pull again soon. */
  hasMore: boolean;
}

/** Requests whose IUN is asked per pull (and again before fetching unknown notifications). */
const RESOLVE_BATCH = 20;

/** Asks the peer for SEND's IUN of requests sent earlier and records what it knows. */
async function resolveRequests(ctx: PullContext): Promise<void> {
  const links = ctx.store.links;
  if (!links || !ctx.adapter.resolveRequests) return;
  const ids = await links.awaitingIun(RESOLVE_BATCH);
  if (ids.length === 0) return;
  const found = await ctx.adapter.resolveRequests(ids, ctx.signal);
  await recordLinks(ctx, found);
}

async function recordLinks(ctx: PullContext, found: readonly RequestLink[]): Promise<void> {
  if (found.length === 0 || !ctx.store.links) return;
  const changed = await ctx.store.links.record(found);
  if (changed > 0) ctx.onRequestsChanged?.(changed);
}

/** Records the page's request links, then moves data about SEND's IUNs to the local notifications. */
async function localise(ctx: PullContext, page: PullPage): Promise<PullPage> {
  const links = ctx.store.links;
  if (!links) return page;
  await recordLinks(ctx, page.links ?? []);
  return toLocalPage(page, await links.localIunsOf(iunsOfPage(page)));
}

/** IUNs the page's elements name that neither its headers nor the store have. */
async function missingIuns(ctx: PullContext, page: PullPage): Promise<string[]> {
  const inPage = new Set(page.notifications.map((n) => n.notification.iun));
  const mentioned = [...new Set(page.elements.map((e) => e.iun))].filter((iun) => !inPage.has(iun));
  if (mentioned.length === 0) return [];
  const known = await ctx.store.knownIuns(mentioned);
  return mentioned.filter((iun) => !known.has(iun));
}

/** Adds the headers of notifications the page mentions but neither it nor the store has. */
async function completePage(ctx: PullContext, raw: PullPage): Promise<PullPage> {
  let page = await localise(ctx, raw);
  let missing = await missingIuns(ctx, page);
  if (missing.length > 0 && ctx.store.links && ctx.adapter.resolveRequests) {
    // An unknown IUN may be one of our requests accepted since the last look: ask before fetching
    // SEND's copy, which would otherwise be stored as a second notification.
    await resolveRequests(ctx);
    page = await localise(ctx, raw);
    missing = await missingIuns(ctx, page);
  }
  if (missing.length === 0) return page;
  if (!ctx.adapter.fetchNotifications) throw new SyncError('SYNC_UNKNOWN_NOTIFICATION', { iun: missing[0]! });
  const fetched = await ctx.adapter.fetchNotifications(missing, ctx.signal);
  const got = new Set(fetched.notifications.map((n) => n.notification.iun));
  const still = missing.find((iun) => !got.has(iun));
  if (still !== undefined) throw new SyncError('SYNC_UNKNOWN_NOTIFICATION', { iun: still });
  return { ...page, notifications: [...page.notifications, ...fetched.notifications], elements: [...fetched.elements, ...page.elements] };
}

/** Pulls and applies pages until the peer has no more (or maxPages). Throws on the first failing page. */
export async function pullPages(ctx: PullContext): Promise<PullReport> {
  const stream = ctx.adapter.stream;
  let cursor = await ctx.store.getCursor(stream);
  const report: PullReport = { pages: 0, notificationsInserted: 0, elementsInserted: 0, elementsRejected: 0, hasMore: false };
  const progress: PullProgress = { stream, pages: 0, notifications: 0, elements: 0 };
  ctx.onProgress?.({ ...progress });
  await resolveRequests(ctx);
  const options = ctx.signal ? { limit: ctx.pageSize, signal: ctx.signal } : { limit: ctx.pageSize };
  // The next page is asked for while this one is being written (applyPage's `writing`): the peer's
  // answer (or the bundle's parsing) overlaps the database's work. A page is asked for with the
  // cursor after the previous one exactly as without the overlap; when this page fails, the page
  // fetched ahead is dropped unread (the cursor stays, the next pull asks for the same page again).
  let ahead: Promise<PullPage> | undefined;
  for (;;) {
    const raw = await (ahead ?? ctx.adapter.pull(cursor, options));
    ahead = undefined;
    const page = await completePage(ctx, raw);
    logIncomingWarnings(checkIncomingPage(page, ctx.adapter.name), ctx.adapter.name, ctx.logger);
    const fetchAhead = page.hasMore && report.pages + 1 < ctx.maxPages;
    const writing = () => {
      if (!fetchAhead || ctx.signal?.aborted) return;
      ahead = ctx.adapter.pull(page.cursor, options);
      // Awaited at the next turn; until then a failure must not count as unhandled.
      ahead.catch(() => undefined);
    };
    const applied = await ctx.store.applyPage(stream, page, new Date(ctx.now()).toISOString(), { writing });
    cursor = page.cursor;
    ctx.onApplied?.(applied);
    report.pages += 1;
    report.notificationsInserted += applied.notificationsInserted;
    report.elementsInserted += applied.elementsInserted;
    report.elementsRejected += applied.elementsRejected;
    progress.pages = report.pages;
    progress.notifications += page.notifications.length;
    progress.elements += page.elements.length;
    if (page.progress) {
      progress.done = page.progress.done;
      if (page.progress.total !== undefined) progress.total = page.progress.total;
    }
    ctx.onProgress?.({ ...progress });
    if (page.retryAfterMs !== undefined) report.retryAfterMs = page.retryAfterMs;
    else delete report.retryAfterMs;
    if (!page.hasMore) return report;
    if (report.pages >= ctx.maxPages || ctx.signal?.aborted) {
      report.hasMore = true;
      return report;
    }
  }
}
