// The sender dashboard's daily counters (db/repositories/sender-stats-sql.ts): the table, the
// Europe/Rome summer-time periods its day buckets need, the triggers that keep it in step with
// notifications, recipients and timeline_elements, and the backfill of an existing store.
// The SQL generators are asked for the `iun` keying this migration was written for (the tables
// are re-keyed by migration 2026-11-27-0900; its output must not change).
import type { Knex } from 'knex';
import { romeOffsetMinutes } from '../../core/index.js';
import { cascadeSubtractSql, rebuildSql, rowChangeSql, type Dialect } from '../repositories/sender-stats-sql.js';
import { createClusteredTable, isSqlite } from './helpers.js';

const HOUR_MS = 3_600_000;
const FIRST_YEAR = 1970;
const LAST_YEAR = 2100;

/** [start, end) of Rome summer time in a year, found with core's rule (changes happen on the hour). */
function summerPeriod(year: number): [number, number] {
  let start = Date.UTC(year, 2, 1);
  while (romeOffsetMinutes(start) !== 120) start += HOUR_MS;
  let end = Date.UTC(year, 9, 1);
  while (romeOffsetMinutes(end) === 120) end += HOUR_MS;
  return [start, end];
}

const TIMELINE_CATEGORIES = `('DIGITAL_DELIVERY_CREATION_REQUEST', 'ANALOG_SUCCESS_WORKFLOW', 'SEND_DIGITAL_FEEDBACK')`;

function sqliteTriggers(): string[] {
  const d: Dialect = 'sqlite';
  const body = (stmts: string[]) => `BEGIN ${stmts.map((s) => `${s};`).join(' ')} END`;
  return [
    `CREATE TRIGGER sender_daily_notifications_ai AFTER INSERT ON notifications ${body(rowChangeSql(d, 'notifications', 'insert', 'iun'))}`,
    `CREATE TRIGGER sender_daily_notifications_au AFTER UPDATE OF status, viewed_at ON notifications
      WHEN OLD.status IS NOT NEW.status OR OLD.viewed_at IS NOT NEW.viewed_at ${body(rowChangeSql(d, 'notifications', 'update', 'iun'))}`,
    `CREATE TRIGGER sender_daily_notifications_bd BEFORE DELETE ON notifications ${body([cascadeSubtractSql(d, 'OLD', 'iun'), ...rowChangeSql(d, 'notifications', 'delete', 'iun')])}`,
    `CREATE TRIGGER sender_daily_recipients_ai AFTER INSERT ON recipients ${body(rowChangeSql(d, 'recipients', 'insert', 'iun'))}`,
    `CREATE TRIGGER sender_daily_recipients_au AFTER UPDATE OF outcome, refinement_date ON recipients
      WHEN OLD.outcome IS NOT NEW.outcome OR OLD.refinement_date IS NOT NEW.refinement_date ${body(rowChangeSql(d, 'recipients', 'update', 'iun'))}`,
    `CREATE TRIGGER sender_daily_recipients_ad AFTER DELETE ON recipients ${body(rowChangeSql(d, 'recipients', 'delete', 'iun'))}`,
    `CREATE TRIGGER sender_daily_timeline_ai AFTER INSERT ON timeline_elements WHEN NEW.category IN ${TIMELINE_CATEGORIES} ${body(rowChangeSql(d, 'timeline_elements', 'insert', 'iun'))}`,
    `CREATE TRIGGER sender_daily_timeline_ad AFTER DELETE ON timeline_elements WHEN OLD.category IN ${TIMELINE_CATEGORIES} ${body(rowChangeSql(d, 'timeline_elements', 'delete', 'iun'))}`,
  ];
}

function pgFunction(name: string, onInsert: string[], onUpdate: { when: string; stmts: string[] }, onDelete: string[]): string {
  const run = (stmts: string[]) => stmts.map((s) => `${s};`).join('\n');
  return `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
${run(onInsert)}
    RETURN NEW;
  ELSIF TG_OP = 'UPDATE' THEN
    IF ${onUpdate.when} THEN
${run(onUpdate.stmts)}
    END IF;
    RETURN NEW;
  END IF;
${run(onDelete)}
  RETURN OLD;
END $$`;
}

