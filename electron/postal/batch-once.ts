// A batch recorded once: the screen names each batch it confirms with an id of its own (a UUID v4,
// kept while the list and the outcome stay the same). Confirmed again after its answer was lost
// (the host not reachable for a moment, a window reloaded), the same batch gets the same answer and
// nothing is recorded twice, as a RADD operation does with its operationId (DOMAIN.md 10.1, 13):
// without this, every line was already recorded and the whole batch was refused.
import { createHash } from 'node:crypto';
import { addDays24h, DomainError, formatInstant, parseInstant } from '../../core/index.js';
import type { StoreScope } from '../../db/store.js';
import type { BatchRecordedView } from '../api/contract/postal-views.js';
import type { OutcomeInput } from '../api/contract/postal.js';
import { recordBatch } from './batch.js';
import type { PostalCall } from './load.js';
import type { FileLookup } from './outcome-input.js';

/** How long a batch's answer is kept: a lost answer is asked again within minutes, not weeks. */
const KEPT_DAYS = 30;

/** The request as the contract parsed it (trimmed codes, the outcome's fields in the schema's order). */
function requestDigest(items: readonly string[], outcome: OutcomeInput): string {
  return createHash('sha256').update(JSON.stringify({ items, outcome })).digest('hex');
}

/**
 * Records the batch `batchId` in the caller's transaction, or answers what it answered the first
 * time when it is already recorded. The same id with other items or another outcome is
 * POSTAL_BATCH_ID_ALREADY_USED (nothing recorded). A refused batch recorded nothing and keeps nothing:
 * confirmed again, it is checked again.
 */
export async function recordBatchOnce(tx: StoreScope, files: FileLookup, batchId: string, items: readonly string[], outcome: OutcomeInput,
  call: PostalCall): Promise<BatchRecordedView> {
  const requestSha256 = requestDigest(items, outcome);
  const known = await tx.postalBatches.get(batchId);
  if (known) {
    if (known.requestSha256 !== requestSha256) throw new DomainError('POSTAL_BATCH_ID_ALREADY_USED', { batchId });
    return known.result as BatchRecordedView;
  }
  const result = await recordBatch(tx, files, items, outcome, call);
  await tx.postalBatches.purgeBefore(formatInstant(addDays24h(parseInstant(call.now), -KEPT_DAYS)));
  await tx.postalBatches.insert({ batchId, requestSha256, result, ...(call.operatorId ? { recordedBy: call.operatorId } : {}), recordedAt: call.now });
  return result;
}
