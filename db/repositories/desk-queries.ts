// The desk's own record of RADD operations (DOMAIN.md 10, 10.1), next to radd_transactions:
// desk, operator, identity documents and scans, the documents handed out with their SHA-256 and
// ticks, the bundle and the receipt. The transaction's state lives in radd_transactions only.
import type { LocalizedText, RecipientType } from '../../core/index.js';
import { fromJson, toJson, toNumber } from '../mappers/json.js';
import type { RaddTransactionState } from '../mappers/radd.js';
import { inTransaction, insertRows, type Db } from './sql.js';

export type DeskScanRole = 'RECIPIENT_ID' | 'DELEGATE_ID' | 'DELEGATION_FORM' | 'COMPANY_REGISTER' | 'SELF_DECLARATION';

/** A scan kept in the file store (hex SHA-256 key); `pdfSha256` when an image was wrapped in a PDF for the upload zip. */
export interface DeskScanRef {
  role: DeskScanRole;
  sha256: string;
  contentType: string;
  bytes: number;
  pdfSha256?: string;
}

/** A scan ref after the retention purge (scan-retention-repo.ts): what it was, when it went and under which setting; no key left. */
export interface PurgedScanRef {
  role: DeskScanRole;
  contentType: string;
  bytes: number;
  purgedAt: string;
  retentionDays: number;
}

/** What desk_operations.scans holds: refs still kept and refs purged. */
export type StoredScanRef = DeskScanRef | PurgedScanRef;

export function isPurgedScanRef(ref: StoredScanRef): ref is PurgedScanRef {
  return typeof (ref as Partial<PurgedScanRef>).purgedAt === 'string';
}

/** Identity document details as typed at the desk (shared/specs/json-schema-identity-doc-info.json). */
export interface DeskIdentityDocument {
  type: string;
  number: string;
  issuer: string;
  issueDate: string;
  expiryDate: string;
}

export interface DeskOperationRecord {
  operationId: string;
  deskId: string;
  operatorId: string;
  recipientDenomination: string | null;
  delegateDenomination: string | null;
  delegateType: RecipientType | null;
  mandateId: string | null;
  identity: { recipient: DeskIdentityDocument | null; delegate: DeskIdentityDocument | null };
  scans: StoredScanRef[];
  evidenceSha256: string | null;
  bundleSha256: string | null;
  receiptSha256: string | null;
  /** First print of the receipt (desk.receiptPrinted), and how many prints were recorded. */
  receiptPrintedAt: string | null;
  receiptPrints: number;
  startedMs: number;
  completedByDesk: string | null;
  completedByOperator: string | null;
  completedMs: number | null;
}

/** What an operation is recorded with (its receipt prints start at none). */
export type NewDeskOperationRecord = Omit<DeskOperationRecord, 'receiptPrintedAt' | 'receiptPrints'>;

export type DeskDocumentKind = 'COVER_PAGE' | 'ACT' | 'AAR' | 'LEGAL_FACT';

export interface DeskDocumentRecord {
  position: number;
  key: string;
  kind: DeskDocumentKind;
  iun: string | null;
  recipientIndex: number | null;
  docIndex: number | null;
  legalFactId: string | null;
  title: LocalizedText;
  sha256: string | null;
  printedAt: string | null;
  downloadedAt: string | null;
  handedOverAt: string | null;
}

/** One operation of a desk with what the day summary counts. */
export interface DeskDayRow {
  operationId: string;
  operationType: 'ACT' | 'AOR';
  state: RaddTransactionState;
  delegateTaxId: string | null;
  operatorId: string;
  startedMs: number;
  completedMs: number | null;
  iuns: number;
  documents: number;
}

interface OperationRow {
  operation_id: string;
  desk_id: string;
  operator_id: string;
  recipient_denomination: string | null;
  delegate_denomination: string | null;
  delegate_type: string | null;
  mandate_id: string | null;
  identity: string;
  scans: string;
  evidence_sha256: string | null;
  bundle_sha256: string | null;
  receipt_sha256: string | null;
  receipt_printed_at: string | null;
  receipt_prints: number | string | null;
  started_ms: number | string;
  completed_by_desk: string | null;
  completed_by_operator: string | null;
  completed_ms: number | string | null;
}

interface DocumentRow {
  operation_id: string;
  position: number;
  doc_key: string;
  kind: string;
  iun: string | null;
  recipient_index: number | null;
  doc_index: number | null;
  legal_fact_id: string | null;
  title: string;
  sha256: string | null;
  printed_at: string | null;
  downloaded_at: string | null;
  handed_over_at: string | null;
}

