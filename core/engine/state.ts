// The engine's fold state: everything needed to go on from the elements applied so far.
// Plain JSON (numbers, strings, arrays, plain objects): the store keeps it in a column.
import type { DomainWarning } from '../model/types.js';
import { createRecipientFold } from '../refinement/recipient-fold.js';
import type { RecipientFold } from '../refinement/recipient-fold.js';
import { createStatusFold } from '../status/fold.js';
import type { StatusFold } from '../status/fold.js';
import type { DedupeKey } from '../timeline/dedupe.js';
import { DomainError } from '../errors/domain-error.js';
import { parseInstant, rememberInstantText } from '../time/instant.js';

/** The notification data the engine needs (DOMAIN.md 4.1 input). */
export interface EngineNotification {
  iun: string;
  sentAt: string;
  recipientCount: number;
}

/** Sort key of DOMAIN.md 4.1 step 2: [at ms, category rank, recipientIndex (-1 none), elementId]. */
export type SortKey = [atMs: number, rank: number, rec: number, elementId: string];

export interface EngineState {
  version: number;
  iun: string;
  sentAt: string;
  sentAtMs: number;
  recipientCount: number;
  /** elementIds applied, in processing order (parallel to appliedKeys). */
  appliedIds: string[];
  /** Dedupe key of each applied element (which copy of an elementId is kept: DOMAIN.md 4.1 step 1). */
  appliedKeys: DedupeKey[];
  /** Sort key of the last applied element. */
  last: SortKey | null;
  status: StatusFold;
  recipients: RecipientFold[];
  /** Warnings raised while folding, in element order. */
  warnings: DomainWarning[];
}

// 2: B of a digital success is the first OK receipt (was the last); PEC receipts and final postal
// feedbacks take their business times (DOMAIN.md 5); the fold keeps the pre-outcome times. Stored
// states of version 1 are rebuilt from their timeline on their next append.
// 3: a RECAG005C-007C feedback after its attempt's RECAG012 / PNAG012 is progress (DOMAIN.md 7.4 *):
// it no longer moves ANALOG_SUCCESS_WORKFLOW's time nor the refinement base. Older states rebuilt
// the same way.
export const ENGINE_STATE_VERSION = 3;

/** The empty state of a notification: IN_VALIDATION from sentAt. Throws on a bad sentAt or recipient count. */
export function createEngineState(n: EngineNotification): EngineState {
  const sentAtMs = parseInstant(n.sentAt);
  rememberInstantText(sentAtMs, n.sentAt); // printed as the first history entry
  if (!Number.isInteger(n.recipientCount) || n.recipientCount < 1) {
    throw new DomainError('INVALID_RECIPIENT_COUNT', { recipientCount: String(n.recipientCount) });
  }
  const recipients: RecipientFold[] = [];
  for (let i = 0; i < n.recipientCount; i++) recipients.push(createRecipientFold());
  return {
    version: ENGINE_STATE_VERSION,
    iun: n.iun,
    sentAt: n.sentAt,
    sentAtMs,
    recipientCount: n.recipientCount,
    appliedIds: [],
    appliedKeys: [],
    last: null,
    status: createStatusFold(sentAtMs, n.recipientCount),
    recipients,
    warnings: [],
  };
}

/** Negative when the element sorts before the key. */
export function compareToSortKey(e: { atMs: number; rank: number; rec: number; elementId: string }, k: SortKey): number {
  if (e.atMs !== k[0]) return e.atMs < k[0] ? -1 : 1;
  if (e.rank !== k[1]) return e.rank - k[1];
  if (e.rec !== k[2]) return e.rec - k[2];
  return e.elementId < k[3] ? -1 : e.elementId > k[3] ? 1 : 0;
}
