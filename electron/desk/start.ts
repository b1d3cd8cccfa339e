// Starting a RADD operation (DOMAIN.md 10 step 3, 10.1 "operationId", "Transaction states"):
// idempotent on the operationId the desk chose. A repeat with the same data returns the stored
// operation; other data, or a closed operation, is "transaction already exists" (code 5). A new
// one re-runs the inquiry, records the transaction (STARTED), the desk record with its documents
// and evidence, and queues the start for the sync adapter, all in the caller's transaction.
import { aarQrToken, toDomainError, transitionTransaction, type IsoInstant, type Locale, type TransactionStartData } from '../../core/index.js';
import type { NewDeskOperationRecord } from '../../db/repositories/desk-queries.js';
import type { RaddTransaction } from '../../db/repositories/radd-transactions-repo.js';
import type { Store } from '../../db/store.js';
import type { RaddStartPayload } from '../adapters/radd/payloads.js';
import type { Identification } from '../api/contract/desk.js';
import type { DeskTransactionView } from '../api/contract/desk-views.js';
import { outboxWriterOf } from '../sync/store-sync-store.js';
import { keepsScansExternally, printLimit, type DeskActor } from './context.js';
import { buildOperationEvidence, type OperationEvidence } from './evidence.js';
import { assertIdentification } from './identity.js';
import { actInquiry, aorInquiry, resolveActTarget, type InquiryResult } from './inquiry.js';
import { toRecords } from './plan.js';
import { transactionView } from './views.js';

export interface StartInput {
  operationId: string;
  mode: 'ACT' | 'AOR';
  iun?: string | undefined;
  qrCode?: string | undefined;
  identification: Identification;
}

async function startData(store: Store, input: StartInput, operationDate: IsoInstant, evidence: OperationEvidence): Promise<TransactionStartData> {
  const id = input.identification;
  // ACT carries the IUN typed, or the QR scanned (SEND's start takes one of the two).
  const iun = input.mode === 'ACT' && !input.qrCode ? (await resolveActTarget(store, { iun: input.iun })).iun : null;
  return {
    operationType: input.mode,
    recipientTaxId: id.recipientTaxId,
    recipientType: id.recipientType,
    delegateTaxId: id.collector === 'DELEGATE' && id.delegate ? id.delegate.taxId : null,
    iun,
    // The token, not the URL the scanner may deliver: SEND's qrCode is the token (radd-alt-external.yaml).
    qrCode: input.mode === 'ACT' && input.qrCode ? aarQrToken(input.qrCode) : null,
    fileKey: evidence.zip ? `local:${evidence.zip.sha256}` : null,
    checksum: evidence.zip?.checksum ?? null,
    operationDate,
  };
}

function deskRecord(input: StartInput, inquiry: InquiryResult, evidence: OperationEvidence, actor: DeskActor, operationDate: IsoInstant): NewDeskOperationRecord {
  const id = input.identification;
  const first = inquiry.items[0];
  return {
    operationId: input.operationId,
    deskId: actor.deskId,
    operatorId: actor.operatorId,
    recipientDenomination: first?.item.recipientDenomination || id.recipientDenomination || null,
    delegateDenomination: id.delegate?.denomination ?? null,
    delegateType: id.delegate?.delegateType ?? null,
    mandateId: inquiry.delegate?.mandate?.mandateId ?? null,
    identity: { recipient: id.recipientDocument, delegate: id.delegate?.document ?? null },
    scans: evidence.scans,
    evidenceSha256: evidence.zip?.sha256 ?? null,
    bundleSha256: null,
    receiptSha256: null,
    startedMs: Date.parse(operationDate),
    completedByDesk: null,
    completedByOperator: null,
    completedMs: null,
  };
}

function startPayload(tx: RaddTransaction, evidence: OperationEvidence): RaddStartPayload {
  const s = tx.start;
  return {
    operationType: s.operationType,
    operationId: tx.operationId,
    recipientTaxId: s.recipientTaxId,
    recipientType: s.recipientType,
    operationDate: s.operationDate,
    ...(s.delegateTaxId ? { delegateTaxId: s.delegateTaxId } : {}),
    ...(s.iun ? { iun: s.iun } : {}),
    ...(s.qrCode ? { qrCode: s.qrCode } : {}),
    ...(evidence.evidence ? { evidence: evidence.evidence } : {}),
  };
}

async function runInquiry(store: Store, input: StartInput, now: IsoInstant): Promise<InquiryResult> {
  return input.mode === 'ACT' ? actInquiry(store, input.identification, input, now, await printLimit(store)) : aorInquiry(store, input.identification, now);
}

/** desk.startTransaction: DRAFT -> STARTED in one call, since the documents are resolved locally. */
export async function startOperation(store: Store, input: StartInput, actor: DeskActor, locale: Locale, now: IsoInstant): Promise<DeskTransactionView> {
  const existing = await store.raddTransactions.get(input.operationId);
  const keepScans = await keepsScansExternally(store);
  if (!existing) await assertIdentification(input.identification, now, store.files, keepScans);
  // A repeat keeps the first start date: it is part of the data SEND compares.
  const operationDate = existing?.start.operationDate ?? now;
  const target = { operationId: input.operationId, operationType: input.mode, recipientType: input.identification.recipientType, operationDate };
  const evidence = await buildOperationEvidence(store.files, target, input.identification, keepScans);
  const data = await startData(store, input, operationDate, evidence);
  const started = transitionTransaction(existing, { type: 'START', operationId: input.operationId, data, at: now });
  if (!started.ok) throw toDomainError(started);
  if (started.repeated) return transactionView(started.tx, await store.deskRecords.get(input.operationId), locale, true);
  const inquiry = await runInquiry(store, input, now);
  const iuns = inquiry.items.map((i) => i.record.notification.iun);
  const ready = transitionTransaction(started.tx, { type: 'DOCUMENTS_READY', operationId: input.operationId, iuns, at: now });
  if (!ready.ok) throw toDomainError(ready);
  if (existing) await store.raddTransactions.update(ready.tx, ['ERROR']);
  else await store.raddTransactions.create(ready.tx);
  await store.deskRecords.create(deskRecord(input, inquiry, evidence, actor, operationDate), toRecords(inquiry.plan));
  await outboxWriterOf(store).enqueue({ kind: 'radd.startTransaction', idempotencyKey: input.operationId, payload: startPayload(ready.tx, evidence), createdAt: now });
  return transactionView(ready.tx, await store.deskRecords.get(input.operationId), locale);
}
