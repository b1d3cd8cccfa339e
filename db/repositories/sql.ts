// Small SQL helpers shared by the repositories. Every statement is parameterised.
import type { Knex } from 'knex';

/** A Knex instance or an open transaction: what every repository method runs on. */
export type Db = Knex | Knex.Transaction;

// PostgreSQL accepts 65535 bound parameters per statement; bigger statements gain nothing.
const MAX_BINDINGS = 30_000;
const JSON_ROWS_PER_STATEMENT = 20_000;

/** Rows of a raw query on either dialect (sqlite3 returns the array, pg a result object). */
export async function rawRows<T>(db: Db, sql: string, bindings: readonly unknown[] = []): Promise<T[]> {
  const result = (await db.raw(sql, bindings as Knex.RawBinding[])) as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}

/** True on PostgreSQL (row locks, dialect differences). */
export function isPg(db: Db): boolean {
  return db.client.config.client === 'pg';
}

function quote(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}

export interface InsertOptions {
  /** Skip rows that hit a unique key (idempotent writes) instead of failing. */
  ignoreConflicts?: boolean;
  /** Columns to return for the rows actually inserted. */
  returning?: readonly string[];
  /** Rows per statement at most (default: 20,000 on SQLite, 30,000 bound values on PostgreSQL). */
  maxRowsPerStatement?: number;
  /**
   * The rows' first value is an IUN and the table stores its notification's key `nid` instead
   * (the child tables of a notification): the statement looks each one up in notifications.
   */
  iunToNid?: boolean;
  /**
   * SQLite only. The rows' first value is an offset and the table stores `nid` = offset + a base
   * bound when the statement runs (runInsert's `nidBase`): a bulk write knows its notifications'
   * nids only once their headers are in, and then they are consecutive (see insertPrepared), so
   * the rows built beforehand carry the notification's position in the batch instead of an IUN
   * that SQLite would have to look up for every row.
   */
  nidOffset?: boolean;
  /**
   * Columns whose row values are JS values stored as their JSON text. On SQLite they travel inside
   * the rows' JSON as they are (not as a JSON string within it, escaped a second time) and `->`
   * writes their text; on PostgreSQL they are bound as JSON text.
   */
  jsonColumns?: readonly string[];
  /**
   * A row whose `target` key is already stored updates that row's `columns` instead (an upsert;
   * not with ignoreConflicts).
   */
  merge?: { target: readonly string[]; columns: readonly string[] };
}

/** An INSERT whose statements and bindings are built: building is CPU work that can overlap I/O. */
export interface PreparedInsert {
  statements: { sql: string; bindings: unknown[] }[];
  returns: boolean;
  /** The statements take the nid base as their first binding (InsertOptions.nidOffset). */
  nidBase?: true;
}

/**
 * Builds a multi-row INSERT from rows given slice by slice (see prepareInsert). On SQLite each
 * slice is turned into JSON as it arrives, so that a big batch is serialized in small steps
 * between which the event loop can dispatch the previous batch's statements.
 */
export class InsertBuilder {
  private readonly rows: (readonly unknown[])[] = [];
  private readonly fragments: { json: string; rows: number }[] = [];

  constructor(
    private readonly pg: boolean,
    private readonly table: string,
    private readonly columns: readonly string[],
    private readonly options: InsertOptions = {},
  ) {}

  add(rows: readonly (readonly unknown[])[]): void {
    if (rows.length === 0) return;
    if (this.pg) {
      for (const r of rows) this.rows.push(r);
      return;
    }
    const max = this.options.maxRowsPerStatement ?? JSON_ROWS_PER_STATEMENT;
    // JSON.stringify writes `undefined` array items as null; a replacer would double the cost.
    for (let start = 0; start < rows.length; start += max) {
      const part = rows.length <= max ? rows : rows.slice(start, start + max);
      this.fragments.push({ json: JSON.stringify(part).slice(1, -1), rows: part.length });
    }
  }

