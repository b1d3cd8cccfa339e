// Migration 1700 on both backends: the postal batches' answers, kept in their own table for a
// migration (postal_batches), move into request_answers under 'postal.recordBatch' unchanged, so a
// batch confirmed again after the upgrade still gets its first answer; the down step moves them back.
import { describe, expect } from 'vitest';
import * as migration from '../../db/migrations/2026-11-28-1700-fold-postal-batches-into-request-answers.js';
import { storeBackends, useBackend } from '../support/store-backends.js';

const BATCH_ID = '5b0f3c1e-8d2a-4c7b-9e1f-0a1b2c3d4e5f';
const RESULT = { recorded: 2, items: [{ item: 'A', codes: ['RECRN001A', 'RECRN001C'] }] };

describe.each(storeBackends())('migration 1700 (postal batches into request answers) on $name', (backend) => {
  const test = useBackend(backend);

  test('moves every kept batch answer as it was; down moves it back', async () => {
    const s = await backend.newStore();
    // The schema of the time: postal_batches holding the answer of a batch recorded before the upgrade.
    await migration.down(s.knex);
    await s.knex('postal_batches').insert({
      batch_id: BATCH_ID, request_sha256: 'a'.repeat(64), result: JSON.stringify(RESULT), recorded_by: 'op-1',
      recorded_at: '2026-11-28T10:00:00+01:00', recorded_ms: Date.parse('2026-11-28T10:00:00+01:00'),
    });
    await s.knex('request_answers').insert({
      operation: 'desk.createMandate', request_id: BATCH_ID, request_sha256: 'b'.repeat(64), result: '{}', recorded_by: null,
      recorded_at: '2026-11-28T10:00:00+01:00', recorded_ms: Date.parse('2026-11-28T10:00:00+01:00'),
    });

    await migration.up(s.knex);
    expect(await s.knex.schema.hasTable('postal_batches')).toBe(false);
    const moved = await s.requestAnswers.get('postal.recordBatch', BATCH_ID);
    expect(moved).toEqual({
      operation: 'postal.recordBatch', requestId: BATCH_ID, requestSha256: 'a'.repeat(64), result: RESULT, recordedBy: 'op-1', recordedAt: '2026-11-28T10:00:00+01:00',
    });
    // Another operation's answer under the same id is its own.
    expect((await s.requestAnswers.get('desk.createMandate', BATCH_ID))?.requestSha256).toBe('b'.repeat(64));

    await migration.down(s.knex);
    expect(await s.requestAnswers.get('postal.recordBatch', BATCH_ID)).toBeUndefined();
    const back = await s.knex('postal_batches').where({ batch_id: BATCH_ID }).first();
    expect(back).toMatchObject({ request_sha256: 'a'.repeat(64), recorded_by: 'op-1' });
    expect(JSON.parse(back.result)).toEqual(RESULT);
    await migration.up(s.knex);
  });
});
