// Simulated timelines (DOMAIN.md 5, 7, 8): from a notification and a path per recipient, the
// elements SEND would write, with business times and the refinement rule, deterministic from a seed.
import { DomainError } from '../errors/index.js';
import type { IsoInstant, Notification, TimelineElementInput } from '../model/types.js';
import { categoryRank } from '../timeline/index.js';
import { formatInstant, parseInstant, tryParseInstant } from '../time/index.js';
import { runAnalog } from './analog.js';
import { after, MINUTE_MS, SECOND_MS } from './clock.js';
import { REFUSAL_REASONS } from './demo-data.js';
import { digitalFailureRs, pecFailSecondCycle, pecFirstTry } from './digital.js';
import { DELIVERY_PATHS, DIGITAL_PATHS, NOTIFICATION_LEVEL_PATHS, type SimulationPath } from './paths.js';
import { createRng, uuidFrom, type Rng } from './prng.js';
import { add, isCompletion, type PaperProduct, type SimElement, type Story, type Track } from './track.js';
import { viewAtDesk, viewOnlineAfterTerm } from './views.js';

function productFor(n: Notification, path: SimulationPath): PaperProduct {
  if (path === 'ANALOG_890_DELIVERED') return '890';
  if (path === 'ANALOG_AR_DELIVERED') return 'AR';
  return n.physicalCommunicationType === 'REGISTERED_LETTER_890' ? '890' : 'AR';
}

/** A complete delivery story for a recipient, chosen to fit it (PEC domicile or not). */
function drawDelivery(rng: Rng, t: Track): SimulationPath {
  if (t.recipient.digitalDomicile) return rng.pick(DIGITAL_PATHS);
  return rng.pick(DELIVERY_PATHS.filter((p) => !DIGITAL_PATHS.includes(p) && p !== 'ANALOG_890_DELIVERED' && p !== 'ANALOG_AR_DELIVERED').concat([t.product === '890' ? 'ANALOG_890_DELIVERED' : 'ANALOG_AR_DELIVERED']));
}

function runDelivery(t: Track, path: SimulationPath, start: number): Story {
  switch (path) {
    case 'PEC_FIRST_TRY':
      return pecFirstTry(t, start);
    case 'PEC_FAIL_SECOND_CYCLE':
      return pecFailSecondCycle(t, start);
    case 'DIGITAL_FAILURE_RS':
      return digitalFailureRs(t, start);
    case 'GIACENZA_COLLECTED':
    case 'GIACENZA_EXPIRED':
    case 'UNREACHABLE':
    case 'DECEASED':
      return runAnalog(t, path, start);
    default:
      return runAnalog(t, 'DELIVERED', start);
  }
}

/** REFINEMENT at the term date S, unless a view came first (DOMAIN.md 5 notes, 8.1). */
function refineByTerm(t: Track, story: Story): void {
  if (story.termMs !== null) add(t, story.termMs, 'REFINEMENT', {});
}

/** Keeps the elements before the first workflow end, cutting between groups of equal time. */
function cutBeforeEnd(t: Track): void {
  const end = t.els.findIndex((e) => isCompletion(e.category) || e.category === 'ANALOG_FAILURE_WORKFLOW');
  const limit = end < 0 ? t.els.length : end;
  const candidates = [...Array(limit).keys()].filter((i) => t.els[i + 1]?.ms !== t.els[i]?.ms);
  const keep = candidates.length === 0 ? 1 : t.rng.pick(candidates) + 1;
  t.els.splice(keep);
}

function runRecipient(t: Track, path: SimulationPath, start: number): void {
  if (path === 'IN_PROGRESS') {
    refineByTerm(t, runDelivery(t, drawDelivery(t.rng, t), start));
    t.els.sort(byTime);
    return cutBeforeEnd(t);
  }
  if (path === 'VIEWED_AT_RADD') return void viewAtDesk(t, runDelivery(t, t.product === '890' ? 'ANALOG_890_DELIVERED' : 'ANALOG_AR_DELIVERED', start));
  if (path === 'VIEWED_ONLINE_AFTER_TERM') {
    const story = runDelivery(t, t.recipient.digitalDomicile ? 'PEC_FIRST_TRY' : 'GIACENZA_COLLECTED', start);
    refineByTerm(t, story);
    return void viewOnlineAfterTerm(t, story);
  }
  refineByTerm(t, runDelivery(t, path, start));
}

const byTime = (a: SimElement, b: SimElement): number => a.ms - b.ms;

/** Business time, then category rank, then recipient: the engine's own order (DOMAIN.md 4.1 step 2). */
function compareElements(a: SimElement, b: SimElement): number {
  return a.ms - b.ms || (categoryRank(a.category) ?? 99) - (categoryRank(b.category) ?? 99) || (a.recipientIndex ?? -1) - (b.recipientIndex ?? -1);
}

