// radd_transactions / radd_transaction_iuns rows <-> core/desk's DeskTransaction (DOMAIN.md 10,
// 10.1), so that the desk handlers store what the core's state machine returns as it is.
import type { DeskOperationType, DeskTransaction, RecipientType, TransactionStartData, TransactionState } from '../../core/index.js';
import { instantMs } from './json.js';

export type RaddTransaction = DeskTransaction;
export type RaddTransactionState = TransactionState;
export type RaddOperationType = DeskOperationType;
export type RaddStartData = TransactionStartData;

export interface RaddTransactionRow {
  operation_id: string;
  operation_type: string;
  state: string;
  recipient_tax_id: string;
  recipient_type: string;
  delegate_tax_id: string | null;
  iun: string | null;
  qr_code: string | null;
  file_key: string | null;
  checksum: string | null;
  operation_date: string;
  operation_ms: number | string;
  started_at: string;
  completed_at: string | null;
  aborted_at: string | null;
  abort_reason: string | null;
  error_reason: string | null;
  updated_at: string;
}

export const RADD_COLUMNS = [
  'operation_id', 'operation_type', 'state', 'recipient_tax_id', 'recipient_type', 'delegate_tax_id', 'iun',
  'qr_code', 'file_key', 'checksum', 'operation_date', 'operation_ms', 'started_at', 'completed_at', 'aborted_at',
  'abort_reason', 'error_reason', 'updated_at',
] as const satisfies readonly (keyof RaddTransactionRow)[];

export function raddToRow(t: RaddTransaction): RaddTransactionRow {
  const s = t.start;
  return {
    operation_id: t.operationId,
    operation_type: s.operationType,
    state: t.state,
    recipient_tax_id: s.recipientTaxId,
    recipient_type: s.recipientType,
    delegate_tax_id: s.delegateTaxId,
    iun: s.iun,
    qr_code: s.qrCode,
    file_key: s.fileKey,
    checksum: s.checksum,
    operation_date: s.operationDate,
    operation_ms: instantMs(s.operationDate),
    started_at: t.startedAt,
    completed_at: t.completedAt,
    aborted_at: t.abortedAt,
    abort_reason: t.abortReason,
    error_reason: t.errorReason,
    updated_at: t.updatedAt,
  };
}

export function rowToRadd(r: RaddTransactionRow, iuns: readonly string[]): RaddTransaction {
  return {
    operationId: r.operation_id,
    state: r.state as RaddTransactionState,
    start: {
      operationType: r.operation_type as RaddOperationType,
      recipientTaxId: r.recipient_tax_id,
      recipientType: r.recipient_type as RecipientType,
      delegateTaxId: r.delegate_tax_id,
      iun: r.iun,
      qrCode: r.qr_code,
      fileKey: r.file_key,
      checksum: r.checksum,
      operationDate: r.operation_date,
    },
    iuns: [...iuns],
    startedAt: r.started_at,
    completedAt: r.completed_at,
    abortedAt: r.aborted_at,
    abortReason: r.abort_reason,
    errorReason: r.error_reason,
    updatedAt: r.updated_at,
  };
}
