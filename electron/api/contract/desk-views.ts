// Output types of the desk operations (DOMAIN.md 9, 10, 10.1, 13): what the counter screens
// receive, already computed (labels, availability, what may be done next).
import type {
  CodedMessage,
  IsoInstant,
  LocalizedText,
  NotificationStatus,
  RecipientType,
  RefinedBy,
  TransactionState,
} from '../../../core/index.js';

/** What the start screen's single field received (a scanner types it and presses Enter). */
export interface DeskInputView {
  kind: 'QR' | 'IUN' | 'TAX_ID';
  /** QR and IUN: the notification's IUN (a QR is resolved through the token table). */
  iun: string | null;
  /** QR: the token as scanned (URL or bare token), passed on to inquiry and start. */
  qrCode: string | null;
  /** TAX_ID: the normalised tax code; PF for a 16-character codice fiscale, PG for 11 digits. */
  taxId: string | null;
  recipientType: RecipientType | null;
}

export interface DeskIdentityProblem {
  /** Path of the form field, e.g. `recipientDocument.expiryDate`, `scans.delegationForm`. */
  field: string;
  code: string;
  message: string;
  /** The params the message shows (core codedMessage): the screen renders it again on a language switch. */
  params?: Record<string, string | number>;
}

export interface DeskIdentityCheck {
  ok: boolean;
  problems: DeskIdentityProblem[];
}

export interface DeskScanView {
  /** Hex SHA-256 of the scan: its key in the file store. */
  scanId: string;
  contentType: 'image/jpeg' | 'image/png' | 'application/pdf';
  bytes: number;
  name: string;
}

export interface DeskScannerInbox {
  folder: string;
  files: { name: string; bytes: number; modifiedAt: IsoInstant }[];
}

export interface DeskPaymentView {
  noticeCode: string;
  amountCents: number | null;
  dueDate: string | null;
}

/** One notification of an ACT or AOR result, seen from the identified recipient. */
export interface DeskNotificationItem {
  iun: string;
  recipientIndex: number;
  recipientDenomination: string;
  senderDenomination: string;
  senderTaxId: string;
  subject: string;
  sentAt: IsoInstant;
  status: NotificationStatus;
  statusLabel: LocalizedText;
  refinementDate: IsoInstant | null;
  refinedBy: RefinedBy | null;
  refinementLabel: LocalizedText;
  /** Sum of the known amounts of this recipient's pagoPA notices, null when nothing is due. */
  amountDueCents: number | null;
  payments: DeskPaymentView[];
}

export type DeskDocumentKind = 'COVER_PAGE' | 'ACT' | 'AAR' | 'LEGAL_FACT';

export interface DeskDocumentPreview {
  key: string;
  kind: DeskDocumentKind | 'PAYMENT_NOTICE';
  iun: string | null;
  title: LocalizedText;
  /** False for acts more than 120 days after refinement (DOMAIN.md 13): listed, not handed out. */
  available: boolean;
  availableUntil: IsoInstant | null;
}

export interface DeskPersonView {
  taxId: string;
  recipientType: RecipientType;
  denomination: string | null;
}

export interface DeskDelegateView {
  taxId: string;
  /** PF: a person; PG: a company (e.g. a CAF) represented by the person identified. */
  delegateType: RecipientType;
  denomination: string | null;
  mandateId: string | null;
}

export interface DeskInquiryView {
  mode: 'ACT' | 'AOR';
  recipient: DeskPersonView;
  delegate: DeskDelegateView | null;
  notifications: DeskNotificationItem[];
  documents: DeskDocumentPreview[];
  /** ACT: the acts are past their 120 days; only the AAR and the attestations can be printed. */
  actsNoLongerAvailable: boolean;
  /** ACT: completed pickups of this notification by this recipient, and the limit (0 = none). */
  printCount: number;
  printLimit: number;
}

export interface DeskDocumentView {
  position: number;
  key: string;
  kind: DeskDocumentKind;
  iun: string | null;
  title: LocalizedText;
  /** Hex SHA-256 of the copy printed or downloaded (null until then). */
  sha256: string | null;
  printedAt: IsoInstant | null;
  downloadedAt: IsoInstant | null;
  handedOverAt: IsoInstant | null;
  /** Printed or downloaded: the clerk may tick it as handed over. */
  canHandOver: boolean;
}

