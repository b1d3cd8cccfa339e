// The desk's receipt of a completed operation (DOMAIN.md 10.1 history): when it was first printed
// and how many times, so that every window and every restart knows whether the next print is a
// reprint ("Ristampa ricevuta"). Rows written before this migration have no print recorded.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('desk_operations', (t) => {
    t.string('receipt_printed_at', 40);
    t.integer('receipt_prints').notNullable().defaultTo(0);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('desk_operations', (t) => {
    t.dropColumn('receipt_prints');
    t.dropColumn('receipt_printed_at');
  });
}
