// Answers given to writes named by the screen (table request_answers), by operation and request id,
// so that a request sent again after its answer was lost gets the same answer (electron/api/answer-once.ts).
import type { IsoInstant } from '../../core/index.js';
import { fromJson, instantMs, toJson } from '../mappers/json.js';
import type { Db } from './sql.js';

export interface RequestAnswerRecord {
  /** The API operation ('postal.recordOutcome', 'desk.createMandate'...). */
  operation: string;
  /** The id the screen chose for the request (a UUID v4), or the natural key of the operation. */
  requestId: string;
  /** Digest of the request: the same id with another request is not a repeat. */
  requestSha256: string;
  /** The answer given the first time (JSON-serialisable). */
  result: unknown;
  recordedBy?: string;
  recordedAt: IsoInstant;
}

interface Row {
  operation: string;
  request_id: string;
  request_sha256: string;
  result: string;
  recorded_by: string | null;
  recorded_at: string;
}

export class RequestAnswersRepo {
  constructor(private readonly db: Db) {}

  async get(operation: string, requestId: string): Promise<RequestAnswerRecord | undefined> {
    const row = await this.db<Row>('request_answers').where({ operation, request_id: requestId }).first();
    if (!row) return undefined;
    const out: RequestAnswerRecord = {
      operation: row.operation, requestId: row.request_id, requestSha256: row.request_sha256, result: fromJson(row.result), recordedAt: row.recorded_at,
    };
    if (row.recorded_by !== null) out.recordedBy = row.recorded_by;
    return out;
  }

  async insert(r: RequestAnswerRecord): Promise<void> {
    await this.db('request_answers').insert({
      operation: r.operation, request_id: r.requestId, request_sha256: r.requestSha256, result: toJson(r.result),
      recorded_by: r.recordedBy ?? null, recorded_at: r.recordedAt, recorded_ms: instantMs(r.recordedAt),
    });
  }

  /** Forgets the answers given before `before` (a lost answer is asked again within minutes, not weeks). */
  async purgeBefore(before: IsoInstant): Promise<number> {
    return this.db('request_answers').where('recorded_ms', '<', instantMs(before)).delete();
  }
}
