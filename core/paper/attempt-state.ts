// The state of one paper attempt, replayed from its paper events in business-time order
// (DOMAIN.md 7.3, 7.4): which event is the final feedback, whether a giacenza is running, which
// codes may still follow a final.
import type { IsoInstant, NotificationStatus } from '../model/types.js';
import { civilFromDays, formatInstant, romeDayNumber, romeLocalToEpochMs, tryParseInstant } from '../time/index.js';
import { paperCodeInfo, type PaperCodeInfo, type PaperCodeKind, type PaperProduct } from './codes.js';

/** One paper event already recorded for the attempt. */
export interface PaperEventRecord {
  code: string;
  at: IsoInstant;
  cause?: string;
  progressIndex?: number;
}

/** One paper attempt: its product, attempt number, recorded events and the SEND_ANALOG_DOMICILE time. */
export interface AttemptContext {
  productType: PaperProduct;
  attempt: 0 | 1;
  events: readonly PaperEventRecord[];
  /** `at` of the SEND_ANALOG_DOMICILE (SEND_SIMPLE_REGISTERED_LETTER for RS) of this attempt. */
  sentAt: IsoInstant;
  /** The notification's derived status: CANCELLED refuses every event (DOMAIN.md 3, 4.2). */
  notificationStatus?: NotificationStatus;
}

export interface ReplayedEvent extends PaperEventRecord {
  info: PaperCodeInfo;
  ms: number;
  /** The kind this event had in its place (a final's successors are progress: DOMAIN.md 7.4 *). */
  effectiveKind: PaperCodeKind;
}

export interface AttemptState {
  events: ReplayedEvent[];
  final?: ReplayedEvent;
  /** The inesito (RECRN010, RECAG010, RECRS010) of the current delivery round. */
  inesito?: ReplayedEvent;
  /** RECRN011, RECAG011A, RECRS011. */
  giacenzaStart?: ReplayedEvent;
  /** The A (or RS C) of the outcome that ended the giacenza. */
  giacenzaClosure?: ReplayedEvent;
  /** A pre-outcome A/D whose final C/F has not been recorded, while the attempt has no final. */
  pending?: ReplayedEvent;
  /** The last A/D pre-outcome recorded, final or not (its scans may still arrive). */
  lastPreOutcome?: ReplayedEvent;
  lastMs: number;
  progressCount: number;
  maxProgressIndex: number;
}

/** Finals set by the lapse of a term: the giacenza outcome may still be recorded after them (DOMAIN.md 7.3). */
export const TERM_FINAL_CODES: readonly string[] = ['PNRN012', 'RECAG012', 'PNAG012'];
const GIACENZA_CLOSURE_GROUPS = ['RECRN003', 'RECRN004', 'RECRN005', 'RECAG005', 'RECAG006', 'RECAG007', 'RECAG008',
  'RECRS003', 'RECRS004', 'RECRS005'];
const INESITO_CODES = ['RECRN010', 'RECAG010', 'RECRS010'];
const GIACENZA_START_CODES = ['RECRN011', 'RECAG011A', 'RECRS011'];
/** Theft/loss and "not reportable": the postal operator sends the item again, a new delivery round starts. */
const RESEND_CODES = ['RECRN006', 'RECAG004', 'RECRS006', 'RECRN013', 'RECAG013', 'RECRS013', 'RECRI005', 'RECRSI005'];

export function isGiacenzaClosureGroup(group: string): boolean {
  return GIACENZA_CLOSURE_GROUPS.includes(group);
}

/**
 * May `info` follow the attempt's final? Scans of the outcome may (they arrive later); after a term
 * final (PNRN012, RECAG012, PNAG012) so may the giacenza outcome, one group only, but not a
 * PNAG012 after RECAG012 (DOMAIN.md 7.3: the paper channel writes it, never the postal entry).
 */
export function isAllowedAfterFinal(state: AttemptState, info: PaperCodeInfo): boolean {
  if (info.carriesScans) return true;
  if (!state.final || !TERM_FINAL_CODES.includes(state.final.code)) return false;
  if (!isGiacenzaClosureGroup(info.group)) return false;
  return !state.giacenzaClosure || state.giacenzaClosure.info.group === info.group;
}

