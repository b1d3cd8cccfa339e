// Notifications with their recipients, documents, payment notices and derived state.
// The derived state is never taken from a caller: it comes from the core engine, either from the
// stored EngineState or, when there is none, from a full derivation of the stored timeline.
import type { DerivedNotification, Notification, NotificationStatus, RecipientOutcome, TimelineElement } from '../../core/index.js';
import { deriveNotification, stateToDerived, type EngineState } from '../engine.js';
import {
  derivedNotificationColumns,
  derivedRecipientColumns,
  documentsToRows,
  notificationToRow,
  paymentsToRows,
  recipientToRow,
  rowsToNotification,
  type DocumentRow,
  type NotificationRow,
  type PaymentRow,
  type RecipientRow,
} from '../mappers/notifications.js';
import { legalFactRows, LEGAL_FACT_COLUMNS } from '../mappers/legal-facts.js';
import { decodeEngineState, encodeEngineState } from '../mappers/engine-state.js';
import { timelineTuple, TIMELINE_COLUMNS, TIMELINE_JSON_COLUMNS, rowToElement, type TimelineRow } from '../mappers/timeline.js';
import { forChunks, InsertBuilder, insertRows, inTransaction, isPg, nidOf, rawRows, runInsert, tuples, updateRows, type Db, type PreparedInsert } from './sql.js';
import { NID_RANGE_SCOPE, nidSetScope, rebuildSql, scopeBindings, SQLITE_TRIGGER_NAMES } from './sender-stats-sql.js';
import { listForSender, listPendingByTaxId, type PendingItem, type SenderListPage, type SenderListQuery } from './notification-queries.js';

/** What `getByIun` returns: the notification as deposited and everything derived from its timeline. */
export interface NotificationRecord {
  notification: Notification;
  derived: DerivedNotification;
}

/** One notification as written by the import and timeline paths (db/ internal). */
export interface NotificationWrite {
  notification: Notification;
  /** The engine's result for exactly `elements`. */
  derived: DerivedNotification;
  /** Stored form of the timeline (elementIds filled in, one per id). */
  elements: readonly TimelineElement[];
  engineState?: EngineState;
}

const NOTIFICATION_COLUMNS = [
  'iun', 'sent_at', 'sent_ms', 'sender_tax_id', 'sender_denomination', 'subject', 'abstract',
  'pa_protocol_number', 'group_name', 'physical_communication_type', 'recipient_count', 'status',
  'status_at', 'viewed_at',
] as const satisfies readonly (keyof NotificationRow)[];
const RECIPIENT_COLUMNS = [
  'iun', 'rec_index', 'tax_id', 'recipient_type', 'denomination', 'digital_domicile_type',
  'digital_domicile_address', 'physical_address', 'aar_ref', 'outcome', 'viewed_at',
  'refinement_date', 'refined_by', 'term_date', 'pending',
] as const satisfies readonly (keyof RecipientRow)[];
const DOCUMENT_COLUMNS = ['iun', 'doc_index', 'title', 'content_type', 'sha256', 'ref'] as const satisfies readonly (keyof DocumentRow)[];
const PAYMENT_COLUMNS = [
  'iun', 'rec_index', 'pay_index', 'notice_code', 'creditor_tax_id', 'amount_cents', 'due_date',
] as const satisfies readonly (keyof PaymentRow)[];

/** What the timeline write path reads of a notification before appending to it (lockForTimeline). */
export interface TimelineHead {
  nid: number;
  sentAt: string;
  recipientCount: number;
  /** Undefined when the notification was imported without one and not appended to since. */
  engineState: EngineState | undefined;
}

export class NotificationsRepo {
  constructor(private readonly db: Db) {}

  /**
   * Writes notifications with everything that hangs off them, in one transaction. A notification
   * whose IUN is already stored is skipped, not overwritten. Returns the IUNs actually inserted.
   * Use `timeline.importNotifications` from outside db/: it derives `derived` with the engine.
   */
  async insertMany(items: readonly NotificationWrite[]): Promise<string[]> {
    if (items.length === 0) return [];
    return this.insertPrepared(prepareNotificationWrites(isPg(this.db), items));
  }

