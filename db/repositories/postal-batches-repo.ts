// Postal batches recorded (table postal_batches): the answer given to a batch, by the id the screen
// chose for it, so that the batch confirmed again gets the same answer (electron/postal/batch-once.ts).
import type { IsoInstant } from '../../core/index.js';
import { fromJson, instantMs, toJson } from '../mappers/json.js';
import type { Db } from './sql.js';

export interface PostalBatchRecord {
  batchId: string;
  /** Digest of the request (items and outcome): the same id with another request is not a repeat. */
  requestSha256: string;
  /** The answer given when the batch was recorded (JSON-serialisable). */
  result: unknown;
  recordedBy?: string;
  recordedAt: IsoInstant;
}

interface Row {
  batch_id: string;
  request_sha256: string;
  result: string;
  recorded_by: string | null;
  recorded_at: string;
}

export class PostalBatchesRepo {
  constructor(private readonly db: Db) {}

  async get(batchId: string): Promise<PostalBatchRecord | undefined> {
    const row = await this.db<Row>('postal_batches').where('batch_id', batchId).first();
    if (!row) return undefined;
    const out: PostalBatchRecord = { batchId: row.batch_id, requestSha256: row.request_sha256, result: fromJson(row.result), recordedAt: row.recorded_at };
    if (row.recorded_by !== null) out.recordedBy = row.recorded_by;
    return out;
  }

  async insert(r: PostalBatchRecord): Promise<void> {
    await this.db('postal_batches').insert({
      batch_id: r.batchId, request_sha256: r.requestSha256, result: toJson(r.result), recorded_by: r.recordedBy ?? null,
      recorded_at: r.recordedAt, recorded_ms: instantMs(r.recordedAt),
    });
  }

  /** Forgets the batches recorded before `before` (a lost answer is asked again within minutes, not weeks). */
  async purgeBefore(before: IsoInstant): Promise<number> {
    return this.db('postal_batches').where('recorded_ms', '<', instantMs(before)).delete();
  }
}
