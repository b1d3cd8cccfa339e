// Indexes of the sender list and dashboard (issue: sender office monitoring). The list filters by
// deposit date, status, protocol number and group without a sender (one office may hold several
// senders' notifications, or all of them in the demo), so the sender-led indexes of the first
// migration do not serve it; the dashboard lists the refinements due soon by refinement date
// (DOMAIN.md 8.3), with refined_by in the index so that counting them reads the index only.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('notifications', (t) => {
    // iun in the key: pages and exports are read in (sent_ms, iun) order from the index alone.
    t.index(['sent_ms', 'iun'], 'notifications_sent_idx');
    t.index(['status', 'sent_ms', 'iun'], 'notifications_status_sent_idx');
    t.index(['pa_protocol_number'], 'notifications_protocol_idx');
    t.index(['group_name', 'sent_ms'], 'notifications_group_sent_idx');
  });
  await knex.schema.alterTable('recipients', (t) => {
    t.index(['refinement_date', 'refined_by'], 'recipients_refinement_idx');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('recipients', (t) => {
    t.dropIndex(['refinement_date', 'refined_by'], 'recipients_refinement_idx');
  });
  await knex.schema.alterTable('notifications', (t) => {
    t.dropIndex(['group_name', 'sent_ms'], 'notifications_group_sent_idx');
    t.dropIndex(['pa_protocol_number'], 'notifications_protocol_idx');
    t.dropIndex(['status', 'sent_ms', 'iun'], 'notifications_status_sent_idx');
    t.dropIndex(['sent_ms', 'iun'], 'notifications_sent_idx');
  });
}
