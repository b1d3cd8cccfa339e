// A batch recorded once: the screen names each batch it confirms with an id of its own (a UUID v4,
// kept while the list and the outcome stay the same). Confirmed again after its answer was lost
// (the host not reachable for a moment, a window reloaded), the same batch gets the same answer and
// nothing is recorded twice, as a RADD operation does with its operationId (DOMAIN.md 10.1, 13):
// without this, every line was already recorded and the whole batch was refused. The answer is kept
// with the other writes' answers (electron/api/answer-once.ts, table request_answers).
import type { StoreScope } from '../../db/store.js';
import { answerOnce } from '../api/answer-once.js';
import type { BatchRecordedView } from '../api/contract/postal-views.js';
import type { OutcomeInput } from '../api/contract/postal.js';
import { recordBatch } from './batch.js';
import type { PostalCall } from './load.js';
import type { FileLookup } from './outcome-input.js';

/**
 * Records the batch `batchId` in the caller's transaction, or answers what it answered the first
 * time when it is already recorded (a batch without an id is simply recorded). The same id with other items or another outcome is
 * POSTAL_BATCH_ID_ALREADY_USED (nothing recorded). A refused batch recorded nothing and keeps nothing:
 * confirmed again, it is checked again.
 */
export function recordBatchOnce(tx: StoreScope, files: FileLookup, batchId: string | undefined, items: readonly string[], outcome: OutcomeInput,
  call: PostalCall): Promise<BatchRecordedView> {
  return answerOnce(
    tx,
    { operation: 'postal.recordBatch', requestId: batchId, request: { items, outcome }, conflictCode: 'POSTAL_BATCH_ID_ALREADY_USED', now: call.now, operatorId: call.operatorId },
    () => recordBatch(tx, files, items, outcome, call),
  );
}
