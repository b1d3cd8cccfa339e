// SQL of the sender dashboard's daily counters (`sender_daily`), for SQLite and PostgreSQL.
// The counters are kept by triggers on notifications, recipients and timeline_elements, so they
// change in the same transaction as the rows they count, whichever path wrote those rows (timeline
// writer, import, sync): a reader never sees a counter out of step with the data. Each counter is
// a sum over rows of a function of the row's current columns, which is what makes "subtract the old
// row, add the new one" exact. `rebuildSql` recomputes everything from the rows (migration backfill,
// repair, and the reference the tests compare the triggers with).
//
// Buckets are Europe/Rome calendar days (day number = floor((ms + offset) / 24 h), as core's
// romeDayNumber); the offset comes from `sender_rome_dst`, filled from core's rule by the migration.
//
// Metrics (key `k` in brackets):
//   sent            notifications by deposit day
//   status [status] notifications by deposit day and current status (DOMAIN.md 3)
//   viewed          notifications by day of first view; sum_ms = view - deposit
//   outcome [outcome] recipients by deposit day and outcome (DOMAIN.md 12)
//   perfected       recipients by refinement day; sum_ms = refinement - deposit (DOMAIN.md 8.3)
//   delivered       recipient workflows ended reached (DIGITAL_DELIVERY_CREATION_REQUEST,
//                   ANALOG_SUCCESS_WORKFLOW: DOMAIN.md 4.3) by day; sum_ms = end - deposit
//   digital_ko [cause] failed PEC deliveries (SEND_DIGITAL_FEEDBACK KO, DOMAIN.md 7.2) by day
export type Dialect = 'sqlite' | 'pg';

/**
 * How recipients and timeline_elements point at their notification: `nid` (the notification's
 * integer key, migration 2026-11-27-0900 onwards) or `iun` (the schema before it; only the
 * migrations written before that one ask for it, so that they keep producing what they produced).
 */
export type Keying = 'nid' | 'iun';

export const DELIVERED_CATEGORIES = ['DIGITAL_DELIVERY_CREATION_REQUEST', 'ANALOG_SUCCESS_WORKFLOW'] as const;
const DAY_MS = 86_400_000;

/**
 * Rome day number of an epoch-ms SQL expression. The summer-time period containing the instant,
 * if any, is the last one starting at or before it: one index seek on sender_rome_dst.
 */
export function dayExpr(ms: string): string {
  return `((${ms}) + CASE WHEN (SELECT z.end_ms FROM sender_rome_dst z WHERE z.start_ms <= (${ms}) ORDER BY z.start_ms DESC LIMIT 1) > (${ms}) THEN 7200000 ELSE 3600000 END) / ${DAY_MS}`;
}

/** Epoch ms of an ISO-8601 text column (offsets honoured; second precision is enough for days and means). */
export function isoMs(d: Dialect, col: string): string {
  return d === 'sqlite' ? `(CAST(strftime('%s', ${col}) AS INTEGER) * 1000)` : `(extract(epoch from (${col})::timestamptz) * 1000)::bigint`;
}

function jsonText(d: Dialect, col: string, key: string): string {
  return d === 'sqlite' ? `json_extract(${col}, '$.${key}')` : `((${col})::json ->> '${key}')`;
}

/** The failure cause key of a KO PEC feedback: SEND's free-text cause, else the PEC code. */
function koCause(d: Dialect, details: string): string {
  return `substr(coalesce(${jsonText(d, details, 'deliveryFailureCause')}, ${jsonText(d, details, 'deliveryDetailCode')}, 'UNKNOWN'), 1, 64)`;
}

/** One contribution row: (day, metric, key, n, sum_ms) over a source with `s` = sender tax id. */
interface Part {
  day: string;
  metric: string;
  key: string;
  n: string;
  sum: string;
  /** The source after FROM, WHERE conditions included. */
  from?: string;
  /** The columns of the trigger row this contribution depends on (an update re-counts it only when one changed). */
  dependsOn: string[];
  where?: string;
}

