// Where each sync adapter stopped reading (one opaque cursor per adapter and stream).
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('sync_cursors', (t) => {
    t.string('stream', 128).primary();
    t.text('cursor').notNullable();
    t.string('updated_at', 40).notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('sync_cursors');
}
