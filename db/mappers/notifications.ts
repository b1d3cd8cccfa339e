// Rows of notifications / recipients / documents / payment_notices <-> the domain Notification,
// and the derived columns written from a DerivedNotification (DOMAIN.md 12).
import type {
  DerivedNotification,
  Notification,
  NotificationRecipient,
  NotificationStatus,
  PaymentNotice,
  PhysicalAddress,
  RecipientState,
} from '../../core/index.js';
import { compact, fromJson, instantMs, toBool, toJson, toNumber } from './json.js';

export interface NotificationRow {
  iun: string;
  sent_at: string;
  sent_ms: number | string;
  sender_tax_id: string;
  sender_denomination: string;
  subject: string;
  abstract: string | null;
  pa_protocol_number: string | null;
  group_name: string | null;
  physical_communication_type: string;
  recipient_count: number;
  status: string;
  status_at: string;
  viewed_at: string | null;
}

export interface RecipientRow {
  iun: string;
  rec_index: number;
  tax_id: string;
  recipient_type: string;
  denomination: string;
  digital_domicile_type: string | null;
  digital_domicile_address: string | null;
  physical_address: string | null;
  aar_ref: string | null;
  outcome: string;
  viewed_at: string | null;
  refinement_date: string | null;
  refined_by: string | null;
  term_date: string | null;
  pending: boolean | number;
}

export interface DocumentRow {
  iun: string;
  doc_index: number;
  title: string;
  content_type: string;
  sha256: string;
  ref: string | null;
}

export interface PaymentRow {
  iun: string;
  rec_index: number;
  pay_index: number;
  notice_code: string;
  creditor_tax_id: string;
  amount_cents: number | string | null;
  due_date: string | null;
}

/**
 * A recipient still has something to collect at a desk while the notification is visible
 * (not IN_VALIDATION, REFUSED or CANCELLED: DOMAIN.md 10, 13) and they have not viewed it.
 */
export function isPendingFor(status: NotificationStatus, viewedAt: string | null): boolean {
  return viewedAt === null && status !== 'IN_VALIDATION' && status !== 'REFUSED' && status !== 'CANCELLED';
}

/** The derived columns of the notification row. */
export function derivedNotificationColumns(d: DerivedNotification): Pick<NotificationRow, 'status' | 'status_at' | 'viewed_at'> {
  const current = d.statusHistory[d.statusHistory.length - 1];
  return { status: d.status, status_at: current?.activeFrom ?? '', viewed_at: d.viewedAt };
}

/** The derived columns of one recipient row. */
export function derivedRecipientColumns(
  status: NotificationStatus,
  r: RecipientState | undefined,
): Pick<RecipientRow, 'outcome' | 'viewed_at' | 'refinement_date' | 'refined_by' | 'term_date' | 'pending'> {
  const viewedAt = r?.viewedAt ?? null;
  return {
    outcome: r?.outcome ?? 'IN_PROGRESS',
    viewed_at: viewedAt,
    refinement_date: r?.refinementDate ?? null,
    refined_by: r?.refinedBy ?? null,
    term_date: r?.termDate ?? null,
    pending: isPendingFor(status, viewedAt),
  };
}

export function notificationToRow(n: Notification, d: DerivedNotification): NotificationRow {
  return {
    iun: n.iun,
    sent_at: n.sentAt,
    sent_ms: instantMs(n.sentAt),
    sender_tax_id: n.senderTaxId,
    sender_denomination: n.senderDenomination,
    subject: n.subject,
    abstract: n.abstract ?? null,
    pa_protocol_number: n.paProtocolNumber ?? null,
    group_name: n.group ?? null,
    physical_communication_type: n.physicalCommunicationType,
    recipient_count: n.recipients.length,
    ...derivedNotificationColumns(d),
  };
}

export function recipientToRow(iun: string, index: number, r: NotificationRecipient, d: DerivedNotification): RecipientRow {
  return {
    iun,
    rec_index: index,
    tax_id: r.taxId,
    recipient_type: r.recipientType,
    denomination: r.denomination,
    digital_domicile_type: r.digitalDomicile?.type ?? null,
    digital_domicile_address: r.digitalDomicile?.address ?? null,
    physical_address: r.physicalAddress ? toJson(r.physicalAddress) : null,
    aar_ref: null,
    ...derivedRecipientColumns(d.status, d.perRecipient[index]),
  };
}

export function paymentsToRows(iun: string, recIndex: number, payments: readonly PaymentNotice[] = []): PaymentRow[] {
  return payments.map((p, i) => ({
    iun,
    rec_index: recIndex,
    pay_index: i,
    notice_code: p.noticeCode,
    creditor_tax_id: p.creditorTaxId,
    amount_cents: p.amountCents ?? null,
    due_date: p.dueDate ?? null,
  }));
}

export function documentsToRows(n: Notification): DocumentRow[] {
  return n.documents.map((doc, i) => ({
    iun: n.iun,
    doc_index: i,
    title: doc.title,
    content_type: doc.contentType,
    sha256: doc.digests.sha256,
    ref: doc.ref ?? null,
  }));
}

function rowToPayment(p: PaymentRow): PaymentNotice {
  return compact({
    noticeCode: p.notice_code,
    creditorTaxId: p.creditor_tax_id,
    amountCents: toNumber(p.amount_cents),
    dueDate: p.due_date ?? undefined,
  });
}

export function rowToRecipient(r: RecipientRow, payments: readonly PaymentRow[]): NotificationRecipient {
  return compact({
    taxId: r.tax_id,
    recipientType: r.recipient_type as NotificationRecipient['recipientType'],
    denomination: r.denomination,
    digitalDomicile:
      r.digital_domicile_type && r.digital_domicile_address
        ? { type: r.digital_domicile_type as 'PEC' | 'SERCQ', address: r.digital_domicile_address }
        : undefined,
    physicalAddress: fromJson<PhysicalAddress>(r.physical_address),
    payments: payments.length > 0 ? payments.map(rowToPayment) : undefined,
  });
}

export function rowsToNotification(
  n: NotificationRow,
  recipients: readonly RecipientRow[],
  payments: readonly PaymentRow[],
  documents: readonly DocumentRow[],
): Notification {
  return compact({
    iun: n.iun,
    sentAt: n.sent_at,
    senderDenomination: n.sender_denomination,
    senderTaxId: n.sender_tax_id,
    subject: n.subject,
    abstract: n.abstract ?? undefined,
    paProtocolNumber: n.pa_protocol_number ?? undefined,
    group: n.group_name ?? undefined,
    physicalCommunicationType: n.physical_communication_type as Notification['physicalCommunicationType'],
    recipients: recipients.map((r) => rowToRecipient(r, payments.filter((p) => p.rec_index === r.rec_index))),
    documents: documents.map((d) =>
      compact({ title: d.title, contentType: d.content_type, digests: { sha256: d.sha256 }, ref: d.ref ?? undefined }),
    ),
  });
}

export { toBool };
