// Output types of the API: what a screen receives, already computed (labels, dates, states).
import type {
  IsoInstant,
  LocalizedText,
  NotificationStatus,
  RecipientOutcome,
  RecipientType,
  RefinedBy,
} from '../../../core/index.js';

export interface RecipientView {
  recipientIndex: number;
  denomination: string;
  taxId: string;
  recipientType: RecipientType;
  outcome: RecipientOutcome;
  /** The outcome as the office reads it (a cancellation stops a recipient still in progress). */
  outcomeLabel: LocalizedText;
  viewedAt: IsoInstant | null;
  refinementDate: IsoInstant | null;
  refinedBy: RefinedBy | null;
  viewLabel: LocalizedText | null;
}

export interface NotificationView {
  iun: string;
  sentAt: IsoInstant;
  senderDenomination: string;
  senderTaxId: string;
  subject: string;
  paProtocolNumber: string | null;
  status: NotificationStatus;
  statusLabel: LocalizedText;
  statusHistory: { status: NotificationStatus; label: LocalizedText; activeFrom: IsoInstant }[];
  recipients: RecipientView[];
}

export interface HostInfo {
  appName: string;
  version: string;
  transport: 'ipc' | 'http';
  adapter: string;
  dbClient: 'sqlite3' | 'pg';
  locale: 'it' | 'en';
}
