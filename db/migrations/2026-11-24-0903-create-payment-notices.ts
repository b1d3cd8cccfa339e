// pagoPA payment notices attached to a recipient of a notification (DOMAIN.md 1).
import type { Knex } from 'knex';
import { createClusteredTable } from './helpers.js';

export async function up(knex: Knex): Promise<void> {
  await createClusteredTable(knex, 'payment_notices', (t) => {
    t.string('iun', 25).notNullable();
    t.integer('rec_index').notNullable();
    t.integer('pay_index').notNullable();
    t.string('notice_code', 18).notNullable();
    t.string('creditor_tax_id', 11).notNullable();
    t.bigInteger('amount_cents');
    t.string('due_date', 40);
    t.primary(['iun', 'rec_index', 'pay_index']);
    t.foreign(['iun', 'rec_index']).references(['iun', 'rec_index']).inTable('recipients').onDelete('CASCADE');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('payment_notices');
}
