// Digital workflow stories (DOMAIN.md 7.2), after scenarios 01-03: PEC to the special domicile
// (or the platform one), a second cycle 7 x 24 h after a failed first, AMR + simple registered letter.
import { addDays24h, formatInstant, isAfterRome2100 } from '../time/index.js';
import { after, MINUTE_MS, SECOND_MS, workingDayTime } from './clock.js';
import { add, type Story, type Track } from './track.js';

type Source = 'PLATFORM' | 'SPECIAL';

const sourceOf = (t: Track): Source => (t.recipient.digitalDomicile ? 'SPECIAL' : 'PLATFORM');

function pecAddress(t: Track): string {
  if (t.recipient.digitalDomicile) return t.recipient.digitalDomicile.address;
  const local = t.recipient.denomination.normalize('NFD').replace(/[^A-Za-z ]/g, '').trim().toLowerCase().replace(/\s+/g, '.');
  return `${local}@pec.example.it`;
}

/** Term date of a digital success: +7 x 24 h, +8 x 24 h when the receipt is after 21:00 Rome (DOMAIN.md 8.1). */
export function digitalSuccessTerm(receiptMs: number): number {
  return addDays24h(receiptMs, isAfterRome2100(receiptMs) ? 8 : 7);
}

/** GET_ADDRESS of the platform (and special) source, first cycle (DOMAIN.md 7.1 step 3). */
function lookUpAddresses(t: Track, at: number): number {
  const source = sourceOf(t);
  add(t, at, 'GET_ADDRESS', { digitalAddressSource: 'PLATFORM', isAvailable: source === 'PLATFORM', sentAttemptMade: 0 });
  if (source === 'PLATFORM') return at;
  return add(t, after(t.rng, at, 5 * SECOND_MS, 15 * SECOND_MS), 'GET_ADDRESS', { digitalAddressSource: 'SPECIAL', isAvailable: true, sentAttemptMade: 0 });
}

/** One PEC send: SEND_DIGITAL_DOMICILE, acceptance C001, then the delivery receipt (OK C003) or KO. */
function pecAttempt(t: Track, attempt: number, at: number, ok: boolean): number {
  const base = { digitalAddressSource: sourceOf(t), sentAttemptMade: attempt };
  add(t, at, 'SEND_DIGITAL_DOMICILE', { ...base, retryNumber: 0, digitalAddress: { type: 'PEC', address: pecAddress(t) } });
  let last = at;
  if (ok || t.rng.chance(0.7)) {
    last = add(t, after(t.rng, at, 30 * SECOND_MS, 2 * MINUTE_MS), 'SEND_DIGITAL_PROGRESS', { ...base, progressIndex: 1, deliveryDetailCode: 'C001' });
  }
  const feedbackAt = after(t.rng, last, 2 * MINUTE_MS, 50 * MINUTE_MS);
  const outcome = ok
    ? { responseStatus: 'OK', deliveryDetailCode: 'C003' }
    // The PEC provider's reason, as SEND passes it on (Italian providers write it in Italian).
    : { responseStatus: 'KO', deliveryDetailCode: 'C004', deliveryFailureCause: t.rng.pick(['casella piena', 'casella inesistente', 'dominio inesistente']) };
  return add(t, feedbackAt, 'SEND_DIGITAL_FEEDBACK', { ...base, ...outcome });
}

/** Registry look-up for a general domicile after a failed attempt, finding none (scenarios 02, 03). */
function registryFindsNothing(t: Track, attempt: number, at: number): number {
  const call = add(t, after(t.rng, at, 30 * SECOND_MS, 90 * SECOND_MS), 'PUBLIC_REGISTRY_CALL', { deliveryMode: 'DIGITAL', contactPhase: 'SEND_ATTEMPT', sentAttemptMade: attempt });
  const correlationId = `NATIONAL_REGISTRY_CALL.IUN_${t.iun}.RECINDEX_${t.recipientIndex}.DELIVERYMODE_DIGITAL.CONTACTPHASE_SEND_ATTEMPT.ATTEMPT_${attempt}`;
  return add(t, after(t.rng, call, 10 * SECOND_MS, 40 * SECOND_MS), 'PUBLIC_REGISTRY_RESPONSE', { correlationId, digitalAddress: null });
}

