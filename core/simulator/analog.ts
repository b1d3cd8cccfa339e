// Paper workflow stories (DOMAIN.md 7.3, 7.4), after scenarios 04-07: 890 / AR delivered, giacenza
// collected or expired, two attempts KO (unreachable), deceased recipient.
import type { PhysicalAddress } from '../model/types.js';
import { addDays24h, formatInstant } from '../time/index.js';
import { after, HOUR_MS, MINUTE_MS, romeDayAt, SECOND_MS, workingDayTime } from './clock.js';
import { CITIES } from './demo-data.js';
import { uuidFrom } from './prng.js';
import { add, type Story, type Track } from './track.js';

/** One paper attempt: its number and the running progressIndex of its SEND_ANALOG_PROGRESS elements. */
interface Attempt {
  n: number;
  idx: number;
}

const ANALOG_TERM_DAYS = 10;

function scan(t: Track, documentType: string): Array<{ documentType: string; url: string }> {
  return [{ documentType, url: `safestorage://PN_EXTERNAL_LEGAL_FACTS-${uuidFrom(t.rng).replace(/-/g, '')}.pdf` }];
}

function progress(t: Track, a: Attempt, at: number, code: string, extra: Record<string, unknown> = {}): number {
  a.idx += 1;
  return add(t, at, 'SEND_ANALOG_PROGRESS', { sentAttemptMade: a.n, deliveryDetailCode: code, progressIndex: a.idx, ...extra });
}

function feedback(t: Track, a: Attempt, at: number, ok: boolean, code: string, extra: Record<string, unknown> = {}): number {
  return add(t, at, 'SEND_ANALOG_FEEDBACK', { sentAttemptMade: a.n, responseStatus: ok ? 'OK' : 'KO', deliveryDetailCode: code, ...extra });
}

/**
 * No digital domicile anywhere (GET_ADDRESS x2, registry finds none), courtesy message sometimes:
 * then paper waits 7 x 24 h for the recipient to read it (DOMAIN.md 7.1 step 4). Returns the
 * time of PREPARE_ANALOG_DOMICILE for attempt 0.
 */
function chooseAnalog(t: Track, start: number): number {
  let at = start;
  const courtesy = t.recipient.recipientType === 'PF' && t.rng.chance(0.3);
  let planned: number | null = null;
  if (courtesy) {
    add(t, at, 'SEND_COURTESY_MESSAGE', { digitalAddressType: t.rng.pick(['EMAIL', 'SMS', 'APPIO']) });
    planned = addDays24h(at, 7);
    at = add(t, at + SECOND_MS, 'PROBABLE_SCHEDULING_ANALOG_DATE', { schedulingAnalogDate: formatInstant(planned) });
  }
  at = add(t, after(t.rng, at, 20 * SECOND_MS, 60 * SECOND_MS), 'GET_ADDRESS', { digitalAddressSource: 'PLATFORM', isAvailable: false, sentAttemptMade: 0 });
  at = add(t, after(t.rng, at, 5 * SECOND_MS, 15 * SECOND_MS), 'GET_ADDRESS', { digitalAddressSource: 'SPECIAL', isAvailable: false, sentAttemptMade: 0 });
  at = add(t, after(t.rng, at, 5 * SECOND_MS, 15 * SECOND_MS), 'PUBLIC_REGISTRY_CALL', { deliveryMode: 'DIGITAL', contactPhase: 'CHOOSE_DELIVERY', sentAttemptMade: 0 });
  at = add(t, after(t.rng, at, 20 * SECOND_MS, 60 * SECOND_MS), 'PUBLIC_REGISTRY_RESPONSE', { digitalAddress: null });
  at = add(t, after(t.rng, at, 5 * SECOND_MS, 20 * SECOND_MS), 'SCHEDULE_ANALOG_WORKFLOW', planned === null ? {} : { schedulingDate: formatInstant(planned) });
  return planned === null ? after(t.rng, at, 30 * SECOND_MS, 2 * MINUTE_MS) : after(t.rng, planned, 10 * SECOND_MS, 2 * MINUTE_MS);
}

/** PREPARE_ANALOG_DOMICILE, SEND_ANALOG_DOMICILE the next working morning, CON080 the day after. */
function sendPaper(t: Track, n: number, prepareAt: number, address?: PhysicalAddress): { attempt: Attempt; printed: number } {
  const productType = t.product;
  add(t, prepareAt, 'PREPARE_ANALOG_DOMICILE', { sentAttemptMade: n, productType, ...(address ? { physicalAddress: address } : {}) });
  const analogCost = productType === '890' ? t.rng.between(1150, 1250) : t.rng.between(920, 1000);
  const sent = add(t, workingDayTime(t.rng, prepareAt, 1, 8, 10), 'SEND_ANALOG_DOMICILE', { sentAttemptMade: n, productType, analogCost });
  const attempt = { n, idx: 0 };
  const printed = progress(t, attempt, workingDayTime(t.rng, sent, 1, 7, 9), 'CON080');
  return { attempt, printed };
}

