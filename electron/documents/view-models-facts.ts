// The per-recipient facts of each attestation type, read from timeline element details
// (DOMAIN.md 5 details, 6 producers, 7 workflows, 10 RADD viewing).
import type { LegalFact, Notification, NotificationRecipient, PhysicalAddress, TimelineElement } from '../../core/index.js';
import type { AnalogEventView, DelegateView, DeskView, PecDeliveryView, PecReceiptKind, RecipientView } from './types.js';

export function recipientAt(notification: Notification, index: number | undefined): NotificationRecipient {
  const r = index === undefined ? undefined : notification.recipients[index];
  if (!r) throw new RangeError(`notification ${notification.iun} has no recipient ${String(index)}`);
  return r;
}

export function recipientView(r: NotificationRecipient): RecipientView {
  return {
    denomination: r.denomination,
    taxId: r.taxId,
    recipientType: r.recipientType,
    ...(r.physicalAddress ? { physicalAddress: r.physicalAddress } : {}),
    ...(r.digitalDomicile ? { digitalDomicile: r.digitalDomicile.address } : {}),
  };
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}

function obj(v: unknown): Record<string, unknown> | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

function sameAttempt(a: TimelineElement, b: TimelineElement): boolean {
  return (
    a.recipientIndex === b.recipientIndex &&
    a.details.digitalAddressSource === b.details.digitalAddressSource &&
    (a.details.sentAttemptMade ?? 0) === (b.details.sentAttemptMade ?? 0)
  );
}

/**
 * The PEC address an element refers to: its own details, else the SEND_DIGITAL_DOMICILE of the
 * same source and attempt, else (SPECIAL source) the domicile the sender gave.
 */
function pecAddressOf(el: TimelineElement, timeline: TimelineElement[], r: NotificationRecipient): string | undefined {
  const own = str(obj(el.details.digitalAddress)?.address);
  if (own) return own;
  const send = timeline.find((t) => t.category === 'SEND_DIGITAL_DOMICILE' && sameAttempt(t, el));
  const sent = send && str(obj(send.details.digitalAddress)?.address);
  if (sent) return sent;
  return el.details.digitalAddressSource === 'SPECIAL' ? r.digitalDomicile?.address : undefined;
}

