// RADD transaction state machine (DOMAIN.md 10 steps 3-6, 10.1 "Transaction states" and
// "operationId"). Pure: the caller loads the stored transaction (or undefined) and saves the result.
import type { IsoInstant, RecipientType } from '../model/types.js';
import { deskFailure, type DeskFailure } from './result.js';
import { tryParseInstant } from '../time/index.js';
import { parseScannedAar } from '../aar/access.js';

export type DeskOperationType = 'ACT' | 'AOR';

export const TRANSACTION_STATES = ['DRAFT', 'STARTED', 'COMPLETED', 'ABORTED', 'ERROR'] as const;
export type TransactionState = (typeof TRANSACTION_STATES)[number];

/** What the desk sends at start; an identical repeat is accepted, a different one refused (code 5). */
export interface TransactionStartData {
  operationType: DeskOperationType;
  recipientTaxId: string;
  recipientType: RecipientType;
  delegateTaxId: string | null;
  /** ACT: the IUN typed by the clerk, or null when a QR code was scanned. AOR: null. */
  iun: string | null;
  /**
   * ACT: the scanned AAR QR, or null. AOR: null. The desk keeps the token (what SEND's `qrCode`
   * carries: radd-alt-external.yaml's example is the bare token); a URL read earlier compares by its token.
   */
  qrCode: string | null;
  /** Identity evidence upload (null when the operator keeps the scans itself, DOMAIN.md 10.1). */
  fileKey: string | null;
  checksum: string | null;
  /** Start of the operation, chosen by the desk; the business time of the resulting view. */
  operationDate: IsoInstant;
}

export interface DeskTransaction {
  operationId: string;
  state: TransactionState;
  start: TransactionStartData;
  /** IUNs the documents were resolved for (ACT: one; AOR: one or more); empty while DRAFT. */
  iuns: string[];
  startedAt: IsoInstant;
  completedAt: IsoInstant | null;
  abortedAt: IsoInstant | null;
  abortReason: string | null;
  errorReason: string | null;
  updatedAt: IsoInstant;
}

export type TransactionEvent =
  | { type: 'START'; operationId: string; data: TransactionStartData; at: IsoInstant }
  | { type: 'DOCUMENTS_READY'; operationId: string; iuns: string[]; at: IsoInstant }
  | { type: 'COMPLETE'; operationId: string; at: IsoInstant }
  | { type: 'ABORT'; operationId: string; reason: string; at: IsoInstant }
  | { type: 'FAIL'; operationId: string; reason: string; at: IsoInstant };

export type TransactionErrorCode =
  | 'RADD_TRANSACTION_NOT_FOUND'
  | 'RADD_TRANSACTION_ALREADY_COMPLETED'
  | 'RADD_TRANSACTION_ALREADY_ABORTED'
  | 'RADD_TRANSACTION_IN_ERROR'
  | 'RADD_TRANSACTION_ALREADY_EXISTS'
  | 'RADD_TRANSACTION_NOT_STARTED';

export type TransitionResult =
  | { ok: true; tx: DeskTransaction; repeated: boolean }
  | DeskFailure<TransactionErrorCode>;

const normalise = (s: string | null): string | null => (s === null ? null : s.trim().toUpperCase());

/** The token of a scanned AAR QR (URL or bare token): the same QR read either way is the same data. */
export function aarQrToken(qrCode: string): string {
  try {
    return parseScannedAar(qrCode).token;
  } catch {
    return qrCode.trim();
  }
}
const qrOf = (s: string | null): string | null => (s === null ? null : aarQrToken(s));

/** Same start data: what SEND's conditional put compares (recipient, delegate, file, IUN/QR, start date). */
export function isSameStartData(a: TransactionStartData, b: TransactionStartData): boolean {
  return (
    a.operationType === b.operationType &&
    a.recipientType === b.recipientType &&
    normalise(a.recipientTaxId) === normalise(b.recipientTaxId) &&
    normalise(a.delegateTaxId) === normalise(b.delegateTaxId) &&
    normalise(a.iun) === normalise(b.iun) &&
    qrOf(a.qrCode) === qrOf(b.qrCode) &&
    a.fileKey === b.fileKey &&
    a.checksum === b.checksum &&
    tryParseInstant(a.operationDate) === tryParseInstant(b.operationDate)
  );
}

/** The refusal for an operation on a closed transaction: each final state has its own code. */
function closedStateFailure(tx: DeskTransaction): DeskFailure<TransactionErrorCode> | null {
  const params = { operationId: tx.operationId };
  if (tx.state === 'COMPLETED') return deskFailure('RADD_TRANSACTION_ALREADY_COMPLETED', params);
  if (tx.state === 'ABORTED') return deskFailure('RADD_TRANSACTION_ALREADY_ABORTED', params);
  if (tx.state === 'ERROR') return deskFailure('RADD_TRANSACTION_IN_ERROR', params);
  return null;
}

