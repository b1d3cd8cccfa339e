// A write answered once: the screen names each request it sends (a UUID v4, kept while its draft
// stays the same). Sent again after its answer was lost (the network dropped, the clerk clicked
// again), the same request gets the same answer and nothing is recorded twice, as a RADD operation
// does with its operationId (DOMAIN.md 10.1) and a postal batch with its batchId
// (electron/postal/batch-once.ts). Without this, the repeat was refused ("already recorded",
// "overlapping delegation", "username already used") although the first call had done its work.
import { createHash } from 'node:crypto';
import { addDays24h, DomainError, formatInstant, parseInstant, type ErrorCode, type IsoInstant } from '../../core/index.js';
import type { StoreScope } from '../../db/store.js';

/** How long an answer is kept: a lost answer is asked again within minutes, not weeks. */
export const ANSWER_KEPT_DAYS = 30;

/** Digest of a request as the contract parsed it (its fields in the schema's order). */
export function requestDigest(request: unknown): string {
  return createHash('sha256').update(JSON.stringify(request)).digest('hex');
}

/** Answers given again (a repeat): dispatch writes no second audit entry for them. */
const repeats = new WeakSet<object>();

/** Marks `answer` as the first answer given again: nothing was done, nothing is audited again. */
export function answeredAgain<T>(answer: T): T {
  if (typeof answer === 'object' && answer !== null) repeats.add(answer);
  return answer;
}

/** Whether `answer` is a first answer given again (answeredAgain). */
export function isAnsweredAgain(answer: unknown): boolean {
  return typeof answer === 'object' && answer !== null && repeats.has(answer);
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
  /** The refusal of the same id with another request (default REQUEST_ID_ALREADY_USED, params {requestId}). */
  conflictCode?: ErrorCode;
  /** More to check before a kept answer is given again (a secret the digest leaves out). */
  alsoSame?: (first: T) => Promise<boolean>;
}

/**
 * Runs `work` in the caller's transaction and keeps its answer under (operation, requestId), or
 * answers what it answered the first time when that request was already done. The same id with
 * another request is REQUEST_ID_ALREADY_USED (nothing done). A refused request keeps nothing (its
 * transaction rolls back): sent again, it is checked again.
 */
export async function answerOnce<T>(
  tx: Pick<StoreScope, 'requestAnswers'>, a: Omit<AnswerOnce<T>, 'requestId'> & { requestId: string | undefined }, work: () => Promise<T>,
): Promise<T> {
  // A request the screen did not name (an older caller) is done as it comes: nothing to answer again by.
  if (a.requestId === undefined) return work();
  const named = { ...a, requestId: a.requestId };
  const first = await firstAnswer(tx, named);
  if (first) return first.answer;
  const result = await work();
  await keepAnswer(tx, named, result);
  return result;
}

/**
 * The answer kept for this request (marked answeredAgain), or undefined when it was never answered;
 * the same id with another request is REQUEST_ID_ALREADY_USED. For a handler that cannot hold a
 * transaction around its work (documents.print): it asks, does the work, then keeps the answer.
 */
export async function firstAnswer<T>(tx: Pick<StoreScope, 'requestAnswers'>, a: AnswerOnce<T>): Promise<{ answer: T } | undefined> {
  const known = await tx.requestAnswers.get(a.operation, a.requestId);
  if (!known) return undefined;
  const first = known.result as T;
  if (known.requestSha256 !== requestDigest(a.request) || (a.alsoSame && !(await a.alsoSame(first)))) {
    throw new DomainError(a.conflictCode ?? 'REQUEST_ID_ALREADY_USED', { requestId: a.requestId });
  }
  return { answer: answeredAgain(first) };
}

/** Keeps the answer to this request (forgetting answers older than ANSWER_KEPT_DAYS). */
export async function keepAnswer<T>(tx: Pick<StoreScope, 'requestAnswers'>, a: AnswerOnce<T>, result: T): Promise<void> {
  await tx.requestAnswers.purgeBefore(formatInstant(addDays24h(parseInstant(a.now), -ANSWER_KEPT_DAYS)));
  await tx.requestAnswers.insert({
    operation: a.operation, requestId: a.requestId, requestSha256: requestDigest(a.request), result, ...(a.operatorId ? { recordedBy: a.operatorId } : {}), recordedAt: a.now,
  });
}
