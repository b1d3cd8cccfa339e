// A notification's rows are stored in the order they arrive instead of in IUN order. Recipients,
// documents, payment notices, timeline elements and legal facts were clustered by their IUN, a
// random key: in a store of a million notifications nearly every row written landed on a page of
// its own, so a bulk import or sync rewrote most of the file at every batch (store benchmark:
// 92 KB written per notification of ~2.8 KB). They are now keyed by `nid`, the notification's
// integer key, assigned in arrival order: a batch appends at the end of each table, and only the
// small indexes keyed by IUN or tax code take random inserts. Every lookup stays an index seek
// (IUN -> nid through notifications' unique IUN index, then one range per table).
//
// notifications: `nid` is added (SQLite: the INTEGER PRIMARY KEY, i.e. the rowid, with `iun`
// UNIQUE NOT NULL; PostgreSQL: an identity column, UNIQUE, the primary key stays `iun`), existing
// notifications numbered in their storage order. The five child tables lose `iun` and get `nid`
// in front of their primary key, with the foreign key to notifications(nid). aar_tokens, which
// pointed at recipients(iun, rec_index), now points at notifications(iun) (its rows keep the IUN:
// a scanned token resolves to one). The sender-counter triggers are re-created for the new keys
// (on SQLite without the bulk-marker guard of migration 1900: the bulk import now drops the insert
// triggers for the length of its transaction).
//
// SQLite cannot change a primary key in place: the tables are rebuilt (SQLite's documented
// procedure: new table, copy, drop, rename) with foreign key enforcement off, which only works
// outside a transaction, so this migration opens its own and checks every foreign key before it
// commits. PostgreSQL changes the tables in place, in one transaction.
import type { Knex } from 'knex';
import { pgTriggerFunctionSql, sqliteTriggerSql, SQLITE_TRIGGER_NAMES, type Keying } from '../repositories/sender-stats-sql.js';
import { createClusteredTable, isSqlite } from './helpers.js';

export const config = { transaction: false };

/** The child tables and their primary key after the notification's key. */
const CHILDREN: readonly { table: string; key: readonly string[]; columns: readonly string[] }[] = [
  {
    table: 'recipients',
    key: ['rec_index'],
    columns: ['rec_index', 'tax_id', 'recipient_type', 'denomination', 'digital_domicile_type', 'digital_domicile_address', 'physical_address', 'aar_ref', 'outcome', 'viewed_at', 'refinement_date', 'refined_by', 'term_date', 'pending'],
  },
  { table: 'documents', key: ['doc_index'], columns: ['doc_index', 'title', 'content_type', 'sha256', 'ref'] },
  { table: 'payment_notices', key: ['rec_index', 'pay_index'], columns: ['rec_index', 'pay_index', 'notice_code', 'creditor_tax_id', 'amount_cents', 'due_date'] },
  { table: 'timeline_elements', key: ['element_id'], columns: ['element_id', 'category', 'at', 'recipient_index', 'details'] },
  { table: 'legal_facts', key: ['id'], columns: ['id', 'type', 'element_id', 'recipient_index', 'at', 'file_ref'] },
];

const NOTIFICATION_COLUMNS = [
  'iun', 'sent_at', 'sent_ms', 'sender_tax_id', 'sender_denomination', 'subject', 'abstract', 'pa_protocol_number',
  'group_name', 'physical_communication_type', 'recipient_count', 'status', 'status_at', 'viewed_at',
];

/** Secondary indexes of the rebuilt SQLite tables, re-created under their names after the copy. */
const SQLITE_INDEXES = [
  'CREATE INDEX `notifications_sender_sent_idx` on `notifications` (`sender_tax_id`, `sent_ms`)',
  'CREATE INDEX `notifications_sender_status_sent_idx` on `notifications` (`sender_tax_id`, `status`, `sent_ms`)',
  'CREATE INDEX `notifications_sent_idx` on `notifications` (`sent_ms`, `iun`)',
  'CREATE INDEX `notifications_status_sent_idx` on `notifications` (`status`, `sent_ms`, `iun`)',
  'CREATE INDEX `notifications_protocol_idx` on `notifications` (`pa_protocol_number`)',
  'CREATE INDEX `notifications_group_sent_idx` on `notifications` (`group_name`, `sent_ms`)',
  'CREATE INDEX `recipients_refinement_idx` on `recipients` (`refinement_date`, `refined_by`)',
  'CREATE INDEX `recipients_tax_id_pending_outcome_idx` on `recipients` (`tax_id`, `pending`, `outcome`)',
  'CREATE INDEX `aar_tokens_iun_idx` on `aar_tokens` (`iun`)',
];

