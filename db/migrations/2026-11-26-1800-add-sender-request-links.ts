// What SEND answered to a notification request created here (issue "Sync through pluggable
// adapters"): its notificationRequestId (202 of sendNewNotification) and, once SEND accepts the
// request, the IUN SEND assigned, which differs from the local IUN the notification is stored
// under. The sync layer translates SEND's IUN to the local one on the way in and back on the way
// out (electron/sync/links.ts). Both are unique: one SEND request, one SEND notification.
// `send_request_status` is SEND's notificationRequestStatus when last asked (a REFUSED request gets
// no IUN: the sync layer stops asking for it).
// Also `outbox.local_only`: items marked done without sending because the adapter does not carry
// their kind, so that the sync status counts them from the table (the count survives a restart);
// rows written before this migration are recognised by their SYNC_LOCAL_ONLY note.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('sender_requests', (t) => {
    t.string('notification_request_id', 256);
    t.string('send_iun', 25);
    t.string('send_request_status', 40);
    t.unique(['notification_request_id'], { indexName: 'sender_requests_request_id_uq' });
    t.unique(['send_iun'], { indexName: 'sender_requests_send_iun_uq' });
  });
  await knex.schema.alterTable('outbox', (t) => {
    t.boolean('local_only').notNullable().defaultTo(false);
    t.index(['local_only'], 'outbox_local_only_idx');
  });
  await knex('outbox').whereNotNull('sent_at').where('last_error', 'like', '{"code":"SYNC_LOCAL_ONLY"%').update({ local_only: true });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('outbox', (t) => {
    t.dropIndex(['local_only'], 'outbox_local_only_idx');
  });
  await knex.schema.alterTable('outbox', (t) => {
    t.dropColumn('local_only');
  });
  await knex.schema.alterTable('sender_requests', (t) => {
    t.dropUnique(['send_iun'], 'sender_requests_send_iun_uq');
    t.dropUnique(['notification_request_id'], 'sender_requests_request_id_uq');
  });
  await knex.schema.alterTable('sender_requests', (t) => {
    t.dropColumn('send_request_status');
    t.dropColumn('send_iun');
    t.dropColumn('notification_request_id');
  });
}
