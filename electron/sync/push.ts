// One push round: deliver due outbox items through the adapter; done -> mark done, transient
// failure -> retry later with backoff, permanent failure or too many attempts -> park for a human.
// Delivery is at least once; the idempotency key makes the peer apply it exactly once.
// A known kind the adapter does not carry (capabilities().push) is local-only: marked done with a
// note, never sent, never retried; a kind unknown to this version is parked (docs/decisions/sync.md).
// An item naming a notification created here goes out under SEND's IUN (links.ts).
import { retryDelayMs, type RetryPolicy } from './backoff.js';
import { describeFailure, failureText, type FailureInfo } from './errors.js';
import { payloadIun, toPeerItem } from './links.js';
import { isOutboxKind, type NowMs, type OutboxItem, type PushResult, type Random, type SyncAdapter, type SyncStore } from './types.js';

export interface PushContext {
  adapter: SyncAdapter;
  store: SyncStore;
  now: NowMs;
  random: Random;
  policy: RetryPolicy;
  batch: number;
  maxItems: number;
  signal?: AbortSignal;
}

export interface PushReport {
  done: number;
  duplicates: number;
  retried: number;
  parked: number;
  /** Items marked done without sending: the adapter does not carry their kind. */
  localOnly: number;
  /** Set when the round stopped early because the peer could not be reached. */
  blockedUntilMs?: number;
  lastFailure?: FailureInfo;
}

/** Failures that say "the peer, not this item": stop the round so the other items keep their attempts. */
const TRANSPORT = new Set([
  'SYNC_PEER_UNREACHABLE', 'SYNC_PEER_TIMEOUT', 'SYNC_PEER_UNAVAILABLE', 'SYNC_PEER_RATE_LIMITED',
  'SYNC_PEER_AUTH_FAILED', 'SYNC_BUNDLE_DIR_UNAVAILABLE', 'SYNC_STOPPED',
]);

const iso = (ms: number) => new Date(ms).toISOString();

async function settle(ctx: PushContext, item: OutboxItem, outcome: PushResult | FailureInfo, report: PushReport): Promise<boolean> {
  const nowMs = ctx.now();
  if ('status' in outcome) {
    // The link first: should the process stop before markDone, the retry meets SEND's 409 and links again.
    if (outcome.link && ctx.store.links) await ctx.store.links.recordPushed(item, outcome.link);
    await ctx.store.markDone(item.id, iso(nowMs));
    report.done += 1;
    if (outcome.status === 'duplicate') report.duplicates += 1;
    return true;
  }
  report.lastFailure = outcome;
  const attempts = item.attempts + 1;
  if (!outcome.transient || attempts >= ctx.policy.maxAttempts) {
    await ctx.store.park(item.id, failureText({ ...outcome, params: { ...outcome.params, attempts } }), iso(nowMs));
    report.parked += 1;
    return true;
  }
  const nextAttemptMs = nowMs + retryDelayMs(attempts, ctx.policy, ctx.random, outcome.retryAfterMs);
  await ctx.store.scheduleRetry(item.id, { error: failureText(outcome), nextAttemptMs });
  report.retried += 1;
  if (TRANSPORT.has(outcome.code)) {
    report.blockedUntilMs = nextAttemptMs;
    return false;
  }
  return true;
}

async function deliver(ctx: PushContext, items: OutboxItem[]): Promise<(PushResult | FailureInfo)[]> {
  const options = ctx.signal ? { signal: ctx.signal } : {};
  if (ctx.adapter.pushMany && items.length > 1) {
    try {
      return await ctx.adapter.pushMany(items, options);
    } catch (e) {
      const info = describeFailure(e);
      return items.map(() => info);
    }
  }
  const out: (PushResult | FailureInfo)[] = [];
  for (const item of items) {
    try {
      out.push(await ctx.adapter.push(item, options));
    } catch (e) {
      out.push(describeFailure(e));
      // Stop at the first transport failure: the rest would fail the same way.
      if (TRANSPORT.has(describeFailure(e).code)) break;
    }
  }
  return out;
}

/**
 * Settles, without the adapter, the items it will not deliver: a kind unknown to this version is
 * parked at once; a known kind the adapter does not carry is marked done with a SYNC_LOCAL_ONLY note.
 * Returns the items to deliver.
 */
async function settleUndeliverable(ctx: PushContext, items: OutboxItem[], report: PushReport): Promise<OutboxItem[]> {
  const carried = new Set<string>(ctx.adapter.capabilities().push);
  const out: OutboxItem[] = [];
  for (const item of items) {
    const at = iso(ctx.now());
    const kind = String(item.kind);
    if (!isOutboxKind(kind)) {
      await ctx.store.park(item.id, failureText({ code: 'SYNC_OUTBOX_KIND_UNKNOWN', params: { kind: kind.slice(0, 60) }, transient: false }), at);
      report.parked += 1;
    } else if (!carried.has(kind)) {
      const note = failureText({ code: 'SYNC_LOCAL_ONLY', params: { adapter: ctx.adapter.name, kind }, transient: false });
      if (ctx.store.markLocalOnly) await ctx.store.markLocalOnly(item.id, note, at);
      else await ctx.store.markDone(item.id, at);
      report.localOnly += 1;
    } else {
      out.push(item);
    }
  }
  return out;
}

/** The items as the peer knows them (SEND's IUN for notifications created here). */
async function toPeer(ctx: PushContext, items: OutboxItem[]): Promise<OutboxItem[]> {
  const iuns = [...new Set(items.map(payloadIun).filter((i): i is string => i !== undefined))];
  if (!ctx.store.links || iuns.length === 0) return items;
  const peerOf = await ctx.store.links.peerIunsOf(iuns);
  return peerOf.size === 0 ? items : items.map((i) => toPeerItem(i, peerOf));
}

/** Pushes due items until none is due, the peer is unreachable, or `maxItems` were handled. */
export async function pushDueItems(ctx: PushContext): Promise<PushReport> {
  const report: PushReport = { done: 0, duplicates: 0, retried: 0, parked: 0, localOnly: 0 };
  let handled = 0;
  while (handled < ctx.maxItems && !ctx.signal?.aborted) {
    const claimed = await ctx.store.claimDue(ctx.now(), Math.min(ctx.batch, ctx.maxItems - handled));
    if (claimed.length === 0) break;
    const items = await settleUndeliverable(ctx, claimed, report);
    handled += claimed.length - items.length;
    if (items.length === 0) continue;
    const outcomes = await deliver(ctx, await toPeer(ctx, items));
    for (let i = 0; i < outcomes.length; i++) {
      handled += 1;
      const keepGoing = await settle(ctx, items[i]!, outcomes[i]!, report);
      if (!keepGoing) return report;
    }
    if (outcomes.length < items.length) return report;
  }
  return report;
}
