// Legal facts produced by timeline elements (DOMAIN.md 6); `file_ref` points to the PDF in the
// content-addressed file store once it is on this machine.
import type { Knex } from 'knex';
import { createClusteredTable } from './helpers.js';

export async function up(knex: Knex): Promise<void> {
  await createClusteredTable(knex, 'legal_facts', (t) => {
    t.string('iun', 25).notNullable().references('iun').inTable('notifications').onDelete('CASCADE');
    t.string('id', 240).notNullable();
    t.string('type', 32).notNullable();
    t.string('element_id', 200).notNullable();
    t.integer('recipient_index');
    t.string('at', 40).notNullable();
    t.string('file_ref', 64);
    t.primary(['iun', 'id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('legal_facts');
}
