// The notification header (DOMAIN.md 1, 3) with its derived status columns, so that the sender
// list (sender + status + sent date) is one index range (DOMAIN.md 12 for the derived values).
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('notifications', (t) => {
    t.string('iun', 25).primary();
    t.string('sent_at', 40).notNullable();
    // Epoch milliseconds of sent_at: ISO strings with different offsets do not sort as instants.
    t.bigInteger('sent_ms').notNullable();
    t.string('sender_tax_id', 16).notNullable();
    t.string('sender_denomination').notNullable();
    t.string('subject').notNullable();
    t.text('abstract');
    t.string('pa_protocol_number');
    t.string('group_name');
    t.string('physical_communication_type', 32).notNullable();
    t.integer('recipient_count').notNullable();
    // Derived (DOMAIN.md 4, 12); written with the timeline element that changes them.
    t.string('status', 24).notNullable();
    t.string('status_at', 40).notNullable();
    t.string('viewed_at', 40);
    t.index(['sender_tax_id', 'sent_ms'], 'notifications_sender_sent_idx');
    t.index(['sender_tax_id', 'status', 'sent_ms'], 'notifications_sender_status_sent_idx');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('notifications');
}
