import { describe, expect, it } from 'vitest';
import { deriveNotification } from '../engine/index.js';
import type { DerivedNotification, NotificationStatus, PhysicalCommunicationType, RecipientOutcome, TimelineElementInput } from '../model/types.js';
import { DAY_MS, HOUR_MS, MINUTE_MS, parseInstant, romeWallClock } from '../time/index.js';
import { makeDemoCase, simulateTimeline, simulateUntil, type SimulationPath } from './index.js';
import { makeDemoNotification } from './demo-notification.js';

const SEEDS = Array.from({ length: 12 }, (_, i) => i * 7919 + 1);
const ms = (iso: string): number => parseInstant(iso);

function derive(n: { iun: string; sentAt: string; recipients: unknown[] }, timeline: TimelineElementInput[]) {
  return deriveNotification({ iun: n.iun, sentAt: n.sentAt, recipientCount: n.recipients.length }, timeline);
}

// The term rule of DOMAIN.md 8.1, restated here independently of the simulator.
function after21Rome(t: number): boolean {
  const w = romeWallClock(t);
  return w.hour * HOUR_MS + w.minute * MINUTE_MS + w.second * 1000 + w.millisecond > 21 * HOUR_MS;
}
function expectedTerm(timeline: TimelineElementInput[], rec: number): number | null {
  const own = timeline.filter((e) => e.recipientIndex === rec);
  const last = (category: string, pred: (e: TimelineElementInput) => boolean = () => true) => [...own].reverse().find((e) => e.category === category && pred(e));
  const end = own.find((e) => ['DIGITAL_DELIVERY_CREATION_REQUEST', 'ANALOG_SUCCESS_WORKFLOW', 'ANALOG_FAILURE_WORKFLOW', 'ANALOG_WORKFLOW_RECIPIENT_DECEASED'].includes(e.category));
  if (!end || end.category === 'ANALOG_WORKFLOW_RECIPIENT_DECEASED') return null;
  if (end.category === 'DIGITAL_DELIVERY_CREATION_REQUEST' && end.details?.endWorkflowStatus === 'FAILURE') return ms(end.at) + 15 * DAY_MS;
  if (end.category === 'DIGITAL_DELIVERY_CREATION_REQUEST') {
    const b = ms(last('SEND_DIGITAL_FEEDBACK', (e) => e.details?.responseStatus === 'OK')!.at);
    return b + (after21Rome(b) ? 8 : 7) * DAY_MS;
  }
  if (end.category === 'ANALOG_SUCCESS_WORKFLOW') return ms(last('SEND_ANALOG_FEEDBACK', (e) => e.details?.responseStatus === 'OK')!.at) + 10 * DAY_MS;
  return ms(end.at) + 10 * DAY_MS;
}

function checkRefinement(result: DerivedNotification, timeline: TimelineElementInput[], rec: number): void {
  const s = expectedTerm(timeline, rec);
  const view = timeline.find((e) => e.category === 'NOTIFICATION_VIEWED' && e.recipientIndex === rec);
  const v = view ? ms(view.at) : null;
  const expected = v !== null && (s === null || v <= s) ? v : s;
  const got = result.perRecipient[rec]!.refinementDate;
  expect(got === null ? null : ms(got)).toBe(expected);
  for (const e of timeline.filter((x) => x.recipientIndex === rec)) {
    if (e.category === 'REFINEMENT') expect(ms(e.at)).toBe(s);
    if (e.category === 'SCHEDULE_REFINEMENT') expect(ms(e.details?.schedulingDate as string)).toBe(s);
  }
}

