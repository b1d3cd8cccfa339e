// Metadata of the notified documents (acts). The bytes live in the content-addressed file store
// (db/files); `ref` is the local key (hex SHA-256) once the file is on this machine.
import type { Knex } from 'knex';
import { createClusteredTable } from './helpers.js';

export async function up(knex: Knex): Promise<void> {
  await createClusteredTable(knex, 'documents', (t) => {
    t.string('iun', 25).notNullable().references('iun').inTable('notifications').onDelete('CASCADE');
    t.integer('doc_index').notNullable();
    t.string('title').notNullable();
    t.string('content_type', 64).notNullable();
    t.string('sha256', 64).notNullable();
    t.string('ref', 64);
    t.primary(['iun', 'doc_index']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('documents');
}
