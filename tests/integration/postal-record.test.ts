// The postal desk's single-outcome path through the real HTTP host and a real SQLite store:
// finding an item by its code, recording by meaning (timeline, derived state, analog_outcomes,
// outbox in one transaction), and the refusals that must leave nothing written (DOMAIN.md 7.3, 7.4).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays24h, formatInstant, parseInstant } from '../../core/index.js';
import type { FindItemResult, PostalItemView, RecordedOutcomeView } from '../../electron/api/contract/postal-views.js';
import { UNKNOWN_IUN } from '../e2e/data/postal-cases.js';
import { NOW_MS, PNG_1x1, romeLocal, startPostalHost, uploadScan, type PostalHost } from './postal-support.js';

let h: PostalHost;
const HOUR = 3_600_000;

beforeAll(async () => {
  h = await startPostalHost();
});
afterAll(async () => h?.close());

describe('finding a paper item', () => {
  it('selects the only open item of an IUN scanned alone and lists what may be recorded with its codes', async () => {
    const c = h.cases.sent890;
    const found = await h.ok<FindItemResult>('postal.findItem', { code: c.iun.replace(/-/g, '').toLowerCase() });
    expect(found.selected).toBe(c.itemCode);
    const item = found.items.find((i) => i.code === found.selected)!;
    expect(item).toMatchObject({ productType: '890', attempt: 0, state: 'OPEN', iun: c.iun });
    const delivered = item.allowed.find((o) => o.kind === 'DELIVERED_TO_RECIPIENT');
    expect(delivered).toMatchObject({ codes: ['RECAG001A', 'RECAG001C'], final: 'OK', blockedNow: null });
    expect(item.allowed.find((o) => o.kind === 'UNDELIVERED')).toMatchObject({ final: 'KO', asksNextStep: true });
    expect(item.allowed.map((o) => o.kind)).not.toContain('COLLECTED_FROM_GIACENZA');
  });

  it('reads the paper channel requestId and IUN/recipient/attempt as the same item', async () => {
    const c = h.cases.sent890;
    const byRequest = await h.ok<FindItemResult>('postal.findItem', { code: `PREPARE_ANALOG_DOMICILE.IUN_${c.iun}.RECINDEX_0.ATTEMPT_0` });
    expect(byRequest.selected).toBe(c.itemCode);
    expect(byRequest.items[0]!.requestId).toBe(`PREPARE_ANALOG_DOMICILE.IUN_${c.iun}.RECINDEX_0.ATTEMPT_0`);
  });

  it('answers POSTAL_ITEM_NOT_FOUND for an unknown IUN or attempt, and the code error for garbage', async () => {
    expect(await h.refused('postal.findItem', { code: UNKNOWN_IUN })).toBe('POSTAL_ITEM_NOT_FOUND');
    expect(await h.refused('postal.findItem', { code: `${h.cases.sent890.iun}/0/1` })).toBe('POSTAL_ITEM_NOT_FOUND');
    expect(await h.refused('postal.findItem', { code: 'not-a-code/1' })).toBe('POSTAL_ITEM_CODE_INVALID');
  });
});