function select(p: Part, sender: string): string {
  return `SELECT ${p.day} AS day, ${sender} AS s, '${p.metric}' AS m, ${p.key} AS k, ${p.n} AS n, ${p.sum} AS x` +
    (p.from ? ` FROM ${p.from}` : '') + (p.where ? ` WHERE ${p.where}` : '');
}

function conflict(d: Dialect, table: string): string {
  const t = d === 'pg' ? `${table}.` : '';
  return `ON CONFLICT (day, sender_tax_id, metric, k) DO UPDATE SET n = ${t}n + excluded.n, sum_ms = ${t}sum_ms + excluded.sum_ms`;
}

/** Many contributions at once (rebuild), grouped first: PostgreSQL refuses an upsert that touches one row twice. */
function upsert(d: Dialect, parts: string[], table = 'sender_daily'): string {
  return `INSERT INTO ${table} (day, sender_tax_id, metric, k, n, sum_ms)
    SELECT day, s, m, k, SUM(n), SUM(x) FROM (${parts.join(' UNION ALL ')}) c WHERE s IS NOT NULL GROUP BY day, s, m, k
    ${conflict(d, table)}`;
}

/** One contribution of one trigger row: a single-row upsert (no grouping, the cheap path of every write). */
function upsertOne(d: Dialect, p: Part, sender: string, guard?: string): string {
  const conds = [p.where, guard].filter((c): c is string => !!c);
  // SQLite needs a WHERE before ON CONFLICT to tell the upsert from a join constraint.
  const src = p.from ? ` FROM ${p.from}${guard ? ` AND ${guard}` : ''}` : ` WHERE ${conds.length ? conds.join(' AND ') : 'true'}`;
  return `INSERT INTO sender_daily (day, sender_tax_id, metric, k, n, sum_ms) SELECT ${p.day}, ${sender}, '${p.metric}', ${p.key}, ${p.n}, ${p.sum}${src} ${conflict(d, 'sender_daily')}`;
}

// --- contributions of one row (R = NEW or OLD), sign = '1' or '-1' ---------------------------

function notificationParts(d: Dialect, R: string, sign: string): Part[] {
  const viewed = isoMs(d, `${R}.viewed_at`);
  return [
    { day: dayExpr(`${R}.sent_ms`), metric: 'sent', key: `''`, n: sign, sum: '0', dependsOn: [] },
    { day: dayExpr(`${R}.sent_ms`), metric: 'status', key: `${R}.status`, n: sign, sum: '0', dependsOn: ['status'] },
    { day: dayExpr(viewed), metric: 'viewed', key: `''`, n: sign, sum: `${sign} * (${viewed} - ${R}.sent_ms)`, where: `${R}.viewed_at IS NOT NULL`, dependsOn: ['viewed_at'] },
  ];
}

const parent = (R: string, key: Keying) => `notifications p WHERE p.${key} = ${R}.${key}`;

function recipientParts(d: Dialect, R: string, sign: string, key: Keying): Part[] {
  const ref = isoMs(d, `${R}.refinement_date`);
  return [
    { day: dayExpr('p.sent_ms'), metric: 'outcome', key: `${R}.outcome`, n: sign, sum: '0', from: parent(R, key), dependsOn: ['outcome'] },
    { day: dayExpr(ref), metric: 'perfected', key: `''`, n: sign, sum: `${sign} * (${ref} - p.sent_ms)`, from: `${parent(R, key)} AND ${R}.refinement_date IS NOT NULL`, dependsOn: ['refinement_date'] },
  ];
}

function timelineParts(d: Dialect, R: string, sign: string, key: Keying): Part[] {
  const at = isoMs(d, `${R}.at`);
  const delivered = DELIVERED_CATEGORIES.map((c) => `'${c}'`).join(', ');
  return [
    { day: dayExpr(at), metric: 'delivered', key: `''`, n: sign, sum: `${sign} * (${at} - p.sent_ms)`, from: `${parent(R, key)} AND ${R}.category IN (${delivered})`, dependsOn: [] },
    { day: dayExpr(at), metric: 'digital_ko', key: koCause(d, `${R}.details`), n: sign, sum: '0', dependsOn: [],
      from: `${parent(R, key)} AND ${R}.category = 'SEND_DIGITAL_FEEDBACK' AND ${jsonText(d, `${R}.details`, 'responseStatus')} = 'KO'` },
  ];
}

