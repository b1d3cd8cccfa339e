// Output types of the sender office's operations: everything already computed (labels, dates,
// availability, explanations), so the screens only lay it out.
import type {
  DeliveryChannel,
  ExplanationStep,
  IsoInstant,
  LegalFactType,
  LocalizedText,
  NotificationStatus,
  RecipientOutcome,
  RecipientType,
  RefinedBy,
} from '../../../core/index.js';

export interface SenderListItemView {
  iun: string;
  sentAt: IsoInstant;
  subject: string;
  senderDenomination: string;
  senderTaxId: string;
  paProtocolNumber: string | null;
  group: string | null;
  status: NotificationStatus;
  statusLabel: LocalizedText;
  statusAt: IsoInstant;
  recipientCount: number;
  recipients: { denomination: string; taxId: string }[];
  /** Created here and not yet sent to SEND (DOMAIN.md 3: IN_VALIDATION until SEND accepts it). */
  awaitingSend: boolean;
}

export interface SenderListView {
  items: SenderListItemView[];
  total: number;
  offset: number;
  limit: number;
}

export interface SenderFiltersView {
  senders: { taxId: string; denomination: string }[];
  groups: string[];
  statuses: { status: NotificationStatus; label: LocalizedText }[];
  /** The sender the signed-in operator belongs to: their view is limited to it. */
  fixedSenderTaxId: string | null;
  /** Prefill of the new-notification form. */
  defaults: { senderTaxId: string | null; senderDenomination: string | null };
}

export interface DashboardView {
  /** Europe/Rome calendar days, inclusive. */
  period: { from: string; to: string; days: number };
  total: number;
  statusCounts: { status: NotificationStatus; label: LocalizedText; count: number }[];
  perDay: { day: string; sent: number; delivered: number; perfected: number }[];
  /** Recipients of the notifications deposited in the period, by channel of their outcome. */
  channels: Record<DeliveryChannel, number>;
  /** Mean time from deposit, in ms, over the events of the period (null when none). */
  meanMs: { delivered: number | null; viewed: number | null; perfected: number | null };
  digitalFailures: { cause: string; label: LocalizedText; count: number }[];
  /**
   * Refinements by lapse of time due from `since` (now) to the end of the Rome day `to` (7 days
   * after today, `from`): the rest of today and the next 7 days. Today's already past are refined, not due.
   */
  refinementsDue: {
    since: IsoInstant;
    from: string;
    to: string;
    count: number;
    items: { iun: string; recipientIndex: number; denomination: string; taxId: string; refinementDate: IsoInstant; subject: string }[];
  };
  needsAction: {
    count: number;
    byStatus: { status: NotificationStatus; label: LocalizedText; count: number }[];
    items: SenderListItemView[];
  };
}

export interface AvailabilityView {
  /** null while the recipient is not refined (the 120 days have not started). */
  actsUntil: IsoInstant | null;
  actsAvailable: boolean;
  aarUntil: IsoInstant | null;
  aarAvailable: boolean;
  legalFactsUntil: IsoInstant | null;
}

export interface SenderRecipientView {
  recipientIndex: number;
  denomination: string;
  taxId: string;
  recipientType: RecipientType;
  digitalDomicile: string | null;
  physicalAddress: string | null;
  outcome: RecipientOutcome;
  outcomeLabel: LocalizedText;
  channel: DeliveryChannel;
  viewedAt: IsoInstant | null;
  termDate: IsoInstant | null;
  refinementDate: IsoInstant | null;
  refinedBy: RefinedBy | null;
  /** DELIVERED paper sub-label (DOMAIN.md 13), when the notification is DELIVERED. */
  subLabel: LocalizedText | null;
  availability: AvailabilityView;
  payments: { noticeCode: string; creditorTaxId: string; amountCents: number | null; dueDate: string | null }[];
  /** "perché?" of the refinement date (core explainRefinement). */
  explanation: { rule: string; text: LocalizedText }[];
}

export interface RaddPickupView {
  recipientIndex: number;
  recipientName: string;
  at: IsoInstant;
  kind: 'ACT' | 'AOR';
  by: 'RECIPIENT' | 'DELEGATE';
  delegate: { taxId: string; denomination: string } | null;
}

