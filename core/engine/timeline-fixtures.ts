// Test support: small builders of SEND timelines, used by the engine's unit and property tests.
// Each builder returns the elements SEND writes for one step of DOMAIN.md 7, with business times.
import type { TimelineElementInput } from '../model/types.js';
import { formatInstant, parseInstant } from '../time/instant.js';

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

/** `at` shifted by `ms`, printed with the Rome offset. */
export function shift(at: string, ms: number): string {
  return formatInstant(parseInstant(at) + ms);
}

export function ev(category: string, at: string, recipientIndex?: number, details: Record<string, unknown> = {}): TimelineElementInput {
  const e: TimelineElementInput = { category, at, details };
  if (recipientIndex !== undefined) e.recipientIndex = recipientIndex;
  return e;
}

export function accepted(at: string): TimelineElementInput[] {
  return [ev('REQUEST_ACCEPTED', at)];
}

/** PEC delivered at `receiptAt` after a send at `sendAt` (DOMAIN.md 7.2, first cycle). */
export function digitalSuccess(rec: number, sendAt: string, receiptAt: string): TimelineElementInput[] {
  const src = { digitalAddressSource: 'SPECIAL', sentAttemptMade: 0 };
  return [
    ev('SEND_DIGITAL_DOMICILE', sendAt, rec, { ...src, retryNumber: 0 }),
    ev('SEND_DIGITAL_PROGRESS', shift(sendAt, MINUTE), rec, { ...src, progressIndex: 1, deliveryDetailCode: 'C001' }),
    ev('SEND_DIGITAL_FEEDBACK', receiptAt, rec, { ...src, responseStatus: 'OK', deliveryDetailCode: 'C003' }),
    ev('DIGITAL_DELIVERY_CREATION_REQUEST', shift(receiptAt, 20_000), rec, { endWorkflowStatus: 'SUCCESS' }),
    ev('DIGITAL_SUCCESS_WORKFLOW', shift(receiptAt, MINUTE), rec),
  ];
}

/** Both digital cycles failed; the AMR is created at `amrAt` (DOMAIN.md 7.2). */
export function digitalFailure(rec: number, sendAt: string, amrAt: string): TimelineElementInput[] {
  const src = { digitalAddressSource: 'SPECIAL', sentAttemptMade: 0 };
  return [
    ev('SEND_DIGITAL_DOMICILE', sendAt, rec, src),
    ev('SEND_DIGITAL_FEEDBACK', shift(sendAt, 10 * MINUTE), rec, { ...src, responseStatus: 'KO', deliveryDetailCode: 'C004' }),
    ev('DIGITAL_DELIVERY_CREATION_REQUEST', amrAt, rec, { endWorkflowStatus: 'FAILURE' }),
    ev('DIGITAL_FAILURE_WORKFLOW', shift(amrAt, MINUTE), rec),
    ev('SEND_SIMPLE_REGISTERED_LETTER', shift(amrAt, DAY), rec, { productType: 'RS' }),
  ];
}

/** Paper item sent at `sendAt`, delivered (final OK) at `deliveredAt` (DOMAIN.md 7.3). */
export function analogSuccess(rec: number, sendAt: string, deliveredAt: string, attachments = 1): TimelineElementInput[] {
  const a = { sentAttemptMade: 0 };
  const scans = Array.from({ length: attachments }, (_, i) => ({ documentType: 'AR', url: `safestorage://ar-${rec}-${i}.pdf` }));
  return [
    ev('SEND_ANALOG_DOMICILE', sendAt, rec, { ...a, productType: 'AR' }),
    ev('SEND_ANALOG_PROGRESS', deliveredAt, rec, { ...a, progressIndex: 1, deliveryDetailCode: 'RECRN001A' }),
    ev('SEND_ANALOG_FEEDBACK', deliveredAt, rec, { ...a, responseStatus: 'OK', deliveryDetailCode: 'RECRN001C' }),
    ev('ANALOG_SUCCESS_WORKFLOW', deliveredAt, rec),
    ev('SEND_ANALOG_PROGRESS', shift(deliveredAt, DAY), rec, { ...a, progressIndex: 2, deliveryDetailCode: 'RECRN001B', attachments: scans }),
  ];
}

/** Paper attempt KO, no second address: AAR deposited at `failureAt` (DOMAIN.md 7.3). */
export function unreachable(rec: number, sendAt: string, failureAt: string): TimelineElementInput[] {
  const a = { sentAttemptMade: 0 };
  const ko = shift(failureAt, -DAY);
  return [
    ev('SEND_ANALOG_DOMICILE', sendAt, rec, { ...a, productType: '890' }),
    ev('SEND_ANALOG_FEEDBACK', ko, rec, { ...a, responseStatus: 'KO', deliveryDetailCode: 'RECAG003F', deliveryFailureCause: 'M03' }),
    ev('ANALOG_FAILURE_WORKFLOW', failureAt, rec),
    ev('COMPLETELY_UNREACHABLE_CREATION_REQUEST', failureAt, rec),
    ev('COMPLETELY_UNREACHABLE', failureAt, rec),
  ];
}

/** Final OK with cause M02 (DOMAIN.md 7.3): the recipient is deceased. */
export function deceased(rec: number, sendAt: string, feedbackAt: string): TimelineElementInput[] {
  const a = { sentAttemptMade: 0 };
  return [
    ev('SEND_ANALOG_DOMICILE', sendAt, rec, { ...a, productType: 'AR' }),
    ev('SEND_ANALOG_FEEDBACK', feedbackAt, rec, { ...a, responseStatus: 'OK', deliveryDetailCode: 'RECRN002C', deliveryFailureCause: 'M02' }),
    ev('ANALOG_WORKFLOW_RECIPIENT_DECEASED', feedbackAt, rec),
  ];
}

export function viewed(rec: number, at: string, details: Record<string, unknown> = {}): TimelineElementInput[] {
  return [ev('NOTIFICATION_VIEWED', at, rec, details)];
}

export function refinement(rec: number, at: string): TimelineElementInput[] {
  return [ev('SCHEDULE_REFINEMENT', at, rec, { schedulingDate: at }), ev('REFINEMENT', at, rec)];
}

/** The notification data for the engine. */
export function notification(sentAt: string, recipientCount = 1, iun = 'QDUX-GHKP-JNAM-202603-T-1') {
  return { iun, sentAt, recipientCount };
}