  /**
   * Second half of insertMany: runs statements built beforehand (bulk import pipelines them).
   * The sender dashboard's counters of the batch are added set-wise at the end of the same
   * transaction, with the row triggers switched off meanwhile (sender-stats-sql.ts).
   */
  async insertPrepared(p: PreparedNotificationWrites): Promise<string[]> {
    if (p.items.length === 0) return [];
    return inTransaction(this.db, async (trx) => {
      const pg = isPg(trx);
      const counting = await bulkCountingStart(trx, pg);
      const inserted = await runInsert<{ iun: string; nid: number | string }>(trx, p.header);
      const nids = new Map(inserted.map((r) => [r.iun, Number(r.nid)]));
      const base = pg ? undefined : consecutiveNidBase(p.items, nids);
      let stored: string[];
      if (inserted.length === p.items.length && (pg || base !== undefined)) {
        for (const child of p.children) await runInsert(trx, child, child.nidBase ? base : undefined);
        stored = p.items.map((i) => i.notification.iun);
      } else {
        // Some IUNs were already stored: the child rows of the new ones only, keyed by their nids
        // as inserted (rare path).
        const todo = p.items.filter((i) => nids.has(i.notification.iun));
        for (const child of prepareNotificationWrites(pg, todo, nids).children) await runInsert(trx, child, child.nidBase ? 0 : undefined);
        stored = todo.map((i) => i.notification.iun);
      }
      await bulkCountingEnd(trx, counting, [...nids.values()]);
      return stored;
    });
  }

  /**
   * The notification and its derived state, or undefined when the IUN is not stored. One statement
   * (recordSql): the desk's lookup is the app's most frequent read, and every statement through
   * Knex and the driver costs a round trip (~0.1 ms on SQLite) and another chance of a slow one.
   */
  async getByIun(iun: string): Promise<NotificationRecord | undefined> {
    const [row] = await rawRows<RecordRow>(this.db, recordSql(isPg(this.db)), [iun]);
    if (!row) return undefined;
    const recipients = JSON.parse(row.recipients_json) as RecipientRow[];
    const payments = JSON.parse(row.payments_json) as PaymentRow[];
    const documents = JSON.parse(row.documents_json) as DocumentRow[];
    const notification = rowsToNotification(row, recipients, payments, documents);
    const engineNotification = { iun, sentAt: notification.sentAt, recipientCount: notification.recipients.length };
    const derived = row.engine_state !== null
      ? stateToDerived(decodeEngineState(row.engine_state))
      : deriveNotification(engineNotification, (JSON.parse(row.timeline_json ?? '[]') as TimelineRow[]).map(rowToElement)).result;
    return { notification, derived };
  }

  async exists(iun: string): Promise<boolean> {
    return (await this.db('notifications').where('iun', iun).first('iun')) !== undefined;
  }

  /** Which of `iuns` are stored: one query per 500 (a sync page names thousands). */
  async existing(iuns: readonly string[]): Promise<Set<string>> {
    const found = new Set<string>();
    await forChunks([...new Set(iuns)], async (chunk) => {
      for (const r of await this.db('notifications').whereIn('iun', chunk).select<{ iun: string }[]>('iun')) found.add(r.iun);
    });
    return found;
  }

  /**
   * The header the timeline path needs, with the stored engine state, locked for the rest of the
   * transaction on PostgreSQL (SQLite transactions are already serialised).
   */
  async lockForTimeline(iun: string): Promise<TimelineHead | undefined> {
    return (await this.lockManyForTimeline([iun])).get(iun);
  }

