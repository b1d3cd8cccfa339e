// Notifications with paper items in the states the postal desk works on, built with the core's
// simulator and cut before the outcome the test records (DOMAIN.md 7.3): an 890 sent, an AR in
// giacenza, an AR in giacenza for more than 30 days, an 890 in giacenza, a second attempt sent
// after a first-attempt KO, and plain sent items for the batch and the CSV import.
// Times are relative to `nowMs` (the e2e host runs on the real clock, integration tests on theirs).
import {
  formatInstant,
  makeDemoCase,
  tryParseInstant,
  type Notification,
  type SimulationPath,
  type TimelineElementInput,
} from '../../../core/index.js';
import type { Store } from '../../../db/store.js';

export interface PostalCase {
  notification: Notification;
  timeline: TimelineElementInput[];
  iun: string;
  /** `<IUN>/<recIndex>/<attempt>` of the item the test works on. */
  itemCode: string;
}

const DAY = 86_400_000;
const code = (e: TimelineElementInput) => String(e.details?.deliveryDetailCode ?? '');
const attemptOf = (e: TimelineElementInput) => Number(e.details?.sentAttemptMade ?? 0);

/** The elements before the first one matching `stop`. */
function before(timeline: TimelineElementInput[], stop: (e: TimelineElementInput) => boolean): TimelineElementInput[] {
  const i = timeline.findIndex(stop);
  return i < 0 ? timeline : timeline.slice(0, i);
}

/** The elements up to and including the first one matching `last`. */
function through(timeline: TimelineElementInput[], last: (e: TimelineElementInput) => boolean): TimelineElementInput[] {
  const i = timeline.findIndex(last);
  return i < 0 ? [] : timeline.slice(0, i + 1);
}

interface Spec {
  prefix: string;
  path: SimulationPath;
  product: '890' | 'AR';
  daysAgo: number;
  cut: (t: TimelineElementInput[]) => TimelineElementInput[];
  /** Must hold on the cut timeline (e.g. "the giacenza began more than 30 days ago"). */
  accept: (t: TimelineElementInput[], nowMs: number) => boolean;
  attempt?: 0 | 1;
}

const lastAt = (t: TimelineElementInput[]) => Math.max(...t.map((e) => tryParseInstant(e.at)));
const settled = (hours: number) => (t: TimelineElementInput[], nowMs: number) => t.length > 0 && lastAt(t) <= nowMs - hours * 3_600_000;

/** The first seed of `prefix` whose cut timeline satisfies the spec (deterministic for a given day). */
function pick(spec: Spec, nowMs: number, taken: Set<string>): PostalCase {
  for (let i = 0; i < 400; i++) {
    const sentAt = formatInstant(Math.floor((nowMs - spec.daysAgo * DAY) / 60_000) * 60_000 + i * 3_600_000);
    const c = makeDemoCase(`${spec.prefix}-${i}`, spec.path, {
      sentAt, recipientTypes: ['PF'],
      physicalCommunicationType: spec.product === '890' ? 'REGISTERED_LETTER_890' : 'AR_REGISTERED_LETTER',
    });
    if (taken.has(c.notification.iun)) continue;
    const timeline = spec.cut(c.timeline);
    if (!spec.accept(timeline, nowMs)) continue;
    taken.add(c.notification.iun);
    return { notification: c.notification, timeline, iun: c.notification.iun, itemCode: `${c.notification.iun}/0/${spec.attempt ?? 0}` };
  }
  throw new Error(`no simulated case fits ${spec.prefix}`);
}

const isOutcomeOf = (attempt: number) => (e: TimelineElementInput) =>
  (e.category === 'SEND_ANALOG_PROGRESS' || e.category === 'SEND_ANALOG_FEEDBACK') && attemptOf(e) === attempt && code(e).startsWith('REC');

/** A sent item, cut before its first postal outcome. */
const sent = (prefix: string, product: '890' | 'AR', daysAgo = 20): Spec => ({
  prefix, product, daysAgo, path: product === '890' ? 'ANALOG_890_DELIVERED' : 'ANALOG_AR_DELIVERED',
  cut: (t) => before(t, isOutcomeOf(0)), accept: settled(6),
});

export interface PostalCases {
  sent890: PostalCase;
  sentAr: PostalCase;
  arInGiacenza: PostalCase;
  arGiacenzaOld: PostalCase;
  n890InGiacenza: PostalCase;
  arForSecondAttempt: PostalCase;
  arForNoAddress: PostalCase;
  secondAttemptSent: PostalCase;
  batch: PostalCase[];
  csv: PostalCase[];
}

