// One table for the answers of every write named by the screen: the postal batches' answers
// (postal_batches, created a migration earlier for postal.recordBatch alone) move into
// request_answers under the operation 'postal.recordBatch', where answerOnce keeps the answers of
// the other writes (electron/api/answer-once.ts). Rows are copied as they are, so a batch confirmed
// again after the upgrade still gets its first answer.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`INSERT INTO request_answers (operation, request_id, request_sha256, result, recorded_by, recorded_at, recorded_ms)
    SELECT 'postal.recordBatch', batch_id, request_sha256, result, recorded_by, recorded_at, recorded_ms FROM postal_batches`);
  await knex.schema.dropTable('postal_batches');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.createTable('postal_batches', (t) => {
    t.string('batch_id', 36).primary();
    t.string('request_sha256', 64).notNullable();
    t.text('result').notNullable();
    t.string('recorded_by', 100);
    t.string('recorded_at', 40).notNullable();
    t.bigInteger('recorded_ms').notNullable().index('postal_batches_recorded_idx');
  });
  await knex.raw(`INSERT INTO postal_batches (batch_id, request_sha256, result, recorded_by, recorded_at, recorded_ms)
    SELECT request_id, request_sha256, result, recorded_by, recorded_at, recorded_ms FROM request_answers WHERE operation = 'postal.recordBatch'`);
  await knex('request_answers').where('operation', 'postal.recordBatch').delete();
}
