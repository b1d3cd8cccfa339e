// View models of the printed documents: plain data, already chosen and ordered, built from the
// core model by view-models.ts. The renderers only lay them out, so what a paper says is decided
// (and tested) in one place. Every input carries `generatedAt` instead of reading the clock.
import type { IsoInstant, LegalFactType, PhysicalAddress, RecipientType } from '../../core/index.js';

/** A rendered PDF and the hex SHA-256 of its bytes (the blob store's key). */
export interface RenderedPdf {
  buffer: Buffer;
  sha256: string;
}

export interface PartyView {
  denomination: string;
  taxId: string;
}

export interface RecipientView extends PartyView {
  recipientType: RecipientType;
  physicalAddress?: PhysicalAddress;
  /** Digital domicile given by the sender (PEC/SERCQ address), when any. */
  digitalDomicile?: string;
}

/** DOMAIN.md 9: one AAR per recipient. */
export interface AarInput {
  iun: string;
  sentAt: IsoInstant;
  sender: PartyView;
  subject: string;
  recipient: RecipientView;
  /** Paper AAR (registered letter, desk print): prints the recipient's physical address. */
  paper: boolean;
  /** Full QR content, `<accessBase>notifica?aar=<token>` (core/aar aarQrUrl). */
  qrUrl: string;
  /** The access site of the recipient type (PF citizens, PG businesses). */
  accessBase: string;
  /** SEND landing site; the AAR links `<landing>/perfezionamento`. */
  landingUrl: string;
  generatedAt: IsoInstant;
}

/** A desk that served a RADD operation (DOMAIN.md 10). */
export interface DeskView {
  name: string;
  code?: string;
  address?: string;
}

export interface DelegateView extends PartyView {
  delegateType?: RecipientType;
  mandateId?: string;
}

export interface DocumentDigestView {
  title: string;
  /** Hex SHA-256 (upper case, as SEND prints digests). */
  sha256: string;
}

export interface PecDeliveryView {
  address: string;
  source?: string;
  at: IsoInstant;
  ok: boolean;
}

interface LegalFactCommon {
  /** LegalFact.id of core/model. */
  legalFactId: string;
  /** The producing timeline element (DOMAIN.md 6). */
  elementId: string;
  iun: string;
  sender: PartyView;
  subject: string;
  generatedAt: IsoInstant;
}

/** DOMAIN.md 6: what each attestation states. `at` is always the producing element's business time. */
export type LegalFactInput = LegalFactCommon &
  (
    | { type: 'SENDER_ACK'; at: IsoInstant; sentAt: IsoInstant; recipients: RecipientView[]; documents: DocumentDigestView[] }
    | { type: 'DIGITAL_DELIVERY'; at: IsoInstant; outcome: 'SUCCESS' | 'FAILURE'; recipient: RecipientView; deliveries: PecDeliveryView[] }
    | { type: 'RECIPIENT_ACCESS'; at: IsoInstant; recipient: RecipientView; delegate?: DelegateView; radd?: { raddType: string; transactionId?: string; desk?: DeskView } }
    | { type: 'ANALOG_FAILURE_DELIVERY'; at: IsoInstant; recipient: RecipientView; failedAttempts: AnalogEventView[] }
    | { type: 'PEC_RECEIPT'; at: IsoInstant; recipient: RecipientView; receipt: PecReceiptKind; address?: string; deliveryDetailCode?: string; failureCause?: string }
    | { type: 'ANALOG_DELIVERY'; at: IsoInstant; recipient: RecipientView; event: AnalogEventView }
    | { type: 'NOTIFICATION_CANCELLED'; at: IsoInstant; recipients: RecipientView[] }
  );

export type PecReceiptKind = 'ACCEPTANCE' | 'DELIVERY' | 'NON_DELIVERY' | 'TEMPORARY_ERROR';

/** One postal event as printed (DOMAIN.md 7.4). */
export interface AnalogEventView {
  at: IsoInstant;
  deliveryDetailCode?: string;
  productType?: string;
  registeredLetterCode?: string;
  failureCause?: string;
  /** Scan attached to the event (AR, 23L, CAD, CAN, Plico...), for per-attachment facts. */
  attachmentType?: string;
  address?: PhysicalAddress;
}

export type LegalFactTypeOf<T extends LegalFactType> = Extract<LegalFactInput, { type: T }>;

/** DOMAIN.md 10 / 10.1: receipt of a COMPLETED desk transaction. */
export interface DeskReceiptInput {
  operationId: string;
  operationType: 'ACT' | 'AOR';
  desk: DeskView;
  operator?: string;
  recipient: PartyView & { recipientType: RecipientType };
  delegate?: PartyView;
  iuns: string[];
  documents: DocumentDigestView[];
  startedAt: IsoInstant;
  completedAt: IsoInstant;
  generatedAt: IsoInstant;
}

/** DOMAIN.md 10.1: the privacy cover page shows only the recipient's name. */
export interface CoverSheetInput {
  recipientName: string;
  generatedAt: IsoInstant;
}

/** One PDF to merge into a print bundle; the title names it in errors and in the page map. */
export interface BundleDocument {
  title: string;
  pdf: Uint8Array;
}

/**
 * DOMAIN.md 10.1 order: the cover, the notified acts, the AAR(s) (several for an AOR pickup), the
 * attestations. PEC receipts are not handed out: the caller leaves them out.
 */
export interface PrintBundleParts {
  cover: BundleDocument;
  acts: BundleDocument[];
  aars: BundleDocument[];
  attestations: BundleDocument[];
  /** Creation date written in the bundle's metadata. */
  generatedAt: IsoInstant;
}

export type BundleSectionKind = 'COVER' | 'ACT' | 'AAR' | 'ATTESTATION';

/** Where each input landed in the bundle (1-based pages), for the desk's checklist. */
export interface BundleSection {
  kind: BundleSectionKind;
  title: string;
  firstPage: number;
  pageCount: number;
}

export interface PrintBundle extends RenderedPdf {
  pageCount: number;
  sections: BundleSection[];
}