const APPEND_ONLY_TRIGGER = `CREATE TRIGGER timeline_elements_append_only BEFORE UPDATE ON timeline_elements
      BEGIN SELECT RAISE(ABORT, 'timeline_elements is append-only'); END`;

const q = (c: string) => `"${c}"`;

// --- SQLite ---------------------------------------------------------------------------------

function notificationColumns(t: Knex.CreateTableBuilder): void {
  t.string('sent_at', 40).notNullable();
  t.bigInteger('sent_ms').notNullable();
  t.string('sender_tax_id', 16).notNullable();
  t.string('sender_denomination').notNullable();
  t.string('subject').notNullable();
  t.text('abstract');
  t.string('pa_protocol_number');
  t.string('group_name');
  t.string('physical_communication_type', 32).notNullable();
  t.integer('recipient_count').notNullable();
  t.string('status', 24).notNullable();
  t.string('status_at', 40).notNullable();
  t.string('viewed_at', 40);
}

/** Column definitions of a child table after its key column(s), as migrations 0901-0905 wrote them. */
function childColumns(table: string, t: Knex.CreateTableBuilder): void {
  switch (table) {
    case 'recipients':
      t.integer('rec_index').notNullable();
      t.string('tax_id', 16).notNullable();
      t.string('recipient_type', 2).notNullable();
      t.string('denomination').notNullable();
      t.string('digital_domicile_type', 8);
      t.string('digital_domicile_address');
      t.text('physical_address');
      t.string('aar_ref', 64);
      t.string('outcome', 24).notNullable();
      t.string('viewed_at', 40);
      t.string('refinement_date', 40);
      t.string('refined_by', 8);
      t.string('term_date', 40);
      t.boolean('pending').notNullable();
      return;
    case 'documents':
      t.integer('doc_index').notNullable();
      t.string('title').notNullable();
      t.string('content_type', 64).notNullable();
      t.string('sha256', 64).notNullable();
      t.string('ref', 64);
      return;
    case 'payment_notices':
      t.integer('rec_index').notNullable();
      t.integer('pay_index').notNullable();
      t.string('notice_code', 18).notNullable();
      t.string('creditor_tax_id', 11).notNullable();
      t.bigInteger('amount_cents');
      t.string('due_date', 40);
      return;
    case 'timeline_elements':
      t.string('element_id', 200).notNullable();
      t.string('category', 48).notNullable();
      t.string('at', 40).notNullable();
      t.integer('recipient_index');
      t.text('details').notNullable();
      return;
    default:
      t.string('id', 240).notNullable();
      t.string('type', 32).notNullable();
      t.string('element_id', 200).notNullable();
      t.integer('recipient_index');
      t.string('at', 40).notNullable();
      t.string('file_ref', 64);
  }
}

/** The new tables under `<name>_next` (foreign keys name the final tables), for keying `key`. */
async function createNextTables(trx: Knex.Transaction, key: Keying): Promise<void> {
  await trx.schema.createTable('notifications_next', (t) => {
    if (key === 'nid') {
      // Declared type exactly `integer` + single-column primary key: an alias of the rowid.
      t.integer('nid').primary();
      t.string('iun', 25).notNullable().unique();
    } else {
      t.string('iun', 25).primary();
    }
    notificationColumns(t);
  });
  for (const c of CHILDREN) {
    await createClusteredTable(trx, `${c.table}_next`, (t) => {
      if (key === 'nid') t.integer('nid').notNullable();
      else t.string('iun', 25).notNullable();
      childColumns(c.table, t);
      if (c.table === 'payment_notices') {
        t.foreign([key, 'rec_index']).references([key, 'rec_index']).inTable('recipients').onDelete('CASCADE');
      } else {
        t.foreign([key]).references([key]).inTable('notifications').onDelete('CASCADE');
      }
      t.primary([key, ...c.key]);
    });
  }
  await trx.schema.createTable('aar_tokens_next', (t) => {
    t.string('token', 200).primary();
    t.string('iun', 25).notNullable();
    t.integer('recipient_index').notNullable();
    if (key === 'nid') t.foreign(['iun']).references(['iun']).inTable('notifications').onDelete('CASCADE');
    else t.foreign(['iun', 'recipient_index']).references(['iun', 'rec_index']).inTable('recipients').onDelete('CASCADE');
  });
}