describe('recording an outcome', () => {
  it('delivers an 890 first attempt with its scan: codes, DELIVERED, term = feedback + 10 days, rows and outbox in one write', async () => {
    const c = h.cases.sent890;
    const sha256 = await uploadScan(h, PNG_1x1);
    const before = await h.counts(c.iun);
    const at = NOW_MS - 2 * HOUR;
    const out = await h.ok<RecordedOutcomeView>('postal.recordOutcome', {
      code: c.itemCode, outcome: { kind: 'DELIVERED_TO_RECIPIENT', at: romeLocal(at), scans: [{ sha256, documentType: 'AR' }] },
    });
    expect(out.steps.map((s) => s.code).filter(Boolean)).toEqual(['RECAG001A', 'RECAG001B', 'RECAG001C']);
    expect(out.status).toBe('DELIVERED');
    const feedbackAt = Math.floor(at / 60_000) * 60_000;
    expect(out.termDate).toBe(formatInstant(addDays24h(feedbackAt, 10)));
    expect(out.newLegalFacts.map((f) => f.type)).toContain('ANALOG_DELIVERY');
    expect(out.item.state).toBe('CLOSED');
    const after = await h.counts(c.iun);
    expect(after.elements - before.elements).toBe(out.steps.length);
    expect(after.outcomes - before.outcomes).toBe(3);
    expect(after.outbox - before.outbox).toBe(1);
    const stored = await h.host.ctx.store.analogOutcomes.list(c.iun, 0, 0);
    expect(stored.find((o) => o.deliveryDetailCode === 'RECAG001B')?.attachments).toEqual([{ documentType: 'AR', url: `filestore://${sha256}`, id: sha256 }]);
  });

  it('takes a receipt dated without a time as 12:00 Europe/Rome: the 10-day term ends on the day + 10 (receipt-date.ts)', async () => {
    const c = h.cases.csv[0]!;
    const day = romeLocal(NOW_MS - 24 * HOUR).slice(0, 10);
    const out = await h.ok<RecordedOutcomeView>('postal.recordOutcome', { code: c.itemCode, outcome: { kind: 'DELIVERED_TO_RECIPIENT', at: day } });
    const [y, m, d] = day.split('-');
    const noon = out.steps.find((s) => s.code === 'RECRN001C')!.at;
    expect(romeLocal(parseInstant(noon))).toBe(`${day}T12:00`);
    expect(out.termDate).toBe(formatInstant(addDays24h(parseInstant(noon), 10)));
    expect(romeLocal(parseInstant(out.termDate!)).slice(0, 10)).toBe(formatInstant(Date.UTC(Number(y), Number(m) - 1, Number(d) + 10, 12)).slice(0, 10));
    // Today without a time, once midday has gone (the host's clock: 16:00 Europe/Rome), is accepted as well.
    const today = romeLocal(NOW_MS).slice(0, 10);
    await h.ok('postal.recordOutcome', { code: h.cases.csv[1]!.itemCode, outcome: { kind: 'FORCE_MAJEURE', at: today.split('-').reverse().join('/') } });
  });

  it('refuses the same final outcome twice with EVENT_AFTER_FINAL and writes nothing', async () => {
    const c = h.cases.sent890;
    const before = await h.counts();
    expect(await h.refused('postal.recordOutcome', { code: c.itemCode, outcome: { kind: 'DELIVERED_TO_RECIPIENT', at: romeLocal(NOW_MS - HOUR) } })).toBe('EVENT_AFTER_FINAL');
    expect(await h.counts()).toEqual(before);
  });

  it('refuses a force majeure recorded twice from the same receipt, and writes nothing; another day is a new event', async () => {
    const c = h.cases.sentAr;
    const outcome = (ms: number) => ({ code: c.itemCode, outcome: { kind: 'FORCE_MAJEURE', at: romeLocal(ms) } });
    await h.ok('postal.recordOutcome', outcome(NOW_MS - 5 * HOUR));
    const before = await h.counts();
    const again = await h.call('postal.recordOutcome', outcome(NOW_MS - 5 * HOUR));
    expect(again.status).toBe(409);
    expect(again.body.error?.code).toBe('POSTAL_OUTCOME_ALREADY_RECORDED');
    expect(again.body.error?.message).toContain('RECRN015');
    expect(await h.counts()).toEqual(before);
    await h.ok('postal.recordOutcome', outcome(NOW_MS - 4 * HOUR));
  });

  it('shows the only item of an IUN scanned alone even once its delivery is closed', async () => {
    const c = h.cases.sent890;
    const found = await h.ok<FindItemResult>('postal.findItem', { code: c.iun });
    expect(found.items).toHaveLength(1);
    expect(found.selected).toBe(c.itemCode);
    expect(found.items[0]!.state).toBe('CLOSED');
  });

  it('says that a notice of giacenza entered again was already recorded, instead of "not allowed now"', async () => {
    const c = h.cases.sentAr;
    const giacenza = { code: c.itemCode, outcome: { kind: 'IN_GIACENZA', at: romeLocal(NOW_MS - 3 * HOUR) } };
    await h.ok('postal.recordOutcome', giacenza);
    const before = await h.counts();
    const again = await h.call('postal.recordOutcome', giacenza);
    expect(again.body.error?.code).toBe('POSTAL_OUTCOME_ALREADY_RECORDED');
    expect(again.body.error?.message).toContain('RECRN010');
    expect(await h.counts()).toEqual(before);
    // Another notice on another day while the item is held is not a repeat: still not allowed now.
    expect(await h.refused('postal.recordOutcome', { ...giacenza, outcome: { kind: 'IN_GIACENZA', at: romeLocal(NOW_MS - 2 * HOUR) } })).toBe('OUTCOME_NOT_ALLOWED_NOW');
  });

  it('refuses a date in the future, before the sending, or unreadable, and writes nothing', async () => {
    const c = h.cases.arForNoAddress;
    const before = await h.counts();
    const outcome = (at: string) => ({ code: c.itemCode, outcome: { kind: 'DELIVERED_TO_RECIPIENT', at } });
    expect(await h.refused('postal.recordOutcome', outcome(romeLocal(NOW_MS + 2 * HOUR)))).toBe('OUTCOME_DATE_IN_FUTURE');
    expect(await h.refused('postal.recordOutcome', outcome(romeLocal(parseInstant(c.notification.sentAt) - HOUR)))).toBe('DATE_BEFORE_SEND');
    expect(await h.refused('postal.recordOutcome', outcome('31/02/2026 10:00'))).toBe('POSTAL_DATE_INVALID');
    expect(await h.refused('postal.recordOutcome', { code: c.itemCode, outcome: { kind: 'DELIVERED_TO_RECIPIENT' } })).toBe('POSTAL_FIELD_REQUIRED');
    expect(await h.counts()).toEqual(before);
  });

  it('refuses a scan that is not a readable image or PDF, and an outcome naming a scan never uploaded', async () => {
    const fake = Buffer.from('this is a text file renamed .png');
    expect(await h.refused('postal.uploadScan', { fileName: 'ar.png', offset: 0, chunk: fake.toString('base64'), last: true })).toBe('POSTAL_SCAN_UNREADABLE');
    const truncated = PNG_1x1.subarray(0, PNG_1x1.length - 12);
    expect(await h.refused('postal.uploadScan', { fileName: 'ar.png', offset: 0, chunk: truncated.toString('base64'), last: true })).toBe('POSTAL_SCAN_UNREADABLE');
    const c = h.cases.arForNoAddress;
    expect(await h.refused('postal.recordOutcome', {
      code: c.itemCode, outcome: { kind: 'DELIVERED_TO_RECIPIENT', at: romeLocal(NOW_MS - HOUR), scans: [{ sha256: 'a'.repeat(64), documentType: 'AR' }] },
    })).toBe('POSTAL_SCAN_NOT_FOUND');
  });

  it('refuses a chunk sent out of order', async () => {
    const first = await h.ok<{ uploadId: string }>('postal.uploadScan', { fileName: 'x.png', offset: 0, chunk: PNG_1x1.subarray(0, 10).toString('base64'), last: false });
    expect(await h.refused('postal.uploadScan', { uploadId: first.uploadId, fileName: 'x.png', offset: 3, chunk: 'AAAA', last: true })).toBe('POSTAL_UPLOAD_OUT_OF_ORDER');
  });

  it('previews an outcome with its consequences and leaves the store untouched', async () => {
    const c = h.cases.arForNoAddress;
    const before = await h.counts();
    const preview = await h.ok<RecordedOutcomeView>('postal.previewOutcome', { code: c.itemCode, outcome: { kind: 'REFUSED', at: romeLocal(NOW_MS - HOUR) } });
    expect(preview.steps.map((s) => s.code).filter(Boolean)).toEqual(['RECRN002A', 'RECRN002C']);
    expect(preview.status).toBe('DELIVERED');
    expect(await h.counts()).toEqual(before);
  });
});

