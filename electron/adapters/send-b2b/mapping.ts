// SEND's sender B2B shapes -> the core model (core/model/types.ts). Identifiers are taken as SEND
// sends them (DOMAIN.md 14); the business time of an element is SEND's eventTimestamp (the
// deprecated `timestamp` when absent), DOMAIN.md 5.
import type { Notification, NotificationRecipient, PaymentNotice, PhysicalAddress, TimelineElementInput } from '../../../core/index.js';
import { SyncError } from '../../sync/errors.js';
import type { PulledElement, PulledNotification } from '../../sync/types.js';
import type { FullSentNotification, SendTimelineElement } from './schemas.js';

type SendRecipient = FullSentNotification['recipients'][number];

function physicalAddressOf(a: SendRecipient['physicalAddress']): PhysicalAddress {
  const out: PhysicalAddress = { address: a.address, zip: a.zip ?? '', municipality: a.municipality };
  if (a.addressDetails !== undefined) out.addressDetails = a.addressDetails;
  if (a.at !== undefined) out.at = a.at;
  if (a.municipalityDetails !== undefined) out.municipalityDetails = a.municipalityDetails;
  if (a.province !== undefined) out.province = a.province;
  if (a.foreignState !== undefined) out.foreignState = a.foreignState;
  return out;
}

function recipientOf(r: SendRecipient): NotificationRecipient {
  const out: NotificationRecipient = { taxId: r.taxId, recipientType: r.recipientType, denomination: r.denomination, physicalAddress: physicalAddressOf(r.physicalAddress) };
  if (r.digitalDomicile) out.digitalDomicile = { type: 'PEC', address: r.digitalDomicile.address };
  const payments: PaymentNotice[] = (r.payments ?? []).flatMap((p) => (p.pagoPa ? [{ noticeCode: p.pagoPa.noticeCode, creditorTaxId: p.pagoPa.creditorTaxId }] : []));
  if (payments.length > 0) out.payments = payments;
  return out;
}

/** FullSentNotificationV25 -> Notification (header only; the timeline comes separately). */
export function notificationOf(full: FullSentNotification): PulledNotification {
  const n: Notification = {
    iun: full.iun,
    sentAt: full.sentAt,
    senderDenomination: full.senderDenomination,
    senderTaxId: full.senderTaxId,
    subject: full.subject,
    physicalCommunicationType: full.physicalCommunicationType,
    recipients: full.recipients.map(recipientOf),
    documents: full.documents.map((d, i) => ({ title: d.title ?? `Documento ${i + 1}`, contentType: d.contentType, digests: { sha256: d.digests.sha256 } })),
  };
  if (full.abstract !== undefined) n.abstract = full.abstract;
  if (full.paProtocolNumber !== '') n.paProtocolNumber = full.paProtocolNumber;
  if (full.group !== undefined) n.group = full.group;
  return { notification: n, remoteStatusHistory: full.notificationStatusHistory };
}

/**
 * TimelineElementV25 -> TimelineElementInput. `details.recIndex` becomes recipientIndex; SEND's
 * legalFactsIds are kept in details (same name) so that the desk can download them later.
 */
export function elementOf(e: SendTimelineElement, where: string): TimelineElementInput {
  const at = e.eventTimestamp ?? e.timestamp;
  if (at === undefined) throw new SyncError('SYNC_SCHEMA_VIOLATION', { peer: 'SEND', operation: where, path: 'eventTimestamp' });
  if (e.category === undefined) throw new SyncError('SYNC_SCHEMA_VIOLATION', { peer: 'SEND', operation: where, path: 'category' });
  const details: Record<string, unknown> = { ...(e.details ?? {}) };
  if (e.legalFactsIds && e.legalFactsIds.length > 0) details.legalFactsIds = e.legalFactsIds;
  const out: TimelineElementInput = { category: e.category, at, details };
  if (e.elementId !== undefined) out.elementId = e.elementId;
  if (typeof details.recIndex === 'number') out.recipientIndex = details.recIndex;
  return out;
}

/** The header and the whole timeline of a sent notification. */
export function pulledOf(full: FullSentNotification): { notification: PulledNotification; elements: PulledElement[] } {
  return {
    notification: notificationOf(full),
    elements: full.timeline.map((e) => ({ iun: full.iun, element: elementOf(e, 'retrieveSentNotificationV25') })),
  };
}
