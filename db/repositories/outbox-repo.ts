// Transactional outbox: a message is enqueued in the same transaction as the change that
// causes it, and the sync adapter sends it later (at least once; `dedupeKey` keeps enqueue idempotent).
import type { IsoInstant } from '../../core/index.js';
import { fromJson, instantMs, toBool, toJson, toNumber } from '../mappers/json.js';
import { insertRows, type Db } from './sql.js';

export interface OutboxMessage {
  id: number;
  kind: string;
  dedupeKey?: string;
  payload: unknown;
  createdAt: IsoInstant;
  attempts: number;
  /** When the next attempt is due (epoch ms); undefined once sent. */
  dueMs?: number;
  sentAt?: IsoInstant;
  lastError?: string;
  /** Marked done without sending: the sync adapter does not carry its kind (see markLocalOnly). */
  localOnly?: true;
}

interface OutboxRow {
  id: number;
  kind: string;
  dedupe_key: string | null;
  payload: string;
  created_at: string;
  attempts: number;
  due_ms: number | string | null;
  sent_at: string | null;
  last_error: string | null;
  local_only: boolean | number;
}

function rowToMessage(r: OutboxRow): OutboxMessage {
  const m: OutboxMessage = { id: Number(r.id), kind: r.kind, payload: fromJson(r.payload), createdAt: r.created_at, attempts: r.attempts };
  if (r.dedupe_key !== null) m.dedupeKey = r.dedupe_key;
  if (r.due_ms !== null) m.dueMs = toNumber(r.due_ms);
  if (r.sent_at !== null) m.sentAt = r.sent_at;
  if (r.last_error !== null) m.lastError = r.last_error;
  if (toBool(r.local_only)) m.localOnly = true;
  return m;
}

export class OutboxRepo {
  constructor(private readonly db: Db) {}

  /** Enqueues a message due at `createdAt`; false when `dedupeKey` was already enqueued. */
  async enqueue(msg: { kind: string; payload: unknown; createdAt: IsoInstant; dedupeKey?: string }): Promise<boolean> {
    const out = await insertRows(this.db, 'outbox', ['kind', 'dedupe_key', 'payload', 'created_at', 'attempts', 'due_ms'],
      [[msg.kind, msg.dedupeKey ?? null, toJson(msg.payload), msg.createdAt, 0, instantMs(msg.createdAt)]],
      { ignoreConflicts: true, returning: ['id'] });
    return out.length === 1;
  }

  /** Unsent messages due at or before `nowMs`, oldest first. */
  async due(nowMs: number, limit = 50): Promise<OutboxMessage[]> {
    const rows = await this.db<OutboxRow>('outbox').where('due_ms', '<=', nowMs).orderBy([{ column: 'due_ms' }, { column: 'id' }]).limit(limit);
    return rows.map(rowToMessage);
  }

  async get(id: number): Promise<OutboxMessage | undefined> {
    const row = await this.db<OutboxRow>('outbox').where('id', id).first();
    return row ? rowToMessage(row) : undefined;
  }

  /** The message enqueued under `dedupeKey` (sent or not), if any. */
  async findByDedupeKey(dedupeKey: string): Promise<OutboxMessage | undefined> {
    const row = await this.db<OutboxRow>('outbox').where('dedupe_key', dedupeKey).first();
    return row ? rowToMessage(row) : undefined;
  }

  async markSent(id: number, at: IsoInstant): Promise<void> {
    await this.db('outbox').where('id', id).update({ sent_at: at, due_ms: null });
  }

  /** Records a failed attempt and when to retry. */
  async markFailed(id: number, error: string, retryAtMs: number): Promise<void> {
    await this.db('outbox').where('id', id).update({ attempts: this.db.raw('attempts + 1'), last_error: error, due_ms: retryAtMs });
  }

  /**
   * Closes a message without sending it, because the chosen adapter does not carry its kind: kept
   * with `note` (the reason, for a human) and counted by localOnlyCount; no attempt is counted.
   */
  async markLocalOnly(id: number, note: string, at: IsoInstant): Promise<void> {
    await this.db('outbox').where('id', id).update({ sent_at: at, due_ms: null, last_error: note, local_only: true });
  }

  /** Messages closed by markLocalOnly (the sync status shows the figure; it survives restarts). */
  async localOnlyCount(): Promise<number> {
    const rows = await this.db('outbox').where('local_only', true).count<{ c: number | string }[]>({ c: '*' });
    return Number(rows[0]?.c ?? 0);
  }

  async pendingCount(): Promise<number> {
    const rows = await this.db('outbox').whereNotNull('due_ms').count<{ c: number | string }[]>({ c: '*' });
    return Number(rows[0]?.c ?? 0);
  }
}