  /**
   * lockForTimeline for many IUNs, one query per 500 for the locks, then one per 500 for the engine
   * states; the IUNs not stored are absent from the map.
   * PostgreSQL rows are locked in IUN order, the same order for every desk writing at once. The
   * engine states are read by a second statement, after the locks are held: a statement that waited
   * for another desk's locks sees that desk's committed notification rows, but the rows it joins
   * from other tables as they were when it started (READ COMMITTED), i.e. the engine states from
   * before that desk's appends, which would then be overwritten.
   */
  async lockManyForTimeline(iuns: readonly string[]): Promise<Map<string, TimelineHead>> {
    const heads = new Map<string, TimelineHead>();
    const sorted = [...new Set(iuns)].sort();
    await forChunks(sorted, async (chunk) => {
      const q = this.db('notifications')
        .whereIn('iun', chunk)
        .orderBy('iun')
        .select<{ nid: number | string; iun: string; sent_at: string; recipient_count: number }[]>('nid', 'iun', 'sent_at', 'recipient_count');
      if (isPg(this.db)) q.forUpdate();
      for (const row of await q) heads.set(row.iun, { nid: Number(row.nid), sentAt: row.sent_at, recipientCount: row.recipient_count, engineState: undefined });
    });
    await forChunks(sorted, async (chunk) => {
      const states = await this.db('notification_engine_states').whereIn('iun', chunk).select<{ iun: string; engine_state: string }[]>('iun', 'engine_state');
      for (const row of states) {
        const head = heads.get(row.iun);
        if (head) head.engineState = decodeEngineState(row.engine_state);
      }
    });
    return heads;
  }

  /**
   * Replaces the derived columns of notifications and their recipients and their engine states, a
   * few statements for all of them. Call it in the transaction that wrote the elements they were
   * derived from.
   */
  async writeDerivedMany(items: readonly { nid: number; iun: string; derived: DerivedNotification; engineState: EngineState }[]): Promise<void> {
    if (items.length === 0) return;
    await inTransaction(this.db, async (trx) => {
      const notificationRows = items.map(({ nid, derived }) => {
        const c = derivedNotificationColumns(derived);
        return [nid, c.status, c.status_at, c.viewed_at];
      });
      await updateRows(trx, 'notifications', ['nid'], ['status', 'status_at', 'viewed_at'], notificationRows);
      await insertRows(trx, 'notification_engine_states', ['iun', 'engine_state'], items.map((i) => [i.iun, encodeEngineState(i.engineState)]), {
        merge: { target: ['iun'], columns: ['engine_state'] },
      });
      const recipientRows = items.flatMap(({ nid, derived }) =>
        derived.perRecipient.map((r) => {
          const c = derivedRecipientColumns(derived.status, r);
          return [nid, r.recipientIndex, c.outcome, c.viewed_at, c.refinement_date, c.refined_by, c.term_date, c.pending];
        }),
      );
      await updateRows(trx, 'recipients', ['nid', 'rec_index'], ['outcome', 'viewed_at', 'refinement_date', 'refined_by', 'term_date', 'pending'], recipientRows);
    });
  }

  /** The stored engine state of a notification (undefined when it was bulk-imported and not touched since). */
  async getEngineState(iun: string): Promise<EngineState | undefined> {
    const row = await this.db('notification_engine_states').where('iun', iun).first<{ engine_state: string } | undefined>('engine_state');
    return row ? decodeEngineState(row.engine_state) : undefined;
  }

  /** Notifications a tax code can still collect at a desk (DOMAIN.md 10), newest first; only those of one recipient outcome when given. */
  listPendingByTaxId(taxId: string, outcome?: RecipientOutcome): Promise<PendingItem[]> {
    return listPendingByTaxId(this.db, taxId, outcome);
  }

  /** One page of a sender's notifications, filtered and sorted (sender screens). */
  listForSender(query: SenderListQuery): Promise<SenderListPage> {
    return listForSender(this.db, query);
  }

