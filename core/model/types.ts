// The SEND domain model (types only). DOMAIN.md sections 1-6 and 12.
// Timestamps are ISO-8601 strings with an offset (business times keep their offsets);
// arithmetic on them happens in core/time only.

/** An ISO-8601 instant with offset, e.g. `2026-03-10T09:15:00+01:00`. */
export type IsoInstant = string;

/** DOMAIN.md 3 */
export const NOTIFICATION_STATUSES = [
  'IN_VALIDATION',
  'ACCEPTED',
  'REFUSED',
  'DELIVERING',
  'DELIVERED',
  'VIEWED',
  'EFFECTIVE_DATE',
  'UNREACHABLE',
  'CANCELLED',
  'RETURNED_TO_SENDER',
] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

export type RecipientType = 'PF' | 'PG';

/** DOMAIN.md 7.3: the sender's choice of paper product. */
export type PhysicalCommunicationType = 'REGISTERED_LETTER_890' | 'AR_REGISTERED_LETTER';

export interface PhysicalAddress {
  address: string;
  addressDetails?: string;
  at?: string; // "presso" (c/o)
  zip: string;
  municipality: string;
  municipalityDetails?: string;
  province?: string;
  foreignState?: string;
}

export interface DigitalDomicile {
  type: 'PEC' | 'SERCQ';
  address: string;
}

export interface PaymentNotice {
  /** pagoPA notice code (codice avviso, 18 digits). */
  noticeCode: string;
  /** Creditor body's tax code (11 digits). */
  creditorTaxId: string;
  /** Amount due in euro cents, when known. */
  amountCents?: number;
  dueDate?: string;
}

export interface NotificationRecipient {
  taxId: string;
  recipientType: RecipientType;
  denomination: string;
  digitalDomicile?: DigitalDomicile;
  physicalAddress?: PhysicalAddress;
  payments?: PaymentNotice[];
}

export interface NotificationDocument {
  title: string;
  contentType: string;
  digests: { sha256: string };
  /** Local content-addressed key (hex SHA-256) when the file is stored on this machine. */
  ref?: string;
}

export interface Notification {
  iun: string;
  sentAt: IsoInstant;
  senderDenomination: string;
  senderTaxId: string;
  subject: string;
  abstract?: string;
  paProtocolNumber?: string;
  group?: string;
  physicalCommunicationType: PhysicalCommunicationType;
  recipients: NotificationRecipient[];
  documents: NotificationDocument[];
}

/** DOMAIN.md 5: the 42 categories of the table, in rank order (index + 1 = rank). */
export const TIMELINE_CATEGORIES = [
  'SENDER_ACK_CREATION_REQUEST',
  'VALIDATE_NORMALIZE_ADDRESSES_REQUEST',
  'NORMALIZED_ADDRESS',
  'REQUEST_REFUSED',
  'REQUEST_ACCEPTED',
  'AAR_CREATION_REQUEST',
  'AAR_GENERATION',
  'SEND_COURTESY_MESSAGE',
  'PROBABLE_SCHEDULING_ANALOG_DATE',
  'GET_ADDRESS',
  'PUBLIC_REGISTRY_CALL',
  'PUBLIC_REGISTRY_RESPONSE',
  'SCHEDULE_ANALOG_WORKFLOW',
  'SCHEDULE_DIGITAL_WORKFLOW',
  'PREPARE_DIGITAL_DOMICILE',
  'SEND_DIGITAL_DOMICILE',
  'SEND_DIGITAL_PROGRESS',
  'SEND_DIGITAL_FEEDBACK',
  'DIGITAL_DELIVERY_CREATION_REQUEST',
  'DIGITAL_SUCCESS_WORKFLOW',
  'DIGITAL_FAILURE_WORKFLOW',
  'PREPARE_SIMPLE_REGISTERED_LETTER',
  'SEND_SIMPLE_REGISTERED_LETTER',
  'SIMPLE_REGISTERED_LETTER_PROGRESS',
  'PREPARE_ANALOG_DOMICILE',
  'PREPARE_ANALOG_DOMICILE_FAILURE',
  'SEND_ANALOG_DOMICILE',
  'SEND_ANALOG_PROGRESS',
  'SEND_ANALOG_FEEDBACK',
  'ANALOG_SUCCESS_WORKFLOW',
  'ANALOG_FAILURE_WORKFLOW',
  'ANALOG_WORKFLOW_RECIPIENT_DECEASED',
  'COMPLETELY_UNREACHABLE_CREATION_REQUEST',
  'COMPLETELY_UNREACHABLE',
  'SCHEDULE_REFINEMENT',
  'REFINEMENT',
  'NOTIFICATION_VIEWED_CREATION_REQUEST',
  'NOTIFICATION_VIEWED',
  'NOTIFICATION_RADD_RETRIEVED',
  'NOTIFICATION_CANCELLATION_REQUEST',
  'NOTIFICATION_CANCELLED',
  'NOT_HANDLED',
] as const;
export type RankedTimelineCategory = (typeof TIMELINE_CATEGORIES)[number];

