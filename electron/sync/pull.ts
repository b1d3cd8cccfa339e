// One pull: read pages after the stored cursor and apply each page together with its cursor in
// one transaction, so the cursor never moves past data that was not stored. A page that fails
// (peer error, garbage, bad identifier) is not applied and the cursor stays where it was.
import type { Logger } from '../logger.js';
import { SyncError } from './errors.js';
import { checkIncomingPage, logIncomingWarnings } from './incoming.js';
import type { PullProgress } from './status.js';
import type { NowMs, PullPage, SyncAdapter, SyncStore } from './types.js';

export interface PullContext {
  adapter: SyncAdapter;
  store: SyncStore;
  now: NowMs;
  pageSize: number;
  maxPages: number;
  logger?: Logger;
  signal?: AbortSignal;
  onProgress?: (p: PullProgress) => void;
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

/** Adds the headers of notifications the page mentions but neither it nor the store has. */
async function completePage(ctx: PullContext, page: PullPage): Promise<PullPage> {
  const inPage = new Set(page.notifications.map((n) => n.notification.iun));
  const mentioned = [...new Set(page.elements.map((e) => e.iun))].filter((iun) => !inPage.has(iun));
  if (mentioned.length === 0) return page;
  const known = await ctx.store.knownIuns(mentioned);
  const missing = mentioned.filter((iun) => !known.has(iun));
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
  for (;;) {
    const options = ctx.signal ? { limit: ctx.pageSize, signal: ctx.signal } : { limit: ctx.pageSize };
    const raw = await ctx.adapter.pull(cursor, options);
    const page = await completePage(ctx, raw);
    logIncomingWarnings(checkIncomingPage(page, ctx.adapter.name), ctx.adapter.name, ctx.logger);
    const applied = await ctx.store.applyPage(stream, page, new Date(ctx.now()).toISOString());
    cursor = page.cursor;
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