type Table = 'notifications' | 'recipients' | 'timeline_elements';

function partsOf(d: Dialect, table: Table, R: string, sign: string, key: Keying): Part[] {
  if (table === 'notifications') return notificationParts(d, R, sign);
  if (table === 'recipients') return recipientParts(d, R, sign, key);
  return timelineParts(d, R, sign, key);
}

/**
 * Statements a trigger runs for a row change of one table: one single-row upsert per
 * contribution; an update subtracts and re-adds only the contributions whose columns changed.
 */
export function rowChangeSql(d: Dialect, table: Table, op: 'insert' | 'update' | 'delete', key: Keying = 'nid'): string[] {
  const sender = table === 'notifications' ? (R: string) => `${R}.sender_tax_id` : () => 'p.sender_tax_id';
  if (op === 'insert') return partsOf(d, table, 'NEW', '1', key).map((p) => upsertOne(d, p, sender('NEW')));
  if (op === 'delete') return partsOf(d, table, 'OLD', '-1', key).map((p) => upsertOne(d, p, sender('OLD')));
  const distinct = d === 'sqlite' ? 'IS NOT' : 'IS DISTINCT FROM';
  const out: string[] = [];
  const olds = partsOf(d, table, 'OLD', '-1', key);
  const news = partsOf(d, table, 'NEW', '1', key);
  olds.forEach((old, i) => {
    if (old.dependsOn.length === 0) return;
    const guard = old.dependsOn.map((c) => `OLD.${c} ${distinct} NEW.${c}`).join(' OR ');
    out.push(upsertOne(d, old, sender('OLD'), `(${guard})`), upsertOne(d, news[i]!, sender('NEW'), `(${guard})`));
  });
  return out;
}

/**
 * Before a notification is deleted, its recipients and timeline stop counting: their own delete
 * triggers, fired by the cascade after the parent row is gone, find no parent and add nothing.
 */
export function cascadeSubtractSql(d: Dialect, R: string, key: Keying = 'nid'): string {
  const of = (table: string, a: string) => `${table} ${a} JOIN notifications p ON p.${key} = ${a}.${key} WHERE ${a}.${key} = ${R}.${key}`;
  const recipients: Part[] = recipientParts(d, 'r', '-1', key).map((p) => ({ ...p, from: p.from!.replace(parent('r', key), of('recipients', 'r')) }));
  const timeline: Part[] = timelineParts(d, 't', '-1', key).map((p) => ({ ...p, from: p.from!.replace(parent('t', key), of('timeline_elements', 't')) }));
  return upsert(d, [...recipients, ...timeline].map((p) => select(p, 'p.sender_tax_id')));
}

/**
 * Which notifications a scoped rebuild counts: a condition on a column holding their `nid`, with
 * `bindings` placeholders (`scopeBindings` repeats the values for every use).
 */
export interface NidScope {
  condition(nidColumn: string): string;
  bindings: number;
}

/** nid BETWEEN ? AND ?: a bulk write's own notifications on SQLite (one writer: its nids are consecutive). */
export const NID_RANGE_SCOPE: NidScope = { condition: (c) => `${c} BETWEEN ? AND ?`, bindings: 2 };

/** nid IN (the elements of one bound JSON array of numbers). */
export function nidSetScope(d: Dialect): NidScope {
  const set = d === 'sqlite' ? '(SELECT value FROM json_each(?))' : '(SELECT (jsonb_array_elements_text(?::jsonb))::bigint)';
  return { condition: (c) => `${c} IN ${set}`, bindings: 1 };
}

/**
 * Recomputes every counter from the rows into `table` (empty, shaped like sender_daily). With
 * `scope`, only the rows of those notifications are counted and ADDED to the counters: the bulk
 * import counts its whole batch this way instead of row by row in the triggers. Each table is
 * then read by its own nid range or set, in key order.
 */
