// One table for the answers of every write named by the screen: the postal batches' answers
// (postal_batches, created a migration earlier for postal.recordBatch alone) move into
// request_answers under the operation 'postal.recordBatch', where answerOnce keeps the answers of
// the other writes (electron/api/answer-once.ts). Rows are copied as they are, so a batch confirmed
// again after the upgrade still gets its first answer.
import type { Knex } from 'knex';
import * as createPostalBatches from './2026-11-28-1500-create-postal-batches.js';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`INSERT INTO request_answers (operation, request_id, request_sha256, result, recorded_by, recorded_at, recorded_ms)
    SELECT 'postal.recordBatch', batch_id, request_sha256, result, recorded_by, recorded_at, recorded_ms FROM postal_batches`);
  await knex.schema.dropTable('postal_batches');
}

export async function down(knex: Knex): Promise<void> {
  await createPostalBatches.up(knex);
  await knex.raw(`INSERT INTO postal_batches (batch_id, request_sha256, result, recorded_by, recorded_at, recorded_ms)
    SELECT request_id, request_sha256, result, recorded_by, recorded_at, recorded_ms FROM request_answers WHERE operation = 'postal.recordBatch'`);
  await knex('request_answers').where('operation', 'postal.recordBatch').delete();
}