type Row = [SimulationPath, PhysicalCommunicationType, NotificationStatus[], RecipientOutcome[], 'TERM' | 'VIEWING' | null];
const ROWS: Row[] = [
  ['PEC_FIRST_TRY', 'AR_REGISTERED_LETTER', ['EFFECTIVE_DATE'], ['DIGITAL_DELIVERED'], 'TERM'],
  ['PEC_FAIL_SECOND_CYCLE', 'REGISTERED_LETTER_890', ['EFFECTIVE_DATE'], ['DIGITAL_DELIVERED'], 'TERM'],
  ['DIGITAL_FAILURE_RS', 'AR_REGISTERED_LETTER', ['EFFECTIVE_DATE'], ['DIGITAL_FAILED'], 'TERM'],
  ['ANALOG_890_DELIVERED', 'REGISTERED_LETTER_890', ['EFFECTIVE_DATE'], ['ANALOG_DELIVERED'], 'TERM'],
  ['ANALOG_AR_DELIVERED', 'AR_REGISTERED_LETTER', ['EFFECTIVE_DATE'], ['ANALOG_DELIVERED'], 'TERM'],
  ['GIACENZA_COLLECTED', 'AR_REGISTERED_LETTER', ['EFFECTIVE_DATE'], ['ANALOG_DELIVERED'], 'TERM'],
  ['GIACENZA_COLLECTED', 'REGISTERED_LETTER_890', ['EFFECTIVE_DATE'], ['ANALOG_DELIVERED'], 'TERM'],
  ['GIACENZA_EXPIRED', 'AR_REGISTERED_LETTER', ['EFFECTIVE_DATE'], ['ANALOG_DELIVERED'], 'TERM'],
  ['GIACENZA_EXPIRED', 'REGISTERED_LETTER_890', ['EFFECTIVE_DATE'], ['ANALOG_DELIVERED'], 'TERM'],
  ['UNREACHABLE', 'REGISTERED_LETTER_890', ['EFFECTIVE_DATE'], ['UNREACHABLE'], 'TERM'],
  ['UNREACHABLE', 'AR_REGISTERED_LETTER', ['EFFECTIVE_DATE'], ['UNREACHABLE'], 'TERM'],
  ['DECEASED', 'AR_REGISTERED_LETTER', ['RETURNED_TO_SENDER'], ['DECEASED'], null],
  ['DECEASED', 'REGISTERED_LETTER_890', ['RETURNED_TO_SENDER'], ['DECEASED'], null],
  ['VIEWED_AT_RADD', 'AR_REGISTERED_LETTER', ['VIEWED'], ['ANALOG_DELIVERED'], 'VIEWING'],
  ['VIEWED_AT_RADD', 'REGISTERED_LETTER_890', ['VIEWED'], ['ANALOG_DELIVERED'], 'VIEWING'],
  ['VIEWED_ONLINE_AFTER_TERM', 'AR_REGISTERED_LETTER', ['VIEWED'], ['DIGITAL_DELIVERED', 'ANALOG_DELIVERED'], 'TERM'],
  ['REFUSED', 'REGISTERED_LETTER_890', ['REFUSED'], ['NOT_SENT'], null],
  ['CANCELLED', 'AR_REGISTERED_LETTER', ['CANCELLED'], ['IN_PROGRESS'], null],
  ['IN_PROGRESS', 'REGISTERED_LETTER_890', ['ACCEPTED', 'DELIVERING'], ['IN_PROGRESS'], null],
];

describe('simulated timelines derive cleanly (DOMAIN.md 4-8)', () => {
  it.each(ROWS)('%s (%s) ends in the expected status and outcome, without errors or warnings', (path, product, statuses, outcomes, refinedBy) => {
    for (const seed of SEEDS) {
      const { notification: n, timeline } = makeDemoCase(seed, path, { physicalCommunicationType: product });
      const { result, errors } = derive(n, timeline);
      expect(errors, `${path} seed ${seed}`).toEqual([]);
      expect(result.warnings, `${path} seed ${seed}`).toEqual([]);
      expect(statuses).toContain(result.status);
      expect(outcomes).toContain(result.perRecipient[0]!.outcome);
      expect(result.perRecipient[0]!.refinedBy).toBe(refinedBy);
      checkRefinement(result, timeline, 0);
    }
  });

  it('derives mixed multi-recipient notifications without errors, each recipient with its own outcome', () => {
    const paths: SimulationPath[] = ['PEC_FIRST_TRY', 'UNREACHABLE', 'VIEWED_AT_RADD'];
    for (const seed of SEEDS) {
      const { notification: n, timeline } = makeDemoCase(seed, paths, { physicalCommunicationType: 'REGISTERED_LETTER_890' });
      const { result, errors } = derive(n, timeline);
      expect(errors).toEqual([]);
      expect(result.warnings).toEqual([]);
      expect(result.perRecipient.map((r) => r.outcome)).toEqual(['DIGITAL_DELIVERED', 'UNREACHABLE', 'ANALOG_DELIVERED']);
      expect(result.status).toBe('VIEWED');
      for (const rec of [0, 1, 2]) checkRefinement(result, timeline, rec);
    }
  });

  it('goes through UNREACHABLE before the term for an unreachable recipient', () => {
    const { notification: n, timeline } = makeDemoCase(5, 'UNREACHABLE');
    expect(derive(n, timeline).result.statusHistory.map((h) => h.status)).toEqual(['IN_VALIDATION', 'ACCEPTED', 'DELIVERING', 'UNREACHABLE', 'EFFECTIVE_DATE']);
  });
});

