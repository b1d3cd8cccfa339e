// Output types of the postal desk operations (DOMAIN.md 7.3, 7.4, 8.1, 13): what the postal
// screens receive, already computed by the host with the core's rules.
import type {
  FailureCause,
  IsoInstant,
  LocalizedText,
  NotificationStatus,
  PhysicalAddress,
  PostalOutcomeKind,
  RecipientOutcome,
} from '../../../core/index.js';

/** 0 / 1: the 890/AR attempt; 'RS': the simple registered letter after a digital failure. */
export type PostalAttempt = 0 | 1 | 'RS';

/** One paper event or workflow element an outcome becomes (recorded, or planned by a preview). */
export interface PostalStepView {
  category: string;
  at: IsoInstant;
  /** The paper code (RECRN001A...), absent for workflow elements (ANALOG_SUCCESS_WORKFLOW...). */
  code?: string;
  meaning?: LocalizedText;
  /** PROGRESS = intermediate; OK / KO = the final outcome of the attempt. */
  role: 'PROGRESS' | 'OK' | 'KO' | 'WORKFLOW';
  failureCause?: string;
  attachments?: number;
}

/** A meaning the clerk may record now, with the codes it becomes (a probe of the core at "now"). */
export interface OutcomeOptionView {
  kind: PostalOutcomeKind;
  /** Paper codes the outcome becomes when recorded now, in order. */
  codes: string[];
  /** The attempt's final outcome when this closes it; null for an intermediate event. */
  final: 'OK' | 'KO' | null;
  /** A first-attempt KO: the next step (second attempt, no address, address search) must be given. */
  asksNextStep: boolean;
  /** The failure causes the core accepts for this meaning (UNDELIVERED, THEFT_LOSS_DAMAGE), with their labels. */
  causes: { code: FailureCause; label: LocalizedText }[];
  /** Why it cannot be recorded even at today's date (e.g. the holding period has not ended). */
  blockedNow: { code: string; message: string; params?: Record<string, string | number> } | null;
}

export type PostalItemState = 'PREPARED' | 'OPEN' | 'CLOSED';

export interface PostalItemView {
  /** `<IUN>/<recIndex>/<attempt>`: what lists and reports print. */
  code: string;
  /** The paper channel's requestId (also accepted by the scanner field). */
  requestId: string;
  iun: string;
  recipientIndex: number;
  attempt: PostalAttempt;
  productType: string;
  state: PostalItemState;
  /** Still held at the post office (a giacenza outcome may be recorded). */
  held: boolean;
  subject: string;
  senderDenomination: string;
  notificationSentAt: IsoInstant;
  status: NotificationStatus;
  statusLabel: LocalizedText;
  recipient: { denomination: string; taxId: string; recipientType: string; outcome: RecipientOutcome; termDate: IsoInstant | null; refinementDate: IsoInstant | null };
  address: PhysicalAddress | null;
  /** SEND_ANALOG_DOMICILE (SEND_SIMPLE_REGISTERED_LETTER for RS); for a PREPARED attempt, the prepare time. */
  sentAt: IsoInstant;
  events: PostalStepView[];
  allowed: OutcomeOptionView[];
  /** DOMAIN.md 13 sub-label from the last paper code (in giacenza, ritirata, compiuta giacenza). */
  subLabel: LocalizedText | null;
}

export interface FindItemResult {
  /** Every paper item of the IUN (or the one named), actionable ones first. */
  items: PostalItemView[];
  /** The item to show at once: the one named, or the only actionable one. */
  selected: string | null;
}

export interface LegalFactRefView {
  id: string;
  type: string;
  at: IsoInstant;
}

/** What recording (or previewing) one outcome did. */
export interface RecordedOutcomeView {
  item: PostalItemView;
  steps: PostalStepView[];
  status: NotificationStatus;
  statusLabel: LocalizedText;
  /** The recipient's term (DOMAIN.md 8.1) and refinement dates after the outcome. */
  termDate: IsoInstant | null;
  refinementDate: IsoInstant | null;
  /** Legal facts of the recipient that this outcome produced. */
  newLegalFacts: LegalFactRefView[];
}

export interface BatchLineView {
  line: number;
  input: string;
  itemCode: string | null;
  recipient: string | null;
  ok: boolean;
  codes: string[];
  /** `params`: the ones the message shows (core codedMessage), for the screen to render it again on a language switch. */
  error: { code: string; message: string; params?: Record<string, string | number> } | null;
}

export interface BatchPreviewView {
  lines: BatchLineView[];
  okCount: number;
  errorCount: number;
}

export interface BatchRecordedView {
  recorded: number;
  lines: BatchLineView[];
}

export interface ScanUploadView {
  uploadId: string;
  receivedBytes: number;
  /** Set when the last chunk arrived and the file was checked and stored. */
  scan: { sha256: string; size: number; mediaType: string; fileName: string } | null;
}

export interface CsvReportLine {
  line: number;
  item: string;
  outcome: string;
  /**
   * `skipped`: the line's outcome is already on the item exactly as the file says (the same file
   * sent again after the host restarted): nothing recorded, not an error; `codes` are those recorded.
   */
  status: 'accepted' | 'refused' | 'skipped';
  codes: string[];
  /** `params`: the ones the message shows (core codedMessage), for the screen to render it again on a language switch. */
  error: { code: string; message: string; params?: Record<string, string | number> } | null;
}

export interface CsvImportView {
  jobId: string;
  fileName: string;
  state: 'receiving' | 'ready' | 'running' | 'done';
  receivedBytes: number;
  total: number;
  done: number;
  accepted: number;
  refused: number;
  /** Lines already recorded exactly as in the file: neither accepted again nor refused. */
  skipped: number;
  separator: ';' | ',' | null;
  /** Report lines: those processed by this call (step), or all of them (status). */
  report: CsvReportLine[];
}

export interface GiacenzaEntryView {
  code: string;
  iun: string;
  recipientIndex: number;
  attempt: PostalAttempt;
  productType: string;
  recipient: string;
  municipality: string | null;
  /** The latest "held at the post office" event. */
  heldSince: IsoInstant;
  /** The 10-day term of DOMAIN.md 7.3 (PNRN012 / RECAG012 date). */
  termDate: IsoInstant | null;
  /** First Europe/Rome day on which the core accepts "holding period expired". */
  expiresOn: string | null;
  /** Europe/Rome calendar days from today to expiresOn (negative: overdue). */
  daysLeft: number | null;
}

export interface GiacenzaRegisterView {
  today: string;
  entries: GiacenzaEntryView[];
}
