// The core engine's incremental state (JSON) of a notification whose timeline is maintained
// element by element (applyElement). Kept apart from the header so that list queries never
// read it; absent for bulk-imported notifications until their next element (then rebuilt).
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('notification_engine_states', (t) => {
    t.string('iun', 25).primary().references('iun').inTable('notifications').onDelete('CASCADE');
    t.text('engine_state').notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('notification_engine_states');
}