describe('a scan chunk sent again (its answer lost)', () => {
  const entries = () => h.host.ctx.store.knex('audit_log').where({ action: 'postal.uploadScan' }).select('subject');
  /** A PNG of its own (the sniffing reads the signature, IHDR and IEND): its upload is not another test's. */
  const png = (tag: string) => Buffer.concat([PNG_1x1.subarray(0, PNG_1x1.length - 12), Buffer.from(tag), PNG_1x1.subarray(PNG_1x1.length - 12)]);
  type Answer = { uploadId: string; receivedBytes: number; scan: { sha256: string } | null };

  it('answers each repeated chunk, the named first one and the last one too, as the first time: one upload, one stored scan, one audit entry', async () => {
    const bytes = png('repeated chunks');
    const requestId = '9f0a1b2c-3d4e-4f5a-8b6c-7d8e9f0a1b2c';
    const firstChunk = { requestId, fileName: 'ar.png', offset: 0, chunk: bytes.subarray(0, 30).toString('base64'), last: false };
    const before = (await entries()).length;
    const first = await h.ok<Answer>('postal.uploadScan', firstChunk);
    expect(first).toEqual({ uploadId: requestId, receivedBytes: 30, scan: null });
    expect(await h.ok<Answer>('postal.uploadScan', firstChunk)).toEqual(first);
    const lastChunk = { uploadId: first.uploadId, fileName: 'ar.png', offset: 30, chunk: bytes.subarray(30).toString('base64'), last: true };
    const done = await h.ok<Answer>('postal.uploadScan', lastChunk);
    expect(done.scan).toMatchObject({ size: bytes.length, mediaType: 'image/png', fileName: 'ar.png' });
    // The last chunk sent again: the same scan, not POSTAL_UPLOAD_NOT_FOUND; the first chunk still answers its own answer.
    expect(await h.ok<Answer>('postal.uploadScan', lastChunk)).toEqual(done);
    expect(await h.ok<Answer>('postal.uploadScan', { ...firstChunk, uploadId: first.uploadId })).toEqual(first);
    const after = await entries();
    expect(after.length - before).toBe(1);
    expect(after.at(-1)!.subject).toBe(done.scan!.sha256);
  });

  it('answers a one-chunk scan named by the screen once: the repeat gets the stored scan, with no second audit entry', async () => {
    const chunk = { requestId: '0a1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d', fileName: 'cad.png', offset: 0, chunk: png('one chunk').toString('base64'), last: true };
    const before = (await entries()).length;
    const first = await h.ok<Answer>('postal.uploadScan', chunk);
    expect(first.scan).not.toBeNull();
    expect(await h.ok<Answer>('postal.uploadScan', chunk)).toEqual(first);
    expect((await entries()).length - before).toBe(1);
  });

  it('refuses another chunk at an offset already received (POSTAL_UPLOAD_CHUNK_CONFLICT), a gap and a chunk after the last (out of order): each ends the upload', async () => {
    const bytes = png('conflicts');
    const start = async () => (await h.ok<Answer>('postal.uploadScan', { fileName: 'x.png', offset: 0, chunk: bytes.subarray(0, 30).toString('base64'), last: false })).uploadId;
    const other = await start();
    const res = await h.call('postal.uploadScan', { uploadId: other, fileName: 'x.png', offset: 0, chunk: bytes.subarray(1, 31).toString('base64'), last: false });
    expect([res.status, res.body.error?.code]).toEqual([409, 'POSTAL_UPLOAD_CHUNK_CONFLICT']);
    expect(await h.refused('postal.uploadScan', { uploadId: other, fileName: 'x.png', offset: 30, chunk: bytes.subarray(30).toString('base64'), last: true })).toBe('POSTAL_UPLOAD_NOT_FOUND');
    const lastAsMore = await start();
    expect(await h.refused('postal.uploadScan', { uploadId: lastAsMore, fileName: 'x.png', offset: 0, chunk: bytes.subarray(0, 30).toString('base64'), last: true })).toBe('POSTAL_UPLOAD_CHUNK_CONFLICT');
    const gap = await start();
    expect(await h.refused('postal.uploadScan', { uploadId: gap, fileName: 'x.png', offset: 31, chunk: bytes.subarray(31).toString('base64'), last: true })).toBe('POSTAL_UPLOAD_OUT_OF_ORDER');
    const ended = await start();
    await h.ok('postal.uploadScan', { uploadId: ended, fileName: 'x.png', offset: 30, chunk: bytes.subarray(30).toString('base64'), last: true });
    expect(await h.refused('postal.uploadScan', { uploadId: ended, fileName: 'x.png', offset: bytes.length, chunk: 'AAAA', last: true })).toBe('POSTAL_UPLOAD_OUT_OF_ORDER');
    // The same screen id with another file's first chunk is not a repeat either.
    const named = { requestId: '1b2c3d4e-5f6a-4b7c-8d8e-9f0a1b2c3d4e', fileName: 'y.png', offset: 0, chunk: bytes.subarray(0, 30).toString('base64'), last: false };
    await h.ok('postal.uploadScan', named);
    expect(await h.refused('postal.uploadScan', { ...named, chunk: bytes.subarray(0, 29).toString('base64') })).toBe('POSTAL_UPLOAD_CHUNK_CONFLICT');
  });
});