/** DOMAIN.md 5 notes: other SEND categories, known and status-neutral, ranked after the table. */
export const OTHER_KNOWN_CATEGORIES = [
  'PUBLIC_REGISTRY_VALIDATION_CALL',
  'PUBLIC_REGISTRY_VALIDATION_RESPONSE',
  'ANALOG_FAILURE_WORKFLOW_TIMEOUT',
  'NOTIFICATION_PAID',
  'VALIDATED_F24',
  'GENERATE_F24_REQUEST',
  'GENERATED_F24',
  'SEND_ANALOG_TIMEOUT',
  // Further categories of SEND's API (TimelineElementCategoryV2x) and pn-delivery-push, added after
  // the ones above so that their ranks stay as stored.
  'VALIDATE_F24_REQUEST',
  'PAYMENT',
  'NOTIFICATION_CANCELLED_DOCUMENT_CREATION_REQUEST',
  'NOTIFICATION_TIMELINE_REWORKED',
] as const;
export type OtherKnownCategory = (typeof OTHER_KNOWN_CATEGORIES)[number];

export type TimelineCategory = RankedTimelineCategory | OtherKnownCategory;

/** One element of a notification's timeline (DOMAIN.md 5). */
export interface TimelineElement {
  elementId: string;
  category: TimelineCategory;
  /** Business timestamp (DOMAIN.md 5). */
  at: IsoInstant;
  recipientIndex?: number;
  details: Record<string, unknown>;
}

/** An element as it arrives from a scenario file, a sync adapter or a form: id optional, category unchecked. */
export interface TimelineElementInput {
  elementId?: string;
  category: string;
  at: string;
  recipientIndex?: number;
  details?: Record<string, unknown>;
}

/** DOMAIN.md 6 */
export const LEGAL_FACT_TYPES = [
  'SENDER_ACK',
  'DIGITAL_DELIVERY',
  'RECIPIENT_ACCESS',
  'ANALOG_FAILURE_DELIVERY',
  'PEC_RECEIPT',
  'ANALOG_DELIVERY',
  'NOTIFICATION_CANCELLED',
] as const;
export type LegalFactType = (typeof LEGAL_FACT_TYPES)[number];

/** A legal fact produced by a timeline element. */
export interface LegalFact {
  /** Stable id: `<elementId>~<type>[~<n>]` (n = attachment index for per-attachment facts). */
  id: string;
  type: LegalFactType;
  elementId: string;
  recipientIndex?: number;
  at: IsoInstant;
}

export interface StatusHistoryEntry {
  status: NotificationStatus;
  activeFrom: IsoInstant;
  relatedTimelineElements: string[];
  /** Why this entry opened (absent on the initial IN_VALIDATION entry); the data of explanations. */
  cause?: StatusCause;
}

/** The element that changed the status (DOMAIN.md 4.1-4.2). */
export interface StatusCause {
  elementId: string;
  category: TimelineCategory;
  /**
   * Completion gate (DOMAIN.md 4.1 step 4c): the COMPLETION category looked up in the table, and the
   * element that ended each recipient's workflow (in recipient order).
   */
  gate?: { via: TimelineCategory; completionElementIds: string[] };
}

/** Which row of DOMAIN.md 8.1 a recipient's workflow end selects. */
export type WorkflowEndKind = 'DIGITAL_SUCCESS' | 'DIGITAL_FAILURE' | 'ANALOG_SUCCESS' | 'UNREACHABLE' | 'DECEASED';

/** How a recipient's term and refinement were obtained (DOMAIN.md 8); the data of explanations. */
export interface RefinementBasis {
  /** The workflow-end element that chose the 8.1 row (null while the workflow is running). */
  end: { elementId: string; category: TimelineCategory; kind: WorkflowEndKind } | null;
  /** The element whose `at` is the base B; `fallback` when the element 8.1 names was missing. */
  base: { elementId: string; category: TimelineCategory; at: IsoInstant; fallback: boolean } | null;
  /** D of 8.1 in 24-hour days (null: no term). */
  days: number | null;
  /** The 21:00 rule of 8.1 added the eighth day. */
  after2100: boolean;
  /** The recipient's first NOTIFICATION_VIEWED. */
  view: { elementId: string; at: IsoInstant } | null;
}

/** DOMAIN.md 12 */
export type RecipientOutcome =
  | 'IN_PROGRESS'
  | 'DIGITAL_DELIVERED'
  | 'DIGITAL_FAILED'
  | 'ANALOG_DELIVERED'
  | 'UNREACHABLE'
  | 'DECEASED'
  | 'NOT_SENT';

export type RefinedBy = 'TERM' | 'VIEWING';

export interface RecipientState {
  recipientIndex: number;
  viewedAt: IsoInstant | null;
  refinementDate: IsoInstant | null;
  refinedBy: RefinedBy | null;
  /** Term date S of DOMAIN.md 8.1 (null while the workflow has not ended, or for a deceased recipient). */
  termDate: IsoInstant | null;
  outcome: RecipientOutcome;
  legalFacts: LegalFact[];
  /** How termDate and refinementDate were obtained (DOMAIN.md 8). */
  refinementBasis?: RefinementBasis;
}

/** A problem in the input that does not stop the derivation (DOMAIN.md 4-8: typed warnings). */
export interface DomainWarning {
  code: string;
  elementId?: string;
  params?: Record<string, string | number>;
}

/** Everything the engine derives for one notification (DOMAIN.md 12). */
export interface DerivedNotification {
  iun: string;
  status: NotificationStatus;
  statusHistory: StatusHistoryEntry[];
  viewedAt: IsoInstant | null;
  notificationLegalFacts: LegalFact[];
  perRecipient: RecipientState[];
  warnings: DomainWarning[];
}
