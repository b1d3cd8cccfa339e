// The AttemptContext of a recipient's paper attempt, read from its timeline elements, so that the
// postal screens and the CSV import pass the same facts the engine sees (DOMAIN.md 5, 7.3).
import type { TimelineElementInput } from '../model/types.js';
import type { AttemptContext, PaperEventRecord } from './attempt-state.js';
import { paperProductOf } from './codes.js';

function attemptOf(e: TimelineElementInput): number {
  const v = e.details?.sentAttemptMade;
  return typeof v === 'number' ? v : 0;
}

function toRecord(e: TimelineElementInput): PaperEventRecord | undefined {
  const code = e.details?.deliveryDetailCode;
  if (typeof code !== 'string') return undefined;
  const record: PaperEventRecord = { code, at: e.at };
  const cause = e.details?.deliveryFailureCause;
  if (typeof cause === 'string') record.cause = cause;
  const index = e.details?.progressIndex;
  if (typeof index === 'number') record.progressIndex = index;
  return record;
}

function eventsOf(elements: readonly TimelineElementInput[], recipientIndex: number, attempt: number,
  categories: readonly string[]): PaperEventRecord[] {
  return elements
    .filter((e) => e.recipientIndex === recipientIndex && categories.includes(e.category) && attemptOf(e) === attempt)
    .map(toRecord)
    .filter((r): r is PaperEventRecord => r !== undefined);
}

/**
 * The registered letter (890/AR) attempt of a recipient: the given attempt, else the last one sent.
 * Undefined when no SEND_ANALOG_DOMICILE exists for it or its productType is unknown.
 */
export function analogAttemptContextOf(elements: readonly TimelineElementInput[], recipientIndex: number,
  attempt?: 0 | 1): AttemptContext | undefined {
  const sends = elements.filter((e) => e.category === 'SEND_ANALOG_DOMICILE' && e.recipientIndex === recipientIndex);
  const chosen = attempt === undefined
    ? sends.reduce<TimelineElementInput | undefined>((a, e) => (!a || attemptOf(e) > attemptOf(a) ? e : a), undefined)
    : sends.find((e) => attemptOf(e) === attempt);
  if (!chosen) return undefined;
  const productType = paperProductOf(String(chosen.details?.productType ?? ''));
  const n = attemptOf(chosen);
  if (!productType || (n !== 0 && n !== 1)) return undefined;
  const events = eventsOf(elements, recipientIndex, n, ['SEND_ANALOG_PROGRESS', 'SEND_ANALOG_FEEDBACK']);
  return { productType, attempt: n, events, sentAt: chosen.at };
}

/** The simple registered letter (RS, after a digital failure) of a recipient, if one was sent. */
export function simpleLetterContextOf(elements: readonly TimelineElementInput[], recipientIndex: number): AttemptContext | undefined {
  const sent = elements.find((e) => e.category === 'SEND_SIMPLE_REGISTERED_LETTER' && e.recipientIndex === recipientIndex);
  if (!sent) return undefined;
  const productType = paperProductOf(String(sent.details?.productType ?? 'RS')) ?? 'RS';
  const events = eventsOf(elements, recipientIndex, 0, ['SIMPLE_REGISTERED_LETTER_PROGRESS']);
  return { productType, attempt: 0, events, sentAt: sent.at };
}
