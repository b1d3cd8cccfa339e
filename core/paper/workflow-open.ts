// Whether a notification still takes paper events (DOMAIN.md 3, 4.2): CANCELLED is terminal and a
// cancelled notification's workflow stops, so neither an outcome by meaning nor a raw code (CSV
// import, batch) is recorded for it any more, whatever the date on the receipt.
import type { ErrorCode } from '../errors/index.js';
import type { NotificationStatus } from '../model/types.js';

export interface PaperEntryRefusal {
  code: ErrorCode;
  params: Record<string, string | number>;
}

/** Why no paper event may be recorded for a notification in this status, or null (also when unknown). */
export function paperEntryRefusal(status: NotificationStatus | undefined): PaperEntryRefusal | null {
  return status === 'CANCELLED' ? { code: 'OUTCOME_NOTIFICATION_CANCELLED', params: {} } : null;
}
