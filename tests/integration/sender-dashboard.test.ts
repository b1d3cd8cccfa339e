// The sender dashboard through the real HTTP host, checked against the deposited cases: counts by
// status, per-day deposits, channels, mean time to delivery, PEC failures by cause, refinements
// due in the next 7 days and failures needing action (DOMAIN.md 3, 8, 12).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pecFailureLabel } from '../../core/index.js';
import type { DashboardView } from '../../electron/api/contract/index.js';
import { NOW, SENDER, standardCases, startSenderHost, type SenderHost } from './sender-support.js';

let h: SenderHost;
const cases = standardCases();
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const nowMs = Date.parse(NOW);
const romeDay = (iso: string) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Rome' }).format(new Date(iso));
const inLast30 = (iso: string) => romeDay(iso) >= '2026-10-28' && romeDay(iso) <= '2026-11-26';
const recent = cases.filter((c) => inLast30(c.notification.sentAt));

beforeAll(async () => {
  h = await startSenderHost(cases);
});
afterAll(async () => h?.close());

async function dashboard(input: unknown = {}): Promise<DashboardView> {
  const r = await h.api<DashboardView>('sender.dashboard', input);
  expect(r.error).toBeUndefined();
  return r.data;
}

describe('sender dashboard', () => {
  it('the last 30 days are 2026-10-28 to 2026-11-26 (Rome days), and 3 months start on 2026-08-27', async () => {
    expect((await dashboard()).period).toEqual({ from: '2026-10-28', to: '2026-11-26', days: 30 });
    expect((await dashboard({ period: '3m' })).period.from).toBe('2026-08-27');
    expect((await dashboard({ period: '12m' })).period.from).toBe('2025-11-27');
  });

  it('counts the notifications deposited in the period by current status, and per deposit day', async () => {
    const d = await dashboard();
    expect(d.total).toBe(recent.length);
    for (const s of d.statusCounts) {
      let expected = 0;
      for (const c of recent) if ((await h.host.ctx.store.notifications.statusOf(c.notification.iun)) === s.status) expected++;
      expect(s.count, s.status).toBe(expected);
    }
    expect(d.perDay).toHaveLength(30);
    for (const c of recent) expect(d.perDay.find((p) => p.day === romeDay(c.notification.sentAt))!.sent).toBeGreaterThan(0);
    expect(d.perDay.reduce((a, p) => a + p.sent, 0)).toBe(recent.length);
  });

  it('splits recipients by channel of their outcome (digital failure counts as digital)', async () => {
    const d = await dashboard();
    const store = h.host.ctx.store.knex;
    const outcomes = await store('recipients').whereIn('nid', store('notifications').select('nid').whereIn('iun', recent.map((c) => c.notification.iun))).select('outcome');
    const digital = outcomes.filter((o) => ['DIGITAL_DELIVERED', 'DIGITAL_FAILED'].includes(o.outcome)).length;
    const analog = outcomes.filter((o) => ['ANALOG_DELIVERED', 'UNREACHABLE', 'DECEASED'].includes(o.outcome)).length;
    expect(d.channels).toEqual({ DIGITAL: digital, ANALOG: analog, NONE: outcomes.length - digital - analog });
  });

  it('the mean time to delivery is over the workflow ends of the period, from their deposits', async () => {
    const d = await dashboard();
    const ends = cases.flatMap((c) => c.elements
      .filter((e) => ['DIGITAL_DELIVERY_CREATION_REQUEST', 'ANALOG_SUCCESS_WORKFLOW'].includes(e.category) && inLast30(e.at))
      .map((e) => Date.parse(e.at) - Date.parse(c.notification.sentAt)));
    expect(ends.length).toBeGreaterThan(0);
    expect(d.meanMs.delivered!).toBeCloseTo(ends.reduce((a, b) => a + b, 0) / ends.length, -4);
    expect(d.perDay.reduce((a, p) => a + p.delivered, 0)).toBe(ends.length);
  });

  it('counts failed PEC deliveries by cause', async () => {
    const d = await dashboard();
    const causes = new Map<string, number>();
    for (const c of cases) for (const e of c.elements) {
      if (e.category === 'SEND_DIGITAL_FEEDBACK' && e.details?.responseStatus === 'KO' && inLast30(e.at)) {
        const k = String(e.details.deliveryFailureCause ?? e.details.deliveryDetailCode);
        causes.set(k, (causes.get(k) ?? 0) + 1);
      }
    }
    expect(new Map(d.digitalFailures.map((f) => [f.cause, f.count]))).toEqual(causes);
  });

  it('labels each cause in both languages: a known provider text translated, a PEC code with its meaning', async () => {
    const d = await dashboard();
    expect(d.digitalFailures.length).toBeGreaterThan(0);
    for (const f of d.digitalFailures) expect(f.label, f.cause).toEqual(pecFailureLabel(f.cause));
    const full = d.digitalFailures.find((f) => f.cause === 'casella piena');
    if (full) expect(full.label).toEqual({ it: 'casella piena', en: 'mailbox full' });
  });

  /** The recipients refined by lapse of time in [start, end), by `iun/recIndex`. */
  async function termRefinements(host: SenderHost, start: number, end: number): Promise<string[]> {
    const out: string[] = [];
    for (const c of cases) {
      const rec = await host.host.ctx.store.notifications.getByIun(c.notification.iun);
      rec!.derived.perRecipient.forEach((r) => {
        const t = r.refinementDate ? Date.parse(r.refinementDate) : NaN;
        if (r.refinedBy === 'TERM' && t >= start && t < end) out.push(`${c.notification.iun}/${r.recipientIndex}`);
      });
    }
    return out.sort();
  }

  it('counts and lists the refinements by lapse of time due from now to the end of the 7th Rome day after today', async () => {
    const d = await dashboard();
    expect(d.refinementsDue).toMatchObject({ since: NOW, from: '2026-11-26', to: '2026-12-03' });
    const expected = await termRefinements(h, nowMs, Date.parse('2026-12-04T00:00:00+01:00'));
    expect(expected.length).toBeGreaterThan(0);
    expect(d.refinementsDue.count).toBe(expected.length);
    expect(d.refinementsDue.items.map((i) => `${i.iun}/${i.recipientIndex}`).sort()).toEqual(expected);
    // The UNREACHABLE case was refined this morning: done, not due.
    const past = await termRefinements(h, Date.parse('2026-11-26T00:00:00+01:00'), nowMs);
    expect(past.length).toBeGreaterThan(0);
    expect(d.refinementsDue.items.map((i) => `${i.iun}/${i.recipientIndex}`)).not.toContain(past[0]);
  });

  it('counts a refinement later today, first in the list (the clock an hour before it, the same Rome day)', async () => {
    const target = (await dashboard()).refinementsDue.items.find((i) => romeDay(i.refinementDate) === romeDay(new Date(Date.parse(i.refinementDate) - HOUR_MS).toISOString()))!;
    const now = Date.parse(target.refinementDate) - HOUR_MS;
    const later = await startSenderHost(cases, new Date(now).toISOString());
    try {
      const r = await later.api<DashboardView>('sender.dashboard', {});
      expect(r.error).toBeUndefined();
      const due = r.data.refinementsDue;
      expect(`${due.items[0]!.iun}/${due.items[0]!.recipientIndex}`).toBe(`${target.iun}/${target.recipientIndex}`);
      expect(due.from).toBe(romeDay(target.refinementDate));
      const expected = await termRefinements(later, now, Date.parse(`${due.to}T00:00:00+01:00`) + DAY_MS);
      expect(due.count).toBe(expected.length);
    } finally {
      await later.close();
    }
  });

  it('lists the failures needing action: unreachable, refused, returned to sender', async () => {
    const d = await dashboard();
    const expected: string[] = [];
    for (const c of recent) {
      const s = await h.host.ctx.store.notifications.statusOf(c.notification.iun);
      if (s === 'UNREACHABLE' || s === 'REFUSED' || s === 'RETURNED_TO_SENDER') expected.push(c.notification.iun);
    }
    expect(expected.length).toBeGreaterThan(1);
    expect(d.needsAction.count).toBe(expected.length);
    expect(d.needsAction.items.map((i) => i.iun).sort()).toEqual(expected.sort());
  });

  it('restricts to one sender, and refuses an inverted custom period', async () => {
    const d = await dashboard({ senderTaxId: SENDER.taxId });
    expect(d.total).toBe(recent.filter((c) => c.notification.senderTaxId === SENDER.taxId).length);
    const bad = await h.api('sender.dashboard', { period: 'custom', from: '2026-11-20', to: '2026-11-01' });
    expect(bad.error?.details?.fields?.[0]?.code).toBe('SENDER_PERIOD_INVALID');
    const custom = await dashboard({ period: 'custom', from: '2026-11-20', to: '2026-11-26' });
    expect(custom.period.days).toBe(7);
  });
});
