// Data retention of identity scans (issue #11 item 3): once a desk operation has been closed
// (COMPLETED or ABORTED, DOMAIN.md 10.1 "Transaction states") for longer than the retention
// setting, its scans, their PDF copies and its evidence zip leave the file store; the operation,
// its document checksums and every audit entry stay. Runs at host start, daily, and on demand
// (admin.purgeScans).
//
// Order of work, per page of operations: one store transaction marks the refs purged (keys
// dropped), writes the audit entries and finds which keys something else still refers to; only
// after it commits are the files deleted. A crash in between leaves orphan files on disk, never a
// ref to a missing file. A file stored again within the retention period is not deleted either
// (db/files.ts refreshes its time on a repeated put): a newer operation, or a form about to start
// one, may be using the same scan and its reference would land only after our check.
import type { ClosedOperationScans, PageCursor } from '../../db/repositories/scan-retention-repo.js';
import { keysOfRef } from '../../db/repositories/scan-retention-repo.js';
import type { StoreScope } from '../../db/store.js';
import type { HostContext } from '../api/host-context.js';
import { appendOwnAudit } from '../auth/audit-trail.js';
import { currentDeskId, getAppSettings, scanPurgeCutoff } from '../auth/desk-settings.js';

export const PURGE_OPERATION = 'retention.purgeScans';
/**
 * The outbox message that still needs the scans: the RADD start rebuilds and uploads the evidence
 * zip from them. Its dedupe key is `<kind>:<operationId>` (electron/sync/store-sync-store.ts).
 */
export const START_MESSAGE_PREFIX = 'radd.startTransaction:';
const PAGE = 500;
/** An audit entry names at most 20 ids (electron/auth/audit-trail.ts). */
const IDS_PER_ENTRY = 20;
const DAY_MS = 86_400_000;

export interface PurgeResult {
  /** Operations whose scans were marked purged. */
  operations: number;
  /** Files deleted from the file store, and their size. */
  files: number;
  bytes: number;
  /** The setting the run applied (null: scans are kept, nothing was done). */
  retentionDays: number | null;
}

/** Who runs the purge: the schedule ('system') or an administrator (admin.purgeScans). */
export interface PurgeActor {
  operatorId: string;
  roles: readonly string[];
  deskId?: string | undefined;
  /** The operation named in the audit entries. */
  operation: string;
}

/** Closed strictly before the cutoff: an operation closed exactly N days ago keeps its scans until the next run. */
export function isExpired(closedAt: string, cutoff: Date): boolean {
  const ms = Date.parse(closedAt);
  return Number.isFinite(ms) && ms < cutoff.getTime();
}

/** One entry per 20 operations purged, so that every operation is named; one empty entry for none. */
async function audit(tx: StoreScope, ctx: HostContext, actor: PurgeActor, ids: readonly string[]): Promise<void> {
  const caller = { roles: actor.roles, operatorId: actor.operatorId, deskId: actor.deskId ?? (await currentDeskId(tx)) };
  const groups: string[][] = [];
  for (let i = 0; i < ids.length; i += IDS_PER_ENTRY) groups.push(ids.slice(i, i + IDS_PER_ENTRY));
  for (const targets of groups.length > 0 ? groups : [[]]) await appendOwnAudit({ store: tx, clock: ctx.clock }, caller, actor.operation, targets);
}

function keysOf(ops: readonly ClosedOperationScans[]): string[] {
  const keys = new Set<string>();
  for (const op of ops) {
    for (const ref of op.scans) for (const k of keysOfRef(ref)) keys.add(k);
    if (op.evidenceSha256) keys.add(op.evidenceSha256);
  }
  return [...keys];
}

interface PageOutcome {
  operations: number;
  /** Keys nothing refers to any more: deleted once the transaction has committed. */
  unreferenced: string[];
  next: PageCursor | undefined;
}