export function buildPostalCases(nowMs: number, batchSize = 20, csvSize = 7): PostalCases {
  const taken = new Set<string>();
  const at = (prefix: string, spec: Spec) => pick({ ...spec, prefix }, nowMs, taken);
  const giacenzaSince = (days: [number, number]) => (t: TimelineElementInput[], now: number) => {
    const held = t.find((e) => code(e) === 'RECRN011' || code(e) === 'RECAG011A');
    const age = held ? (now - tryParseInstant(held.at)) / DAY : -1;
    return settled(6)(t, now) && age >= days[0] && age <= days[1];
  };
  return {
    sent890: at('postal-890', sent('', '890')),
    sentAr: at('postal-ar', sent('', 'AR')),
    arInGiacenza: at('postal-ar-held', {
      prefix: '', path: 'GIACENZA_COLLECTED', product: 'AR', daysAgo: 20,
      cut: (t) => through(t, (e) => code(e) === 'RECRN011'), accept: giacenzaSince([1, 8]),
    }),
    arGiacenzaOld: at('postal-ar-old', {
      prefix: '', path: 'GIACENZA_EXPIRED', product: 'AR', daysAgo: 60,
      cut: (t) => through(t, (e) => code(e) === 'RECRN011'), accept: giacenzaSince([31, 50]),
    }),
    n890InGiacenza: at('postal-890-held', {
      prefix: '', path: 'GIACENZA_COLLECTED', product: '890', daysAgo: 18,
      cut: (t) => through(t, (e) => code(e) === 'RECAG011A'), accept: giacenzaSince([1, 8]),
    }),
    arForSecondAttempt: at('postal-ar-ko', sent('', 'AR')),
    arForNoAddress: at('postal-ar-noaddr', sent('', 'AR')),
    secondAttemptSent: at('postal-second', {
      prefix: '', path: 'UNREACHABLE', product: 'AR', daysAgo: 45, attempt: 1,
      cut: (t) => before(t, isOutcomeOf(1)),
      accept: (t, now) => settled(6)(t, now) && t.some((e) => e.category === 'SEND_ANALOG_DOMICILE' && attemptOf(e) === 1),
    }),
    batch: Array.from({ length: batchSize }, (_, i) => at(`postal-batch-${i}`, sent('', i % 2 === 0 ? 'AR' : '890'))),
    csv: Array.from({ length: csvSize }, (_, i) => at(`postal-csv-${i}`, sent('', 'AR'))),
  };
}

/** `n` more items of one kind for benchmarks: sent (no outcome yet) or held in an AR giacenza. */
export function buildManyCases(nowMs: number, n: number, kind: 'sent' | 'held', prefix = 'postal-bench'): PostalCase[] {
  const taken = new Set<string>();
  const held: Spec = {
    prefix: '', path: 'GIACENZA_COLLECTED', product: 'AR', daysAgo: 20,
    cut: (t) => through(t, (e) => code(e) === 'RECRN011'), accept: settled(6),
  };
  return Array.from({ length: n }, (_, i) => pick({ ...(kind === 'sent' ? sent('', i % 2 ? '890' : 'AR') : held), prefix: `${prefix}-${kind}-${i}` }, nowMs, taken));
}

export function allCases(c: PostalCases): PostalCase[] {
  return [c.sent890, c.sentAr, c.arInGiacenza, c.arGiacenzaOld, c.n890InGiacenza, c.arForSecondAttempt, c.arForNoAddress, c.secondAttemptSent, ...c.batch, ...c.csv];
}

/** Inserts the cases (notification + cut timeline, derived by the engine) into a store. */
export async function seedPostalCases(store: Pick<Store, 'timeline'>, cases: PostalCases | PostalCase[]): Promise<void> {
  const list = Array.isArray(cases) ? cases : allCases(cases);
  const result = await store.timeline.importNotifications(
    list.map((c) => ({ notification: c.notification, elements: c.timeline })),
    { keepEngineState: true },
  );
  if (result.rejected.length > 0) throw new Error(`postal cases refused by the store: ${JSON.stringify(result.rejected[0])}`);
}

/** A valid IUN that no case and no demo notification uses. */
export const UNKNOWN_IUN = 'KWKU-JHXN-HJXM-202304-U-1';

/** Europe/Rome wall-clock text `YYYY-MM-DDTHH:MM` of an instant, as the date picker sends it. */
export function romeLocal(ms: number): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .formatToParts(new Date(ms));
  const p = (t: string) => parts.find((x) => x.type === t)!.value;
  return `${p('year')}-${p('month')}-${p('day')}T${p('hour')}:${p('minute')}`;
}