function ofRecipient(timeline: TimelineElement[], el: TimelineElement, category: string): TimelineElement[] {
  return timeline
    .filter((t) => t.category === category && t.recipientIndex === el.recipientIndex)
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/** DIGITAL_DELIVERY: success or AMR, with every PEC outcome of the recipient (as SEND lists them). */
export function digitalDeliveryFacts(n: Notification, el: TimelineElement, timeline: TimelineElement[]) {
  const r = recipientAt(n, el.recipientIndex);
  const deliveries: PecDeliveryView[] = ofRecipient(timeline, el, 'SEND_DIGITAL_FEEDBACK').map((f) => ({
    address: pecAddressOf(f, timeline, r) ?? '—',
    source: str(f.details.digitalAddressSource),
    at: f.at,
    ok: f.details.responseStatus === 'OK',
  }));
  const outcome: 'SUCCESS' | 'FAILURE' = el.category === 'DIGITAL_FAILURE_WORKFLOW' ? 'FAILURE' : 'SUCCESS';
  return { outcome, recipient: recipientView(r), deliveries };
}

/** RECIPIENT_ACCESS: who accessed (recipient or delegate) and, for RADD, where (DOMAIN.md 10). */
export function recipientAccessFacts(n: Notification, el: TimelineElement, desk: DeskView | undefined) {
  const r = recipientAt(n, el.recipientIndex);
  const info = obj(el.details.delegateInfo);
  const delegate: DelegateView | undefined = info
    ? {
        denomination: str(info.denomination) ?? '—',
        taxId: str(info.taxId) ?? '—',
        ...(info.delegateType === 'PF' || info.delegateType === 'PG' ? { delegateType: info.delegateType } : {}),
        ...(str(info.mandateId) ? { mandateId: str(info.mandateId)! } : {}),
      }
    : undefined;
  const raddType = str(el.details.raddType);
  const transactionId = str(el.details.raddTransactionId);
  const radd = raddType ? { raddType, ...(transactionId ? { transactionId } : {}), ...(desk ? { desk } : {}) } : undefined;
  return { recipient: recipientView(r), ...(delegate ? { delegate } : {}), ...(radd ? { radd } : {}) };
}

function analogEvent(el: TimelineElement, attachmentType?: string): AnalogEventView {
  const d = el.details;
  const address = obj(d.physicalAddress) as PhysicalAddress | undefined;
  return {
    at: el.at,
    ...(str(d.deliveryDetailCode) ? { deliveryDetailCode: str(d.deliveryDetailCode)! } : {}),
    ...(str(d.productType) ? { productType: str(d.productType)! } : {}),
    ...(str(d.registeredLetterCode) ? { registeredLetterCode: str(d.registeredLetterCode)! } : {}),
    ...(str(d.deliveryFailureCause) ? { failureCause: str(d.deliveryFailureCause)! } : {}),
    ...(attachmentType ? { attachmentType } : {}),
    ...(address && str(address.address) ? { address } : {}),
  };
}

/** ANALOG_FAILURE_DELIVERY: the deposit, with the failed paper attempts (KO final outcomes). */
export function analogFailureFacts(n: Notification, el: TimelineElement, timeline: TimelineElement[]) {
  const r = recipientAt(n, el.recipientIndex);
  const failedAttempts = ofRecipient(timeline, el, 'SEND_ANALOG_FEEDBACK')
    .filter((f) => f.details.responseStatus === 'KO')
    .map((f) => analogEvent(f));
  return { recipient: recipientView(r), failedAttempts };
}

const TRANSIENT_PEC = new Set(['C008', 'C010', 'DP10']);

/** PEC_RECEIPT: acceptance (progress) or delivery / non-delivery (feedback), DOMAIN.md 7.2. */
export function pecReceiptFacts(n: Notification, el: TimelineElement, timeline: TimelineElement[]) {
  const r = recipientAt(n, el.recipientIndex);
  const code = str(el.details.deliveryDetailCode);
  let receipt: PecReceiptKind;
  if (el.category === 'SEND_DIGITAL_FEEDBACK') receipt = el.details.responseStatus === 'OK' ? 'DELIVERY' : 'NON_DELIVERY';
  else receipt = code && TRANSIENT_PEC.has(code) ? 'TEMPORARY_ERROR' : 'ACCEPTANCE';
  const address = pecAddressOf(el, timeline, r);
  const failureCause = str(el.details.deliveryFailureCause);
  return {
    recipient: recipientView(r),
    receipt,
    ...(address ? { address } : {}),
    ...(code ? { deliveryDetailCode: code } : {}),
    ...(failureCause ? { failureCause } : {}),
  };
}

/** Index n of a per-attachment fact id `<elementId>~ANALOG_DELIVERY~<n>` (core/model LegalFact.id). */
function attachmentIndex(lf: LegalFact): number | undefined {
  const m = /~(\d+)$/.exec(lf.id.slice(lf.elementId.length));
  return m ? Number(m[1]) : undefined;
}

/** ANALOG_DELIVERY: one postal event, and the scan it carries for per-attachment facts. */
export function analogDeliveryFacts(n: Notification, el: TimelineElement, lf: LegalFact) {
  const r = recipientAt(n, el.recipientIndex);
  const index = attachmentIndex(lf);
  const attachments = Array.isArray(el.details.attachments) ? el.details.attachments : [];
  const attachment = index === undefined ? undefined : obj(attachments[index]);
  return { recipient: recipientView(r), event: analogEvent(el, str(attachment?.documentType)) };
}
