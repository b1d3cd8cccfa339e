// The sender's detail screen through the real HTTP host: recipients with their own state and
// refinement date, DELIVERED paper sub-labels (DOMAIN.md 13), RADD pickups, availability of acts
// and AAR, timeline in order with labels and legal facts, a legal fact as PDF, explanations.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDemoCase } from '../../core/index.js';
import type { SenderDetailView, SenderFileView } from '../../electron/api/contract/index.js';
import { caseCutAfter, recentCase, startSenderHost, type SenderCase, type SenderHost } from './sender-support.js';

const DAY_MS = 86_400_000;
const giacenzaExpired = caseCutAfter('detail-giacenza-expired', 'GIACENZA_EXPIRED', 'ANALOG_SUCCESS_WORKFLOW');
const giacenzaCollected = caseCutAfter('detail-giacenza-collected', 'GIACENZA_COLLECTED', 'ANALOG_SUCCESS_WORKFLOW');
const radd = recentCase('detail-radd', 'VIEWED_AT_RADD', 20);
const pec = recentCase('detail-pec', 'PEC_FIRST_TRY', 30);
const refused = recentCase('detail-refused', 'REFUSED', 2);
const lateView = recentCase('detail-late-view', 'VIEWED_ONLINE_AFTER_TERM', 120);
const cases: SenderCase[] = [giacenzaExpired, giacenzaCollected, radd, pec, refused, lateView];

let h: SenderHost;
beforeAll(async () => {
  h = await startSenderHost(cases);
});
afterAll(async () => h?.close());

async function detail(iun: string): Promise<SenderDetailView> {
  const r = await h.api<SenderDetailView>('sender.detail', { iun });
  expect(r.error).toBeUndefined();
  return r.data;
}

/** DOMAIN.md 13, as written there: the sub-label of the last paper code. */
const DOMAIN_13: Record<string, string> = {
  RECRN011: 'in giacenza', RECAG011A: 'in giacenza', RECRN003C: 'in giacenza',
  RECAG005C: 'ritirata in giacenza', RECAG006C: 'ritirata in giacenza',
  RECAG008C: 'compiuta giacenza', RECRN005C: 'compiuta giacenza', PNAG012: 'compiuta giacenza', PNRN012: 'compiuta giacenza',
};

function lastLabelledCode(c: SenderCase): string | undefined {
  const codes = c.elements.filter((e) => e.category === 'SEND_ANALOG_PROGRESS' || e.category === 'SEND_ANALOG_FEEDBACK')
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at)).map((e) => String(e.details?.deliveryDetailCode));
  return [...codes].reverse().find((c) => !/^(REC..\d\d\d[BE]|RECAG011B)$/.test(c));
}