describe('audit', () => {
  it('writes one audit entry per stored scan (not per chunk) and one per recorded outcome, naming ids only', async () => {
    const knex = h.host.ctx.store.knex;
    const entries = async (action: string) => knex('audit_log').where({ action }).select('subject', 'details');
    const scansBefore = (await entries('postal.uploadScan')).length;
    const first = await h.ok<{ uploadId: string }>('postal.uploadScan', { fileName: 'two-chunks.png', offset: 0, chunk: PNG_1x1.subarray(0, 30).toString('base64'), last: false });
    const done = await h.ok<{ scan: { sha256: string } }>('postal.uploadScan', { uploadId: first.uploadId, fileName: 'two-chunks.png', offset: 30, chunk: PNG_1x1.subarray(30).toString('base64'), last: true });
    const scans = await entries('postal.uploadScan');
    expect(scans.length - scansBefore).toBe(1);
    expect(scans.at(-1)!.subject).toBe(done.scan.sha256);
    const recorded = await entries('postal.recordOutcome');
    expect(recorded.length).toBeGreaterThan(0);
    expect(recorded.map((r) => String(r.details))).not.toEqual(expect.arrayContaining([expect.stringMatching(/[A-Z]{6}\d{2}[A-Z]\d{2}[A-Z]\d{3}[A-Z]/)]));
  });
});

