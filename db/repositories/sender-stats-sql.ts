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

const parent = (R: string) => `notifications p WHERE p.iun = ${R}.iun`;

function recipientParts(d: Dialect, R: string, sign: string): Part[] {
  const ref = isoMs(d, `${R}.refinement_date`);
  return [
    { day: dayExpr('p.sent_ms'), metric: 'outcome', key: `${R}.outcome`, n: sign, sum: '0', from: parent(R), dependsOn: ['outcome'] },
    { day: dayExpr(ref), metric: 'perfected', key: `''`, n: sign, sum: `${sign} * (${ref} - p.sent_ms)`, from: `${parent(R)} AND ${R}.refinement_date IS NOT NULL`, dependsOn: ['refinement_date'] },
  ];
}

function timelineParts(d: Dialect, R: string, sign: string): Part[] {
  const at = isoMs(d, `${R}.at`);
  const delivered = DELIVERED_CATEGORIES.map((c) => `'${c}'`).join(', ');
  return [
    { day: dayExpr(at), metric: 'delivered', key: `''`, n: sign, sum: `${sign} * (${at} - p.sent_ms)`, from: `${parent(R)} AND ${R}.category IN (${delivered})`, dependsOn: [] },
    { day: dayExpr(at), metric: 'digital_ko', key: koCause(d, `${R}.details`), n: sign, sum: '0', dependsOn: [],
      from: `${parent(R)} AND ${R}.category = 'SEND_DIGITAL_FEEDBACK' AND ${jsonText(d, `${R}.details`, 'responseStatus')} = 'KO'` },
  ];
}

type Table = 'notifications' | 'recipients' | 'timeline_elements';

function partsOf(d: Dialect, table: Table, R: string, sign: string): Part[] {
  if (table === 'notifications') return notificationParts(d, R, sign);
  if (table === 'recipients') return recipientParts(d, R, sign);
  return timelineParts(d, R, sign);
}

/**
 * Statements a trigger runs for a row change of one table: one single-row upsert per
 * contribution; an update subtracts and re-adds only the contributions whose columns changed.
 */
export function rowChangeSql(d: Dialect, table: Table, op: 'insert' | 'update' | 'delete'): string[] {
  const sender = table === 'notifications' ? (R: string) => `${R}.sender_tax_id` : () => 'p.sender_tax_id';
  if (op === 'insert') return partsOf(d, table, 'NEW', '1').map((p) => upsertOne(d, p, sender('NEW')));
  if (op === 'delete') return partsOf(d, table, 'OLD', '-1').map((p) => upsertOne(d, p, sender('OLD')));
  const distinct = d === 'sqlite' ? 'IS NOT' : 'IS DISTINCT FROM';
  const out: string[] = [];
  const olds = partsOf(d, table, 'OLD', '-1');
  const news = partsOf(d, table, 'NEW', '1');
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
export function cascadeSubtractSql(d: Dialect, R: string): string {
  const recipients: Part[] = recipientParts(d, 'r', '-1').map((p) => ({ ...p, from: p.from!.replace(parent('r'), `recipients r JOIN notifications p ON p.iun = r.iun WHERE r.iun = ${R}.iun`) }));
  const timeline: Part[] = timelineParts(d, 't', '-1').map((p) => ({ ...p, from: p.from!.replace(parent('t'), `timeline_elements t JOIN notifications p ON p.iun = t.iun WHERE t.iun = ${R}.iun`) }));
  return upsert(d, [...recipients, ...timeline].map((p) => select(p, 'p.sender_tax_id')));
}

/**
 * Recomputes every counter from the rows into `table` (empty, shaped like sender_daily). With
 * `scope`, an SQL set of IUNs (e.g. `(SELECT value FROM json_each(?))`, bound once per use, see
 * `scopeUses`), only the rows of those notifications are counted and ADDED to the counters: the
 * bulk import counts its whole batch this way instead of row by row in the triggers.
 */
export function rebuildSql(d: Dialect, table = 'sender_daily', scope?: string): string {
  const only = (alias: string) => (scope ? `${alias}.iun IN ${scope}` : '1 = 1');
  const n: Part[] = notificationParts(d, 'q', '1').map((p) => ({ ...p, from: `notifications q WHERE ${only('q')}${p.where ? ` AND ${p.where}` : ''}`, where: undefined }));
  const r: Part[] = recipientParts(d, 'r', '1').map((p) => ({ ...p, from: p.from!.replace(parent('r'), `recipients r JOIN notifications p ON p.iun = r.iun WHERE ${only('r')}`) }));
  const t: Part[] = timelineParts(d, 't', '1').map((p) => ({ ...p, from: p.from!.replace(parent('t'), `timeline_elements t JOIN notifications p ON p.iun = t.iun WHERE ${only('t')}`) }));
  return upsert(d, [...n.map((p) => select(p, 'q.sender_tax_id')), ...[...r, ...t].map((p) => select(p, 'p.sender_tax_id'))], table);
}

/** How many times `rebuildSql` uses its scope (one binding each). */
export function scopeUses(d: Dialect): number {
  return notificationParts(d, 'q', '1').length + recipientParts(d, 'r', '1').length + timelineParts(d, 't', '1').length;
}

/** The set of IUNs given as one bound JSON array of strings. */
export function jsonIunScope(d: Dialect): string {
  return d === 'sqlite' ? '(SELECT value FROM json_each(?))' : '(SELECT jsonb_array_elements_text(?::jsonb))';
}

// --- the row triggers' "bulk import" switch (migration 2026-11-26-1900) ---------------------
// Inside a bulk import transaction the insert triggers stand aside and the batch is counted
// set-wise (`rebuildSql` with a scope) before the transaction commits. The switch lives in the
// transaction itself, so a crash or a rollback can never leave it on: on SQLite a row in
// `bulk_import_marker` (inserted and deleted by the import), on PostgreSQL the transaction-local
// setting `radd.bulk_import`.

export const BULK_MARKER_TABLE = 'bulk_import_marker';
export const SQLITE_NOT_BULK = `NOT EXISTS (SELECT 1 FROM ${BULK_MARKER_TABLE})`;
export const PG_NOT_BULK = `current_setting('radd.bulk_import', true) IS DISTINCT FROM 'on'`;