export interface DeskScanRefView {
  role: 'RECIPIENT_ID' | 'DELEGATE_ID' | 'DELEGATION_FORM' | 'COMPANY_REGISTER' | 'SELF_DECLARATION';
  /** Hex SHA-256 of the stored scan; null once purged. */
  sha256: string | null;
  contentType: string;
  bytes: number;
  /** Set when the data-retention purge deleted the scan (issue #11), with the setting it applied. */
  purgedAt: IsoInstant | null;
  retentionDays: number | null;
}

export interface DeskIdentityDocumentView {
  type: string;
  typeLabel: LocalizedText;
  number: string;
  issuer: string;
  issueDate: string;
  expiryDate: string;
}

/**
 * A desk as a screen names it: this installation's desk by the name of its identity (null until
 * one is set: the screen then says "this desk" in the UI language), another desk by its RADD point
 * code; never the internal id of a desk with no identity.
 */
export interface DeskNameView {
  /** The RADD point code; null for this installation's desk while it has none. */
  code: string | null;
  /** This desk's name (administration, desk identity); null for another desk, or while unset. */
  name: string | null;
  /** The desk of this installation. */
  thisDesk: boolean;
}

export interface DeskTransactionView {
  operationId: string;
  operationType: 'ACT' | 'AOR';
  state: TransactionState;
  stateLabel: LocalizedText;
  iuns: string[];
  recipient: DeskPersonView;
  delegate: DeskDelegateView | null;
  identity: { recipient: DeskIdentityDocumentView | null; delegate: DeskIdentityDocumentView | null };
  deskId: string | null;
  /** The desk named for the screen (deskId is the stored id); set by the desk handlers. */
  desk?: DeskNameView | null;
  operatorId: string | null;
  /** The operator's display name (the id when the operator is unknown); set by the desk handlers. */
  operatorName?: string | null;
  startedAt: IsoInstant;
  completedAt: IsoInstant | null;
  abortedAt: IsoInstant | null;
  abortReason: string | null;
  /**
   * Why it is in ERROR: a catalogue code with the params its message shows (the screen renders it
   * again in the UI language), or the text older versions stored, as it is (`code` ''); null when
   * not in error.
   */
  errorReason: CodedMessage | null;
  documents: DeskDocumentView[];
  scans: DeskScanRefView[];
  /** base64 SHA-256 of the identity-evidence zip, as RADD's start and upload carry it. */
  evidenceChecksum: string | null;
  bundleFileId: string | null;
  receiptFileId: string | null;
  /** When the receipt was first printed (desk.receiptPrinted; the next print is a reprint), and how often. */
  receiptPrintedAt: IsoInstant | null;
  receiptPrints: number;
  completedBy: { deskId: string; operatorId: string; desk?: DeskNameView } | null;
  /** Every document printed or downloaded and ticked, and the transaction still open. */
  canComplete: boolean;
  /** True when this call found the operation already in the requested state (idempotent repeat). */
  repeated: boolean;
}

export interface DeskFileView {
  /** Hex SHA-256 of the PDF; browser mode opens it at the URL `documents.viewUrl` gives (`/files/<fileId>?ticket=…`). */
  fileId: string;
  pageCount: number | null;
}

export interface DeskHistoryItem {
  operationId: string;
  operationType: 'ACT' | 'AOR';
  state: TransactionState;
  stateLabel: LocalizedText;
  iuns: string[];
  recipientTaxId: string;
  recipientType: RecipientType;
  delegateTaxId: string | null;
  startedAt: IsoInstant;
  completedAt: IsoInstant | null;
  /** When and why it was aborted (the reason as the clerk typed it). */
  abortedAt: IsoInstant | null;
  abortReason: string | null;
  /**
   * Why it is in ERROR: a catalogue code with the params its message shows (the screen renders it
   * again in the UI language), or the text older versions stored, as it is (`code` ''); null when
   * not in error.
   */
  errorReason: CodedMessage | null;
  deskId: string | null;
  /** The desk named for the screen; null when the operation has no desk record. */
  desk: DeskNameView | null;
}

export interface DeskHistoryPage {
  items: DeskHistoryItem[];
  /** More operations matched than were returned. */
  truncated: boolean;
}

export interface DeskDailySummary {
  /** `YYYY-MM-DD`, Europe/Rome. */
  day: string;
  deskId: string;
  /** The desk named for the screen. */
  desk: DeskNameView;
  /** Completed pickups that day, and how they split. */
  completed: number;
  act: number;
  aor: number;
  byRecipient: number;
  byDelegate: number;
  notifications: number;
  documents: number;
  /** Operations started that day that were aborted, ended in error, or are still open. */
  aborted: number;
  errors: number;
  open: number;
  byOperator: { operatorId: string; name: string; completed: number }[];
}