describe('giacenza', () => {
  it('closes an AR giacenza when the item is collected, and the register stops listing it', async () => {
    const c = h.cases.arInGiacenza;
    const register = async () => (await h.ok<{ entries: { code: string; daysLeft: number | null }[] }>('postal.giacenzaRegister', {})).entries;
    const listed = (await register()).find((e) => e.code === c.itemCode);
    expect(listed?.daysLeft).toBeGreaterThan(0);
    const item = (await h.ok<FindItemResult>('postal.findItem', { code: c.itemCode })).items[0]!;
    expect(item.held).toBe(true);
    expect(item.allowed.map((o) => o.kind)).not.toContain('DELIVERED_TO_RECIPIENT');
    const out = await h.ok<RecordedOutcomeView>('postal.recordOutcome', { code: c.itemCode, outcome: { kind: 'COLLECTED_FROM_GIACENZA', at: romeLocal(NOW_MS - HOUR) } });
    expect(out.steps.find((s) => s.role === 'OK')?.code).toMatch(/^(RECRN003C|PNRN012)$/);
    expect(out.item.held).toBe(false);
    expect((await register()).some((e) => e.code === c.itemCode)).toBe(false);
  });

  it('lists held items most urgent first, and closes an AR held over 30 days as compiuta giacenza with PNRN012', async () => {
    const entries = (await h.ok<{ entries: { code: string; daysLeft: number | null }[] }>('postal.giacenzaRegister', {})).entries;
    const days = entries.map((e) => e.daysLeft ?? Infinity);
    expect(days).toEqual([...days].sort((a, b) => a - b));
    const old = h.cases.arGiacenzaOld;
    expect(entries.find((e) => e.code === old.itemCode)!.daysLeft).toBeLessThanOrEqual(0);
    const out = await h.ok<RecordedOutcomeView>('postal.recordOutcome', { code: old.itemCode, outcome: { kind: 'GIACENZA_EXPIRED', at: romeLocal(NOW_MS - HOUR) } });
    expect(out.steps.map((s) => s.code).filter(Boolean)).toEqual(['RECRN005A', 'PNRN012', 'RECRN005C']);
    expect(out.item.subLabel?.it).toBe('compiuta giacenza');
  });
});

