// The timeline write path (DOMAIN.md 4-8 through the core engine): elements are stored and the
// derived state of the notification and of its recipients is updated in the same transaction,
// so that a reader never sees one without the other.
import { DomainError, type DerivedNotification, type DomainWarning, type Notification, type TimelineElement, type TimelineElementInput } from '../../core/index.js';
import type { Knex } from 'knex';
import { applyElement, deriveNotification, rebuildEngineState, stateToDerived, toStoredElement, type EngineState } from '../engine.js';
import { legalFactsOf } from '../mappers/legal-facts.js';
import { deferIndexes, shouldDeferIndexes } from './deferred-indexes.js';
import { LegalFactsRepo } from './legal-facts-repo.js';
import { NotificationRowsBuilder, NotificationsRepo, type NotificationWrite } from './notifications-repo.js';
import { inTransaction, isPg, type Db } from './sql.js';
import { elementKey, TimelineRepo } from './timeline-repo.js';

export interface AppendResult {
  /** elementIds stored by this call. */
  inserted: string[];
  /** elementIds already stored (idempotent no-ops). */
  duplicates: string[];
  /** Inputs refused by the engine's validation (not stored), with their position in `inputs`. */
  rejected: { index: number; error: DomainWarning }[];
  /** The derived state after the call. */
  derived: DerivedNotification;
  /** How the derived state was brought up to date. */
  mode: 'unchanged' | 'incremental' | 'rebuilt';
}

export interface NotificationImport {
  notification: Notification;
  elements?: readonly TimelineElementInput[];
}

export interface ImportOptions {
  /** Store each notification's EngineState (default false: rebuilt on its first append). */
  keepEngineState?: boolean;
  /**
   * Called once, when the first statements are sent, also for no items (the database works on its own thread then):
   * the caller may meanwhile prepare what comes next (sync/pull.ts reads the next page).
   */
  onWriting?: () => void;
  /** Notifications written per step of a large batch (default OVERLAP_SLICE; tests use small ones). */
  sliceSize?: number;
}

/** importStream's options. */
export interface StreamImportOptions extends ImportOptions {
  onBatch?: (inserted: number) => void;
  /**
   * About how many notifications the stream brings: a large import into a store no larger than
   * it defers the secondary indexes and builds them once at the end (deferred-indexes.ts; SQLite).
   */
  expectedCount?: number;
  /** Forces deferring the indexes (true) or keeping them (false) whatever expectedCount says. */
  deferIndexes?: boolean;
  /** Called when the deferred indexes start being built (a pause of seconds at 1M: progress can say so). */
  onBuildingIndexes?: () => void;
}

export interface ImportResult {
  /** IUNs stored by this call (the others were already there and were left untouched). */
  inserted: string[];
  /** Elements refused by the engine's validation, per IUN. */
  rejected: { iun: string; errors: DomainWarning[] }[];
}

/** Stored form of the valid inputs, first of each elementId kept; the invalid ones reported. */
function storedForm(iun: string, recipientCount: number, inputs: readonly unknown[]) {
  const elements: TimelineElement[] = [];
  const rejected: { index: number; error: DomainWarning }[] = [];
  const seen = new Set<string>();
  inputs.forEach((input, index) => {
    const errors: DomainWarning[] = [];
    const e = toStoredElement(input, { iun, recipientCount }, errors);
    if (e === undefined) rejected.push({ index, error: errors[0] ?? { code: 'INVALID_ELEMENT' } });
    else if (!seen.has(e.elementId)) {
      seen.add(e.elementId);
      elements.push(e);
    }
  });
  return { elements, rejected };
}

/** Derives notifications with the engine (CPU only); refused elements are added to `rejected`. */
function deriveWrites(items: readonly NotificationImport[], opts: ImportOptions, rejected: ImportResult['rejected']): NotificationWrite[] {
  return items.map(({ notification: n, elements: inputs = [] }) => {
    const stored = storedForm(n.iun, n.recipients.length, inputs);
    if (stored.rejected.length > 0) rejected.push({ iun: n.iun, errors: stored.rejected.map((r) => r.error) });
    const engineNotification = { iun: n.iun, sentAt: n.sentAt, recipientCount: n.recipients.length };
    if (!opts.keepEngineState) {
      return { notification: n, elements: stored.elements, derived: deriveNotification(engineNotification, stored.elements).result };
    }
    const { state } = rebuildEngineState(engineNotification, stored.elements);
    return { notification: n, elements: stored.elements, derived: stateToDerived(state), engineState: state };
  });
}

/**
 * Derives every notification of a batch and builds its insert statements (CPU only, no I/O), slice
 * by slice with a turn of the event loop between slices. node-sqlite3 needs the JS thread to start
 * each statement (and its prepare step) of the batch being written; a batch prepared in one
 * synchronous block left SQLite's thread idle meanwhile: measured at 100k, 301 CPU-µs a
 * notification for 296 µs of wall time, i.e. no overlap at all between the engine and the database.
 */
const IMPORT_SLICE = 25;

