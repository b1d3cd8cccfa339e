// The desk's own record of each RADD operation, next to radd_transactions (DOMAIN.md 10, 10.1):
// who served whom at which desk, the identity documents and their scans (SHA-256 keys of the
// file store), the documents handed out with their checksums and ticks, the printed bundle and
// the receipt. Plus the delegations (SEND mandates) known to this desk in demo/offline mode.
import type { Knex } from 'knex';
import { createClusteredTable } from './helpers.js';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('desk_operations', (t) => {
    t.string('operation_id', 64).primary().references('operation_id').inTable('radd_transactions').onDelete('CASCADE');
    t.string('desk_id', 64).notNullable();
    t.string('operator_id', 64).notNullable();
    t.text('recipient_denomination');
    t.text('delegate_denomination');
    t.string('delegate_type', 2);
    t.string('mandate_id', 64);
    // JSON: identity documents of the recipient and of the delegate (type, number, issuer, dates).
    t.text('identity').notNullable();
    // JSON: [{ role, sha256, contentType, bytes }] of the scans kept in the file store.
    t.text('scans').notNullable();
    t.string('evidence_sha256', 64);
    t.string('bundle_sha256', 64);
    t.string('receipt_sha256', 64);
    t.bigInteger('started_ms').notNullable();
    t.string('completed_by_desk', 64);
    t.string('completed_by_operator', 64);
    t.bigInteger('completed_ms');
    t.index(['desk_id', 'started_ms'], 'desk_operations_desk_started_idx');
    t.index(['desk_id', 'completed_ms'], 'desk_operations_desk_completed_idx');
  });
  await createClusteredTable(knex, 'desk_operation_documents', (t) => {
    t.string('operation_id', 64).notNullable().references('operation_id').inTable('desk_operations').onDelete('CASCADE');
    t.integer('position').notNullable();
    t.string('doc_key', 400).notNullable();
    t.string('kind', 16).notNullable();
    t.string('iun', 25);
    t.integer('recipient_index');
    t.integer('doc_index');
    t.string('legal_fact_id', 300);
    // JSON LocalizedText.
    t.text('title').notNullable();
    t.string('sha256', 64);
    t.string('printed_at', 40);
    t.string('downloaded_at', 40);
    t.string('handed_over_at', 40);
    t.primary(['operation_id', 'position']);
  });
  await knex.schema.createTable('desk_mandates', (t) => {
    t.string('mandate_id', 64).primary();
    t.string('delegator_tax_id', 16).notNullable();
    t.string('delegate_tax_id', 16).notNullable();
    t.text('delegate_denomination').notNullable();
    t.string('delegate_type', 2).notNullable();
    t.string('valid_from', 40);
    t.string('valid_to', 40);
    t.string('created_at', 40).notNullable();
    t.index(['delegate_tax_id', 'delegator_tax_id'], 'desk_mandates_pair_idx');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('desk_mandates');
  await knex.schema.dropTable('desk_operation_documents');
  await knex.schema.dropTable('desk_operations');
}