  build(): PreparedInsert {
    const { table, columns, options } = this;
    if (options.nidOffset && (this.pg || options.iunToNid)) throw new Error('nidOffset: SQLite only, not with iunToNid');
    const targets = options.iunToNid || options.nidOffset ? ['nid', ...columns.slice(1)] : columns;
    const isJson = columns.map((c) => options.jsonColumns?.includes(c) ?? false);
    const head = `INSERT INTO ${quote(table)} (${targets.map(quote).join(',')}) `;
    if (options.merge && options.ignoreConflicts) throw new Error('merge and ignoreConflicts exclude each other');
    const tail =
      (options.ignoreConflicts ? ' ON CONFLICT DO NOTHING' : '') +
      (options.merge
        ? ` ON CONFLICT (${options.merge.target.map(quote).join(',')}) DO UPDATE SET ${options.merge.columns.map((c) => `${quote(c)} = excluded.${quote(c)}`).join(',')}`
        : '') +
      (options.returning ? ` RETURNING ${options.returning.map(quote).join(',')}` : '');
    const statements: PreparedInsert['statements'] = [];
    if (!this.pg) {
      // jsonb_each hands each row over in SQLite's binary JSON, which `->>` reads without parsing
      // it again for every column (json_each: ~6 µs a row of unpacking, jsonb_each: ~3).
      // `WHERE true` keeps SQLite from reading ON CONFLICT as a join constraint of the SELECT.
      // LEFT JOIN: SQLite walks the rows and seeks each IUN in notifications' unique index; an IUN
      // that is not there gives a null nid, refused by its NOT NULL (never a row silently dropped).
      const col = (i: number, alias: string) => `${alias}value${isJson[i] ? '->' : '->>'}${i}`;
      const rest = columns.slice(1).map((_, i) => col(i + 1, '')).join(',');
      const sql = options.iunToNid
        ? `${head}SELECT n.nid,${columns.slice(1).map((_, i) => col(i + 1, 'j.')).join(',')} FROM jsonb_each(?) j LEFT JOIN notifications n ON n.iun = j.value->>0 WHERE true${tail}`
        : options.nidOffset
          ? `${head}SELECT ? + (value->>0),${rest} FROM jsonb_each(?) WHERE true${tail}`
          : `${head}SELECT ${columns.map((_, i) => col(i, '')).join(',')} FROM jsonb_each(?) WHERE true${tail}`;
      const max = options.maxRowsPerStatement ?? JSON_ROWS_PER_STATEMENT;
      let group: string[] = [];
      let count = 0;
      const flush = () => {
        if (group.length > 0) statements.push({ sql, bindings: [`[${group.join(',')}]`] });
        group = [];
        count = 0;
      };
      for (const f of this.fragments) {
        if (count + f.rows > max) flush();
        group.push(f.json);
        count += f.rows;
      }
      flush();
      return { statements, returns: !!options.returning, ...(options.nidOffset ? { nidBase: true as const } : {}) };
    }
    const perChunk = Math.max(1, Math.min(options.maxRowsPerStatement ?? Infinity, Math.floor(MAX_BINDINGS / columns.length)));
    const tuple = `(${options.iunToNid ? '(SELECT nid FROM notifications WHERE iun = ?),' : ''}${new Array<string>(columns.length - (options.iunToNid ? 1 : 0)).fill('?').join(',')})`;
    for (let start = 0; start < this.rows.length; start += perChunk) {
      const chunk = this.rows.slice(start, start + perChunk);
      const bindings: unknown[] = [];
      for (const row of chunk) row.forEach((v, i) => bindings.push(v === undefined ? null : isJson[i] ? JSON.stringify(v) : v));
      statements.push({ sql: `${head}VALUES ${new Array<string>(chunk.length).fill(tuple).join(',')}${tail}`, bindings });
    }
    return { statements, returns: !!options.returning };
  }
}

/**
 * Builds a multi-row INSERT. On SQLite the rows travel as ONE bound JSON parameter unpacked by
 * `jsonb_each` inside SQLite: node-sqlite3 converts each bound value on the JS thread at ~1.5 µs,
 * which made the JS thread the import's bottleneck (re-measured with multi-row VALUES on a reused
 * prepared statement: 85 µs a notification of JS time), while the unpacking runs on
 * SQLite's own thread, in parallel with the next batch's derivation. On
 * PostgreSQL, chunks of `VALUES (...), (...)`. (Knex's own SQLite multi-row insert is a UNION ALL
 * of SELECTs, capped at 500 terms.)
 */
export function prepareInsert(
  pg: boolean,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
  options: InsertOptions = {},
): PreparedInsert {
  const builder = new InsertBuilder(pg, table, columns, options);
  builder.add(rows);
  return builder.build();
}