function endAnalogSuccess(t: Track, fb: number): Story {
  add(t, fb, 'ANALOG_SUCCESS_WORKFLOW', {});
  const termMs = addDays24h(fb, ANALOG_TERM_DAYS);
  add(t, fb, 'SCHEDULE_REFINEMENT', { schedulingDate: formatInstant(termMs) });
  return { termMs, endMs: fb };
}

/** Delivered by the postman: RECAG001/002 (890) or RECRN001 (AR), A and C at the delivery time, B scan later. */
function deliverToHand(t: Track, a: Attempt, from: number): Story {
  const code = t.product === '890' ? t.rng.pick(['RECAG001', 'RECAG002']) : 'RECRN001';
  const at = progress(t, a, workingDayTime(t.rng, from, t.rng.between(2, 5), 9, 17), `${code}A`);
  const fb = feedback(t, a, at, true, `${code}C`);
  const story = endAnalogSuccess(t, fb);
  progress(t, a, workingDayTime(t.rng, fb, 1, 9, 18), `${code}B`, { attachments: scan(t, 'AR') });
  return story;
}

/** Recipient absent: inesito and giacenza (DOMAIN.md 7.3). Returns the inesito and the last notice event. */
function leaveNotice(t: Track, a: Attempt, from: number): { inesito: number; last: number } {
  const inesito = progress(t, a, workingDayTime(t.rng, from, t.rng.between(2, 5), 9, 13), t.product === '890' ? 'RECAG010' : 'RECRN010');
  const held = progress(t, a, after(t.rng, inesito, 2 * HOUR_MS, 5 * HOUR_MS), t.product === '890' ? 'RECAG011A' : 'RECRN011');
  if (t.product === 'AR') return { inesito, last: held };
  return { inesito, last: progress(t, a, workingDayTime(t.rng, held, 1, 9, 18), 'RECAG011B', { attachments: scan(t, '23L') }) };
}

/** Collected at the post office within 10 days of the inesito: RECRN003 / RECAG005 final OK. */
function collectFromGiacenza(t: Track, a: Attempt, from: number): Story {
  const { last } = leaveNotice(t, a, from);
  const code = t.product === '890' ? 'RECAG005' : 'RECRN003';
  // The last notice event is at most 3 days after the inesito; 0..4 more working days keep the
  // collection within 10 Rome calendar days of it, so the C is the final (no PNRN012).
  const collected = progress(t, a, workingDayTime(t.rng, last, t.rng.between(0, 4), 9, 18), `${code}A`);
  const fb = feedback(t, a, collected, true, `${code}C`);
  const story = endAnalogSuccess(t, fb);
  progress(t, a, workingDayTime(t.rng, fb, 1, 9, 18), `${code}B`, { attachments: scan(t, 'AR') });
  return story;
}

/**
 * Never collected: the paper channel closes the file 10 days after the inesito, PNRN012 (AR) or
 * PNAG012 (890), dated the inesito's Rome calendar day + 10 at 00:00 (as core/paper dates them);
 * for AR the compiuta giacenza (RECRN005A/B) follows as progress after the final (DOMAIN.md 7.3, 7.4).
 */
function expireInGiacenza(t: Track, a: Attempt, from: number): Story {
  const { inesito } = leaveNotice(t, a, from);
  const fb = feedback(t, a, romeDayAt(inesito, 10, 0), true, t.product === '890' ? 'PNAG012' : 'PNRN012');
  const story = endAnalogSuccess(t, fb);
  if (t.product === 'AR') {
    const expired = progress(t, a, workingDayTime(t.rng, inesito, 30, 9, 13), 'RECRN005A');
    progress(t, a, workingDayTime(t.rng, expired, 1, 9, 18), 'RECRN005B', { attachments: scan(t, 'Plico') });
  }
  return story;
}

/** Absolute unreachability on one attempt: D, F (KO) at the same time, E scan of the returned item. */
function failAttempt(t: Track, a: Attempt, from: number, discovered: PhysicalAddress | null): number {
  const code = t.product === '890' ? 'RECAG003' : 'RECRN002';
  const cause = t.rng.pick(['M01', 'M03', 'M04', 'M06', 'M07', 'M08']);
  const at = progress(t, a, workingDayTime(t.rng, from, t.rng.between(2, 5), 9, 17), `${code}D`, { deliveryFailureCause: cause });
  feedback(t, a, at, false, `${code}F`, { deliveryFailureCause: cause, ...(discovered ? { discoveredAddress: discovered } : {}) });
  return progress(t, a, workingDayTime(t.rng, at, 1, 9, 18), `${code}E`, { attachments: scan(t, 'Plico') });
}

