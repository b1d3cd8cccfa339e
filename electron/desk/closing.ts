// Completing and aborting a RADD operation (DOMAIN.md 10 steps 5-6, 10.1, 13). Completion is
// allowed once every document was printed or downloaded and ticked; it records the view
// (NOTIFICATION_VIEWED at the transaction's start time, with its RECIPIENT_ACCESS attestation) or
// the AOR retrieval, the receipt, and queues the sync, all in the caller's transaction. A second
// complete reads the stored outcome; a complete by another desk is refused with its own code.
import {
  buildActCompletionElements,
  buildAorCompletionElements,
  DomainError,
  legalFactId,
  toDomainError,
  transitionTransaction,
  type DeskDelegate,
  type IsoInstant,
  type Locale,
  type TimelineElement,
} from '../../core/index.js';
import type { DeskDocumentRecord, DeskOperationRecord } from '../../db/repositories/desk-queries.js';
import type { RaddTransaction } from '../../db/repositories/radd-transactions-repo.js';
import type { Store } from '../../db/store.js';
import type { DeskTransactionView } from '../api/contract/desk-views.js';
import { renderDeskReceipt } from '../documents/index.js';
import { outboxWriterOf } from '../sync/store-sync-store.js';
import { deskView, operatorName, type DeskActor } from './context.js';
import { DocumentLoader, legalFactPdf } from './documents.js';
import { allHandedOver, transactionView } from './views.js';

export type DeskOperation = { record: DeskOperationRecord; documents: DeskDocumentRecord[] };

export async function loadOperation(store: Store, operationId: string): Promise<{ tx: RaddTransaction; desk: DeskOperation | undefined }> {
  const tx = await store.raddTransactions.get(operationId);
  if (!tx) throw new DomainError('RADD_TRANSACTION_NOT_FOUND', { operationId });
  return { tx, desk: await store.deskRecords.get(operationId) };
}

function delegateOf(tx: RaddTransaction, r: DeskOperationRecord | undefined): DeskDelegate | null {
  if (!tx.start.delegateTaxId) return null;
  const mandate = r?.mandateId ? { mandateId: r.mandateId, delegatorTaxId: tx.start.recipientTaxId } : null;
  return { taxId: tx.start.delegateTaxId, denomination: r?.delegateDenomination ?? '', delegateType: r?.delegateType ?? 'PF', mandate };
}

/** The recipient index each IUN was served for (from the documents planned at start). */
function recipientIndexes(tx: RaddTransaction, docs: readonly DeskDocumentRecord[]): Array<{ iun: string; recipientIndex: number }> {
  return tx.iuns.map((iun) => ({ iun, recipientIndex: docs.find((d) => d.iun === iun && d.recipientIndex !== null)?.recipientIndex ?? 0 }));
}

/** ACT: the view and its attestation (rendered now, so that it is on file for later prints). */
async function recordActView(store: Store, tx: RaddTransaction, desk: DeskOperation, now: IsoInstant): Promise<void> {
  for (const { iun, recipientIndex } of recipientIndexes(tx, desk.documents)) {
    const record = await store.notifications.getByIun(iun);
    const viewedAt = record?.derived.perRecipient[recipientIndex]?.viewedAt ?? null;
    const elements = buildActCompletionElements({ iun, recipientIndex, startedAt: tx.startedAt, operationId: tx.operationId, delegate: delegateOf(tx, desk.record), recipientViewedAt: viewedAt });
    if (elements.length === 0) continue;
    await store.timeline.appendElements(iun, elements);
    const viewed = elements.find((e) => e.category === 'NOTIFICATION_VIEWED');
    if (viewed) await legalFactPdf(store, new DocumentLoader(store), iun, legalFactId(viewed.elementId, 'RECIPIENT_ACCESS'), now);
  }
}

/**
 * AOR: the retrieval of every notification of the operation, appended together (appendMany: the
 * notifications are locked in IUN order, the order every writer of several notifications uses).
 */
async function recordAorRetrieval(store: Store, tx: RaddTransaction, desk: DeskOperation): Promise<void> {
  const items = recipientIndexes(tx, desk.documents);
  const byIun = new Map<string, TimelineElement[]>();
  for (const { iun, element } of buildAorCompletionElements({ operationId: tx.operationId, startedAt: tx.startedAt, items, delegate: delegateOf(tx, desk.record) })) {
    byIun.set(iun, [...(byIun.get(iun) ?? []), element]);
  }
  await store.timeline.appendMany([...byIun].map(([iun, inputs]) => ({ iun, inputs })));
}