export function rebuildSql(d: Dialect, table = 'sender_daily', scope?: NidScope, key: Keying = 'nid'): string {
  if (scope && key !== 'nid') throw new Error('a scoped rebuild needs the nid keying');
  const only = (alias: string) => (scope ? scope.condition(`${alias}.nid`) : '1 = 1');
  const of = (t: string, a: string) => `${t} ${a} JOIN notifications p ON p.${key} = ${a}.${key} WHERE ${only(a)}`;
  const n: Part[] = notificationParts(d, 'q', '1').map((p) => ({ ...p, from: `notifications q WHERE ${only('q')}${p.where ? ` AND ${p.where}` : ''}`, where: undefined }));
  const r: Part[] = recipientParts(d, 'r', '1', key).map((p) => ({ ...p, from: p.from!.replace(parent('r', key), of('recipients', 'r')) }));
  const t: Part[] = timelineParts(d, 't', '1', key).map((p) => ({ ...p, from: p.from!.replace(parent('t', key), of('timeline_elements', 't')) }));
  return upsert(d, [...n.map((p) => select(p, 'q.sender_tax_id')), ...[...r, ...t].map((p) => select(p, 'p.sender_tax_id'))], table);
}

/** The bindings of a scoped `rebuildSql`: `values` (the scope's own) once for every use of the scope. */
export function scopeBindings(d: Dialect, values: readonly (string | number)[]): (string | number)[] {
  const uses = notificationParts(d, 'q', '1').length + recipientParts(d, 'r', '1', 'nid').length + timelineParts(d, 't', '1', 'nid').length;
  return Array.from({ length: uses }, () => values).flat();
}

// --- the row triggers' "bulk import" switch ----------------------------------------------------
// Inside a bulk import transaction the insert triggers stand aside and the batch is counted
// set-wise (`rebuildSql` with a scope) before the transaction commits. The switch lives in the
// transaction itself, so a crash or a rollback can never leave it on: on PostgreSQL the
// transaction-local setting `radd.bulk_import` the trigger functions read; on SQLite the insert
// triggers are dropped and re-created inside the transaction (notifications-repo.ts
// bulkCountingStart). Migrations 1900 to 0900 guarded SQLite's insert triggers with a row in
// `bulk_import_marker` instead (their WHEN clause still ran for every row); 0900 creates them
// without that guard, and its down step puts the guard back; 1100 drops the table (its down step
// re-creates it, empty, for 0900's).

export const BULK_MARKER_TABLE = 'bulk_import_marker';
export const SQLITE_NOT_BULK = `NOT EXISTS (SELECT 1 FROM ${BULK_MARKER_TABLE})`;
export const PG_NOT_BULK = `current_setting('radd.bulk_import', true) IS DISTINCT FROM 'on'`;

// --- the triggers themselves, as migration 2026-11-27-0900 (re)creates them ----------------

const COUNTED_CATEGORIES = `('DIGITAL_DELIVERY_CREATION_REQUEST', 'ANALOG_SUCCESS_WORKFLOW', 'SEND_DIGITAL_FEEDBACK')`;
const sqliteBody = (stmts: string[]) => `BEGIN ${stmts.map((s) => `${s};`).join(' ')} END`;

/** Names of the SQLite row triggers that keep `sender_daily` (the bulk import's switch guards the `_ai` ones). */
export const SQLITE_TRIGGER_NAMES = [
  'sender_daily_notifications_ai', 'sender_daily_notifications_au', 'sender_daily_notifications_bd',
  'sender_daily_recipients_ai', 'sender_daily_recipients_au', 'sender_daily_recipients_ad',
  'sender_daily_timeline_ai', 'sender_daily_timeline_ad',
] as const;

/**
 * CREATE TRIGGER statements of SQLITE_TRIGGER_NAMES, in that order; `markerGuard`: the insert
 * triggers stand aside while `bulk_import_marker` has a row (the schema of migrations 1900-2300).
 */
