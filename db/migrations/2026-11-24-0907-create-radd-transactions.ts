// RADD desk transactions (DOMAIN.md 10, 10.1): the desk's own log, searchable by IUN, by
// operationId and by recipient (or delegate) tax id with a date range. An AOR covers several IUNs.
import type { Knex } from 'knex';
import { createClusteredTable } from './helpers.js';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('radd_transactions', (t) => {
    t.string('operation_id', 64).primary();
    t.string('operation_type', 3).notNullable();
    t.string('state', 12).notNullable();
    t.string('recipient_tax_id', 16).notNullable();
    t.string('recipient_type', 2).notNullable();
    t.string('delegate_tax_id', 16);
    t.string('iun', 25);
    t.string('qr_code');
    t.string('file_key', 200);
    t.string('checksum', 100);
    t.string('operation_date', 40).notNullable();
    // Epoch ms of operation_date, for the date-range search.
    t.bigInteger('operation_ms').notNullable();
    t.string('started_at', 40).notNullable();
    t.string('completed_at', 40);
    t.string('aborted_at', 40);
    t.text('abort_reason');
    t.text('error_reason');
    t.string('updated_at', 40).notNullable();
    t.index(['recipient_tax_id', 'operation_ms'], 'radd_transactions_recipient_idx');
    t.index(['delegate_tax_id', 'operation_ms'], 'radd_transactions_delegate_idx');
  });
  await createClusteredTable(knex, 'radd_transaction_iuns', (t) => {
    t.string('operation_id', 64).notNullable().references('operation_id').inTable('radd_transactions').onDelete('CASCADE');
    t.string('iun', 25).notNullable();
    t.primary(['operation_id', 'iun']);
    t.index(['iun'], 'radd_transaction_iuns_iun_idx');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('radd_transaction_iuns');
  await knex.schema.dropTable('radd_transactions');
}
