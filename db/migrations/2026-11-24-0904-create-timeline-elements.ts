// The timeline (DOMAIN.md 5): append-only, one row per elementId. The key (iun, element_id)
// makes a repeated element an idempotent no-op and keeps a notification's timeline together;
// a trigger refuses any UPDATE (elements are facts: they are added, never changed).
import type { Knex } from 'knex';
import { createClusteredTable, isSqlite } from './helpers.js';

export async function up(knex: Knex): Promise<void> {
  await createClusteredTable(knex, 'timeline_elements', (t) => {
    t.string('iun', 25).notNullable().references('iun').inTable('notifications').onDelete('CASCADE');
    t.string('element_id', 200).notNullable();
    t.string('category', 48).notNullable();
    t.string('at', 40).notNullable();
    t.integer('recipient_index');
    t.text('details').notNullable();
    t.primary(['iun', 'element_id']);
  });
  if (isSqlite(knex)) {
    await knex.raw(`CREATE TRIGGER timeline_elements_append_only BEFORE UPDATE ON timeline_elements
      BEGIN SELECT RAISE(ABORT, 'timeline_elements is append-only'); END`);
    return;
  }
  await knex.raw(`CREATE FUNCTION timeline_elements_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'timeline_elements is append-only'; END $$`);
  await knex.raw(`CREATE TRIGGER timeline_elements_append_only BEFORE UPDATE ON timeline_elements
      FOR EACH ROW EXECUTE FUNCTION timeline_elements_append_only()`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('timeline_elements');
  if (!isSqlite(knex)) await knex.raw('DROP FUNCTION timeline_elements_append_only()');
}
