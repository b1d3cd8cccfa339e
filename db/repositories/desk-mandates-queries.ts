// Delegations known to this desk (SEND mandates accepted by the delegate, DOMAIN.md 10 step 1).
// Online they come from SEND; in demo/offline mode they are kept here. The core decides whether one
// is active (hasActiveMandate); this only stores and finds them.
import type { IsoInstant, RecipientType } from '../../core/index.js';
import { insertRows, type Db } from './sql.js';

export interface DeskMandateRecord {
  mandateId: string;
  delegatorTaxId: string;
  delegateTaxId: string;
  delegateDenomination: string;
  delegateType: RecipientType;
  validFrom: IsoInstant | null;
  validTo: IsoInstant | null;
  createdAt: IsoInstant;
}

interface MandateRow {
  mandate_id: string;
  delegator_tax_id: string;
  delegate_tax_id: string;
  delegate_denomination: string;
  delegate_type: string;
  valid_from: string | null;
  valid_to: string | null;
  created_at: string;
}

const COLUMNS = [
  'mandate_id', 'delegator_tax_id', 'delegate_tax_id', 'delegate_denomination', 'delegate_type', 'valid_from', 'valid_to', 'created_at',
] as const satisfies readonly (keyof MandateRow)[];

export class DeskMandatesRepo {
  constructor(private readonly db: Db) {}

  /** Stores a mandate; one already stored with that id is left as it is. */
  async put(m: DeskMandateRecord): Promise<void> {
    const row = [m.mandateId, m.delegatorTaxId, m.delegateTaxId, m.delegateDenomination, m.delegateType, m.validFrom, m.validTo, m.createdAt];
    await insertRows(this.db, 'desk_mandates', COLUMNS, [row], { ignoreConflicts: true });
  }

  /** Every mandate from a delegator to a delegate (active or not: the core decides), newest first. */
  async listBetween(delegatorTaxId: string, delegateTaxId: string): Promise<DeskMandateRecord[]> {
    const rows = await this.db<MandateRow>('desk_mandates')
      .where({ delegate_tax_id: delegateTaxId, delegator_tax_id: delegatorTaxId })
      .orderBy([{ column: 'created_at', order: 'desc' }, { column: 'mandate_id' }]);
    return rows.map(toRecord);
  }

  /** The mandates where a tax code is the delegator or the delegate, newest first (at most `limit`). */
  async listByTaxId(taxId: string, limit = 200): Promise<DeskMandateRecord[]> {
    const rows = await this.db<MandateRow>('desk_mandates')
      .where({ delegator_tax_id: taxId })
      .orWhere({ delegate_tax_id: taxId })
      .orderBy([{ column: 'created_at', order: 'desc' }, { column: 'mandate_id' }])
      .limit(limit);
    return rows.map(toRecord);
  }

  async get(mandateId: string): Promise<DeskMandateRecord | undefined> {
    const row = await this.db<MandateRow>('desk_mandates').where({ mandate_id: mandateId }).first();
    return row ? toRecord(row) : undefined;
  }

  /** Ends a mandate's validity (revocation: the row is kept). Returns whether a row changed. */
  async setValidTo(mandateId: string, validTo: IsoInstant): Promise<boolean> {
    return (await this.db('desk_mandates').where({ mandate_id: mandateId }).update({ valid_to: validTo })) > 0;
  }
}

function toRecord(r: MandateRow): DeskMandateRecord {
  return {
    mandateId: r.mandate_id,
    delegatorTaxId: r.delegator_tax_id,
    delegateTaxId: r.delegate_tax_id,
    delegateDenomination: r.delegate_denomination,
    delegateType: r.delegate_type as RecipientType,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    createdAt: r.created_at,
  };
}
