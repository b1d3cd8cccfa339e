// Postal batches recorded (postal.recordBatch): the id the screen chose for the batch, a digest of
// what it asked (items and outcome) and the answer it was given. A batch confirmed again after its
// answer was lost (the same id, the same request) gets the same answer and records nothing twice,
// as a RADD operation does with its operationId (electron/postal/batch-once.ts).
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('postal_batches', (t) => {
    t.string('batch_id', 36).primary();
    t.string('request_sha256', 64).notNullable();
    t.text('result').notNullable();
    t.string('recorded_by', 100);
    t.string('recorded_at', 40).notNullable();
    // The sortable twin of recorded_at: old batches are forgotten by it.
    t.bigInteger('recorded_ms').notNullable().index('postal_batches_recorded_idx');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('postal_batches');
}