function onStart(tx: DeskTransaction | undefined, e: Extract<TransactionEvent, { type: 'START' }>): TransitionResult {
  if (tx === undefined) {
    const created: DeskTransaction = {
      operationId: e.operationId,
      state: 'DRAFT',
      start: e.data,
      iuns: [],
      startedAt: e.data.operationDate,
      completedAt: null,
      abortedAt: null,
      abortReason: null,
      errorReason: null,
      updatedAt: e.at,
    };
    return { ok: true, tx: created, repeated: false };
  }
  const params = { operationId: tx.operationId };
  // Same operationId after complete/abort, or with other data: "transaction already exists" (code 5).
  if (tx.state === 'COMPLETED' || tx.state === 'ABORTED') return deskFailure('RADD_TRANSACTION_ALREADY_EXISTS', params);
  if (!isSameStartData(tx.start, e.data)) return deskFailure('RADD_TRANSACTION_ALREADY_EXISTS', params);
  // Retry after an error (e.g. result 2 "not ready"): same operationId, same data, no re-upload.
  if (tx.state === 'ERROR') return { ok: true, tx: { ...tx, state: 'DRAFT', errorReason: null, updatedAt: e.at }, repeated: false };
  return { ok: true, tx, repeated: true };
}

function onDocumentsReady(tx: DeskTransaction, e: Extract<TransactionEvent, { type: 'DOCUMENTS_READY' }>): TransitionResult {
  const closed = closedStateFailure(tx);
  if (closed) return closed;
  if (tx.state === 'STARTED') return { ok: true, tx, repeated: true };
  return { ok: true, tx: { ...tx, state: 'STARTED', iuns: [...e.iuns], updatedAt: e.at }, repeated: false };
}

function onComplete(tx: DeskTransaction, e: Extract<TransactionEvent, { type: 'COMPLETE' }>): TransitionResult {
  // A repeated complete reads the state: the stored outcome, never a second record (DOMAIN.md 13).
  if (tx.state === 'COMPLETED') return { ok: true, tx, repeated: true };
  const closed = closedStateFailure(tx);
  if (closed) return closed;
  // Completing records a view: not before the documents were handed out.
  if (tx.state === 'DRAFT') return deskFailure('RADD_TRANSACTION_NOT_STARTED', { operationId: tx.operationId });
  return { ok: true, tx: { ...tx, state: 'COMPLETED', completedAt: e.at, updatedAt: e.at }, repeated: false };
}

function onAbort(tx: DeskTransaction, e: Extract<TransactionEvent, { type: 'ABORT' }>): TransitionResult {
  if (tx.state === 'ABORTED') return { ok: true, tx, repeated: true };
  const closed = closedStateFailure(tx);
  if (closed) return closed;
  return { ok: true, tx: { ...tx, state: 'ABORTED', abortedAt: e.at, abortReason: e.reason, updatedAt: e.at }, repeated: false };
}

function onFail(tx: DeskTransaction, e: Extract<TransactionEvent, { type: 'FAIL' }>): TransitionResult {
  const closed = closedStateFailure(tx);
  if (closed) return closed;
  return { ok: true, tx: { ...tx, state: 'ERROR', errorReason: e.reason, updatedAt: e.at }, repeated: false };
}

/**
 * Applies one event to a stored transaction (undefined = no transaction with that operationId).
 * START creates DRAFT; DOCUMENTS_READY moves DRAFT -> STARTED; COMPLETE / ABORT close a STARTED one
 * (ABORT also a DRAFT one); FAIL moves any non-final state to ERROR with its reason.
 */
export function transitionTransaction(tx: DeskTransaction | undefined, event: TransactionEvent): TransitionResult {
  if (tx !== undefined && tx.operationId !== event.operationId) throw new Error('transitionTransaction: operationId mismatch');
  if (event.type === 'START') return onStart(tx, event);
  if (tx === undefined) return deskFailure('RADD_TRANSACTION_NOT_FOUND', { operationId: event.operationId });
  switch (event.type) {
    case 'DOCUMENTS_READY':
      return onDocumentsReady(tx, event);
    case 'COMPLETE':
      return onComplete(tx, event);
    case 'ABORT':
      return onAbort(tx, event);
    case 'FAIL':
      return onFail(tx, event);
  }
}

/** Whether a transaction can still be completed or aborted (DOMAIN.md 10 step 6: left STARTED). */
export function isOpenTransaction(tx: Pick<DeskTransaction, 'state'>): boolean {
  return tx.state === 'DRAFT' || tx.state === 'STARTED';
}
