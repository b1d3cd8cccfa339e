// Printing and handing over (DOMAIN.md 10 step 4, 10.1 "Documents handed out"): the bundle of a
// started operation, one document on its own, the tick per document handed over, and the receipt
// of a completed one. A document that cannot be produced (an act missing or damaged on disk)
// moves the operation to ERROR with its reason (10.1 "Transaction states"), so that nobody
// completes a pickup whose papers were never printed.
import { DomainError, isDomainError, transitionTransaction, withReason, type IsoInstant, type Locale } from '../../core/index.js';
import type { DeskDocumentRecord } from '../../db/repositories/desk-queries.js';
import type { Store } from '../../db/store.js';
import type { DeskFileView, DeskTransactionView } from '../api/contract/desk-views.js';
import { loadOperation, type DeskOperation } from './closing.js';
import { assembleBundle, produceDocuments, type Produced } from './documents.js';
import { reasonToStore, transactionView } from './views.js';

const DOCUMENT_FAILURES = new Set(['ACT_DOCUMENT_MISSING', 'DOCUMENT_MISSING', 'DOCUMENT_CHECKSUM_MISMATCH', 'DOCUMENT_CORRUPTED', 'DOCUMENT_EMPTY']);

function assertStarted(tx: { operationId: string; state: string }): void {
  if (tx.state !== 'STARTED') throw new DomainError('DESK_TRANSACTION_NOT_OPEN', { operationId: tx.operationId, state: tx.state });
}

/**
 * Records FAIL -> ERROR with the reason as a code and params (DESK_PRINT_FAILED, whose `{reason}` is
 * the document's own failure): every screen renders it in its language of now. Returns the operation as it now is.
 */
async function failOperation(store: Store, operationId: string, e: DomainError, locale: Locale, now: IsoInstant): Promise<DeskTransactionView> {
  const { tx, desk } = await loadOperation(store, operationId);
  const reason = reasonToStore('DESK_PRINT_FAILED', withReason({}, e.code, e.params));
  const r = transitionTransaction(tx, { type: 'FAIL', operationId, reason, at: now });
  if (!r.ok) throw e;
  await store.raddTransactions.update(r.tx, ['DRAFT', 'STARTED']);
  return transactionView(r.tx, desk, locale);
}

async function produce(
  store: Store, op: { tx: { operationId: string; start: { recipientTaxId: string } }; desk: DeskOperation }, rows: readonly DeskDocumentRecord[], now: IsoInstant,
): Promise<Produced[]> {
  return produceDocuments(store, { record: op.desk.record, recipientTaxId: op.tx.start.recipientTaxId }, rows, now);
}

/** desk.printBundle: every document produced, merged into one PDF, all marked printed. */
export async function printBundle(store: Store, operationId: string, locale: Locale, now: IsoInstant): Promise<DeskTransactionView & { bundle: DeskFileView | null }> {
  const { tx, desk } = await loadOperation(store, operationId);
  assertStarted(tx);
  if (!desk) throw new DomainError('RADD_TRANSACTION_NOT_FOUND', { operationId });
  let bundle;
  let produced: Produced[];
  try {
    produced = await produce(store, { tx, desk }, desk.documents, now);
    bundle = await assembleBundle(store, produced, now);
  } catch (e) {
    if (isDomainError(e) && DOCUMENT_FAILURES.has(e.code)) return { ...(await failOperation(store, operationId, e, locale, now)), bundle: null };
    throw e;
  }
  await store.deskRecords.markProduced(operationId, produced.map((p) => ({ position: p.position, sha256: p.sha256 })), 'printed', now);
  await store.deskRecords.setBundle(operationId, bundle.sha256);
  return { ...transactionView(tx, await store.deskRecords.get(operationId), locale), bundle: { fileId: bundle.sha256, pageCount: bundle.pageCount } };
}

/** desk.downloadDocument: one document of the operation, marked downloaded. */
export async function downloadDocument(store: Store, operationId: string, position: number, locale: Locale, now: IsoInstant): Promise<DeskTransactionView & { file: DeskFileView | null }> {
  const { tx, desk } = await loadOperation(store, operationId);
  assertStarted(tx);
  const row = desk?.documents.find((d) => d.position === position);
  if (!desk || !row) throw new DomainError('DESK_DOCUMENT_NOT_IN_OPERATION', { operationId });
  let produced: Produced[];
  try {
    produced = await produce(store, { tx, desk }, [row], now);
  } catch (e) {
    if (isDomainError(e) && DOCUMENT_FAILURES.has(e.code)) return { ...(await failOperation(store, operationId, e, locale, now)), file: null };
    throw e;
  }
  await store.deskRecords.markProduced(operationId, produced.map((p) => ({ position: p.position, sha256: p.sha256 })), 'downloaded', now);
  const file = produced[0]!;
  return { ...transactionView(tx, await store.deskRecords.get(operationId), locale), file: { fileId: file.sha256, pageCount: null } };
}

/** desk.markHandedOver: only a document already printed or downloaded can be ticked. */
export async function markHandedOver(store: Store, operationId: string, position: number, handedOver: boolean, locale: Locale, now: IsoInstant): Promise<DeskTransactionView> {
  const { tx, desk } = await loadOperation(store, operationId);
  assertStarted(tx);
  const row = desk?.documents.find((d) => d.position === position);
  if (!row) throw new DomainError('DESK_DOCUMENT_NOT_IN_OPERATION', { operationId });
  if (handedOver && row.printedAt === null && row.downloadedAt === null) throw new DomainError('DESK_DOCUMENT_NOT_PRINTED');
  await store.deskRecords.setHandedOver(operationId, position, handedOver ? (row.handedOverAt ?? now) : null);
  return transactionView(tx, await store.deskRecords.get(operationId), locale);
}

/** desk.reprintReceipt: the receipt written at completion (DOMAIN.md 10.1 history). */
export async function receiptOf(store: Store, operationId: string): Promise<DeskFileView> {
  const { tx, desk } = await loadOperation(store, operationId);
  const sha = desk?.record.receiptSha256;
  if (tx.state !== 'COMPLETED' || !sha) throw new DomainError('DESK_RECEIPT_NOT_AVAILABLE');
  // Verified on read: a damaged receipt is reported, never served.
  await store.files.read(sha);
  return { fileId: sha, pageCount: null };
}

/**
 * desk.receiptPrinted: the renderer sent the receipt to the printer (or to the browser's viewer).
 * Recorded on the operation, so that every window and every restart offers "Ristampa" next time.
 */
export async function receiptPrinted(store: Store, operationId: string, locale: Locale, now: IsoInstant): Promise<DeskTransactionView> {
  const { tx, desk } = await loadOperation(store, operationId);
  if (tx.state !== 'COMPLETED' || !desk?.record.receiptSha256) throw new DomainError('DESK_RECEIPT_NOT_AVAILABLE');
  await store.deskRecords.markReceiptPrinted(operationId, now);
  return transactionView(tx, await store.deskRecords.get(operationId), locale);
}
