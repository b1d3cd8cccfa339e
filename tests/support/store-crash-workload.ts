// The notifications of the crash-safety test, identical in the parent and in the child: simulated
// cases with full timelines (deterministic from a fixed seed).
import type { NotificationImport } from '../../db/repositories/timeline-writer.js';
import { bulkBatches } from '../../db/seed/bulk.js';
import type { TimelineElementInput } from '../../core/index.js';

/** Notifications a transaction of the crash test's importing child (one bulk import call). */
export const CRASH_IMPORT_BATCH = 300;

export function crashWorkload(count = 120): (NotificationImport & { elements: TimelineElementInput[] })[] {
  const out: (NotificationImport & { elements: TimelineElementInput[] })[] = [];
  for (const batch of bulkBatches({ count, seed: 42, templates: count })) {
    for (const b of batch) out.push({ notification: b.notification, elements: [...(b.elements ?? [])] });
  }
  return out;
}