  /** Links a notified document to its file in the file store (hex SHA-256 key). */
  async setDocumentRef(iun: string, docIndex: number, sha256: string): Promise<boolean> {
    return (await this.db('documents').where('nid', nidOf(this.db, iun)).andWhere('doc_index', docIndex).update({ ref: sha256 })) === 1;
  }

  /** Links a recipient's AAR PDF (hex SHA-256 key of the file store). */
  async setAarRef(iun: string, recIndex: number, sha256: string): Promise<boolean> {
    return (await this.db('recipients').where('nid', nidOf(this.db, iun)).andWhere('rec_index', recIndex).update({ aar_ref: sha256 })) === 1;
  }

  /** The AAR file key of a recipient, when its PDF is stored. */
  async getAarRef(iun: string, recIndex: number): Promise<string | undefined> {
    const row = await this.db('recipients').where('nid', nidOf(this.db, iun)).andWhere('rec_index', recIndex).first<{ aar_ref: string | null } | undefined>('aar_ref');
    return row?.aar_ref ?? undefined;
  }

  /** Number of stored notifications. */
  async count(): Promise<number> {
    const rows = await this.db('notifications').count<{ c: number | string }[]>({ c: '*' });
    return Number(rows[0]?.c ?? 0);
  }

  /** Derived status of a notification, without loading it. */
  async statusOf(iun: string): Promise<NotificationStatus | undefined> {
    const row = await this.db('notifications').where('iun', iun).first<{ status: NotificationStatus } | undefined>('status');
    return row?.status;
  }
}

/** The statements of one insertMany, built ahead of the transaction. */
export interface PreparedNotificationWrites {
  items: readonly NotificationWrite[];
  header: PreparedInsert;
  children: PreparedInsert[];
}

/**
 * The statements of a batch. SQLite: the child rows carry their notification's position in the
 * batch (the statements then take the first nid as their base: insertPrepared), or, given `nids`,
 * its nid itself (base 0). PostgreSQL: its IUN, looked up by the statement (several desks may
 * insert at once there, so a batch's nids need not be consecutive).
 */
export function prepareNotificationWrites(pg: boolean, items: readonly NotificationWrite[], nids?: ReadonlyMap<string, number>): PreparedNotificationWrites {
  const rows = new NotificationRowsBuilder(pg, nids);
  rows.add(items);
  return rows.build();
}

/**
 * The nid of the batch's first notification when every one of them was inserted and their nids
 * follow the batch order (SQLite gives a new row the largest rowid + 1: always so with one
 * writer, checked anyway); otherwise undefined.
 */
function consecutiveNidBase(items: readonly NotificationWrite[], nids: ReadonlyMap<string, number>): number | undefined {
  const base = nids.get(items[0]!.notification.iun);
  if (base === undefined || nids.size !== items.length) return undefined;
  for (let k = 1; k < items.length; k += 1) if (nids.get(items[k]!.notification.iun) !== base + k) return undefined;
  return base;
}

/** Sets a child row's first value (its notification's key) and returns the row. */
function keyed(row: unknown[], key: string | number): unknown[] {
  row[0] = key;
  return row;
}

/**
 * The rows of a batch of notification writes, table by table, added slice by slice (bulk import
 * builds a big batch in small steps so that the event loop keeps dispatching the previous one).
 */
export class NotificationRowsBuilder {
  private readonly items: NotificationWrite[] = [];
  private readonly header: InsertBuilder;
  private readonly recipients: InsertBuilder;
  private readonly payments: InsertBuilder;
  private readonly documents: InsertBuilder;
  private readonly states: InsertBuilder;
  private readonly elements: InsertBuilder;
  private readonly facts: InsertBuilder;

