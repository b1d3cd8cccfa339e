// Sender-office test data (core only, no host): simulator cases deposited a few days before a
// "now", for one sender of ours, with the timeline SEND would have written by then. Used by the
// sender integration tests (sender-support.ts) and the sender e2e spec.
import { makeDemoCase, formatInstant, parseInstant, type Notification, type SimulationPath, type TimelineElementInput } from '../../core/index.js';
import type { Store } from '../../db/store.js';

export const NOW = '2026-11-26T12:00:00+01:00';
export const SENDER = { taxId: '01199250158', denomination: 'Comune di Milano' };
export const OTHER_SENDER = { taxId: '02438750586', denomination: 'Roma Capitale' };
const DAY_MS = 86_400_000;

export interface SenderCase {
  notification: Notification;
  elements: TimelineElementInput[];
  path: SimulationPath;
}

/** A case deposited `daysAgo` days before `now`, timeline cut at `now`. */
export function recentCase(seed: string, path: SimulationPath, daysAgo: number, opts: { now?: string; sender?: typeof SENDER; group?: string; protocol?: string } = {}): SenderCase {
  const now = opts.now ?? NOW;
  const sentAt = formatInstant(parseInstant(now) - daysAgo * DAY_MS);
  const c = makeDemoCase(seed, path, { sentAt });
  const sender = opts.sender ?? SENDER;
  const notification: Notification = { ...c.notification, senderTaxId: sender.taxId, senderDenomination: sender.denomination };
  if (opts.group) notification.group = opts.group;
  if (opts.protocol) notification.paProtocolNumber = opts.protocol;
  return { notification, elements: c.timeline.filter((e) => parseInstant(e.at) <= parseInstant(now)), path };
}

/** A case cut right after a category (e.g. DELIVERED just after ANALOG_SUCCESS_WORKFLOW). */
export function caseCutAfter(seed: string, path: SimulationPath, category: string): SenderCase {
  const c = makeDemoCase(seed, path);
  const at = c.timeline.find((e) => e.category === category)?.at;
  if (!at) throw new Error(`${path} has no ${category}`);
  const notification: Notification = { ...c.notification, senderTaxId: SENDER.taxId, senderDenomination: SENDER.denomination };
  return { notification, elements: c.timeline.filter((e) => parseInstant(e.at) <= parseInstant(at)), path };
}

/** The standard set: a month of deposits in various states, two senders, a group, protocol numbers. */
export function standardCases(now = NOW): SenderCase[] {
  const plan: [SimulationPath, number][] = [
    ['PEC_FIRST_TRY', 1], ['PEC_FIRST_TRY', 3], ['PEC_FIRST_TRY', 20], ['ANALOG_890_DELIVERED', 12], ['ANALOG_AR_DELIVERED', 25],
    ['DIGITAL_FAILURE_RS', 15], ['UNREACHABLE', 28], ['VIEWED_AT_RADD', 9], ['REFUSED', 2], ['CANCELLED', 6], ['IN_PROGRESS', 0],
    ['GIACENZA_EXPIRED', 27], ['PEC_FAIL_SECOND_CYCLE', 18], ['DECEASED', 29], ['PEC_FIRST_TRY', 45], ['ANALOG_890_DELIVERED', 80],
  ];
  return plan.map(([path, days], i) => recentCase(`sender-${i}`, path, days, {
    now,
    sender: i % 5 === 4 ? OTHER_SENDER : SENDER,
    ...(i % 3 === 0 ? { group: 'tributi' } : {}),
    protocol: `PG/2026/${String(1000 + i).padStart(7, '0')}`,
  }));
}

export async function importCases(store: Store, cases: readonly SenderCase[]): Promise<void> {
  await store.timeline.importNotifications(cases.map((c) => ({ notification: c.notification, elements: c.elements })), { keepEngineState: true });
}