describe('sender detail', () => {
  it.each([['holding expired', giacenzaExpired], ['collected at the holding point', giacenzaCollected]])('a DELIVERED paper item %s shows the DOMAIN.md 13 sub-label', async (_name, c) => {
    const d = await detail(c.notification.iun);
    expect(d.status).toBe('DELIVERED');
    const code = lastLabelledCode(c)!;
    expect(DOMAIN_13[code], `last code ${code}`).toBeDefined();
    expect(d.subLabel?.it).toBe(DOMAIN_13[code]);
    expect(d.recipients[0]!.subLabel?.it).toBe(DOMAIN_13[code]);
  });

  it('no sub-label once the notification is no longer DELIVERED', async () => {
    const d = await detail(pec.notification.iun);
    expect(d.status).not.toBe('DELIVERED');
    expect(d.subLabel).toBeNull();
  });

  it('a RADD pickup names the desk kind and who collected', async () => {
    const d = await detail(radd.notification.iun);
    const view = radd.elements.find((e) => e.category === 'NOTIFICATION_VIEWED')!;
    expect(d.raddPickups).toHaveLength(1);
    expect(d.raddPickups[0]).toMatchObject({ kind: 'ACT', by: view.details?.delegateInfo ? 'DELEGATE' : 'RECIPIENT', recipientIndex: view.recipientIndex ?? 0 });
    expect(Date.parse(d.raddPickups[0]!.at)).toBe(Date.parse(view.at));
  });

  it('each recipient has its own refinement date, and acts stay available 120 days after it, the AAR 10 years', async () => {
    const d = await detail(pec.notification.iun);
    const r = d.recipients[0]!;
    expect(r.refinementDate).not.toBeNull();
    const refined = Date.parse(r.refinementDate!);
    expect(Date.parse(r.availability.actsUntil!)).toBe(refined + 120 * DAY_MS);
    expect(new Date(r.availability.aarUntil!).getUTCFullYear()).toBe(new Date(refined).getUTCFullYear() + 10);
    // The host clock is 30 days after the deposit: the acts are still available.
    expect(r.availability.actsAvailable).toBe(true);
    expect(r.explanation.at(-1)!.rule).toBe('DOMAIN 8.3 result');
  });

  it('the timeline is in business-time order, with labels in words and the legal facts of each element', async () => {
    const d = await detail(pec.notification.iun);
    expect(d.timeline).toHaveLength(pec.elements.length);
    const times = d.timeline.map((t) => Date.parse(t.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    for (const t of d.timeline) expect(t.label.it).not.toBe(t.category);
    const accepted = d.timeline.find((t) => t.category === 'REQUEST_ACCEPTED')!;
    expect(accepted.legalFacts.map((f) => f.type)).toEqual(['SENDER_ACK']);
    expect(d.legalFacts.map((f) => f.id).sort()).toEqual(d.timeline.flatMap((t) => t.legalFacts.map((f) => f.id)).sort());
  });

  it('a legal fact downloads as a PDF whose SHA-256 is the one announced', async () => {
    const d = await detail(pec.notification.iun);
    const fact = d.legalFacts.find((f) => f.type === 'DIGITAL_DELIVERY')!;
    const r = await h.api<SenderFileView>('sender.legalFact', { iun: pec.notification.iun, legalFactId: fact.id });
    const bytes = Buffer.from(r.data.base64, 'base64');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(r.data.sha256);
    expect(r.data.fileName).toMatch(/\.pdf$/);
    const missing = await h.api('sender.legalFact', { iun: pec.notification.iun, legalFactId: 'nope' });
    expect(missing.status).toBe(404);
    expect(missing.error?.code).toBe('SENDER_LEGAL_FACT_NOT_FOUND');
  });

  it('names each legal fact by what it is, when and for whom: two PEC receipts never share a file name', async () => {
    const d = await detail(pec.notification.iun);
    const receipts = d.legalFacts.filter((f) => f.type === 'PEC_RECEIPT');
    expect(receipts.length).toBeGreaterThan(1);
    const names = await Promise.all(receipts.map(async (f) => (await h.api<SenderFileView>('sender.legalFact', { iun: pec.notification.iun, legalFactId: f.id })).data.fileName));
    expect(new Set(names).size).toBe(names.length);
    const recipient = pec.notification.recipients[0]!.denomination;
    for (const name of names) expect(name).toMatch(new RegExp(`^${pec.notification.iun} - Ricevuta PEC - \\d{2}-\\d{2}-\\d{4} \\d{2}\\.\\d{2}.* - ${recipient}\\.pdf$`));
  });

  it('says when and why SEND refused a notification, with SEND\'s code and text; no refusal on an accepted one', async () => {
    const d = await detail(refused.notification.iun);
    expect(d.status).toBe('REFUSED');
    const element = refused.elements.find((e) => e.category === 'REQUEST_REFUSED')!;
    const reasons = (element.details as { refusalReasons: { errorCode: string; detail: string }[] }).refusalReasons;
    expect(reasons.length).toBeGreaterThan(0);
    expect(d.refusal).toEqual({ at: d.timeline.find((t) => t.category === 'REQUEST_REFUSED')!.at, reasons: reasons.map((r) => ({ errorCode: r.errorCode, detail: r.detail })) });
    expect((await detail(pec.notification.iun)).refusal).toBeNull();
  });

  it('explains the status with one step per change, from the initial one', async () => {
    const d = await detail(pec.notification.iun);
    expect(d.statusExplanation[0]!.rule).toBe('DOMAIN 3 initial status');
    expect(d.statusExplanation).toHaveLength(d.statusHistory.length);
    expect(d.statusHistory.at(-1)!.status).toBe(d.status);
  });

  it('a view after the term reads "Visualizzata" in the status history as in the badge (DOMAIN.md 3, 8.3)', async () => {
    const d = await detail(lateView.notification.iun);
    expect(d.status).toBe('VIEWED');
    expect(d.statusLabel).toEqual({ it: 'Visualizzata', en: 'Viewed (after term)' });
    expect(d.statusHistory.find((h) => h.status === 'VIEWED')!.label).toEqual(d.statusLabel);
  });

  it('a document not on this computer says so; an unknown IUN is not found', async () => {
    const doc = await h.api('sender.document', { iun: pec.notification.iun, docIndex: 0 });
    expect(doc.error?.code).toBe('SENDER_DOCUMENT_NOT_FOUND');
    const unknown = await h.api('sender.detail', { iun: 'KWKU-JHXN-HJXM-202304-U-1' });
    expect(unknown.status).toBe(404);
    expect(unknown.error?.code).toBe('NOTIFICATION_NOT_FOUND');
  });
});

describe('sender detail, several recipients', () => {
  it('shows each recipient with its own outcome and refinement date', async () => {
    const two = makeDemoCase('detail-two-rec', ['PEC_FIRST_TRY', 'ANALOG_890_DELIVERED'], { recipientCount: 2, sentAt: '2026-10-01T10:00:00+02:00' });
    await h.host.ctx.store.timeline.importNotifications([{ notification: two.notification, elements: two.timeline }]);
    const d = await detail(two.notification.iun);
    expect(d.recipients).toHaveLength(2);
    expect(d.recipients.map((r) => r.channel)).toEqual(['DIGITAL', 'ANALOG']);
    expect(d.recipients[0]!.refinementDate).not.toBe(d.recipients[1]!.refinementDate);
    expect(d.recipients.every((r) => r.explanation.length > 0)).toBe(true);
  });
});