export interface SenderLegalFactView {
  id: string;
  type: LegalFactType;
  title: LocalizedText;
  at: IsoInstant;
  recipientIndex: number | null;
  elementId: string;
}

export interface SenderTimelineItemView {
  elementId: string;
  category: string;
  label: LocalizedText;
  description: LocalizedText | null;
  at: IsoInstant;
  recipientIndex: number | null;
  recipientName: string | null;
  legalFacts: SenderLegalFactView[];
}

export interface SenderDocumentView {
  docIndex: number;
  title: string;
  contentType: string;
  /** SEND's digest as given (base64 or hex). */
  sha256: string;
  /** The file is on this computer. */
  stored: boolean;
}

export interface SenderDetailView {
  iun: string;
  sentAt: IsoInstant;
  subject: string;
  abstract: string | null;
  senderDenomination: string;
  senderTaxId: string;
  paProtocolNumber: string | null;
  group: string | null;
  physicalCommunicationType: string;
  status: NotificationStatus;
  statusLabel: LocalizedText;
  subLabel: LocalizedText | null;
  statusHistory: { status: NotificationStatus; label: LocalizedText; activeFrom: IsoInstant }[];
  raddPickups: RaddPickupView[];
  recipients: SenderRecipientView[];
  documents: SenderDocumentView[];
  timeline: SenderTimelineItemView[];
  legalFacts: SenderLegalFactView[];
  /** "perché?" of the status (core explainStatus). */
  statusExplanation: { rule: string; text: LocalizedText }[];
  cancellable: boolean;
  awaitingSend: boolean;
  /** SEND's own IUN of a notification created here, once SEND accepted it (null otherwise). */
  sendIun: string | null;
  /** When SEND refused the request and why (REQUEST_REFUSED details.refusalReasons); null otherwise. */
  refusal: SenderRefusalView | null;
  /**
   * The request to SEND of a notification created here has failed at least once and is still unsent
   * (null otherwise): retried automatically, or stopped for an administrator (`parked`).
   */
  sendProblem: SenderSendProblemView | null;
}

export interface SenderSendProblemView {
  /** Stopped after too many failures or refused for good: waits for an administrator on Sincronizzazione. */
  parked: boolean;
  attempts: number;
  /** The last failure, in both languages (null when it was not recorded). */
  error: { code: string; message: LocalizedText } | null;
}

/** SEND's refusal of a notification request: its time and reasons as SEND gave them. */
export interface SenderRefusalView {
  at: IsoInstant;
  reasons: { errorCode: string; detail: string | null }[];
}

export interface SenderFileView {
  fileName: string;
  contentType: string;
  /** Hex SHA-256 of the bytes, checked against the stored digest. */
  sha256: string;
  base64: string;
}

export interface SenderUploadView {
  title: string;
  sha256Hex: string;
  sha256Base64: string;
  size: number;
}

export interface SenderCreatedView {
  iun: string;
  status: NotificationStatus;
  statusLabel: LocalizedText;
  awaitingSend: boolean;
}

export interface SenderCancelView {
  iun: string;
  status: NotificationStatus;
  statusLabel: LocalizedText;
}

export type ExportState = 'ready' | 'running' | 'done' | 'failed';

export interface SenderExportView {
  jobId: string;
  state: ExportState;
  total: number;
  written: number;
  fileName: string;
}

/** `sender.exportStart`'s answer: the job, and where browser mode downloads it. */
export interface SenderExportStartView extends SenderExportView {
  /**
   * Browser mode: `/export/<jobId>.csv?ticket=…`, to GET as is (the browser's download manager
   * cannot send headers). The ticket opens this job's file for the caller who started it, in their
   * session, for two minutes (electron/auth/url-tickets.ts), a second download of a finished job
   * included; after that, a new `sender.exportStart`. The desktop window reads the file with
   * `sender.exportChunk` instead.
   */
  downloadUrl: string;
}

export interface SenderExportChunk {
  csv: string;
  done: boolean;
  written: number;
  total: number;
}

export type { ExplanationStep };
