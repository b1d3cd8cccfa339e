// The ordered list of migrations, given to Knex through `migrationSource` (bundlers cannot
// discover files). Append only; a committed migration is never edited (STYLE.md 4).
import type { Knex } from 'knex';
import * as createNotifications from './2026-11-24-0900-create-notifications.js';
import * as createRecipients from './2026-11-24-0901-create-recipients.js';
import * as createDocuments from './2026-11-24-0902-create-documents.js';
import * as createPaymentNotices from './2026-11-24-0903-create-payment-notices.js';
import * as createTimelineElements from './2026-11-24-0904-create-timeline-elements.js';
import * as createLegalFacts from './2026-11-24-0905-create-legal-facts.js';
import * as createEngineStates from './2026-11-24-0906-create-notification-engine-states.js';
import * as createRaddTransactions from './2026-11-24-0907-create-radd-transactions.js';
import * as createAnalogOutcomes from './2026-11-24-0908-create-analog-outcomes.js';
import * as createSyncCursors from './2026-11-24-0909-create-sync-cursors.js';
import * as createOutbox from './2026-11-24-0910-create-outbox.js';
import * as createAuditLog from './2026-11-24-0911-create-audit-log.js';
import * as createUsers from './2026-11-24-0912-create-users.js';
import * as createSettings from './2026-11-24-0913-create-settings.js';
import * as createAarTokens from './2026-11-24-0914-create-aar-tokens.js';
import * as createDeskOperations from './2026-11-26-1130-create-desk-operations.js';
import * as addSenderListIndexes from './2026-11-26-1600-add-sender-list-indexes.js';
import * as createSenderDailyStats from './2026-11-26-1601-create-sender-daily-stats.js';
import * as createSenderRequests from './2026-11-26-1602-create-sender-requests.js';
import * as addSenderRequestLinks from './2026-11-26-1800-add-sender-request-links.js';
import * as countBulkImportsByBatch from './2026-11-26-1900-count-bulk-imports-by-batch.js';
import * as addMandatesDelegatorIndex from './2026-11-26-2000-add-mandates-delegator-index.js';
import * as rereadCancelledOutcomes from './2026-11-26-2200-reread-cancelled-outcomes.js';
import * as indexPendingByOutcome from './2026-11-26-2300-index-pending-by-outcome.js';
import * as keyChildrenByNotification from './2026-11-27-0900-key-children-by-notification.js';
import * as dropBulkImportMarker from './2026-11-27-1100-drop-bulk-import-marker.js';
import * as recordReceiptPrints from './2026-11-27-1700-record-receipt-prints.js';
import * as indexProtocolCaseInsensitively from './2026-11-28-0100-index-protocol-case-insensitively.js';
import * as createPostalBatches from './2026-11-28-1500-create-postal-batches.js';
import * as createRequestAnswers from './2026-11-28-1600-create-request-answers.js';
import * as foldPostalBatches from './2026-11-28-1700-fold-postal-batches-into-request-answers.js';

export interface NamedMigration {
  name: string;
  up(knex: Knex): Promise<void>;
  down(knex: Knex): Promise<void>;
  /** `transaction: false`: the migration manages its own transaction (Knex runs it outside one). */
  config?: { transaction?: boolean };
}

export const migrations: readonly NamedMigration[] = [
  { name: '2026-11-24-0900-create-notifications', ...createNotifications },
  { name: '2026-11-24-0901-create-recipients', ...createRecipients },
  { name: '2026-11-24-0902-create-documents', ...createDocuments },
  { name: '2026-11-24-0903-create-payment-notices', ...createPaymentNotices },
  { name: '2026-11-24-0904-create-timeline-elements', ...createTimelineElements },
  { name: '2026-11-24-0905-create-legal-facts', ...createLegalFacts },
  { name: '2026-11-24-0906-create-notification-engine-states', ...createEngineStates },
  { name: '2026-11-24-0907-create-radd-transactions', ...createRaddTransactions },
  { name: '2026-11-24-0908-create-analog-outcomes', ...createAnalogOutcomes },
  { name: '2026-11-24-0909-create-sync-cursors', ...createSyncCursors },
  { name: '2026-11-24-0910-create-outbox', ...createOutbox },
  { name: '2026-11-24-0911-create-audit-log', ...createAuditLog },
  { name: '2026-11-24-0912-create-users', ...createUsers },
  { name: '2026-11-24-0913-create-settings', ...createSettings },
  { name: '2026-11-24-0914-create-aar-tokens', ...createAarTokens },
  { name: '2026-11-26-1130-create-desk-operations', ...createDeskOperations },
  { name: '2026-11-26-1600-add-sender-list-indexes', ...addSenderListIndexes },
  { name: '2026-11-26-1601-create-sender-daily-stats', ...createSenderDailyStats },
  { name: '2026-11-26-1602-create-sender-requests', ...createSenderRequests },
  { name: '2026-11-26-1800-add-sender-request-links', ...addSenderRequestLinks },
  { name: '2026-11-26-1900-count-bulk-imports-by-batch', ...countBulkImportsByBatch },
  { name: '2026-11-26-2000-add-mandates-delegator-index', ...addMandatesDelegatorIndex },
  { name: '2026-11-26-2200-reread-cancelled-outcomes', ...rereadCancelledOutcomes },
  { name: '2026-11-26-2300-index-pending-by-outcome', ...indexPendingByOutcome },
  { name: '2026-11-27-0900-key-children-by-notification', ...keyChildrenByNotification },
  { name: '2026-11-27-1100-drop-bulk-import-marker', ...dropBulkImportMarker },
  { name: '2026-11-27-1700-record-receipt-prints', ...recordReceiptPrints },
  { name: '2026-11-28-0100-index-protocol-case-insensitively', ...indexProtocolCaseInsensitively },
  { name: '2026-11-28-1500-create-postal-batches', ...createPostalBatches },
  { name: '2026-11-28-1600-create-request-answers', ...createRequestAnswers },
  { name: '2026-11-28-1700-fold-postal-batches-into-request-answers', ...foldPostalBatches },
];

/** Knex's migration source over the list above. */
export const migrationSource: Knex.MigrationSource<NamedMigration> = {
  getMigrations: async () => [...migrations],
  getMigrationName: (m) => m.name,
  getMigration: async (m) => ({ up: m.up, down: m.down, ...(m.config ? { config: m.config } : {}) }),
};
