// From the core model (Notification, TimelineElement, LegalFact) to the view models the
// renderers lay out. Everything an attestation states comes from the stored timeline element that
// produced it (DOMAIN.md 6) and from the notification; nothing is recomputed here.
import {
  DEFAULT_SEND_LANDING_URL,
  aarAccessBase,
  aarQrUrl,
  type IsoInstant,
  type LegalFact,
  type Notification,
  type RecipientType,
  type TimelineElement,
} from '../../core/index.js';
import type { AarInput, DeskView, DocumentDigestView, LegalFactInput } from './types.js';
import {
  analogDeliveryFacts,
  analogFailureFacts,
  digitalDeliveryFacts,
  pecReceiptFacts,
  recipientAccessFacts,
  recipientAt,
  recipientView,
} from './view-models-facts.js';

export { recipientView } from './view-models-facts.js';

/** SEND prints document digests in upper-case hex; the model keeps SEND's base64 (or hex). */
export function digestHex(sha256: string): string {
  if (/^[0-9a-fA-F]{64}$/.test(sha256)) return sha256.toUpperCase();
  return Buffer.from(sha256, 'base64').toString('hex').toUpperCase();
}

export interface AarOptions {
  /** The recipient's AAR token (core/aar buildAarToken, or SEND's). */
  token: string;
  /** Access sites per recipient type; defaults to core/aar's. */
  accessBases?: Partial<Record<RecipientType, string>>;
  landingUrl?: string;
  /** Paper AAR (registered letter, desk print): prints the physical address. Default true. */
  paper?: boolean;
  generatedAt: IsoInstant;
}

/** The AAR of one recipient (DOMAIN.md 9). */
export function aarInputFrom(notification: Notification, recipientIndex: number, options: AarOptions): AarInput {
  const r = recipientAt(notification, recipientIndex);
  const accessBase = aarAccessBase(r.recipientType, options.accessBases);
  return {
    iun: notification.iun,
    sentAt: notification.sentAt,
    sender: { denomination: notification.senderDenomination, taxId: notification.senderTaxId },
    subject: notification.subject,
    recipient: recipientView(r),
    paper: options.paper ?? true,
    qrUrl: aarQrUrl(accessBase, options.token),
    accessBase,
    landingUrl: options.landingUrl ?? DEFAULT_SEND_LANDING_URL,
    generatedAt: options.generatedAt,
  };
}

export interface LegalFactSource {
  notification: Notification;
  legalFact: LegalFact;
  /** The timeline element that produced the legal fact (legalFact.elementId). */
  element: TimelineElement;
  /** The notification's timeline: the digital attempts (AMR) and paper attempts are read from it. */
  timeline?: TimelineElement[];
  /** RECIPIENT_ACCESS at a RADD desk: the desk of details.raddTransactionId, from the desk log. */
  desk?: DeskView;
  generatedAt: IsoInstant;
}

function documentsOf(notification: Notification): DocumentDigestView[] {
  return notification.documents.map((d) => ({ title: d.title, sha256: digestHex(d.digests.sha256) }));
}

/** The attestation of one legal fact, from its producing element and the notification. */
export function legalFactInputFrom(src: LegalFactSource): LegalFactInput {
  const { notification: n, legalFact: lf, element: el } = src;
  if (el.elementId !== lf.elementId) {
    throw new Error(`legal fact ${lf.id} comes from ${lf.elementId}, not from ${el.elementId}`);
  }
  const common = {
    legalFactId: lf.id,
    elementId: el.elementId,
    iun: n.iun,
    sender: { denomination: n.senderDenomination, taxId: n.senderTaxId },
    subject: n.subject,
    generatedAt: src.generatedAt,
    at: el.at,
  };
  const timeline = src.timeline ?? [];
  switch (lf.type) {
    case 'SENDER_ACK':
      return { ...common, type: lf.type, sentAt: n.sentAt, recipients: n.recipients.map(recipientView), documents: documentsOf(n) };
    case 'NOTIFICATION_CANCELLED':
      return { ...common, type: lf.type, recipients: n.recipients.map(recipientView) };
    case 'DIGITAL_DELIVERY':
      return { ...common, type: lf.type, ...digitalDeliveryFacts(n, el, timeline) };
    case 'RECIPIENT_ACCESS':
      return { ...common, type: lf.type, ...recipientAccessFacts(n, el, src.desk) };
    case 'ANALOG_FAILURE_DELIVERY':
      return { ...common, type: lf.type, ...analogFailureFacts(n, el, timeline) };
    case 'PEC_RECEIPT':
      return { ...common, type: lf.type, ...pecReceiptFacts(n, el, timeline) };
    case 'ANALOG_DELIVERY':
      return { ...common, type: lf.type, ...analogDeliveryFacts(n, el, lf) };
  }
}
