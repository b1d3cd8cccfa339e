// Answers given to a write named by the screen (operation, request id): the id the screen chose for
// a draft, a digest of what it asked and the answer it was given. The same request sent again after
// its answer was lost (the same id, the same request) gets the same answer and records nothing
// twice (electron/api/answer-once.ts), as a RADD operation does with its operationId and a postal
// batch with its batchId (postal_batches, folded into this table by the next migration).
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('request_answers', (t) => {
    t.string('operation', 64).notNullable();
    t.string('request_id', 64).notNullable();
    t.string('request_sha256', 64).notNullable();
    t.text('result').notNullable();
    t.string('recorded_by', 100);
    t.string('recorded_at', 40).notNullable();
    // The sortable twin of recorded_at: old answers are forgotten by it.
    t.bigInteger('recorded_ms').notNullable().index('request_answers_recorded_idx');
    t.primary(['operation', 'request_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('request_answers');
}
