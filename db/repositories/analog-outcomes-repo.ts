// Postal outcomes entered at the postal screens (DOMAIN.md 7.3, 7.4). The handler writes the
// outcome and its timeline element in the same transaction (store.transaction).
import type { IsoInstant } from '../../core/index.js';
import { compact, fromJson, toJson } from '../mappers/json.js';
import { insertRows, type Db } from './sql.js';

export interface AnalogOutcome {
  iun: string;
  recipientIndex: number;
  attempt: number;
  deliveryDetailCode: string;
  /** Business date from the postal receipt (DOMAIN.md 7.3), never "now". */
  at: IsoInstant;
  failureCause?: string;
  discoveredAddress?: Record<string, unknown>;
  attachments?: unknown[];
  /** The timeline element this entry became. */
  elementId: string;
  recordedBy?: string;
  recordedAt: IsoInstant;
}

interface AnalogOutcomeRow {
  iun: string;
  recipient_index: number;
  attempt: number;
  delivery_detail_code: string;
  at: string;
  failure_cause: string | null;
  discovered_address: string | null;
  attachments: string | null;
  element_id: string;
  recorded_by: string | null;
  recorded_at: string;
}

const COLUMNS = [
  'iun', 'recipient_index', 'attempt', 'delivery_detail_code', 'at', 'failure_cause', 'discovered_address',
  'attachments', 'element_id', 'recorded_by', 'recorded_at',
] as const satisfies readonly (keyof AnalogOutcomeRow)[];

function toRow(o: AnalogOutcome): AnalogOutcomeRow {
  return {
    iun: o.iun, recipient_index: o.recipientIndex, attempt: o.attempt, delivery_detail_code: o.deliveryDetailCode, at: o.at,
    failure_cause: o.failureCause ?? null,
    discovered_address: o.discoveredAddress ? toJson(o.discoveredAddress) : null,
    attachments: o.attachments ? toJson(o.attachments) : null,
    element_id: o.elementId, recorded_by: o.recordedBy ?? null, recorded_at: o.recordedAt,
  };
}

function fromRow(r: AnalogOutcomeRow): AnalogOutcome {
  return compact({
    iun: r.iun, recipientIndex: r.recipient_index, attempt: r.attempt, deliveryDetailCode: r.delivery_detail_code, at: r.at,
    failureCause: r.failure_cause ?? undefined,
    discoveredAddress: fromJson<Record<string, unknown>>(r.discovered_address),
    attachments: fromJson<unknown[]>(r.attachments),
    elementId: r.element_id, recordedBy: r.recorded_by ?? undefined, recordedAt: r.recorded_at,
  });
}

export class AnalogOutcomesRepo {
  constructor(private readonly db: Db) {}

  /** Records an entry; false when its element was already recorded (idempotent repeat). */
  async record(o: AnalogOutcome): Promise<boolean> {
    const row = toRow(o);
    const out = await insertRows(this.db, 'analog_outcomes', COLUMNS, [COLUMNS.map((c) => row[c])], {
      ignoreConflicts: true,
      returning: ['element_id'],
    });
    return out.length === 1;
  }

  /** Entries of one recipient (optionally one attempt), in the order they were recorded. */
  async list(iun: string, recipientIndex: number, attempt?: number): Promise<AnalogOutcome[]> {
    const q = this.db<AnalogOutcomeRow & { id: number }>('analog_outcomes').where({ iun, recipient_index: recipientIndex });
    if (attempt !== undefined) q.andWhere('attempt', attempt);
    return (await q.orderBy('id')).map(fromRow);
  }
}