const OPERATION_COLUMNS = [
  'operation_id', 'desk_id', 'operator_id', 'recipient_denomination', 'delegate_denomination', 'delegate_type', 'mandate_id',
  'identity', 'scans', 'evidence_sha256', 'bundle_sha256', 'receipt_sha256', 'started_ms', 'completed_by_desk',
  'completed_by_operator', 'completed_ms',
] as const satisfies readonly (keyof OperationRow)[];
const DOCUMENT_COLUMNS = [
  'operation_id', 'position', 'doc_key', 'kind', 'iun', 'recipient_index', 'doc_index', 'legal_fact_id', 'title', 'sha256',
  'printed_at', 'downloaded_at', 'handed_over_at',
] as const satisfies readonly (keyof DocumentRow)[];

function toOperationRow(r: NewDeskOperationRecord): unknown[] {
  return [
    r.operationId, r.deskId, r.operatorId, r.recipientDenomination, r.delegateDenomination, r.delegateType, r.mandateId,
    toJson(r.identity), toJson(r.scans), r.evidenceSha256, r.bundleSha256, r.receiptSha256, r.startedMs, r.completedByDesk,
    r.completedByOperator, r.completedMs,
  ];
}

function fromOperationRow(r: OperationRow): DeskOperationRecord {
  return {
    operationId: r.operation_id,
    deskId: r.desk_id,
    operatorId: r.operator_id,
    recipientDenomination: r.recipient_denomination,
    delegateDenomination: r.delegate_denomination,
    delegateType: r.delegate_type as RecipientType | null,
    mandateId: r.mandate_id,
    identity: fromJson<DeskOperationRecord['identity']>(r.identity) ?? { recipient: null, delegate: null },
    scans: fromJson<StoredScanRef[]>(r.scans) ?? [],
    evidenceSha256: r.evidence_sha256,
    bundleSha256: r.bundle_sha256,
    receiptSha256: r.receipt_sha256,
    receiptPrintedAt: r.receipt_printed_at ?? null,
    receiptPrints: Number(r.receipt_prints ?? 0),
    startedMs: Number(r.started_ms),
    completedByDesk: r.completed_by_desk,
    completedByOperator: r.completed_by_operator,
    completedMs: toNumber(r.completed_ms) ?? null,
  };
}

function fromDocumentRow(r: DocumentRow): DeskDocumentRecord {
  return {
    position: r.position,
    key: r.doc_key,
    kind: r.kind as DeskDocumentKind,
    iun: r.iun,
    recipientIndex: r.recipient_index,
    docIndex: r.doc_index,
    legalFactId: r.legal_fact_id,
    title: fromJson<LocalizedText>(r.title) ?? { it: r.doc_key, en: r.doc_key },
    sha256: r.sha256,
    printedAt: r.printed_at,
    downloadedAt: r.downloaded_at,
    handedOverAt: r.handed_over_at,
  };
}

export class DeskRecordsRepo {
  constructor(private readonly db: Db) {}

  /** Records an operation and its document list once; a second call for the same operationId is a no-op. */
  async create(record: NewDeskOperationRecord, documents: readonly DeskDocumentRecord[]): Promise<boolean> {
    return inTransaction(this.db, async (trx) => {
      const inserted = await insertRows(trx, 'desk_operations', OPERATION_COLUMNS, [toOperationRow(record)], { ignoreConflicts: true, returning: ['operation_id'] });
      if (inserted.length === 0) return false;
      const rows = documents.map((d) => [
        record.operationId, d.position, d.key, d.kind, d.iun, d.recipientIndex, d.docIndex, d.legalFactId, toJson(d.title), d.sha256,
        d.printedAt, d.downloadedAt, d.handedOverAt,
      ]);
      await insertRows(trx, 'desk_operation_documents', DOCUMENT_COLUMNS, rows);
      return true;
    });
  }

  async get(operationId: string): Promise<{ record: DeskOperationRecord; documents: DeskDocumentRecord[] } | undefined> {
    const row = await this.db<OperationRow>('desk_operations').where('operation_id', operationId).first();
    if (!row) return undefined;
    const docs = await this.db<DocumentRow>('desk_operation_documents').where('operation_id', operationId).orderBy('position');
    return { record: fromOperationRow(row), documents: docs.map(fromDocumentRow) };
  }