function pathsPerRecipient(n: Notification, path: SimulationPath | readonly SimulationPath[]): SimulationPath[] {
  const count = n.recipients.length;
  if (typeof path === 'string') return Array.from({ length: count }, () => path);
  if (path.length !== count) throw new DomainError('SIMULATION_PATH_INVALID', { path: path.join(','), reason: `${count} recipients` });
  const level = path.find((p) => NOTIFICATION_LEVEL_PATHS.includes(p));
  if (level) throw new DomainError('SIMULATION_PATH_INVALID', { path: level, reason: 'notification-level path in a per-recipient list' });
  return [...path];
}

function refuse(rng: Rng, sentMs: number): SimElement[] {
  const validate = after(rng, sentMs, 20 * SECOND_MS, 40 * SECOND_MS);
  return [
    { ms: validate, category: 'VALIDATE_NORMALIZE_ADDRESSES_REQUEST', details: {} },
    { ms: after(rng, validate, MINUTE_MS, 3 * MINUTE_MS), category: 'REQUEST_REFUSED', details: { refusalReasons: [rng.pick(REFUSAL_REASONS)] } },
  ];
}

/**
 * The sender cancels while the notification is being delivered, or still ACCEPTED when the
 * delivery is too quick to catch: elements from then on are dropped (DOMAIN.md 4.2 CANCELLED rows).
 */
function cancel(rng: Rng, els: SimElement[], acceptedMs: number): SimElement[] {
  const sends = els.filter((e) => e.category === 'SEND_DIGITAL_DOMICILE' || e.category === 'SEND_ANALOG_DOMICILE').map((e) => e.ms);
  const ends = els.filter((e) => isCompletion(e.category) || e.category === 'ANALOG_FAILURE_WORKFLOW').map((e) => e.ms);
  const firstSend = Math.min(...sends);
  const firstEnd = Math.min(...ends);
  const [from, to] = firstEnd - firstSend > 2 * MINUTE_MS ? [firstSend + MINUTE_MS, firstEnd - MINUTE_MS] : [acceptedMs + SECOND_MS, firstSend - SECOND_MS];
  const requestMs = after(rng, from, 0, Math.max(0, to - from));
  const kept = els.filter((e) => e.ms < requestMs);
  kept.push({ ms: requestMs, category: 'NOTIFICATION_CANCELLATION_REQUEST', details: {} });
  kept.push({ ms: after(rng, requestMs, 2 * MINUTE_MS, 10 * MINUTE_MS), category: 'NOTIFICATION_CANCELLED', details: {} });
  return kept;
}

function render(els: SimElement[]): TimelineElementInput[] {
  return els.sort(compareElements).map((e) => ({
    category: e.category,
    at: formatInstant(e.ms),
    ...(e.recipientIndex === undefined ? {} : { recipientIndex: e.recipientIndex }),
    details: e.details,
  }));
}

/**
 * The timeline of a notification following `path` (one for all recipients, or one per recipient),
 * sorted as the engine sorts. REFUSED and CANCELLED concern the whole notification; CANCELLED and
 * IN_PROGRESS draw a fitting delivery story for each recipient and stop it part-way.
 */
export function simulateTimeline(n: Notification, path: SimulationPath | readonly SimulationPath[], seed: number | string): TimelineElementInput[] {
  const rng = createRng(seed);
  const sentMs = parseInstant(n.sentAt);
  if (path === 'REFUSED') return render(refuse(rng, sentMs));
  const paths = path === 'CANCELLED' ? null : pathsPerRecipient(n, path);
  const accepted = after(rng, sentMs, 2 * MINUTE_MS, 5 * MINUTE_MS);
  const els: SimElement[] = [{ ms: accepted, category: 'REQUEST_ACCEPTED', details: {} }];
  n.recipients.forEach((recipient, i) => {
    const own = paths?.[i] ?? 'IN_PROGRESS';
    const t: Track = { rng: rng.fork(`recipient-${i}`), iun: n.iun, recipientIndex: i, recipient, product: productFor(n, own), els: [] };
    const aar = add(t, accepted + MINUTE_MS + i * 5 * SECOND_MS, 'AAR_GENERATION', {
      generatedAarUrl: `safestorage://PN_AAR-${uuidFrom(t.rng).replace(/-/g, '')}.pdf`,
      numberOfPages: t.recipient.physicalAddress ? 2 : 1,
    });
    if (paths) runRecipient(t, own, after(t.rng, aar, MINUTE_MS, 2 * MINUTE_MS));
    else refineByTerm(t, runDelivery(t, drawDelivery(t.rng, t), after(t.rng, aar, MINUTE_MS, 2 * MINUTE_MS)));
    els.push(...t.els);
  });
  return render(path === 'CANCELLED' ? cancel(rng, els, accepted) : els);
}

/** The elements of `simulateTimeline` whose business time is at or before `now` (demo reveal over time). */
export function simulateUntil(n: Notification, path: SimulationPath | readonly SimulationPath[], seed: number | string, now: IsoInstant): TimelineElementInput[] {
  const limit = parseInstant(now);
  return simulateTimeline(n, path, seed).filter((e) => tryParseInstant(e.at) <= limit);
}