  constructor(
    private readonly pg: boolean,
    private readonly nids?: ReadonlyMap<string, number>,
  ) {
    this.header = new InsertBuilder(pg, 'notifications', NOTIFICATION_COLUMNS, { ignoreConflicts: true, returning: ['iun', 'nid'] });
    // The child tables store the notification's nid (see prepareNotificationWrites for the key
    // their rows carry meanwhile).
    const key = pg ? { iunToNid: true } : { nidOffset: true };
    this.recipients = new InsertBuilder(pg, 'recipients', RECIPIENT_COLUMNS, key);
    this.payments = new InsertBuilder(pg, 'payment_notices', PAYMENT_COLUMNS, key);
    this.documents = new InsertBuilder(pg, 'documents', DOCUMENT_COLUMNS, key);
    this.states = new InsertBuilder(pg, 'notification_engine_states', ['iun', 'engine_state']);
    this.elements = new InsertBuilder(pg, 'timeline_elements', TIMELINE_COLUMNS, { ignoreConflicts: true, jsonColumns: TIMELINE_JSON_COLUMNS, ...key });
    this.facts = new InsertBuilder(pg, 'legal_facts', LEGAL_FACT_COLUMNS, { ignoreConflicts: true, ...key });
  }

  /** The key a notification's child rows carry (see prepareNotificationWrites). */
  private keyOf(iun: string, position: number): string | number {
    if (this.pg) return iun;
    if (!this.nids) return position;
    const nid = this.nids.get(iun);
    if (nid === undefined) throw new Error(`NotificationRowsBuilder: no nid for ${iun}`);
    return nid;
  }

  add(items: readonly NotificationWrite[]): void {
    this.header.add(tuples(items.map((i) => notificationToRow(i.notification, i.derived)), NOTIFICATION_COLUMNS));
    const recipients: unknown[][] = [];
    const payments: unknown[][] = [];
    const documents: unknown[][] = [];
    const states: unknown[][] = [];
    const elements: unknown[][] = [];
    const facts: unknown[][] = [];
    for (const item of items) {
      const { notification: n, derived, engineState, elements: els } = item;
      const key = this.keyOf(n.iun, this.items.length);
      this.items.push(item);
      n.recipients.forEach((r, i) => {
        const row = recipientToRow(n.iun, i, r, derived);
        recipients.push(keyed(RECIPIENT_COLUMNS.map((c) => row[c]), key));
        for (const pay of paymentsToRows(n.iun, i, r.payments)) payments.push(keyed(PAYMENT_COLUMNS.map((c) => pay[c]), key));
      });
      for (const d of documentsToRows(n)) documents.push(keyed(DOCUMENT_COLUMNS.map((c) => d[c]), key));
      if (engineState !== undefined) states.push([n.iun, encodeEngineState(engineState)]);
      for (const e of els) elements.push(keyed(timelineTuple(n.iun, e), key));
      for (const f of legalFactRows(n.iun, derived)) facts.push(keyed(f, key));
    }
    this.recipients.add(recipients);
    this.payments.add(payments);
    this.documents.add(documents);
    this.states.add(states);
    this.elements.add(elements);
    this.facts.add(facts);
  }

  build(): PreparedNotificationWrites {
    return {
      items: this.items,
      header: this.header.build(),
      children: [this.recipients, this.payments, this.documents, this.states, this.elements, this.facts].map((b) => b.build()),
    };
  }
}

/** The sender counters' insert triggers a bulk write suspends on SQLite. */
const SQLITE_BULK_SUSPENDED = SQLITE_TRIGGER_NAMES.filter((n) => n.endsWith('_ai'));

/** What bulkCountingEnd needs to undo bulkCountingStart. */
export interface BulkCounting {
  pg: boolean;
  /** SQLite: the CREATE TRIGGER statements of the triggers dropped for the transaction. */
  suspended: string[];
}

/**
 * Inside a bulk write transaction: the sender counters' insert triggers stop counting for the rest
 * of it (`bulkCountingEnd` counts the batch set-wise and puts them back). SQLite has no switch that
 * keeps a trigger from being called (its WHEN clause is still evaluated for every row: 20 µs a
 * notification, measured), so they are dropped and re-created, inside the transaction: a rollback
 * or a crash brings them back with everything else. PostgreSQL: a transaction-local setting the
 * trigger functions read (sender-stats-sql.ts).
 */
