// Postal outcomes entered by hand at the postal screens (DOMAIN.md 7.3, 7.4): what was typed,
// by whom and when, next to the timeline element it became.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('analog_outcomes', (t) => {
    t.increments('id');
    t.string('iun', 25).notNullable().references('iun').inTable('notifications').onDelete('CASCADE');
    t.integer('recipient_index').notNullable();
    t.integer('attempt').notNullable();
    t.string('delivery_detail_code', 16).notNullable();
    t.string('at', 40).notNullable();
    t.string('failure_cause', 8);
    t.text('discovered_address');
    t.text('attachments');
    t.string('element_id', 200).notNullable();
    t.string('recorded_by', 64);
    t.string('recorded_at', 40).notNullable();
    t.unique(['iun', 'element_id'], { indexName: 'analog_outcomes_element_uq' });
    t.index(['iun', 'recipient_index', 'attempt'], 'analog_outcomes_attempt_idx');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('analog_outcomes');
}
