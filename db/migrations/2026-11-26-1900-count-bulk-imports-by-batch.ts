// Bulk imports count the sender dashboard's daily counters once per batch instead of once per row
// (sender-stats-sql.ts "bulk import switch"): the insert triggers of notifications, recipients and
// timeline_elements stand aside while the switch is on, and the import adds the batch's counters
// set-wise in the same transaction. Measured on 20k notifications: the per-row upserts were ~20 %
// of the import's CPU. Updates and deletes keep their row triggers.
// The SQL generators are asked for the `iun` keying this migration was written for (the tables
// are re-keyed by migration 2026-11-27-0900; its output must not change).
import type { Knex } from 'knex';
import { BULK_MARKER_TABLE, cascadeSubtractSql, PG_NOT_BULK, rowChangeSql, SQLITE_NOT_BULK, type Dialect } from '../repositories/sender-stats-sql.js';
import { isSqlite } from './helpers.js';

const TIMELINE_CATEGORIES = `('DIGITAL_DELIVERY_CREATION_REQUEST', 'ANALOG_SUCCESS_WORKFLOW', 'SEND_DIGITAL_FEEDBACK')`;
type Table = 'notifications' | 'recipients' | 'timeline_elements';
const body = (stmts: string[]) => `BEGIN ${stmts.map((s) => `${s};`).join(' ')} END`;

function sqliteInsertTriggers(guard: string | undefined): string[] {
  const d: Dialect = 'sqlite';
  const when = (cond?: string) => {
    const all = [cond, guard].filter((c): c is string => !!c);
    return all.length ? `WHEN ${all.join(' AND ')} ` : '';
  };
  return [
    `CREATE TRIGGER sender_daily_notifications_ai AFTER INSERT ON notifications ${when()}${body(rowChangeSql(d, 'notifications', 'insert', 'iun'))}`,
    `CREATE TRIGGER sender_daily_recipients_ai AFTER INSERT ON recipients ${when()}${body(rowChangeSql(d, 'recipients', 'insert', 'iun'))}`,
    `CREATE TRIGGER sender_daily_timeline_ai AFTER INSERT ON timeline_elements ${when(`NEW.category IN ${TIMELINE_CATEGORIES}`)}${body(rowChangeSql(d, 'timeline_elements', 'insert', 'iun'))}`,
  ];
}

/**
 * PostgreSQL's trigger functions of migration 1601, re-created with their INSERT branch behind
 * `guard` (UPDATE and DELETE branches built from the same SQL as 1601). CREATE OR REPLACE keeps
 * the triggers bound to them.
 */
function pgFunctions(guard: string): string[] {
  const d: Dialect = 'pg';
  const run = (stmts: string[]) => stmts.map((s) => `${s};`).join('\n');
  const fn = (name: string, table: Table, update: { when: string; stmts: string[] }, onDelete: string[]) =>
    `CREATE OR REPLACE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF ${guard} THEN
${run(rowChangeSql(d, table, 'insert', 'iun'))}
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
      { when: 'OLD.status IS DISTINCT FROM NEW.status OR OLD.viewed_at IS DISTINCT FROM NEW.viewed_at', stmts: rowChangeSql(d, 'notifications', 'update', 'iun') },
      [cascadeSubtractSql(d, 'OLD', 'iun'), ...rowChangeSql(d, 'notifications', 'delete', 'iun')]),
    fn('sender_daily_recipients', 'recipients',
      { when: 'OLD.outcome IS DISTINCT FROM NEW.outcome OR OLD.refinement_date IS DISTINCT FROM NEW.refinement_date', stmts: rowChangeSql(d, 'recipients', 'update', 'iun') },
      rowChangeSql(d, 'recipients', 'delete', 'iun')),
    fn('sender_daily_timeline', 'timeline_elements', { when: 'false', stmts: [] }, rowChangeSql(d, 'timeline_elements', 'delete', 'iun')),
  ];
}

export async function up(knex: Knex): Promise<void> {
  if (isSqlite(knex)) {
    await knex.schema.createTable(BULK_MARKER_TABLE, (t) => t.integer('id').primary());
    for (const t of ['notifications_ai', 'recipients_ai', 'timeline_ai']) await knex.raw(`DROP TRIGGER sender_daily_${t}`);
    for (const sql of sqliteInsertTriggers(SQLITE_NOT_BULK)) await knex.raw(sql);
    return;
  }
  for (const sql of pgFunctions(PG_NOT_BULK)) await knex.raw(sql);
}

export async function down(knex: Knex): Promise<void> {
  if (isSqlite(knex)) {
    for (const t of ['notifications_ai', 'recipients_ai', 'timeline_ai']) await knex.raw(`DROP TRIGGER sender_daily_${t}`);
    for (const sql of sqliteInsertTriggers(undefined)) await knex.raw(sql);
    await knex.schema.dropTable(BULK_MARKER_TABLE);
    return;
  }
  for (const sql of pgFunctions('true')) await knex.raw(sql);
}