function otherAddress(t: Track): PhysicalAddress {
  const city = t.rng.pick(CITIES);
  const [street, zip] = t.rng.pick(city.streets);
  return { address: `${street} ${t.rng.between(1, 180)}`, zip, municipality: city.municipality, province: city.province };
}

/** Where attempt 1 goes: the postman's discovered address, a registry address, or nowhere (D00). */
function secondAddress(t: Track, lastScan: number, discovered: PhysicalAddress | null): { prepareAt: number; address: PhysicalAddress | null } {
  if (discovered) return { prepareAt: workingDayTime(t.rng, lastScan, 1, 8, 10), address: discovered };
  const call = add(t, workingDayTime(t.rng, lastScan, 1, 8, 10), 'PUBLIC_REGISTRY_CALL', { deliveryMode: 'ANALOG', contactPhase: 'SEND_ATTEMPT', sentAttemptMade: 1 });
  const found = t.rng.chance(0.7) ? otherAddress(t) : null;
  const response = add(t, after(t.rng, call, 30 * SECOND_MS, 2 * MINUTE_MS), 'PUBLIC_REGISTRY_RESPONSE', { physicalAddress: found });
  if (found) return { prepareAt: after(t.rng, response, 30 * SECOND_MS, 2 * MINUTE_MS), address: found };
  add(t, after(t.rng, response, 30 * SECOND_MS, 2 * MINUTE_MS), 'PREPARE_ANALOG_DOMICILE_FAILURE', { sentAttemptMade: 1, failureCause: 'D00' });
  return { prepareAt: response, address: null };
}

/** Both attempts KO (or no second address): AAR deposited, COMPLETELY_UNREACHABLE, term +10 x 24 h (scenario 06). */
function becomeUnreachable(t: Track, start: number): Story {
  const first = sendPaper(t, 0, chooseAnalog(t, start));
  const discovered = t.rng.chance(0.3) ? otherAddress(t) : null;
  const lastScan = failAttempt(t, first.attempt, first.printed, discovered);
  const next = secondAddress(t, lastScan, discovered);
  let last = next.prepareAt;
  if (next.address) {
    const second = sendPaper(t, 1, next.prepareAt, next.address);
    last = failAttempt(t, second.attempt, second.printed, null);
  }
  const deposit = add(t, workingDayTime(t.rng, last, 1, 7, 9), 'ANALOG_FAILURE_WORKFLOW', {});
  add(t, deposit, 'COMPLETELY_UNREACHABLE_CREATION_REQUEST', {});
  add(t, deposit, 'COMPLETELY_UNREACHABLE', {});
  const termMs = addDays24h(deposit, ANALOG_TERM_DAYS);
  add(t, deposit, 'SCHEDULE_REFINEMENT', { schedulingDate: formatInstant(termMs) });
  return { termMs, endMs: deposit };
}

/** Final OK with cause M02: the recipient died; no term (DOMAIN.md 7.3, 8.1). */
function reportDeceased(t: Track, start: number): Story {
  const { attempt, printed } = sendPaper(t, 0, chooseAnalog(t, start));
  const code = t.product === '890' ? 'RECAG003' : 'RECRN002';
  const at = progress(t, attempt, workingDayTime(t.rng, printed, t.rng.between(2, 5), 9, 17), `${code}A`, { deliveryFailureCause: 'M02' });
  const fb = feedback(t, attempt, at, true, `${code}C`, { deliveryFailureCause: 'M02' });
  add(t, fb, 'ANALOG_WORKFLOW_RECIPIENT_DECEASED', {});
  progress(t, attempt, workingDayTime(t.rng, fb, 1, 9, 18), `${code}B`, { attachments: scan(t, 'AR') });
  return { termMs: null, endMs: fb };
}

export type AnalogStory = 'DELIVERED' | 'GIACENZA_COLLECTED' | 'GIACENZA_EXPIRED' | 'UNREACHABLE' | 'DECEASED';

/** Runs one paper story for the track's product, starting right after the AAR. */
export function runAnalog(t: Track, story: AnalogStory, start: number): Story {
  if (story === 'UNREACHABLE') return becomeUnreachable(t, start);
  if (story === 'DECEASED') return reportDeceased(t, start);
  const { attempt, printed } = sendPaper(t, 0, chooseAnalog(t, start));
  if (story === 'DELIVERED') return deliverToHand(t, attempt, printed);
  if (story === 'GIACENZA_COLLECTED') return collectFromGiacenza(t, attempt, printed);
  return expireInGiacenza(t, attempt, printed);
}