/**
 * Notifications of one importNotifications batch written per step, the next step being derived
 * meanwhile. Measured on the sync bench (pages of 5,000 notifications of ~15 elements, 50k):
 * 2,436-2,471/s in one step, 2,723-2,850 in steps of 1,000, 2,824-3,213 in steps of 2,500.
 */
const OVERLAP_SLICE = 2500;

async function prepareImportInSlices(pg: boolean, items: readonly NotificationImport[], opts: ImportOptions) {
  const rejected: ImportResult['rejected'] = [];
  const rows = new NotificationRowsBuilder(pg);
  for (let start = 0; start < items.length; start += IMPORT_SLICE) {
    rows.add(deriveWrites(items.slice(start, start + IMPORT_SLICE), opts, rejected));
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return { writes: rows.build(), rejected };
}

/**
 * SQLite settings for the length of a bulk import, restored after it (connection-level only,
 * durability unchanged): a 512 MB page cache (a large store's b-tree pages that random IUN keys
 * touch stay in memory; lowering it afterwards gives the memory back), and WAL checkpoints every
 * ~200 MB instead of ~4 MB,
 * so that pages dirtied by every batch (b-tree inner pages) are copied to the database once per
 * few batches rather than at every commit. Measured: -20% CPU and -25% bytes written at 40k.
 */
export async function useBulkPragmas(db: Db): Promise<() => Promise<void>> {
  const read = async (pragma: string) => Object.values(((await db.raw(`PRAGMA ${pragma}`)) as Record<string, number>[])[0] ?? {})[0];
  const cache = Number(await read('cache_size'));
  const checkpoint = Number(await read('wal_autocheckpoint'));
  await db.raw('PRAGMA cache_size = -524288');
  await db.raw('PRAGMA wal_autocheckpoint = 50000');
  return async () => {
    await db.raw(`PRAGMA cache_size = ${Math.trunc(cache)}`);
    await db.raw(`PRAGMA wal_autocheckpoint = ${Math.trunc(checkpoint)}`);
  };
}

export class TimelineWriter {
  private readonly notifications: NotificationsRepo;
  private readonly elements: TimelineRepo;
  private readonly legalFacts: LegalFactsRepo;

  constructor(private readonly db: Db) {
    this.notifications = new NotificationsRepo(db);
    this.elements = new TimelineRepo(db);
    this.legalFacts = new LegalFactsRepo(db);
  }

  /**
   * Appends elements to a notification's timeline in one transaction: stores the new ones (an
   * elementId already stored is a no-op), applies them to the stored EngineState with the core's
   * incremental apply (a full rebuild from the stored timeline when the engine asks for one or no
   * state is stored yet), writes the derived notification, recipients and legal facts.
   * Throws NOTIFICATION_NOT_FOUND for an unknown IUN.
   */
  async appendElements(iun: string, inputs: readonly TimelineElementInput[]): Promise<AppendResult> {
    const [result] = await this.appendMany([{ iun, inputs }]);
    return result!;
  }

  /**
   * appendElements for many notifications in one transaction, with a few statements for all of
   * them (a sync page names thousands of stored notifications; one appendElements each cost ~10
   * round trips a notification): the heads are read and locked, the elements inserted, the stored
   * timelines of the notifications to rebuild read, and the derived columns, engine states and
   * legal facts written, each in one statement per chunk. Same result as appendElements called
   * for each in turn; results in the order of `batch`. IUNs must be distinct. Throws
   * NOTIFICATION_NOT_FOUND for the first unknown IUN (nothing of the batch is written then).
   */
  async appendMany(batch: readonly { iun: string; inputs: readonly TimelineElementInput[] }[]): Promise<AppendResult[]> {
    if (new Set(batch.map((b) => b.iun)).size !== batch.length) throw new Error('appendMany: an IUN appears twice in the batch');
    return inTransaction(this.db, async (trx) => {
      const w = new TimelineWriter(trx);
      const heads = await w.notifications.lockManyForTimeline(batch.map((b) => b.iun));
      const work = batch.map(({ iun, inputs }) => {
        const head = heads.get(iun);
        if (!head) throw new DomainError('NOTIFICATION_NOT_FOUND', { iun });
        return { iun, head, ...storedForm(iun, head.recipientCount, inputs) };
      });
      // An element the stored engine state has applied is stored (the state is derived from the
      // stored elements only): not sent again. SEND sends a timeline whole each time it changes.
      const toInsert = work.map(({ head, elements }) => {
        const applied = head.engineState ? new Set(head.engineState.appliedIds) : undefined;
        return { nid: head.nid, elements: applied ? elements.filter((e) => !applied.has(e.elementId)) : elements };
      });
      const inserted = await w.elements.insertKeyed(toInsert.filter((x) => x.elements.length > 0));
      const steps = work.map(({ iun, head, elements, rejected }) => {
        const fresh: TimelineElement[] = [];
        const duplicates: string[] = [];
        for (const e of elements) {
          if (inserted.has(elementKey(head.nid, e.elementId))) fresh.push(e);
          else duplicates.push(e.elementId);
        }
        let state: EngineState | undefined = head.engineState;
        const unchanged = fresh.length === 0 && state !== undefined;
        for (const e of fresh) {
          if (state === undefined) break;
          const r = applyElement(state, e);
          state = r.outcome === 'needs-rederive' ? undefined : r.state;
        }
        return { iun, head, fresh, duplicates, rejected, unchanged, state };
      });
      const stored = await w.elements.listByNids(steps.filter((x) => x.state === undefined).map((x) => x.head.nid));
      const writes: { nid: number; iun: string; derived: DerivedNotification; engineState: EngineState }[] = [];
      const results = steps.map((x): AppendResult => {
        const base = { duplicates: x.duplicates, rejected: x.rejected };
        if (x.unchanged) return { ...base, inserted: [], derived: stateToDerived(x.state!), mode: 'unchanged' };
        const mode = x.state === undefined ? ('rebuilt' as const) : ('incremental' as const);
        const engineNotification = { iun: x.iun, sentAt: x.head.sentAt, recipientCount: x.head.recipientCount };
        const state = x.state ?? rebuildEngineState(engineNotification, stored.get(x.head.nid) ?? []).state;
        const derived = stateToDerived(state);
        writes.push({ nid: x.head.nid, iun: x.iun, derived, engineState: state });
        return { ...base, inserted: x.fresh.map((e) => e.elementId), derived, mode };
      });
      await w.notifications.writeDerivedMany(writes);
      await w.legalFacts.syncMany(writes.map((x) => ({ nid: x.nid, facts: legalFactsOf(x.derived) })));
      return results;
    });
  }

  /**
   * Imports whole notifications with their timelines (sync, seed, bulk load), derived with the
   * engine, in one transaction. IUNs already stored are skipped. `keepEngineState` stores the
   * EngineState too (the next append is then incremental; without it, the first append rebuilds).
   * A large batch is written slice by slice inside that transaction, each slice's statements
   * running while the next slice is derived (the engine's work overlaps the database's).
   */
  async importNotifications(items: readonly NotificationImport[], opts: ImportOptions = {}): Promise<ImportResult> {
    const pg = isPg(this.db);
    const slice = Math.max(1, opts.sliceSize ?? OVERLAP_SLICE);
    const prepare = (from: number) => prepareImportInSlices(pg, items.slice(from, from + slice), opts);
    let next = prepare(0);
    // Awaited first thing in the transaction; dropped unread when the transaction cannot begin.
    next.catch(() => undefined);
    return inTransaction(this.db, async (trx) => {
      const notifications = new NotificationsRepo(trx);
      const result: ImportResult = { inserted: [], rejected: [] };
      // At least one step, so that onWriting is called once even for no items.
      let from = 0;
      do {
        const prepared = await next;
        result.rejected.push(...prepared.rejected);
        if (from === 0) opts.onWriting?.();
        const writing = notifications.insertPrepared(prepared.writes);
        from += slice;
        if (from < items.length) {
          next = prepare(from);
          // Awaited at the next turn; dropped unread when this slice's write fails.
          next.catch(() => undefined);
        }
        result.inserted.push(...(await writing));
      } while (from < items.length);
      return result;
    });
  }

  /**
   * Bulk import of many batches, one transaction each. The next batch is derived and its
   * statements built while the previous one is being written (SQLite works on its own thread),
   * so that engine and database overlap. `onBatch` reports progress. A large import on SQLite
   * (`expectedCount`) builds the secondary indexes once at the end (deferred-indexes.ts).
   */
  async importStream(
    batches: Iterable<readonly NotificationImport[]> | AsyncIterable<readonly NotificationImport[]>,
    opts: StreamImportOptions = {},
  ): Promise<{ inserted: number; rejected: ImportResult['rejected'] }> {
    const pg = isPg(this.db);
    const rejected: ImportResult['rejected'] = [];
    let inserted = 0;
    let writing: Promise<string[]> | undefined;
    const settle = async () => {
      if (!writing) return;
      const done = (await writing).length;
      inserted += done;
      opts.onBatch?.(done);
    };
    const restore = pg ? undefined : await useBulkPragmas(this.db);
    const own = !(this.db as Knex.Transaction).isTransaction ? (this.db as Knex) : undefined;
    const defer = own && !pg && (opts.deferIndexes ?? (await shouldDeferIndexes(own, opts.expectedCount)));
    try {
      const buildIndexes = defer ? await deferIndexes(own) : undefined;
      try {
        for await (const batch of batches) {
          const prepared = await prepareImportInSlices(pg, batch, opts);
          rejected.push(...prepared.rejected);
          await settle();
          writing = this.notifications.insertPrepared(prepared.writes);
        }
        await settle();
      } finally {
        // Also after a failed batch: the batches before it are stored and must be found.
        if (buildIndexes) {
          await writing?.catch(() => undefined);
          opts.onBuildingIndexes?.();
          await buildIndexes();
        }
      }
    } finally {
      await restore?.();
    }
    return { inserted, rejected };
  }

  /** The stored elements of a notification (unordered: the core orders them, DOMAIN.md 4.1). */
  listByIun(iun: string): Promise<TimelineElement[]> {
    return this.elements.listByIun(iun);
  }
}
