// Messages to send to SEND / RADD, written in the same transaction as the change that causes
// them and sent later by the sync adapter (transactional outbox). `dedupe_key` keeps a repeated
// enqueue idempotent.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('outbox', (t) => {
    t.increments('id');
    t.string('kind', 64).notNullable();
    t.string('dedupe_key', 200).unique({ indexName: 'outbox_dedupe_uq' });
    t.text('payload').notNullable();
    t.string('created_at', 40).notNullable();
    t.integer('attempts').notNullable().defaultTo(0);
    // Epoch ms when the next attempt is due; null once sent.
    t.bigInteger('due_ms');
    t.string('sent_at', 40);
    t.text('last_error');
    t.index(['due_ms'], 'outbox_due_idx');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('outbox');
}