  /** Stores the checksums of materialised documents and marks them printed (one bundle) or downloaded. */
  async markProduced(operationId: string, produced: ReadonlyArray<{ position: number; sha256: string }>, how: 'printed' | 'downloaded', at: string): Promise<void> {
    const column = how === 'printed' ? 'printed_at' : 'downloaded_at';
    for (const p of produced) {
      await this.db('desk_operation_documents').where({ operation_id: operationId, position: p.position }).update({ sha256: p.sha256, [column]: at });
    }
  }

  async setHandedOver(operationId: string, position: number, at: string | null): Promise<boolean> {
    return (await this.db('desk_operation_documents').where({ operation_id: operationId, position }).update({ handed_over_at: at })) === 1;
  }

  async setBundle(operationId: string, sha256: string): Promise<void> {
    await this.db('desk_operations').where('operation_id', operationId).update({ bundle_sha256: sha256 });
  }

  async setReceipt(operationId: string, sha256: string): Promise<void> {
    await this.db('desk_operations').where('operation_id', operationId).update({ receipt_sha256: sha256 });
  }

  /** Records one print of the receipt: the first one's time is kept, the count goes up. */
  async markReceiptPrinted(operationId: string, at: string): Promise<boolean> {
    const n = await this.db('desk_operations').where('operation_id', operationId).whereNotNull('receipt_sha256')
      .update({ receipt_printed_at: this.db.raw('coalesce(receipt_printed_at, ?)', [at]), receipt_prints: this.db.raw('receipt_prints + 1') });
    return n === 1;
  }

  async markCompleted(operationId: string, by: { deskId: string; operatorId: string; completedMs: number }): Promise<void> {
    await this.db('desk_operations').where('operation_id', operationId)
      .update({ completed_by_desk: by.deskId, completed_by_operator: by.operatorId, completed_ms: by.completedMs });
  }

  /** The desk of each operation recorded here (one query for a page of the history; none for an operation not recorded). */
  async deskIds(operationIds: readonly string[]): Promise<Map<string, string>> {
    if (operationIds.length === 0) return new Map();
    const rows = await this.db('desk_operations').whereIn('operation_id', [...operationIds]).select<{ operation_id: string; desk_id: string }[]>('operation_id', 'desk_id');
    return new Map(rows.map((r) => [r.operation_id, r.desk_id]));
  }

  /** Operations of a desk still DRAFT or STARTED (resumable after a restart), oldest first. */
  async listOpen(deskId: string): Promise<string[]> {
    return this.db('desk_operations as d').join('radd_transactions as t', 't.operation_id', 'd.operation_id')
      .where('d.desk_id', deskId).whereIn('t.state', ['DRAFT', 'STARTED']).orderBy('d.started_ms').limit(50).pluck('d.operation_id');
  }

  /** The latest operations of a desk, newest first. */
  async listRecent(deskId: string, limit: number): Promise<string[]> {
    return this.db('desk_operations').where('desk_id', deskId).orderBy([{ column: 'started_ms', order: 'desc' }, { column: 'operation_id' }]).limit(limit).pluck('operation_id');
  }

  /** Operations of a desk started or completed in [fromMs, toMs], with the counts of the day summary. */
  async listForPeriod(deskId: string, fromMs: number, toMs: number): Promise<DeskDayRow[]> {
    const rows = await this.db('desk_operations as d').join('radd_transactions as t', 't.operation_id', 'd.operation_id')
      .where('d.desk_id', deskId)
      .andWhere((w) => w.whereBetween('d.started_ms', [fromMs, toMs]).orWhereBetween('d.completed_ms', [fromMs, toMs]))
      .select(
        'd.operation_id', 't.operation_type', 't.state', 't.delegate_tax_id', 'd.operator_id', 'd.started_ms', 'd.completed_ms',
        this.db('radd_transaction_iuns as i').count('*').whereRaw('i.operation_id = d.operation_id').as('iuns'),
        this.db('desk_operation_documents as o').count('*').whereRaw('o.operation_id = d.operation_id').as('documents'),
      );
    return rows.map((r: Record<string, unknown>) => ({
      operationId: String(r.operation_id),
      operationType: r.operation_type as 'ACT' | 'AOR',
      state: r.state as RaddTransactionState,
      delegateTaxId: (r.delegate_tax_id as string | null) ?? null,
      operatorId: String(r.operator_id),
      startedMs: Number(r.started_ms),
      completedMs: toNumber(r.completed_ms as number | string | null) ?? null,
      iuns: Number(r.iuns),
      documents: Number(r.documents),
    }));
  }
}