describe('first-attempt failure', () => {
  it('asks for the next step, then prepares, sends and fails the second attempt: the recipient is unreachable', async () => {
    const c = h.cases.arForSecondAttempt;
    const at = romeLocal(NOW_MS - 5 * HOUR);
    const address = { address: 'Via Roma 1', zip: '20121', municipality: 'Milano', province: 'MI' };
    const undelivered = { kind: 'UNDELIVERED', at, cause: 'M04' };
    const before = await h.counts(c.iun);
    expect(await h.refused('postal.recordOutcome', { code: c.itemCode, outcome: undelivered })).toBe('POSTAL_NEXT_STEP_REQUIRED');
    expect(await h.counts(c.iun)).toEqual(before);
    const ko = await h.ok<RecordedOutcomeView>('postal.recordOutcome', { code: c.itemCode, outcome: { ...undelivered, discoveredAddress: address, next: { kind: 'SECOND_ATTEMPT', address } } });
    expect(ko.steps.map((s) => s.category)).toContain('PREPARE_ANALOG_DOMICILE');
    const second = `${c.iun}/0/1`;
    const prepared = (await h.ok<FindItemResult>('postal.findItem', { code: second })).items.find((i) => i.code === second)!;
    expect(prepared).toMatchObject({ state: 'PREPARED', address: { municipality: 'Milano' } });
    expect(await h.refused('postal.sendSecondAttempt', { code: second, at: romeLocal(NOW_MS + HOUR) })).toBe('OUTCOME_DATE_IN_FUTURE');
    const sent = await h.ok<PostalItemView>('postal.sendSecondAttempt', { code: second, at: romeLocal(NOW_MS - 4 * HOUR) });
    expect(sent.state).toBe('OPEN');
    const failed = await h.ok<RecordedOutcomeView>('postal.recordOutcome', { code: second, outcome: { kind: 'UNDELIVERED', at: romeLocal(NOW_MS - 3 * HOUR), cause: 'M03' } });
    expect(failed.steps.map((s) => s.category)).toEqual(expect.arrayContaining(['ANALOG_FAILURE_WORKFLOW', 'COMPLETELY_UNREACHABLE']));
    expect(failed.item.recipient.outcome).toBe('UNREACHABLE');
    expect(failed.newLegalFacts.map((f) => f.type)).toContain('ANALOG_FAILURE_DELIVERY');
  });

  it('makes the recipient unreachable at once when no new address exists (D00)', async () => {
    const c = h.cases.arForNoAddress;
    const out = await h.ok<RecordedOutcomeView>('postal.recordOutcome', {
      code: c.itemCode, outcome: { kind: 'UNDELIVERED', at: romeLocal(NOW_MS - 2 * HOUR), cause: 'M07', next: { kind: 'NO_SECOND_ADDRESS', failureCause: 'D00' } },
    });
    expect(out.steps.map((s) => s.category)).toEqual(expect.arrayContaining(['PREPARE_ANALOG_DOMICILE_FAILURE', 'COMPLETELY_UNREACHABLE']));
    expect(out.item.recipient.outcome).toBe('UNREACHABLE');
  });

  it('records the outcome of a second attempt already sent by SEND', async () => {
    const c = h.cases.secondAttemptSent;
    const out = await h.ok<RecordedOutcomeView>('postal.recordOutcome', { code: c.itemCode, outcome: { kind: 'DELIVERED_TO_RECIPIENT', at: romeLocal(NOW_MS - HOUR) } });
    expect(out.item.recipient.outcome).toBe('ANALOG_DELIVERED');
    // The same receipt again: said to be recorded already; another date is an event after the final.
    expect(await h.refused('postal.recordOutcome', { code: c.itemCode, outcome: { kind: 'DELIVERED_TO_RECIPIENT', at: romeLocal(NOW_MS - HOUR), next: { kind: 'ADDRESS_INVESTIGATION' } } }))
      .toBe('POSTAL_OUTCOME_ALREADY_RECORDED');
    expect(await h.refused('postal.recordOutcome', { code: c.itemCode, outcome: { kind: 'DELIVERED_TO_RECIPIENT', at: romeLocal(NOW_MS - 2 * HOUR) } }))
      .toBe('EVENT_AFTER_FINAL');
  });
});

