// Notification requests created by this sender office (table sender_requests): the tie between
// the local IUN, SEND's request key (sender, protocol number, idempotence token) and the outbox
// item that carries the request, plus what SEND answered: the notificationRequestId and, once
// SEND accepted the request, the IUN SEND assigned (it differs from the local IUN; the sync layer
// translates between the two, electron/sync/links.ts).
import type { IsoInstant } from '../../core/index.js';
import type { Db } from './sql.js';

export interface SenderRequest {
  iun: string;
  senderTaxId: string;
  paProtocolNumber: string;
  idempotenceToken: string;
  outboxDedupeKey: string;
  createdAt: IsoInstant;
  /** SEND's id of the request (202 of sendNewNotification); absent until it was sent. */
  notificationRequestId?: string;
  /** The IUN SEND assigned when it accepted the request; absent until then. */
  sendIun?: string;
  /** SEND's notificationRequestStatus when last asked (WAITING, ACCEPTED, REFUSED). */
  sendRequestStatus?: string;
}

interface Row {
  iun: string;
  sender_tax_id: string;
  pa_protocol_number: string;
  idempotence_token: string;
  outbox_dedupe_key: string;
  created_at: string;
  notification_request_id: string | null;
  send_iun: string | null;
  send_request_status: string | null;
}

function toRequest(r: Row): SenderRequest {
  const out: SenderRequest = {
    iun: r.iun, senderTaxId: r.sender_tax_id, paProtocolNumber: r.pa_protocol_number, idempotenceToken: r.idempotence_token,
    outboxDedupeKey: r.outbox_dedupe_key, createdAt: r.created_at,
  };
  if (r.notification_request_id !== null) out.notificationRequestId = r.notification_request_id;
  if (r.send_iun !== null) out.sendIun = r.send_iun;
  if (r.send_request_status !== null) out.sendRequestStatus = r.send_request_status;
  return out;
}

/** What SEND answered about a request: the IUN it assigned and its notificationRequestStatus. */
export interface SendAnswer {
  sendIun?: string;
  status?: string;
}

/** One statement's worth of IUNs (SQLite's bound-parameter limit is far above it). */
const CHUNK = 500;

export class SenderRequestsRepo {
  constructor(private readonly db: Db) {}

  async insert(r: SenderRequest): Promise<void> {
    await this.db('sender_requests').insert({
      iun: r.iun, sender_tax_id: r.senderTaxId, pa_protocol_number: r.paProtocolNumber, idempotence_token: r.idempotenceToken,
      outbox_dedupe_key: r.outboxDedupeKey, created_at: r.createdAt,
      notification_request_id: r.notificationRequestId ?? null, send_iun: r.sendIun ?? null, send_request_status: r.sendRequestStatus ?? null,
    });
  }

  /**
   * Records SEND's answer to the request carried by the outbox item `outboxDedupeKey`: its
   * notificationRequestId and, when known, SEND's IUN and request status. False when no request of
   * this office has that outbox item.
   */
  async recordSubmission(outboxDedupeKey: string, answer: SendAnswer & { notificationRequestId: string }): Promise<boolean> {
    const row = await this.db<Row>('sender_requests').where('outbox_dedupe_key', outboxDedupeKey).first();
    if (!row) return false;
    await this.patch(row, answer);
    return true;
  }

  /**
   * Records what SEND says of the request `notificationRequestId`: 'unknown' when it is not one of
   * ours, else whether its IUN or status changed ('changed') or SEND said nothing new ('unchanged').
   */
  async recordRequestStatus(notificationRequestId: string, answer: SendAnswer): Promise<'unknown' | 'unchanged' | 'changed'> {
    const row = await this.db<Row>('sender_requests').where('notification_request_id', notificationRequestId).first();
    if (!row) return 'unknown';
    return (await this.patch(row, answer)) ? 'changed' : 'unchanged';
  }

  /** The request id and SEND's IUN are kept once recorded (SEND never changes them); the status follows SEND. */
  private async patch(row: Row, answer: SendAnswer & { notificationRequestId?: string }): Promise<boolean> {
    const patch: Partial<Row> = {};
    if (row.notification_request_id === null && answer.notificationRequestId !== undefined) patch.notification_request_id = answer.notificationRequestId;
    if (row.send_iun === null && answer.sendIun !== undefined) patch.send_iun = answer.sendIun;
    if (answer.status !== undefined && answer.status !== row.send_request_status) patch.send_request_status = answer.status;
    if (Object.keys(patch).length === 0) return false;
    await this.db('sender_requests').where('iun', row.iun).update(patch);
    return true;
  }

  /**
   * notificationRequestIds of requests sent to SEND whose IUN is not known yet, oldest first; a
   * request SEND refused never gets one and is left out.
   */
  async awaitingSendIun(limit: number): Promise<string[]> {
    const rows = await this.db('sender_requests')
      .whereNotNull('notification_request_id')
      .whereNull('send_iun')
      .where((q) => q.whereNull('send_request_status').orWhereNot('send_request_status', 'REFUSED'))
      .orderBy([{ column: 'created_at' }, { column: 'iun' }])
      .limit(limit)
      .select<{ notification_request_id: string }[]>('notification_request_id');
    return rows.map((r) => r.notification_request_id);
  }

  /** SEND IUN -> local IUN, for the given SEND IUNs that belong to requests created here. */
  async localIunsOf(sendIuns: readonly string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (let i = 0; i < sendIuns.length; i += CHUNK) {
      const rows = await this.db('sender_requests').whereIn('send_iun', sendIuns.slice(i, i + CHUNK)).select<{ iun: string; send_iun: string }[]>('iun', 'send_iun');
      for (const r of rows) out.set(r.send_iun, r.iun);
    }
    return out;
  }

  /** Local IUN -> SEND IUN, for the given local IUNs whose SEND IUN is known. */
  async sendIunsOf(localIuns: readonly string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (let i = 0; i < localIuns.length; i += CHUNK) {
      const rows = await this.db('sender_requests').whereIn('iun', localIuns.slice(i, i + CHUNK)).whereNotNull('send_iun').select<{ iun: string; send_iun: string }[]>('iun', 'send_iun');
      for (const r of rows) out.set(r.iun, r.send_iun);
    }
    return out;
  }

  /** The request SEND would see as the same one (same sender, protocol number and token). */
  async findByKey(senderTaxId: string, paProtocolNumber: string, idempotenceToken: string): Promise<SenderRequest | undefined> {
    const row = await this.db<Row>('sender_requests').where({ sender_tax_id: senderTaxId, pa_protocol_number: paProtocolNumber, idempotence_token: idempotenceToken }).first();
    return row ? toRequest(row) : undefined;
  }

  /** The request SEND knows by this notificationRequestId (unique), if this desk sent it. */
  async getByRequestId(notificationRequestId: string): Promise<SenderRequest | undefined> {
    const row = await this.db<Row>('sender_requests').where('notification_request_id', notificationRequestId).first();
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
