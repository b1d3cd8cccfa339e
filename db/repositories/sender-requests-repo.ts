// Notification requests created by this sender office (table sender_requests): the tie between
// the local IUN, SEND's request key (sender, protocol number, idempotence token) and the outbox
// item that carries the request.
import type { IsoInstant } from '../../core/index.js';
import type { Db } from './sql.js';

export interface SenderRequest {
  iun: string;
  senderTaxId: string;
  paProtocolNumber: string;
  idempotenceToken: string;
  outboxDedupeKey: string;
  createdAt: IsoInstant;
}

interface Row {
  iun: string;
  sender_tax_id: string;
  pa_protocol_number: string;
  idempotence_token: string;
  outbox_dedupe_key: string;
  created_at: string;
}

const toRequest = (r: Row): SenderRequest => ({
  iun: r.iun, senderTaxId: r.sender_tax_id, paProtocolNumber: r.pa_protocol_number, idempotenceToken: r.idempotence_token,
  outboxDedupeKey: r.outbox_dedupe_key, createdAt: r.created_at,
});

export class SenderRequestsRepo {
  constructor(private readonly db: Db) {}

  async insert(r: SenderRequest): Promise<void> {
    await this.db('sender_requests').insert({
      iun: r.iun, sender_tax_id: r.senderTaxId, pa_protocol_number: r.paProtocolNumber, idempotence_token: r.idempotenceToken,
      outbox_dedupe_key: r.outboxDedupeKey, created_at: r.createdAt,
    });
  }

  /** The request SEND would see as the same one (same sender, protocol number and token). */
  async findByKey(senderTaxId: string, paProtocolNumber: string, idempotenceToken: string): Promise<SenderRequest | undefined> {
    const row = await this.db<Row>('sender_requests').where({ sender_tax_id: senderTaxId, pa_protocol_number: paProtocolNumber, idempotence_token: idempotenceToken }).first();
    return row ? toRequest(row) : undefined;
  }

  async get(iun: string): Promise<SenderRequest | undefined> {
    const row = await this.db<Row>('sender_requests').where('iun', iun).first();
    return row ? toRequest(row) : undefined;
  }

  /** Of these IUNs, those created here whose request is still in the outbox, unsent. */
  async awaitingSend(iuns: readonly string[]): Promise<Set<string>> {
    if (iuns.length === 0) return new Set();
    const rows = await this.db('sender_requests as q')
      .join('outbox as o', 'o.dedupe_key', 'q.outbox_dedupe_key')
      .whereIn('q.iun', [...iuns])
      .whereNull('o.sent_at')
      .select<{ iun: string }[]>('q.iun');
    return new Set(rows.map((r) => r.iun));
  }
}