/** Cycle 1 KO, then SCHEDULE_DIGITAL_WORKFLOW for cycle 2 at the KO receipt + 7 x 24 h; returns cycle 2's start. */
function failFirstCycle(t: Track, start: number): number {
  const ko = pecAttempt(t, 0, start, false);
  const response = registryFindsNothing(t, 0, ko);
  const schedulingDate = addDays24h(ko, 7);
  add(t, after(t.rng, response, 10 * SECOND_MS, 60 * SECOND_MS), 'SCHEDULE_DIGITAL_WORKFLOW', {
    digitalAddressSource: sourceOf(t),
    sentAttemptMade: 1,
    schedulingDate: formatInstant(schedulingDate),
  });
  return after(t.rng, schedulingDate, 30 * SECOND_MS, 3 * MINUTE_MS);
}

function endDigitalSuccess(t: Track, receipt: number): Story {
  const request = add(t, after(t.rng, receipt, 10 * SECOND_MS, 30 * SECOND_MS), 'DIGITAL_DELIVERY_CREATION_REQUEST', { endWorkflowStatus: 'SUCCESS' });
  const success = add(t, after(t.rng, request, 20 * SECOND_MS, 60 * SECOND_MS), 'DIGITAL_SUCCESS_WORKFLOW', {});
  const termMs = digitalSuccessTerm(receipt);
  add(t, success + SECOND_MS, 'SCHEDULE_REFINEMENT', { schedulingDate: formatInstant(termMs) });
  return { termMs, endMs: request };
}

/** PEC delivered at the first attempt (scenario 01). */
export function pecFirstTry(t: Track, start: number): Story {
  const send = after(t.rng, lookUpAddresses(t, start), 20 * SECOND_MS, 90 * SECOND_MS);
  return endDigitalSuccess(t, pecAttempt(t, 0, send, true));
}

/** PEC KO in cycle 1, delivered in cycle 2 (scenario 02). */
export function pecFailSecondCycle(t: Track, start: number): Story {
  const send = after(t.rng, lookUpAddresses(t, start), 20 * SECOND_MS, 90 * SECOND_MS);
  return endDigitalSuccess(t, pecAttempt(t, 1, failFirstCycle(t, send), true));
}

/** Both cycles KO: AMR (15 x 24 h term from its creation request), then the AAR by simple registered letter (scenario 03). */
export function digitalFailureRs(t: Track, start: number): Story {
  const send = after(t.rng, lookUpAddresses(t, start), 20 * SECOND_MS, 90 * SECOND_MS);
  const ko = pecAttempt(t, 1, failFirstCycle(t, send), false);
  const response = registryFindsNothing(t, 1, ko);
  const request = add(t, after(t.rng, response, 20 * SECOND_MS, 60 * SECOND_MS), 'DIGITAL_DELIVERY_CREATION_REQUEST', { endWorkflowStatus: 'FAILURE' });
  const amr = add(t, after(t.rng, request, 30 * SECOND_MS, 90 * SECOND_MS), 'DIGITAL_FAILURE_WORKFLOW', {});
  const termMs = addDays24h(request, 15);
  const scheduled = add(t, after(t.rng, amr, 10 * SECOND_MS, 40 * SECOND_MS), 'SCHEDULE_REFINEMENT', { schedulingDate: formatInstant(termMs) });
  const prepared = add(t, after(t.rng, scheduled, 10 * SECOND_MS, 40 * SECOND_MS), 'PREPARE_SIMPLE_REGISTERED_LETTER', {});
  const sent = add(t, workingDayTime(t.rng, prepared, 1, 8, 10), 'SEND_SIMPLE_REGISTERED_LETTER', {
    productType: 'RS',
    analogCost: t.rng.between(540, 620),
    physicalAddress: t.recipient.physicalAddress ?? null,
  });
  const printed = add(t, workingDayTime(t.rng, sent, 1, 7, 10), 'SIMPLE_REGISTERED_LETTER_PROGRESS', { deliveryDetailCode: 'CON080', progressIndex: 1 });
  // The RS outcome changes neither status nor refinement (DOMAIN.md 7.2).
  add(t, workingDayTime(t.rng, printed, t.rng.between(2, 5), 9, 17), 'SIMPLE_REGISTERED_LETTER_PROGRESS', { deliveryDetailCode: 'RECRS001C', progressIndex: 2 });
  return { termMs, endMs: request };
}
