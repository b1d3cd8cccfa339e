// The list screen's rows: the store's rows with the status label the core chooses (DOMAIN.md 3)
// and whether a notification created here still waits to be sent to SEND.
import { currentStatusLabel, type RecipientState } from '../../core/index.js';
import type { SenderRow } from '../../db/repositories/sender-queries.js';
import type { StoreScope } from '../../db/store.js';
import type { SenderListItemView } from '../api/contract/sender-views.js';

/** The status label of a list row: VIEWED depends on how its recipients were refined. */
export function rowStatusLabel(row: Pick<SenderRow, 'status' | 'recipients'>) {
  const perRecipient = row.recipients.map((r) => ({ refinedBy: r.refinedBy }) as RecipientState);
  return currentStatusLabel({ status: row.status, perRecipient });
}

export function toListItem(row: SenderRow, awaiting: ReadonlySet<string>): SenderListItemView {
  return {
    iun: row.iun,
    sentAt: row.sentAt,
    subject: row.subject,
    senderDenomination: row.senderDenomination,
    senderTaxId: row.senderTaxId,
    paProtocolNumber: row.paProtocolNumber,
    group: row.group,
    status: row.status,
    statusLabel: rowStatusLabel(row),
    statusAt: row.statusAt,
    recipientCount: row.recipientCount,
    recipients: row.recipients.map((r) => ({ denomination: r.denomination, taxId: r.taxId })),
    awaitingSend: awaiting.has(row.iun),
  };
}

/** List rows, with "awaiting sending" looked up for the notifications still in validation. */
export async function toListItems(store: Pick<StoreScope, 'senderRequests'>, rows: readonly SenderRow[]): Promise<SenderListItemView[]> {
  const awaiting = await store.senderRequests.awaitingSend(rows.filter((r) => r.status === 'IN_VALIDATION').map((r) => r.iun));
  return rows.map((r) => toListItem(r, awaiting));
}