async function rebuildSqlite(trx: Knex.Transaction, key: Keying): Promise<void> {
  for (const name of [...SQLITE_TRIGGER_NAMES, 'timeline_elements_append_only']) await trx.raw(`DROP TRIGGER IF EXISTS ${name}`);
  await createNextTables(trx, key);
  const cols = NOTIFICATION_COLUMNS.map(q).join(', ');
  if (key === 'nid') {
    await trx.raw(`INSERT INTO notifications_next (nid, ${cols}) SELECT rowid, ${cols} FROM notifications ORDER BY rowid`);
  } else {
    await trx.raw(`INSERT INTO notifications_next (${cols}) SELECT ${cols} FROM notifications ORDER BY nid`);
  }
  // Each child row finds its notification's new key through the old one, in the notifications
  // table that has both (the new one going up, the old one going down).
  const from = key === 'nid' ? 'iun' : 'nid';
  const both = key === 'nid' ? 'notifications_next' : 'notifications';
  for (const c of CHILDREN) {
    const list = c.columns.map((x) => `c.${q(x)}`).join(', ');
    await trx.raw(
      `INSERT INTO ${c.table}_next (${q(key)}, ${c.columns.map(q).join(', ')}) SELECT n.${key}, ${list} ` +
        `FROM ${c.table} c JOIN ${both} n ON n.${from} = c.${from} ORDER BY n.${key}, ${c.key.map((k) => `c.${q(k)}`).join(', ')}`,
    );
  }
  await trx.raw('INSERT INTO aar_tokens_next (token, iun, recipient_index) SELECT token, iun, recipient_index FROM aar_tokens');
  for (const t of ['aar_tokens', ...CHILDREN.map((c) => c.table).reverse(), 'notifications']) await trx.raw(`DROP TABLE ${t}`);
  for (const t of ['notifications', ...CHILDREN.map((c) => c.table), 'aar_tokens']) await trx.raw(`ALTER TABLE ${t}_next RENAME TO ${t}`);
  for (const sql of SQLITE_INDEXES) await trx.raw(sql);
  await trx.raw(APPEND_ONLY_TRIGGER);
  // Up: no bulk-marker guard any more (the bulk import drops the insert triggers for its
  // transaction instead, sender-stats-sql.ts); down: the guarded triggers of migration 1900.
  for (const sql of sqliteTriggerSql(key, key === 'iun')) await trx.raw(sql);
  const broken = (await trx.raw('PRAGMA foreign_key_check')) as unknown[];
  if (broken.length > 0) throw new Error(`re-keying left ${broken.length} rows without their parent`);
  // Dropping a table drops its planner statistics: a store that had them gets them back (sampled,
  // as PRAGMA optimize would), so that the first queries after the upgrade plan as before.
  const stats = (await trx.raw(`SELECT count(*) AS n FROM sqlite_master WHERE name = 'sqlite_stat1'`)) as { n: number }[];
  if (stats[0]!.n > 0) {
    await trx.raw('PRAGMA analysis_limit = 1000');
    for (const t of ['notifications', ...CHILDREN.map((c) => c.table), 'aar_tokens']) await trx.raw(`ANALYZE ${t}`);
    await trx.raw('PRAGMA analysis_limit = 0');
  }
}

async function runSqlite(knex: Knex, key: Keying): Promise<void> {
  await knex.raw('PRAGMA foreign_keys = OFF');
  try {
    await knex.transaction((trx) => rebuildSqlite(trx, key));
  } finally {
    await knex.raw('PRAGMA foreign_keys = ON');
  }
}

// --- PostgreSQL -----------------------------------------------------------------------------