export async function bulkCountingStart(trx: Db, pg: boolean): Promise<BulkCounting> {
  if (pg) {
    await trx.raw(`SELECT set_config('radd.bulk_import', 'on', true)`);
    return { pg, suspended: [] };
  }
  const names = SQLITE_BULK_SUSPENDED.map(() => '?').join(', ');
  const rows = (await trx.raw(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN (${names})`, SQLITE_BULK_SUSPENDED)) as { name: string; sql: string }[];
  for (const r of rows) await trx.raw(`DROP TRIGGER ${r.name}`);
  return { pg, suspended: rows.map((r) => r.sql) };
}

/**
 * Adds the notifications `nids` (written since bulkCountingStart) to the sender counters, each table
 * read by its nid range (SQLite, one writer: a batch's nids are consecutive) or set; the insert
 * triggers count again.
 */
export async function bulkCountingEnd(trx: Db, counting: BulkCounting, nids: readonly number[]): Promise<void> {
  if (nids.length > 0) {
    const d = counting.pg ? 'pg' : 'sqlite';
    let lo = nids[0]!;
    let hi = lo;
    for (const n of nids) {
      if (n < lo) lo = n;
      if (n > hi) hi = n;
    }
    const range = !counting.pg && hi - lo + 1 === nids.length;
    const scope = range ? NID_RANGE_SCOPE : nidSetScope(d);
    await trx.raw(rebuildSql(d, 'sender_daily', scope), scopeBindings(d, range ? [lo, hi] : [JSON.stringify(nids)]));
  }
  if (counting.pg) await trx.raw(`SELECT set_config('radd.bulk_import', 'off', true)`);
  for (const sql of counting.suspended) await trx.raw(sql);
}

/** The row of recordSql: the notification's columns, its engine state, its child rows as JSON. */
type RecordRow = NotificationRow & {
  engine_state: string | null;
  recipients_json: string;
  payments_json: string;
  documents_json: string;
  /** Only when there is no engine state (the derivation needs the timeline then). */
  timeline_json: string | null;
};

/**
 * The rows of a child table of `n`, in `order`, as the text of a JSON array of objects keyed by
 * column name (the notification key left out): what the row mappers read from a plain SELECT.
 */
function childRowsSql(pg: boolean, table: string, columns: readonly string[], order: string): string {
  const fields = columns.filter((c) => c !== 'iun').map((c) => `'${c}', c.${c}`).join(', ');
  const agg = pg
    ? `coalesce(json_agg(json_build_object(${fields}) ORDER BY ${order}), '[]'::json)::text`
    : `json_group_array(json_object(${fields}) ORDER BY ${order})`;
  return `(SELECT ${agg} FROM ${table} c WHERE c.nid = n.nid)`;
}

const recordSqlOf = new Map<boolean, string>();

/** One statement reading a notification (by IUN) with everything getByIun returns. */
function recordSql(pg: boolean): string {
  let sql = recordSqlOf.get(pg);
  if (sql === undefined) {
    sql = `SELECT n.*, s.engine_state,
      ${childRowsSql(pg, 'recipients', RECIPIENT_COLUMNS, 'c.rec_index')} AS recipients_json,
      ${childRowsSql(pg, 'payment_notices', PAYMENT_COLUMNS, 'c.rec_index, c.pay_index')} AS payments_json,
      ${childRowsSql(pg, 'documents', DOCUMENT_COLUMNS, 'c.doc_index')} AS documents_json,
      CASE WHEN s.engine_state IS NULL THEN ${childRowsSql(pg, 'timeline_elements', TIMELINE_COLUMNS, 'c.element_id')} END AS timeline_json
      FROM notifications n LEFT JOIN notification_engine_states s ON s.iun = n.iun WHERE n.iun = ?`;
    recordSqlOf.set(pg, sql);
  }
  return sql;
}
