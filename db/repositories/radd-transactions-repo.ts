// RADD desk transactions: the desk's own operation log (DOMAIN.md 10, 10.1). The rules (which
// transition is allowed, same-data repeats, print limit) live in core/desk; this stores and searches.
import type { IsoInstant } from '../../core/index.js';
import { instantMs } from '../mappers/json.js';
import { RADD_COLUMNS, raddToRow, rowToRadd, type RaddTransaction, type RaddTransactionRow, type RaddTransactionState } from '../mappers/radd.js';
import { inTransaction, insertRows, type Db } from './sql.js';

export type { RaddTransaction, RaddTransactionState, RaddOperationType, RaddStartData } from '../mappers/radd.js';

export interface RaddSearch {
  iun?: string;
  operationId?: string;
  /** The start of an operation id (hex digits and dashes only, lower case): every operation whose id begins so. */
  operationIdPrefix?: string;
  /** Recipient or delegate tax id, with an optional [from, to] range on the operation date. */
  taxId?: string;
  from?: IsoInstant;
  /** Inclusive upper bound (the core's history search gives the last millisecond of the day). */
  to?: IsoInstant;
  limit?: number;
}

export class RaddTransactionsRepo {
  constructor(private readonly db: Db) {}

  /**
   * Records a new transaction with its IUNs. Idempotent on operationId: when it already exists
   * nothing is written and the stored one is returned with `created: false`, for the core to
   * compare (DOMAIN.md 10.1: same data -> accepted, other data -> refused).
   */
  async create(t: RaddTransaction): Promise<{ created: boolean; transaction: RaddTransaction }> {
    return inTransaction(this.db, async (trx) => {
      const row = raddToRow(t);
      const inserted = await insertRows(trx, 'radd_transactions', RADD_COLUMNS, [RADD_COLUMNS.map((c) => row[c])], {
        ignoreConflicts: true,
        returning: ['operation_id'],
      });
      if (inserted.length === 0) {
        const stored = await new RaddTransactionsRepo(trx).get(t.operationId);
        return { created: false, transaction: stored as RaddTransaction };
      }
      await this.writeIuns(trx, t.operationId, t.iuns);
      return { created: true, transaction: t };
    });
  }

  private async writeIuns(db: Db, operationId: string, iuns: readonly string[]): Promise<void> {
    await insertRows(db, 'radd_transaction_iuns', ['operation_id', 'iun'], [...new Set(iuns)].map((iun) => [operationId, iun]), {
      ignoreConflicts: true,
    });
  }

  async get(operationId: string): Promise<RaddTransaction | undefined> {
    const row = await this.db<RaddTransactionRow>('radd_transactions').where('operation_id', operationId).first();
    if (!row) return undefined;
    const iuns = await this.db('radd_transaction_iuns').where('operation_id', operationId).orderBy('iun').pluck('iun');
    return rowToRadd(row, iuns);
  }

  /**
   * Saves the transaction the core's state machine returned, only if the stored one is still in
   * one of the `from` states (compare-and-set: two desks completing the same operation cannot
   * both win). IUNs are added, never removed. Returns false when the state had moved on.
   */
  async update(t: RaddTransaction, from: readonly RaddTransactionState[]): Promise<boolean> {
    return inTransaction(this.db, async (trx) => {
      const row = raddToRow(t);
      const { operation_id: _id, ...changes } = row;
      const updated = await trx('radd_transactions').where('operation_id', t.operationId).whereIn('state', [...from]).update(changes);
      if (updated !== 1) return false;
      await this.writeIuns(trx, t.operationId, t.iuns);
      return true;
    });
  }

  /** Completed ACT transactions for one IUN and recipient tax id (print limit, DOMAIN.md 10.1). */
  async countCompletedAct(iun: string, recipientTaxId: string): Promise<number> {
    const rows = await this.db('radd_transaction_iuns as i')
      .join('radd_transactions as t', 't.operation_id', 'i.operation_id')
      .where({ 'i.iun': iun, 't.recipient_tax_id': recipientTaxId, 't.operation_type': 'ACT', 't.state': 'COMPLETED' })
      .count<{ c: number | string }[]>({ c: '*' });
    return Number(rows[0]?.c ?? 0);
  }

  /** The desk's history search (DOMAIN.md 10.1): by operationId, by IUN, or by tax id and dates; newest first. */
  async search(q: RaddSearch): Promise<RaddTransaction[]> {
    const query = this.db<RaddTransactionRow>('radd_transactions as t').select('t.*');
    if (q.operationId) query.where('t.operation_id', q.operationId);
    if (q.operationIdPrefix !== undefined) {
      // Only hex digits and dashes reach here (core's history search): no LIKE wildcard to escape.
      if (!/^[0-9a-f-]+$/.test(q.operationIdPrefix)) return [];
      query.where('t.operation_id', 'like', `${q.operationIdPrefix}%`);
    }
    if (q.iun) query.whereIn('t.operation_id', this.db('radd_transaction_iuns').select('operation_id').where('iun', q.iun));
    if (q.taxId) {
      const taxId = q.taxId;
      query.where((w) => w.where('t.recipient_tax_id', taxId).orWhere('t.delegate_tax_id', taxId));
    }
    if (q.from) query.where('t.operation_ms', '>=', instantMs(q.from));
    if (q.to) query.where('t.operation_ms', '<=', instantMs(q.to));
    const rows = await query.orderBy([{ column: 't.operation_ms', order: 'desc' }, { column: 't.operation_id' }]).limit(q.limit ?? 200);
    if (rows.length === 0) return [];
    const links = await this.db('radd_transaction_iuns')
      .whereIn('operation_id', rows.map((r) => r.operation_id))
      .orderBy(['operation_id', 'iun'])
      .select<{ operation_id: string; iun: string }[]>('operation_id', 'iun');
    return rows.map((r) => rowToRadd(r, links.filter((l) => l.operation_id === r.operation_id).map((l) => l.iun)));
  }
}
