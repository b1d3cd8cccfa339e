// Notification requests created by this sender office and queued for SEND (B2B
// NewNotificationRequest): the local IUN they were stored under, the protocol number and
// idempotence token SEND keys a request by (a repeat is a duplicate, as SEND's 409), and the
// outbox item that carries them, so the list can say "awaiting sending" and the sync adapter can
// tie SEND's answer back to the local notification.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('sender_requests', (t) => {
    t.string('iun', 25).primary().references('iun').inTable('notifications').onDelete('CASCADE');
    t.string('sender_tax_id', 16).notNullable();
    t.string('pa_protocol_number', 256).notNullable();
    t.string('idempotence_token', 256).notNullable();
    t.string('outbox_dedupe_key', 300).notNullable();
    t.string('created_at', 40).notNullable();
    t.unique(['sender_tax_id', 'pa_protocol_number', 'idempotence_token'], { indexName: 'sender_requests_protocol_uq' });
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('sender_requests');
}
