// `bulk_import_marker` was the bulk import's switch for SQLite's insert triggers (migration 1900);
// since migration 2026-11-27-0900 the import drops and re-creates those triggers inside its own
// transaction instead (notifications-repo.ts bulkCountingStart) and no trigger reads the table.
// SQLite only (PostgreSQL never had it); down puts the empty table back for 0900's down step.
import type { Knex } from 'knex';
import { BULK_MARKER_TABLE } from '../repositories/sender-stats-sql.js';
import { isSqlite } from './helpers.js';

export async function up(knex: Knex): Promise<void> {
  if (isSqlite(knex)) await knex.schema.dropTable(BULK_MARKER_TABLE);
}

export async function down(knex: Knex): Promise<void> {
  if (isSqlite(knex)) await knex.schema.createTable(BULK_MARKER_TABLE, (t) => t.integer('id').primary());
}