/** One page in one transaction: mark the expired operations purged, audit them, find the orphan keys. */
async function purgePage(ctx: HostContext, actor: PurgeActor, cutoff: Date, days: number, now: Date, after: PageCursor | undefined): Promise<PageOutcome> {
  return ctx.store.transaction(async (tx) => {
    const page = await tx.scanRetention.listClosedWithScans({ startedBeforeMs: cutoff.getTime(), after, limit: PAGE, heldByUnsent: START_MESSAGE_PREFIX });
    const expired = page.items.filter((op) => isExpired(op.closedAt, cutoff));
    if (expired.length === 0) return { operations: 0, unreferenced: [], next: page.next };
    for (const op of expired) await tx.scanRetention.markPurged(op.operationId, op.scans, now.toISOString(), days);
    await audit(tx, ctx, actor, expired.map((op) => op.operationId));
    const keys = keysOf(expired);
    const referenced = await tx.scanRetention.referencedKeys(keys);
    return { operations: expired.length, unreferenced: keys.filter((k) => !referenced.has(k)), next: page.next };
  });
}

async function deleteFiles(ctx: HostContext, keys: readonly string[], cutoff: Date): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  for (const key of keys) {
    try {
      const stored = await ctx.store.files.modifiedMs(key);
      if (stored === undefined || stored >= cutoff.getTime()) continue;
      const removed = await ctx.store.files.remove(key);
      if (removed.removed) {
        files++;
        bytes += removed.bytes;
      }
    } catch (e) {
      // Refs are already gone: the file stays as an orphan (e.g. held open on Windows); go on with the others.
      ctx.logger.warn('scan file not deleted', { sha256: key, error: e instanceof Error ? e.message : String(e) });
    }
  }
  return { files, bytes };
}

const running = new WeakMap<object, Promise<unknown>>();

async function purgeOnce(ctx: HostContext, now: Date, actor: PurgeActor): Promise<PurgeResult> {
  const { scanRetentionDays: days } = await getAppSettings(ctx.store);
  const cutoff = scanPurgeCutoff(days, now);
  const result: PurgeResult = { operations: 0, files: 0, bytes: 0, retentionDays: days };
  let next: PageCursor | undefined;
  if (days !== null && cutoff) {
    do {
      const page = await purgePage(ctx, actor, cutoff, days, now, next);
      // After the commit: a crash here leaves orphan files, never a dangling ref.
      const freed = await deleteFiles(ctx, page.unreferenced, cutoff);
      result.operations += page.operations;
      result.files += freed.files;
      result.bytes += freed.bytes;
      next = page.next;
    } while (next);
  }
  // A run asked for by an administrator is recorded even when it found nothing to purge.
  if (result.operations === 0 && actor.operatorId !== 'system') await ctx.store.transaction((tx) => audit(tx, ctx, actor, []));
  return result;
}

/** Purges now, in the caller's turn (inPurgeTurn). */
export type PurgeInTurn = (now: Date, actor: PurgeActor) => Promise<PurgeResult>;

/**
 * Runs `work` in this store's purge turn: one run at a time per store (the schedule and the admin
 * button may meet); a second caller waits for the first. What `work` reads before purging (the
 * answer kept for a request sent again, admin.purgeScans) is read after the run before it ended.
 */
export async function inPurgeTurn<T>(ctx: HostContext, work: (purge: PurgeInTurn) => Promise<T>): Promise<T> {
  const before = running.get(ctx.store) ?? Promise.resolve();
  const run = before.catch(() => undefined).then(() => work((now, actor) => purgeOnce(ctx, now, actor)));
  running.set(ctx.store, run);
  try {
    return await run;
  } finally {
    if (running.get(ctx.store) === run) running.delete(ctx.store);
  }
}

/** Purges the scans of operations closed before `now` minus the retention setting, in its turn (inPurgeTurn). */
export async function purgeExpiredScans(ctx: HostContext, now: Date, actor: PurgeActor = { operatorId: 'system', roles: [], operation: PURGE_OPERATION }): Promise<PurgeResult> {
  return inPurgeTurn(ctx, (purge) => purge(now, actor));
}

/** At host start and then daily; failures are logged, never thrown. Returns the stop function (awaits a run in progress). */
export function scheduleScanRetention(ctx: HostContext): () => Promise<void> {
  const runNow = async (): Promise<void> => {
    try {
      const r = await purgeExpiredScans(ctx, ctx.clock.now());
      if (r.operations > 0) ctx.logger.info('scans purged (data retention)', { operations: r.operations, files: r.files, bytes: r.bytes, retentionDays: r.retentionDays });
    } catch (e) {
      ctx.logger.error('scan retention purge failed', { error: e instanceof Error ? e.message : String(e) });
    }
  };
  let current = runNow();
  const timer = setInterval(() => {
    current = runNow();
  }, DAY_MS);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await current;
  };
}
