// The list queries of the desk and sender screens. Each one is an index range:
// recipients(tax_id, pending) for the desk, notifications(sender_tax_id[, status], sent_ms)
// for the sender list (the recipient filter drives from recipients(tax_id) instead).
import type { IsoInstant, NotificationStatus, RecipientOutcome, RecipientType } from '../../core/index.js';
import { instantMs, toNumber } from '../mappers/json.js';
import type { NotificationRow } from '../mappers/notifications.js';
import type { Db } from './sql.js';

/** A notification a recipient can still collect, seen from that recipient (DOMAIN.md 10). */
export interface PendingItem {
  iun: string;
  sentAt: IsoInstant;
  senderDenomination: string;
  senderTaxId: string;
  subject: string;
  status: NotificationStatus;
  recipientIndex: number;
  recipientType: RecipientType;
  outcome: RecipientOutcome;
  termDate: IsoInstant | null;
  refinementDate: IsoInstant | null;
}

export interface SenderListQuery {
  senderTaxId: string;
  statuses?: readonly NotificationStatus[];
  /** sentAt >= from (instant). */
  from?: IsoInstant;
  /** sentAt < to (instant; pass the start of the next day for an inclusive day). */
  to?: IsoInstant;
  recipientTaxId?: string;
  direction?: 'asc' | 'desc';
  limit?: number;
  /** Opaque cursor from the previous page. */
  cursor?: string;
}

export interface NotificationSummary {
  iun: string;
  sentAt: IsoInstant;
  senderDenomination: string;
  senderTaxId: string;
  subject: string;
  status: NotificationStatus;
  statusAt: IsoInstant;
  viewedAt: IsoInstant | null;
  recipientCount: number;
}

export interface SenderListPage {
  items: NotificationSummary[];
  /** Cursor of the next page, or null on the last page. */
  nextCursor: string | null;
}

const MAX_PAGE = 200;

export async function listPendingByTaxId(db: Db, taxId: string, outcome?: RecipientOutcome): Promise<PendingItem[]> {
  const q = db('recipients as r')
    .join('notifications as n', 'n.nid', 'r.nid')
    .where('r.tax_id', taxId)
    .andWhere('r.pending', true);
  if (outcome !== undefined) q.andWhere('r.outcome', outcome);
  const rows = await q
    .orderBy([{ column: 'n.sent_ms', order: 'desc' }, { column: 'n.iun', order: 'desc' }])
    .select(
      'n.iun', 'n.sent_at', 'n.sender_denomination', 'n.sender_tax_id', 'n.subject', 'n.status',
      'r.rec_index', 'r.recipient_type', 'r.outcome', 'r.term_date', 'r.refinement_date',
    );
  return rows.map((r) => ({
    iun: r.iun,
    sentAt: r.sent_at,
    senderDenomination: r.sender_denomination,
    senderTaxId: r.sender_tax_id,
    subject: r.subject,
    status: r.status,
    recipientIndex: r.rec_index,
    recipientType: r.recipient_type,
    outcome: r.outcome,
    termDate: r.term_date,
    refinementDate: r.refinement_date,
  }));
}

function decodeCursor(cursor: string): { ms: number; iun: string } {
  const [ms, iun] = cursor.split('|');
  if (!ms || !iun || Number.isNaN(Number(ms))) throw new RangeError('invalid cursor');
  return { ms: Number(ms), iun };
}

function toSummary(r: NotificationRow): NotificationSummary {
  return {
    iun: r.iun,
    sentAt: r.sent_at,
    senderDenomination: r.sender_denomination,
    senderTaxId: r.sender_tax_id,
    subject: r.subject,
    status: r.status as NotificationStatus,
    statusAt: r.status_at,
    viewedAt: r.viewed_at,
    recipientCount: r.recipient_count,
  };
}

export async function listForSender(db: Db, q: SenderListQuery): Promise<SenderListPage> {
  const limit = Math.min(Math.max(1, q.limit ?? 50), MAX_PAGE);
  const dir = q.direction ?? 'desc';
  const query = db<NotificationRow>('notifications as n').where('n.sender_tax_id', q.senderTaxId);
  if (q.statuses && q.statuses.length > 0) query.whereIn('n.status', [...q.statuses]);
  if (q.from) query.where('n.sent_ms', '>=', instantMs(q.from));
  if (q.to) query.where('n.sent_ms', '<', instantMs(q.to));
  if (q.recipientTaxId) query.whereIn('n.nid', db('recipients').select('nid').where('tax_id', q.recipientTaxId));
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    const op = dir === 'desc' ? '<' : '>';
    query.where((w) => w.where('n.sent_ms', op, c.ms).orWhere((e) => e.where('n.sent_ms', c.ms).andWhere('n.iun', op, c.iun)));
  }
  const rows = await query
    .orderBy([{ column: 'n.sent_ms', order: dir }, { column: 'n.iun', order: dir }])
    .limit(limit + 1)
    .select('n.*');
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const nextCursor = rows.length > limit && last ? `${toNumber(last.sent_ms)}|${last.iun}` : null;
  return { items: page.map(toSummary), nextCursor };
}