describe('a write sent again after its answer was lost', () => {
  it('records an outcome once: the same requestId and request get the first answer, not POSTAL_OUTCOME_ALREADY_RECORDED', async () => {
    const c = h.cases.csv[5]!;
    const requestId = '3e9c1a7b-5d2f-4a6e-8b1c-9f0e2d3c4b5a';
    const body = { code: c.itemCode, outcome: { kind: 'DELIVERED_TO_RECIPIENT', at: romeLocal(NOW_MS - 2 * HOUR) }, requestId };
    const first = await h.ok<RecordedOutcomeView>('postal.recordOutcome', body);
    const after = await h.counts();
    // The answer was lost: the screen sends the same outcome again.
    const again = await h.ok<RecordedOutcomeView>('postal.recordOutcome', body);
    expect(again).toEqual(first);
    expect(await h.counts()).toEqual(after);
    // The same id with another request is not a repeat: refused, nothing recorded.
    const other = await h.call('postal.recordOutcome', { ...body, outcome: { ...body.outcome, at: romeLocal(NOW_MS - 3 * HOUR) } });
    expect([other.status, other.body.error?.code]).toEqual([409, 'REQUEST_ID_ALREADY_USED']);
    expect(await h.counts()).toEqual(after);
    // Without an id, the same outcome sent again is still said to be recorded already.
    expect(await h.refused('postal.recordOutcome', { code: body.code, outcome: body.outcome })).toBe('POSTAL_OUTCOME_ALREADY_RECORDED');
  });

  it('records the handover of a second attempt once: the same requestId and request get the first answer', async () => {
    const c = h.cases.csv[6]!;
    const address = { address: 'Via Roma 1', zip: '20121', municipality: 'Milano', province: 'MI' };
    await h.ok('postal.recordOutcome', { code: c.itemCode, outcome: { kind: 'UNDELIVERED', at: romeLocal(NOW_MS - 5 * HOUR), cause: 'M04', next: { kind: 'SECOND_ATTEMPT', address } } });
    const body = { code: `${c.iun}/0/1`, at: romeLocal(NOW_MS - 4 * HOUR), requestId: '8a1b2c3d-4e5f-4a6b-9c7d-0e1f2a3b4c5d' };
    const first = await h.ok<PostalItemView>('postal.sendSecondAttempt', body);
    expect(first.state).toBe('OPEN');
    const after = await h.counts(c.iun);
    const again = await h.ok<PostalItemView>('postal.sendSecondAttempt', body);
    expect(again).toEqual(first);
    expect(await h.counts(c.iun)).toEqual(after);
    const other = await h.call('postal.sendSecondAttempt', { ...body, at: romeLocal(NOW_MS - 3 * HOUR) });
    expect(other.body.error?.code).toBe('REQUEST_ID_ALREADY_USED');
  });
});