/**
 * Runs a prepared INSERT; returns the RETURNING rows (none when it has no RETURNING). `nidBase`:
 * the base of the rows' nid offsets (required exactly when the insert was built with nidOffset).
 */
export async function runInsert<R = Record<string, unknown>>(db: Db, p: PreparedInsert, nidBase?: number): Promise<R[]> {
  if ((p.nidBase === true) !== (nidBase !== undefined)) throw new Error('runInsert: nidBase is required exactly for a nidOffset insert');
  const returned: R[] = [];
  for (const s of p.statements) {
    const out = await rawRows<R>(db, s.sql, nidBase === undefined ? s.bindings : [nidBase, ...s.bindings]);
    if (p.returns) returned.push(...out);
  }
  return returned;
}

/** Multi-row INSERT (see prepareInsert). Call it inside a transaction when the rows must land together. */
export async function insertRows<R = Record<string, unknown>>(
  db: Db,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
  options: InsertOptions = {},
): Promise<R[]> {
  if (rows.length === 0) return [];
  return runInsert<R>(db, prepareInsert(isPg(db), table, columns, rows, options));
}

/** Keys in one IN list (forChunks): well under SQLite's and PostgreSQL's limits on bound values. */
export const KEYS_PER_QUERY = 500;

/** Calls `fn` with `keys` in chunks of KEYS_PER_QUERY, one after the other (a query each). */
export async function forChunks<K>(keys: readonly K[], fn: (chunk: K[]) => Promise<void>): Promise<void> {
  for (let start = 0; start < keys.length; start += KEYS_PER_QUERY) await fn(keys.slice(start, start + KEYS_PER_QUERY));
}

/** Rows per statement of updateRows. */
const UPDATE_ROWS_PER_STATEMENT = 5_000;

/**
 * Multi-row UPDATE: each row gives the values of `keys` (which identify one stored row) then of
 * `set`, in that order; one statement per 5,000 rows instead of one per row. The rows travel as
 * one JSON parameter: on SQLite unpacked by `jsonb_each` and joined with `UPDATE ... FROM`, on
 * PostgreSQL typed by the table's own row type (`jsonb_populate_recordset`). Update triggers fire
 * for every row as with single-row updates. Keys must be unique among the rows.
 */
export async function updateRows(db: Db, table: string, keys: readonly string[], set: readonly string[], rows: readonly (readonly unknown[])[]): Promise<void> {
  if (rows.length === 0) return;
  const pg = isPg(db);
  const columns = [...keys, ...set];
  const assignments = set.map((c) => `${quote(c)} = v.${quote(c)}`).join(',');
  const match = keys.map((k) => `${quote(table)}.${quote(k)} = v.${quote(k)}`).join(' AND ');
  const source = pg
    ? `jsonb_populate_recordset(NULL::${quote(table)}, ?::jsonb)`
    : `(SELECT ${columns.map((c, i) => `value->>${i} AS ${quote(c)}`).join(',')} FROM jsonb_each(?))`;
  const sql = `UPDATE ${quote(table)} SET ${assignments} FROM ${source} AS v WHERE ${match}`;
  for (let start = 0; start < rows.length; start += UPDATE_ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + UPDATE_ROWS_PER_STATEMENT);
    const json = pg
      ? JSON.stringify(chunk.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i] ?? null]))))
      : JSON.stringify(chunk);
    await db.raw(sql, [json]);
  }
}

/** Row objects -> value tuples in column order, for insertRows. */
export function tuples<T extends object>(rows: readonly T[], columns: readonly (keyof T & string)[]): unknown[][] {
  return rows.map((r) => columns.map((c) => r[c]));
}

/**
 * The key (`nid`) of the notification `iun`, as a subquery: the child tables of a notification
 * (recipients, documents, payment notices, timeline elements, legal facts) are keyed by it.
 * `.where('nid', nidOf(db, iun))` is one seek in notifications' IUN index, then a key range.
 */
export function nidOf(db: Db, iun: string): Knex.QueryBuilder {
  return db('notifications').select('nid').where('iun', iun);
}

/** Runs fn in the given transaction, or in a new one when `db` is not a transaction. */
export async function inTransaction<T>(db: Db, fn: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
  if ((db as Knex.Transaction).isTransaction) return fn(db as Knex.Transaction);
  return (db as Knex).transaction(fn);
}
