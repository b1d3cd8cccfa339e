// What a completed desk operation writes on the notifications (DOMAIN.md 10 step 5, 5 table rows
// 37-39). Completion always goes to the desk log; these are only the timeline elements.
import type { IsoInstant, TimelineElement } from '../model/types.js';
import type { DeskDelegate } from './act-inquiry.js';

/**
 * raddType written on desk views. The desk implements the current RADD operator API (pn-radd-alt),
 * whose views SEND records as 'ALT'; the older FSU service wrote 'FSU' (scenario 07 shows one).
 */
export const DESK_RADD_TYPE = 'ALT';

export interface DelegateInfo {
  taxId: string;
  denomination: string;
  delegateType: 'PF' | 'PG';
  mandateId: string | null;
}

export interface ActCompletionInput {
  iun: string;
  recipientIndex: number;
  /** Start time of the transaction: SEND uses it as the business time of the view. */
  startedAt: IsoInstant;
  operationId: string;
  delegate?: DeskDelegate | null;
  /** The recipient's existing NOTIFICATION_VIEWED time, or null when never viewed. */
  recipientViewedAt: IsoInstant | null;
}

const recipientSegment = (iun: string, recipientIndex: number): string => `IUN_${iun}.RECINDEX_${recipientIndex}`;

export function delegateInfoOf(delegate: DeskDelegate | null | undefined): DelegateInfo | null {
  if (!delegate) return null;
  return {
    taxId: delegate.taxId.trim().toUpperCase(),
    denomination: delegate.denomination,
    delegateType: delegate.delegateType,
    mandateId: delegate.mandate?.mandateId ?? null,
  };
}

/**
 * NOTIFICATION_VIEWED_CREATION_REQUEST + NOTIFICATION_VIEWED for an ACT completion, both at the
 * transaction start. Empty when the recipient already has a view: SEND writes only the first one
 * (DOMAIN.md 5 notes), whatever the times.
 */
export function buildActCompletionElements(input: ActCompletionInput): TimelineElement[] {
  if (input.recipientViewedAt !== null) return [];
  const seg = recipientSegment(input.iun, input.recipientIndex);
  const details = {
    raddType: DESK_RADD_TYPE,
    raddTransactionId: input.operationId,
    delegateInfo: delegateInfoOf(input.delegate),
  };
  return [
    {
      elementId: `NOTIFICATION_VIEWED_CREATION_REQUEST.${seg}`,
      category: 'NOTIFICATION_VIEWED_CREATION_REQUEST',
      at: input.startedAt,
      recipientIndex: input.recipientIndex,
      details: { ...details },
    },
    {
      elementId: `NOTIFICATION_VIEWED.${seg}`,
      category: 'NOTIFICATION_VIEWED',
      at: input.startedAt,
      recipientIndex: input.recipientIndex,
      details,
    },
  ];
}

export interface AorCompletionInput {
  operationId: string;
  /** Start time of the transaction, used as business time like ACT views. */
  startedAt: IsoInstant;
  items: ReadonlyArray<{ iun: string; recipientIndex: number }>;
  delegate?: DeskDelegate | null;
}

/**
 * One NOTIFICATION_RADD_RETRIEVED per IUN and recipient of an AOR completion (no status change),
 * each paired with the IUN of the notification it belongs to.
 */
export function buildAorCompletionElements(input: AorCompletionInput): Array<{ iun: string; element: TimelineElement }> {
  const delegateInfo = delegateInfoOf(input.delegate);
  return input.items.map(({ iun, recipientIndex }) => ({
    iun,
    element: {
      elementId: `NOTIFICATION_RADD_RETRIEVED.${recipientSegment(iun, recipientIndex)}`,
      category: 'NOTIFICATION_RADD_RETRIEVED',
      at: input.startedAt,
      recipientIndex,
      details: { raddType: DESK_RADD_TYPE, raddTransactionId: input.operationId, delegateInfo },
    },
  }));
}