function pgTriggers(): string[] {
  const d: Dialect = 'pg';
  return [
    pgFunction('sender_daily_notifications', rowChangeSql(d, 'notifications', 'insert', 'iun'),
      { when: 'OLD.status IS DISTINCT FROM NEW.status OR OLD.viewed_at IS DISTINCT FROM NEW.viewed_at', stmts: rowChangeSql(d, 'notifications', 'update', 'iun') },
      [cascadeSubtractSql(d, 'OLD', 'iun'), ...rowChangeSql(d, 'notifications', 'delete', 'iun')]),
    `CREATE TRIGGER sender_daily_notifications_aiu AFTER INSERT OR UPDATE ON notifications FOR EACH ROW EXECUTE FUNCTION sender_daily_notifications()`,
    `CREATE TRIGGER sender_daily_notifications_bd BEFORE DELETE ON notifications FOR EACH ROW EXECUTE FUNCTION sender_daily_notifications()`,
    pgFunction('sender_daily_recipients', rowChangeSql(d, 'recipients', 'insert', 'iun'),
      { when: 'OLD.outcome IS DISTINCT FROM NEW.outcome OR OLD.refinement_date IS DISTINCT FROM NEW.refinement_date', stmts: rowChangeSql(d, 'recipients', 'update', 'iun') },
      rowChangeSql(d, 'recipients', 'delete', 'iun')),
    `CREATE TRIGGER sender_daily_recipients_aiud AFTER INSERT OR UPDATE OR DELETE ON recipients FOR EACH ROW EXECUTE FUNCTION sender_daily_recipients()`,
    pgFunction('sender_daily_timeline', rowChangeSql(d, 'timeline_elements', 'insert', 'iun'), { when: 'false', stmts: [] }, rowChangeSql(d, 'timeline_elements', 'delete', 'iun')),
    `CREATE TRIGGER sender_daily_timeline_ai AFTER INSERT ON timeline_elements FOR EACH ROW WHEN (NEW.category IN ${TIMELINE_CATEGORIES}) EXECUTE FUNCTION sender_daily_timeline()`,
    `CREATE TRIGGER sender_daily_timeline_ad AFTER DELETE ON timeline_elements FOR EACH ROW WHEN (OLD.category IN ${TIMELINE_CATEGORIES}) EXECUTE FUNCTION sender_daily_timeline()`,
  ];
}

export async function up(knex: Knex): Promise<void> {
  const sqlite = isSqlite(knex);
  // Keyed by start: "the last period starting at or before t" is one index seek (sender-stats-sql.ts).
  await createClusteredTable(knex, 'sender_rome_dst', (t) => {
    t.bigInteger('start_ms').primary();
    t.bigInteger('end_ms').notNullable();
  });
  const rows = [];
  for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) {
    const [start, end] = summerPeriod(y);
    rows.push({ start_ms: start, end_ms: end });
  }
  await knex.batchInsert('sender_rome_dst', rows, 200);
  await createClusteredTable(knex, 'sender_daily', (t) => {
    t.integer('day').notNullable();
    t.string('sender_tax_id', 16).notNullable();
    t.string('metric', 16).notNullable();
    t.string('k', 64).notNullable();
    t.bigInteger('n').notNullable();
    t.bigInteger('sum_ms').notNullable();
    t.primary(['day', 'sender_tax_id', 'metric', 'k']);
  });
  for (const sql of sqlite ? sqliteTriggers() : pgTriggers()) await knex.raw(sql);
  await knex.raw(rebuildSql(sqlite ? 'sqlite' : 'pg', 'sender_daily', undefined, 'iun'));
}

export async function down(knex: Knex): Promise<void> {
  if (isSqlite(knex)) {
    for (const t of ['notifications_ai', 'notifications_au', 'notifications_bd', 'recipients_ai', 'recipients_au', 'recipients_ad', 'timeline_ai', 'timeline_ad']) {
      await knex.raw(`DROP TRIGGER IF EXISTS sender_daily_${t}`);
    }
  } else {
    await knex.raw('DROP TRIGGER IF EXISTS sender_daily_notifications_aiu ON notifications');
    await knex.raw('DROP TRIGGER IF EXISTS sender_daily_notifications_bd ON notifications');
    await knex.raw('DROP TRIGGER IF EXISTS sender_daily_recipients_aiud ON recipients');
    await knex.raw('DROP TRIGGER IF EXISTS sender_daily_timeline_ai ON timeline_elements');
    await knex.raw('DROP TRIGGER IF EXISTS sender_daily_timeline_ad ON timeline_elements');
    for (const f of ['notifications', 'recipients', 'timeline']) await knex.raw(`DROP FUNCTION IF EXISTS sender_daily_${f}()`);
  }
  await knex.schema.dropTable('sender_daily');
  await knex.schema.dropTable('sender_rome_dst');
}