async function dropForeignKeys(trx: Knex.Transaction, table: string): Promise<void> {
  const rows = (await trx.raw(`SELECT conname FROM pg_constraint WHERE conrelid = ?::regclass AND contype = 'f'`, [table])) as { rows: { conname: string }[] };
  for (const r of rows.rows) await trx.raw(`ALTER TABLE ${table} DROP CONSTRAINT ${q(r.conname)}`);
}

async function replacePrimaryKey(trx: Knex.Transaction, table: string, columns: readonly string[]): Promise<void> {
  const rows = (await trx.raw(`SELECT conname FROM pg_constraint WHERE conrelid = ?::regclass AND contype = 'p'`, [table])) as { rows: { conname: string }[] };
  for (const r of rows.rows) await trx.raw(`ALTER TABLE ${table} DROP CONSTRAINT ${q(r.conname)}`);
  await trx.raw(`ALTER TABLE ${table} ADD CONSTRAINT ${table}_pkey PRIMARY KEY (${columns.map(q).join(', ')})`);
}

async function rekeyPg(trx: Knex.Transaction, key: Keying): Promise<void> {
  const from = key === 'nid' ? 'iun' : 'nid';
  if (key === 'nid') {
    await trx.raw('ALTER TABLE notifications ADD COLUMN nid bigint GENERATED BY DEFAULT AS IDENTITY');
    await trx.raw('ALTER TABLE notifications ADD CONSTRAINT notifications_nid_unique UNIQUE (nid)');
  }
  for (const t of ['aar_tokens', ...CHILDREN.map((c) => c.table)]) await dropForeignKeys(trx, t);
  for (const c of CHILDREN) {
    await trx.raw(`ALTER TABLE ${c.table} ADD COLUMN ${key} ${key === 'nid' ? 'bigint' : 'varchar(25)'}`);
    // Filling in the new key is not a change of the row: the append-only and counter triggers stand aside.
    await trx.raw(`ALTER TABLE ${c.table} DISABLE TRIGGER USER`);
    await trx.raw(`UPDATE ${c.table} c SET ${key} = n.${key} FROM notifications n WHERE n.${from} = c.${from}`);
    await trx.raw(`ALTER TABLE ${c.table} ENABLE TRIGGER USER`);
    await trx.raw(`ALTER TABLE ${c.table} ALTER COLUMN ${key} SET NOT NULL`);
    await replacePrimaryKey(trx, c.table, [key, ...c.key]);
    await trx.raw(`ALTER TABLE ${c.table} DROP COLUMN ${from}`);
  }
  for (const c of CHILDREN) {
    const [cols, parent, parentCols] = c.table === 'payment_notices'
      ? [[key, 'rec_index'], 'recipients', [key, 'rec_index']]
      : [[key], 'notifications', [key]];
    await trx.raw(`ALTER TABLE ${c.table} ADD CONSTRAINT ${c.table}_${cols.join('_')}_foreign FOREIGN KEY (${cols.join(', ')}) REFERENCES ${parent} (${parentCols.join(', ')}) ON DELETE CASCADE`);
  }
  if (key === 'nid') {
    await trx.raw('ALTER TABLE aar_tokens ADD CONSTRAINT aar_tokens_iun_foreign FOREIGN KEY (iun) REFERENCES notifications (iun) ON DELETE CASCADE');
  } else {
    await trx.raw('ALTER TABLE aar_tokens ADD CONSTRAINT aar_tokens_iun_recipient_index_foreign FOREIGN KEY (iun, recipient_index) REFERENCES recipients (iun, rec_index) ON DELETE CASCADE');
    await trx.raw('ALTER TABLE notifications DROP COLUMN nid');
  }
  for (const sql of pgTriggerFunctionSql(key)) await trx.raw(sql);
}

async function run(knex: Knex, key: Keying): Promise<void> {
  // Already done: the process stopped after this migration committed its own transaction and
  // before Knex recorded it (the next start runs it again).
  if ((await knex.schema.hasColumn('notifications', 'nid')) === (key === 'nid')) return;
  if (isSqlite(knex)) await runSqlite(knex, key);
  else await knex.transaction((trx) => rekeyPg(trx, key));
}

export async function up(knex: Knex): Promise<void> {
  await run(knex, 'nid');
}

export async function down(knex: Knex): Promise<void> {
  await run(knex, 'iun');
}