export function sqliteTriggerSql(key: Keying, markerGuard: boolean): string[] {
  const d: Dialect = 'sqlite';
  const guard = (cond?: string) => {
    const all = [cond, markerGuard ? SQLITE_NOT_BULK : undefined].filter((c): c is string => !!c);
    return all.length > 0 ? `WHEN ${all.join(' AND ')} ` : '';
  };
  return [
    `CREATE TRIGGER sender_daily_notifications_ai AFTER INSERT ON notifications ${guard()}${sqliteBody(rowChangeSql(d, 'notifications', 'insert', key))}`,
    `CREATE TRIGGER sender_daily_notifications_au AFTER UPDATE OF status, viewed_at ON notifications
      WHEN OLD.status IS NOT NEW.status OR OLD.viewed_at IS NOT NEW.viewed_at ${sqliteBody(rowChangeSql(d, 'notifications', 'update', key))}`,
    `CREATE TRIGGER sender_daily_notifications_bd BEFORE DELETE ON notifications ${sqliteBody([cascadeSubtractSql(d, 'OLD', key), ...rowChangeSql(d, 'notifications', 'delete', key)])}`,
    `CREATE TRIGGER sender_daily_recipients_ai AFTER INSERT ON recipients ${guard()}${sqliteBody(rowChangeSql(d, 'recipients', 'insert', key))}`,
    `CREATE TRIGGER sender_daily_recipients_au AFTER UPDATE OF outcome, refinement_date ON recipients
      WHEN OLD.outcome IS NOT NEW.outcome OR OLD.refinement_date IS NOT NEW.refinement_date ${sqliteBody(rowChangeSql(d, 'recipients', 'update', key))}`,
    `CREATE TRIGGER sender_daily_recipients_ad AFTER DELETE ON recipients ${sqliteBody(rowChangeSql(d, 'recipients', 'delete', key))}`,
    `CREATE TRIGGER sender_daily_timeline_ai AFTER INSERT ON timeline_elements ${guard(`NEW.category IN ${COUNTED_CATEGORIES}`)}${sqliteBody(rowChangeSql(d, 'timeline_elements', 'insert', key))}`,
    `CREATE TRIGGER sender_daily_timeline_ad AFTER DELETE ON timeline_elements WHEN OLD.category IN ${COUNTED_CATEGORIES} ${sqliteBody(rowChangeSql(d, 'timeline_elements', 'delete', key))}`,
  ];
}

/**
 * PostgreSQL's trigger functions (the triggers of migration 1601 stay bound to them): CREATE OR
 * REPLACE statements, the INSERT branches behind the bulk import's switch.
 */
export function pgTriggerFunctionSql(key: Keying = 'nid'): string[] {
  const d: Dialect = 'pg';
  const run = (stmts: string[]) => stmts.map((s) => `${s};`).join('\n');
  const fn = (name: string, table: Table, update: { when: string; stmts: string[] }, onDelete: string[]) =>
    `CREATE OR REPLACE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF ${PG_NOT_BULK} THEN
${run(rowChangeSql(d, table, 'insert', key))}
    END IF;
    RETURN NEW;
  ELSIF TG_OP = 'UPDATE' THEN
    IF ${update.when} THEN
${run(update.stmts)}
    END IF;
    RETURN NEW;
  END IF;
${run(onDelete)}
  RETURN OLD;
END $$`;
  return [
    fn('sender_daily_notifications', 'notifications',
      { when: 'OLD.status IS DISTINCT FROM NEW.status OR OLD.viewed_at IS DISTINCT FROM NEW.viewed_at', stmts: rowChangeSql(d, 'notifications', 'update', key) },
      [cascadeSubtractSql(d, 'OLD', key), ...rowChangeSql(d, 'notifications', 'delete', key)]),
    fn('sender_daily_recipients', 'recipients',
      { when: 'OLD.outcome IS DISTINCT FROM NEW.outcome OR OLD.refinement_date IS DISTINCT FROM NEW.refinement_date', stmts: rowChangeSql(d, 'recipients', 'update', key) },
      rowChangeSql(d, 'recipients', 'delete', key)),
    fn('sender_daily_timeline', 'timeline_elements', { when: 'false', stmts: [] }, rowChangeSql(d, 'timeline_elements', 'delete', key)),
  ];
}
