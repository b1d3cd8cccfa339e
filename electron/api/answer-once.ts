// A write answered once: the screen names each request it sends (a UUID v4, kept while its draft
// stays the same). Sent again after its answer was lost (the network dropped, the clerk clicked
// again), the same request gets the same answer and nothing is recorded twice, as a RADD operation
// does with its operationId (DOMAIN.md 10.1) and a postal batch with its batchId
// (electron/postal/batch-once.ts). Without this, the repeat was refused ("already recorded",
// "overlapping delegation", "username already used") although the first call had done its work.
import { createHash } from 'node:crypto';
import { addDays24h, DomainError, formatInstant, parseInstant, type IsoInstant } from '../../core/index.js';
import type { StoreScope } from '../../db/store.js';

/** How long an answer is kept: a lost answer is asked again within minutes, not weeks. */
export const ANSWER_KEPT_DAYS = 30;

/** Digest of a request as the contract parsed it (its fields in the schema's order). */
export function requestDigest(request: unknown): string {
  return createHash('sha256').update(JSON.stringify(request)).digest('hex');
}

export interface AnswerOnce<T> {
  /** The API operation: ids are scoped to it. */
  operation: string;
  /** The id the screen chose for the request, or the operation's natural key. */
  requestId: string;
  /** What makes two requests the same (never a secret: it is kept as a digest). */
  request: unknown;
  now: IsoInstant;
  operatorId?: string | undefined;
  /** More to check before a kept answer is given again (a secret the digest leaves out). */
  alsoSame?: (first: T) => Promise<boolean>;
}

/**
 * Runs `work` in the caller's transaction and keeps its answer under (operation, requestId), or
 * answers what it answered the first time when that request was already done. The same id with
 * another request is REQUEST_ID_ALREADY_USED (nothing done). A refused request keeps nothing (its
 * transaction rolls back): sent again, it is checked again.
 */
export async function answerOnce<T>(tx: Pick<StoreScope, 'requestAnswers'>, a: AnswerOnce<T>, work: () => Promise<T>): Promise<T> {
  const requestSha256 = requestDigest(a.request);
  const known = await tx.requestAnswers.get(a.operation, a.requestId);
  if (known) {
    const first = known.result as T;
    if (known.requestSha256 !== requestSha256 || (a.alsoSame && !(await a.alsoSame(first)))) {
      throw new DomainError('REQUEST_ID_ALREADY_USED', { requestId: a.requestId });
    }
    return first;
  }
  const result = await work();
  await tx.requestAnswers.purgeBefore(formatInstant(addDays24h(parseInstant(a.now), -ANSWER_KEPT_DAYS)));
  await tx.requestAnswers.insert({
    operation: a.operation, requestId: a.requestId, requestSha256, result, ...(a.operatorId ? { recordedBy: a.operatorId } : {}), recordedAt: a.now,
  });
  return result;
}