describe('simulated timelines follow the scenario patterns (DOMAIN.md 5, 7)', () => {
  it('is deterministic from the seed', () => {
    const n = makeDemoNotification(42, { paths: 'UNREACHABLE' });
    expect(simulateTimeline(n, 'UNREACHABLE', 9)).toEqual(simulateTimeline(n, 'UNREACHABLE', 9));
    expect(simulateTimeline(n, 'UNREACHABLE', 9)).not.toEqual(simulateTimeline(n, 'UNREACHABLE', 10));
  });

  it.each(ROWS.map((r) => [r[0], r[1]] as const))('%s (%s) is sorted by business time and starts after the deposit', (path, product) => {
    for (const seed of SEEDS.slice(0, 4)) {
      const { notification: n, timeline } = makeDemoCase(seed, path, { physicalCommunicationType: product });
      const times = timeline.map((e) => ms(e.at));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(times[0]).toBeGreaterThan(ms(n.sentAt));
      for (const e of timeline) expect(e.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[12]:00$/);
    }
  });

  it('collects a giacenza within 10 Rome calendar days of the inesito, with the C as final', () => {
    for (const seed of SEEDS) {
      for (const product of ['AR_REGISTERED_LETTER', 'REGISTERED_LETTER_890'] as const) {
        const { timeline } = makeDemoCase(seed, 'GIACENZA_COLLECTED', { physicalCommunicationType: product });
        const inesito = timeline.find((e) => ['RECRN010', 'RECAG010'].includes(e.details?.deliveryDetailCode as string))!;
        const final = timeline.find((e) => e.category === 'SEND_ANALOG_FEEDBACK')!;
        expect(['RECRN003C', 'RECAG005C']).toContain(final.details?.deliveryDetailCode);
        const day = (iso: string) => Math.floor((ms(iso) + romeWallClock(ms(iso)).offsetMinutes * MINUTE_MS) / DAY_MS);
        expect(day(final.at) - day(inesito.at)).toBeLessThanOrEqual(10);
      }
    }
  });

  it('dates PNRN012 / PNAG012 at 00:00 Rome of the tenth day after the inesito', () => {
    for (const product of ['AR_REGISTERED_LETTER', 'REGISTERED_LETTER_890'] as const) {
      const { timeline } = makeDemoCase(3, 'GIACENZA_EXPIRED', { physicalCommunicationType: product });
      const inesito = romeWallClock(ms(timeline.find((e) => ['RECRN010', 'RECAG010'].includes(e.details?.deliveryDetailCode as string))!.at));
      const final = timeline.find((e) => e.category === 'SEND_ANALOG_FEEDBACK')!;
      expect(final.details?.deliveryDetailCode).toBe(product === 'AR_REGISTERED_LETTER' ? 'PNRN012' : 'PNAG012');
      const w = romeWallClock(ms(final.at));
      expect([w.hour, w.minute, w.second]).toEqual([0, 0, 0]);
      const expectedDay = new Date(Date.UTC(inesito.year, inesito.month - 1, inesito.day + 10));
      expect([w.year, w.month, w.day]).toEqual([expectedDay.getUTCFullYear(), expectedDay.getUTCMonth() + 1, expectedDay.getUTCDate()]);
    }
  });

  it('writes a desk view with raddType ALT and the operation as raddTransactionId', () => {
    const { timeline } = makeDemoCase(11, 'VIEWED_AT_RADD');
    const view = timeline.find((e) => e.category === 'NOTIFICATION_VIEWED')!;
    expect(view.details).toMatchObject({ raddType: 'ALT' });
    expect(view.details?.raddTransactionId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(timeline.some((e) => e.category === 'REFINEMENT')).toBe(false);
  });

  it('refuses a per-recipient list of the wrong length or with a notification-level path', () => {
    const n = makeDemoNotification(1, { recipientCount: 2 });
    expect(() => simulateTimeline(n, ['PEC_FIRST_TRY'], 1)).toThrow(expect.objectContaining({ code: 'SIMULATION_PATH_INVALID' }));
    expect(() => simulateTimeline(n, ['REFUSED', 'PEC_FIRST_TRY'], 1)).toThrow(expect.objectContaining({ code: 'SIMULATION_PATH_INVALID' }));
  });
});

describe('simulateUntil', () => {
  it('reveals exactly the elements whose business time has come', () => {
    const n = makeDemoNotification(8, { paths: 'UNREACHABLE' });
    const full = simulateTimeline(n, 'UNREACHABLE', 4);
    const now = full[Math.floor(full.length / 2)]!.at;
    const shown = simulateUntil(n, 'UNREACHABLE', 4, now);
    expect(shown).toEqual(full.filter((e) => ms(e.at) <= ms(now)));
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(full.length);
  });

  it('shows nothing before the deposit is accepted and everything once the story is over', () => {
    const n = makeDemoNotification(8, { paths: 'PEC_FIRST_TRY' });
    expect(simulateUntil(n, 'PEC_FIRST_TRY', 4, n.sentAt)).toEqual([]);
    expect(simulateUntil(n, 'PEC_FIRST_TRY', 4, '2099-01-01T00:00:00Z')).toEqual(simulateTimeline(n, 'PEC_FIRST_TRY', 4));
  });

  it('derives cleanly at every reveal step', () => {
    const n = makeDemoNotification(21, { paths: 'DIGITAL_FAILURE_RS' });
    for (const e of simulateTimeline(n, 'DIGITAL_FAILURE_RS', 2)) {
      const { result, errors } = derive(n, simulateUntil(n, 'DIGITAL_FAILURE_RS', 2, e.at));
      expect(errors).toEqual([]);
      expect(result.warnings).toEqual([]);
    }
  });
});