async function writeReceipt(store: Store, tx: RaddTransaction, desk: DeskOperation, actor: DeskActor, now: IsoInstant): Promise<void> {
  const s = tx.start;
  const r = desk.record;
  const receipt = await renderDeskReceipt({
    operationId: tx.operationId,
    operationType: s.operationType,
    desk: await deskView(store, r.deskId),
    operator: await operatorName(store, actor.operatorId),
    recipient: { denomination: r.recipientDenomination ?? s.recipientTaxId, taxId: s.recipientTaxId, recipientType: s.recipientType },
    ...(s.delegateTaxId ? { delegate: { denomination: r.delegateDenomination ?? s.delegateTaxId, taxId: s.delegateTaxId } } : {}),
    iuns: tx.iuns,
    documents: desk.documents.map((d) => ({ title: d.title.it, sha256: (d.sha256 ?? '').toUpperCase() })),
    startedAt: tx.startedAt,
    completedAt: tx.completedAt ?? now,
    generatedAt: now,
  });
  await store.files.put(receipt.buffer);
  await store.deskRecords.setReceipt(tx.operationId, receipt.sha256);
}

function completedElsewhere(tx: RaddTransaction, desk: DeskOperation | undefined, actor: DeskActor): DomainError | null {
  const by = desk?.record.completedByDesk;
  return by && by !== actor.deskId ? new DomainError('RADD_TRANSACTION_COMPLETED_ELSEWHERE', { operationId: tx.operationId, deskId: by }) : null;
}

/** desk.completeTransaction */
export async function completeOperation(store: Store, operationId: string, actor: DeskActor, locale: Locale, now: IsoInstant): Promise<DeskTransactionView> {
  const { tx, desk } = await loadOperation(store, operationId);
  if (tx.state === 'COMPLETED') {
    const elsewhere = completedElsewhere(tx, desk, actor);
    if (elsewhere) throw elsewhere;
    return transactionView(tx, desk, locale, true);
  }
  if (tx.state === 'STARTED' && desk && !allHandedOver(desk.documents)) {
    const missing = desk.documents.filter((d) => d.handedOverAt === null || (d.printedAt === null && d.downloadedAt === null)).length;
    throw new DomainError('DESK_DOCUMENTS_NOT_HANDED_OVER', { missing });
  }
  const r = transitionTransaction(tx, { type: 'COMPLETE', operationId, at: now });
  if (!r.ok) throw toDomainError(r);
  if (!desk) throw new DomainError('RADD_TRANSACTION_NOT_FOUND', { operationId });
  if (!(await store.raddTransactions.update(r.tx, ['STARTED']))) {
    // Another desk moved it meanwhile (shared database): read what it did.
    const again = await loadOperation(store, operationId);
    throw completedElsewhere(again.tx, again.desk, actor) ?? new DomainError('DESK_TRANSACTION_NOT_OPEN', { operationId, state: again.tx.state });
  }
  if (tx.start.operationType === 'ACT') await recordActView(store, r.tx, desk, now);
  else await recordAorRetrieval(store, r.tx, desk);
  await store.deskRecords.markCompleted(operationId, { deskId: actor.deskId, operatorId: actor.operatorId, completedMs: Date.parse(now) });
  await writeReceipt(store, r.tx, desk, actor, now);
  await outboxWriterOf(store).enqueue({ kind: 'radd.completeTransaction', idempotencyKey: operationId, payload: { operationType: tx.start.operationType, operationId, operationDate: now }, createdAt: now });
  return transactionView(r.tx, await store.deskRecords.get(operationId), locale);
}

/** desk.abortTransaction: nothing is recorded on the notifications (DOMAIN.md 10 step 6, 13). */
export async function abortOperation(store: Store, operationId: string, reason: string, locale: Locale, now: IsoInstant): Promise<DeskTransactionView> {
  const { tx, desk } = await loadOperation(store, operationId);
  const r = transitionTransaction(tx, { type: 'ABORT', operationId, reason, at: now });
  if (!r.ok) throw toDomainError(r);
  if (r.repeated) return transactionView(tx, desk, locale, true);
  if (!(await store.raddTransactions.update(r.tx, ['DRAFT', 'STARTED']))) {
    const again = await loadOperation(store, operationId);
    throw new DomainError('DESK_TRANSACTION_NOT_OPEN', { operationId, state: again.tx.state });
  }
  await outboxWriterOf(store).enqueue({ kind: 'radd.abortTransaction', idempotencyKey: operationId, payload: { operationType: tx.start.operationType, operationId, operationDate: now, reason }, createdAt: now });
  return transactionView(r.tx, desk, locale);
}