function effectiveKindOf(state: AttemptState, info: PaperCodeInfo): PaperCodeKind {
  // After the final every event is progress: this is also the RECAG005C-007C rule, since RECAG012 is a final.
  return state.final ? 'PROGRESS' : info.kind;
}

/** Applies one event to the state (events must come in business-time order). */
function applyEvent(state: AttemptState, record: PaperEventRecord, info: PaperCodeInfo, ms: number): ReplayedEvent {
  const ev: ReplayedEvent = { ...record, info, ms, effectiveKind: effectiveKindOf(state, info) };
  state.events.push(ev);
  state.lastMs = Math.max(state.lastMs, ms);
  if (ev.effectiveKind === 'PROGRESS') {
    state.progressCount++;
    state.maxProgressIndex = Math.max(state.maxProgressIndex, record.progressIndex ?? 0);
  } else {
    state.final = ev;
  }
  if (info.phase === 'A' || info.phase === 'D') state.lastPreOutcome = ev;
  if (isGiacenzaClosureGroup(info.group) && (info.phase === 'A' || info.phase === 'C')) state.giacenzaClosure ??= ev;
  if (state.final) {
    state.pending = undefined;
    return ev;
  }
  if (info.phase === 'A' || info.phase === 'D') state.pending = ev;
  if ((info.phase === 'C' || info.phase === 'F') && state.pending?.info.group === info.group) state.pending = undefined;
  if (INESITO_CODES.includes(info.code)) state.inesito = ev;
  if (GIACENZA_START_CODES.includes(info.code)) state.giacenzaStart = ev;
  if (RESEND_CODES.includes(info.code)) {
    state.inesito = state.giacenzaStart = state.pending = state.giacenzaClosure = undefined;
  }
  return ev;
}

/** Replays the recorded events (unknown codes and unreadable dates are skipped) sorted by business time. */
export function replayAttempt(events: readonly PaperEventRecord[]): AttemptState {
  const state: AttemptState = { events: [], lastMs: Number.NEGATIVE_INFINITY, progressCount: 0, maxProgressIndex: 0 };
  const readable = events
    .map((record, i) => ({ record, i, ms: tryParseInstant(record.at), info: paperCodeInfo(record.code) }))
    .filter((e) => !Number.isNaN(e.ms) && e.info !== undefined)
    .sort((a, b) => a.ms - b.ms || a.i - b.i);
  for (const e of readable) applyEvent(state, e.record, e.info as PaperCodeInfo, e.ms);
  return state;
}

/** The progressIndex of the next progress element: continues after both the count and the highest index seen. */
export function nextProgressIndex(state: AttemptState): number {
  return Math.max(state.progressCount, state.maxProgressIndex) + 1;
}

/** The inesito that starts the 10-day term of a giacenza (the giacenza start when no inesito was recorded). */
export function giacenzaBase(state: AttemptState): ReplayedEvent | undefined {
  return state.inesito ?? state.giacenzaStart;
}

/**
 * Collected or refused "more than 10 days after the inesito", compared on Europe/Rome calendar
 * dates (DOMAIN.md 7.3): day 10 after the inesito is still within the term, day 11 is not.
 */
export function isBeyondGiacenzaTerm(inesitoMs: number, outcomeMs: number): boolean {
  return romeDayNumber(outcomeMs) - romeDayNumber(inesitoMs) > 10;
}

/**
 * Date of a PNRN012 (and of the RECAG012 the app writes): the inesito's Europe/Rome calendar date
 * + 10 days, at 00:00 Europe/Rome, as SEND's paper channel does when it compares calendar dates
 * (pn-paper-channel RECRN00XCAbstractMessageHandler, truncated-date mode).
 */
export function giacenzaTermDate(inesitoMs: number): IsoInstant {
  const ymd = [0, 0, 0];
  civilFromDays(romeDayNumber(inesitoMs) + 10, ymd);
  return formatInstant(romeLocalToEpochMs(ymd[0] as number, ymd[1] as number, ymd[2] as number));
}

/** Whole Europe/Rome calendar days from one instant to another. */
export function romeDaysBetween(fromMs: number, toMs: number): number {
  return romeDayNumber(toMs) - romeDayNumber(fromMs);
}
