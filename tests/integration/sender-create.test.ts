// A new notification from the sender office through the real HTTP host: documents uploaded with
// their SHA-256, the form validated as DOMAIN.md 2 and the B2B NewNotificationRequest ask, the
// notification stored IN_VALIDATION under a valid local IUN and queued for the sync adapter.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageFor, parseIun, parseInstant } from '../../core/index.js';
import type { SenderCreatedView, SenderDetailView, SenderFileView, SenderListView, SenderUploadView } from '../../electron/api/contract/index.js';
import { newNotificationRequestSchema } from '../../electron/adapters/send-b2b/schemas.js';
import { failureText } from '../../electron/sync/errors.js';
import { PARKED_DUE_MS } from '../../electron/sync/store-sync-store.js';
import { NOW, SENDER, startSenderHost, type SenderHost } from './sender-support.js';

let h: SenderHost;
const pdf = Buffer.from('%PDF-1.4\n% verbale di prova\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
const sha = (b: Buffer) => createHash('sha256').update(b).digest('base64');

beforeAll(async () => {
  h = await startSenderHost([]);
});
afterAll(async () => h?.close());

function form(overrides: Record<string, unknown> = {}, recipient: Record<string, unknown> = {}) {
  return {
    paProtocolNumber: 'PG/2026/0099001',
    subject: 'Verbale di contravvenzione n. 123/2026',
    senderDenomination: SENDER.denomination,
    senderTaxId: SENDER.taxId,
    taxonomyCode: '010202N',
    physicalCommunicationType: 'REGISTERED_LETTER_890',
    recipients: [{
      recipientType: 'PF', taxId: 'RSSMRA85T10A562S', denomination: 'Mario Rossi',
      physicalAddress: { address: 'Via Roma 1', zip: '20121', municipality: 'Milano', province: 'MI' },
      payments: [{ noticeCode: '302000100000019421', creditorTaxId: SENDER.taxId, applyCost: true, amountCents: 5710 }],
      ...recipient,
    }],
    documents: [{ title: 'Verbale', sha256Base64: sha(pdf) }],
    ...overrides,
  };
}

describe('new notification', () => {
  it('refuses an upload whose SHA-256 differs from the one computed on screen, or that is not a PDF', async () => {
    const wrong = await h.api('sender.uploadDocument', { title: 'Verbale', dataBase64: pdf.toString('base64'), sha256Base64: sha(Buffer.from('x')) });
    expect(wrong.error?.code).toBe('SENDER_UPLOAD_DIGEST_MISMATCH');
    const png = Buffer.from('\x89PNG\r\n');
    const notPdf = await h.api('sender.uploadDocument', { title: 'Foto', dataBase64: png.toString('base64'), sha256Base64: sha(png) });
    expect(notPdf.error?.code).toBe('SENDER_UPLOAD_NOT_PDF');
  });

  it('refuses a codice fiscale with a wrong check letter, with the core message on that field', async () => {
    const r = await h.api('sender.create', form({}, { taxId: 'RSSMRA85T10A562X' }));
    expect(r.status).toBe(400);
    expect(r.error?.details?.fields).toEqual([expect.objectContaining({ path: 'recipients.0.taxId', code: 'TAX_ID_INVALID_CHECK_CHAR' })]);
    expect(r.error?.message).toMatch(/carattere di controllo errato/i);
  });

  it.each([
    ['a notice code that is not 18 digits', {}, { payments: [{ noticeCode: '12345', creditorTaxId: SENDER.taxId, applyCost: false }] }, 'recipients.0.payments.0.noticeCode', 'SENDER_NOTICE_CODE_INVALID'],
    ['an Italian address without postcode', {}, { physicalAddress: { address: 'Via Roma 1', municipality: 'Milano' } }, 'recipients.0.physicalAddress.zip', 'SENDER_ZIP_REQUIRED'],
    ['an Italian CAP of 3 digits', {}, { physicalAddress: { address: 'Via Roma 1', zip: '123', municipality: 'Milano' } }, 'recipients.0.physicalAddress.zip', 'SENDER_ZIP_INVALID'],
    ['an Italian CAP with a letter', {}, { physicalAddress: { address: 'Via Roma 1', zip: '2012A', municipality: 'Milano', foreignState: 'Italia' } }, 'recipients.0.physicalAddress.zip', 'SENDER_ZIP_INVALID'],
    ['a malformed PEC', {}, { digitalDomicile: { address: 'mario.rossi@' } }, 'recipients.0.digitalDomicile.address', 'SENDER_PEC_INVALID'],
    ['a taxonomy code of another shape', { taxonomyCode: '01020N' }, {}, 'taxonomyCode', 'SENDER_TAXONOMY_CODE_INVALID'],
    ['a sender tax code failing the check digit', { senderTaxId: '01199250157' }, {}, 'senderTaxId', 'VAT_INVALID_CHECK_DIGIT'],
    ['no document to notify', { documents: [] }, {}, 'documents', 'SENDER_DOCUMENTS_REQUIRED'],
  ])('refuses %s', async (_name, over, rec, path, code) => {
    const r = await h.api('sender.create', form(over, rec));
    expect(r.error?.details?.fields).toContainEqual(expect.objectContaining({ path, code }));
  });

  it('tells every problem of the form in one answer, the CAP among them, in the caller\'s words', async () => {
    const r = await h.api('sender.create', form({ taxonomyCode: '', documents: [] }, { taxId: 'RSSMRA85T10A562X', physicalAddress: { address: 'Via Roma 1', zip: '123', municipality: 'Milano' } }));
    expect(r.status).toBe(400);
    const fields = (r.error?.details?.fields ?? []) as { path: string; code: string; message: string }[];
    expect(fields.map((f) => [f.path, f.code])).toEqual(expect.arrayContaining([
      ['taxonomyCode', 'INPUT_REQUIRED'],
      ['recipients.0.taxId', 'TAX_ID_INVALID_CHECK_CHAR'],
      ['recipients.0.physicalAddress.zip', 'SENDER_ZIP_INVALID'],
      ['documents', 'SENDER_DOCUMENTS_REQUIRED'],
    ]));
    expect(fields.find((f) => f.path === 'recipients.0.physicalAddress.zip')?.message).toBe(messageFor('SENDER_ZIP_INVALID', 'it', { zip: '123' }));
  });

  it('sender.checkNew checks the form as sender.create does, every problem at once, and stores nothing', async () => {
    const before = await h.api<SenderListView>('sender.list', {});
    const bad = await h.api('sender.checkNew', form({ taxonomyCode: '', documents: [], paProtocolNumber: 'PG/2026/0099006' }, { taxId: 'RSSMRA85T10A562X', physicalAddress: { address: 'Via Roma 1', zip: '123', municipality: 'Milano' } }));
    expect(bad.status).toBe(400);
    expect(((bad.error?.details?.fields ?? []) as { path: string }[]).map((f) => f.path).sort()).toEqual(['documents', 'recipients.0.physicalAddress.zip', 'recipients.0.taxId', 'taxonomyCode']);
    const good = await h.api<{ valid: true }>('sender.checkNew', form({ paProtocolNumber: 'PG/2026/0099006' }));
    expect(good.error).toBeUndefined();
    expect(good.data).toEqual({ valid: true });
    const after = await h.api<SenderListView>('sender.list', {});
    expect(after.data.total).toBe(before.data.total);
  });

  it('refuses the same recipient twice and a document never uploaded', async () => {
    const twice = form();
    (twice.recipients as unknown[]).push({ ...(twice.recipients as Record<string, unknown>[])[0]!, payments: undefined });
    const dup = await h.api('sender.create', twice);
    expect(dup.error?.details?.fields).toContainEqual(expect.objectContaining({ path: 'recipients.1.taxId', code: 'SENDER_RECIPIENT_DUPLICATE' }));
    const missing = await h.api('sender.create', form({ documents: [{ title: 'Mai caricato', sha256Base64: sha(Buffer.from('%PDF-mai')) }] }));
    expect(missing.error?.code).toBe('SENDER_UPLOAD_NOT_FOUND');
  });

  it('stores a valid one under a valid IUN, IN_VALIDATION and awaiting sending, and queues a B2B request', async () => {
    const up = await h.api<SenderUploadView>('sender.uploadDocument', { title: 'Verbale', dataBase64: pdf.toString('base64'), sha256Base64: sha(pdf) });
    expect(up.data.sha256Hex).toBe(createHash('sha256').update(pdf).digest('hex'));
    const r = await h.api<SenderCreatedView>('sender.create', form());
    expect(r.error).toBeUndefined();
    expect(parseIun(r.data.iun).ok).toBe(true);
    expect(r.data.iun.slice(15, 21)).toBe('202611');
    expect(r.data).toMatchObject({ status: 'IN_VALIDATION', awaitingSend: true });
    expect(r.data.statusLabel.it).toBe('In validazione');

    const list = await h.api<SenderListView>('sender.list', { filter: { statuses: ['IN_VALIDATION'] } });
    expect(list.data.items.map((i) => [i.iun, i.awaitingSend])).toEqual([[r.data.iun, true]]);

    const outbox = await h.host.ctx.store.outbox.due(parseInstant(NOW) + 1);
    const item = outbox.find((m) => m.kind === 'send.newNotification')!;
    expect(item.dedupeKey).toBe(`send.newNotification:${r.data.iun}`);
    // What the send-b2b adapter will post: a valid NewNotificationRequestV24 once it adds the token.
    const body = newNotificationRequestSchema.safeParse({ ...(item.payload as object), idempotenceToken: r.data.iun });
    expect(body.success, JSON.stringify(body.error?.issues)).toBe(true);
    expect(body.data?.recipients[0]?.payments?.[0]?.pagoPa?.noticeCode).toBe('302000100000019421');
    expect(body.data?.documents[0]?.digests.sha256).toBe(sha(pdf));

    const d = await h.api<SenderDetailView>('sender.detail', { iun: r.data.iun });
    expect(d.data).toMatchObject({ status: 'IN_VALIDATION', awaitingSend: true, cancellable: false, sendIun: null });
    expect(d.data.recipients[0]!.payments[0]).toMatchObject({ noticeCode: '302000100000019421', amountCents: 5710 });
    const doc = await h.api<SenderFileView>('sender.document', { iun: r.data.iun, docIndex: 0 });
    expect(Buffer.from(doc.data.base64, 'base64').equals(pdf)).toBe(true);
    expect(doc.data.fileName).toBe(`${r.data.iun} - Verbale.pdf`);

    // Once SEND accepted the request (its answers recorded by the sync), the detail shows SEND's IUN.
    const requests = h.host.ctx.store.senderRequests;
    expect(await requests.recordSubmission(item.dedupeKey!, { notificationRequestId: 'UkVRLTE=' })).toBe(true);
    expect(await requests.recordRequestStatus('UkVRLTE=', { sendIun: 'ZQWE-RTYU-IOPA-202611-K-1', status: 'ACCEPTED' })).toBe('changed');
    expect(await requests.recordRequestStatus('UkVRLTE=', { sendIun: 'ZQWE-RTYU-IOPA-202611-K-1', status: 'ACCEPTED' })).toBe('unchanged');
    expect(await requests.recordRequestStatus('UkVRLTI=', { status: 'ACCEPTED' })).toBe('unknown');
    const linked = await h.api<SenderDetailView>('sender.detail', { iun: r.data.iun });
    expect(linked.data.sendIun).toBe('ZQWE-RTYU-IOPA-202611-K-1');
  });

  it('queues one request for SEND per protocol number when the same request code is typed for two of them (SEND scopes the token to the protocol), and takes a token as long as SEND allows', async () => {
    const a = await h.api<SenderCreatedView>('sender.create', form({ paProtocolNumber: 'PG/2026/0099041', idempotenceToken: '1' }));
    const b = await h.api<SenderCreatedView>('sender.create', form({ paProtocolNumber: 'PG/2026/0099042', idempotenceToken: '1' }));
    expect(a.error).toBeUndefined();
    expect(b.error).toBeUndefined();
    expect(b.data.iun).not.toBe(a.data.iun);
    const queued = (await h.host.ctx.store.outbox.due(parseInstant(NOW) + 1)).filter((m) => m.kind === 'send.newNotification');
    const bodies = queued.map((m) => m.payload as { paProtocolNumber: string; idempotenceToken?: string });
    // Each request has its own item, carrying the token typed (what SEND receives as idempotenceToken).
    for (const p of ['PG/2026/0099041', 'PG/2026/0099042']) expect(bodies.filter((x) => x.paProtocolNumber === p)).toEqual([expect.objectContaining({ idempotenceToken: '1' })]);
    for (const iun of [a.data.iun, b.data.iun]) expect((await h.api<SenderDetailView>('sender.detail', { iun })).data.awaitingSend).toBe(true);
    const long = 'T'.repeat(256);
    const c = await h.api<SenderCreatedView>('sender.create', form({ paProtocolNumber: 'PG/2026/0099043', idempotenceToken: long }));
    expect(c.error).toBeUndefined();
    const item = (await h.host.ctx.store.outbox.due(parseInstant(NOW) + 1)).find((m) => (m.payload as { paProtocolNumber: string }).paProtocolNumber === 'PG/2026/0099043')!;
    expect((item.payload as { idempotenceToken: string }).idempotenceToken).toBe(long);
    expect(item.dedupeKey!.length).toBeLessThanOrEqual(200);
  });

  it('says in the detail when the request to SEND keeps failing, and when it stopped for an administrator', async () => {
    const r = await h.api<SenderCreatedView>('sender.create', form({ paProtocolNumber: 'PG/2026/0099031' }));
    expect(r.error).toBeUndefined();
    const outbox = h.host.ctx.store.outbox;
    const item = (await outbox.findByDedupeKey(`send.newNotification:${r.data.iun}`))!;
    // Not tried yet: only "in attesa di invio".
    expect((await h.api<SenderDetailView>('sender.detail', { iun: r.data.iun })).data.sendProblem).toBeNull();
    // Failed twice (SEND not reachable): retried by itself.
    const failure = failureText({ code: 'SYNC_PEER_UNAVAILABLE', params: { peer: 'SEND', status: 503 }, transient: true });
    await outbox.markFailed(item.id, failure, parseInstant(NOW) + 60_000);
    await outbox.markFailed(item.id, failure, parseInstant(NOW) + 120_000);
    const retrying = (await h.api<SenderDetailView>('sender.detail', { iun: r.data.iun })).data;
    expect(retrying.awaitingSend).toBe(true);
    expect(retrying.sendProblem).toMatchObject({ parked: false, attempts: 2, error: { code: 'SYNC_PEER_UNAVAILABLE' } });
    expect(retrying.sendProblem!.error!.message.it).toBe(messageFor('SYNC_PEER_UNAVAILABLE', 'it', { peer: 'SEND', status: 503 }));
    expect(retrying.sendProblem!.error!.message.en).toBe(messageFor('SYNC_PEER_UNAVAILABLE', 'en', { peer: 'SEND', status: 503 }));
    // Stopped (parked) for an administrator: said as such.
    await outbox.markFailed(item.id, failure, PARKED_DUE_MS);
    expect((await h.api<SenderDetailView>('sender.detail', { iun: r.data.iun })).data.sendProblem).toMatchObject({ parked: true, attempts: 3 });
    // Sent at last: nothing more to say.
    await outbox.markSent(item.id, NOW);
    const sent = (await h.api<SenderDetailView>('sender.detail', { iun: r.data.iun })).data;
    expect(sent).toMatchObject({ awaitingSend: false, sendProblem: null });
  });

  it('answers a repeat of the same request (its answer lost, a second click) with the notification already created, never a second one', async () => {
    const request = form({ paProtocolNumber: 'PG/2026/0099002', idempotenceToken: 'tok-1' });
    const first = await h.api<SenderCreatedView>('sender.create', request);
    expect(first.error).toBeUndefined();
    const again = await h.api<SenderCreatedView>('sender.create', request);
    expect(again.error).toBeUndefined();
    expect(again.data.iun).toBe(first.data.iun);
    expect(again.data.awaitingSend).toBe(true);
    const listed = await h.api<SenderListView>('sender.list', { filter: { protocol: 'PG/2026/0099002' } });
    expect(listed.data.items.map((i) => i.iun)).toEqual([first.data.iun]);
    const queued = (await h.host.ctx.store.outbox.due(parseInstant(NOW) + 1)).filter((m) => (m.payload as { paProtocolNumber?: string }).paProtocolNumber === 'PG/2026/0099002');
    expect(queued).toHaveLength(1);
  });

  it('refuses another request under the same protocol number and idempotence token, naming the notification that holds them (SEND answers 409)', async () => {
    const first = await h.api<SenderCreatedView>('sender.create', form({ paProtocolNumber: 'PG/2026/0099012', idempotenceToken: 'tok-1' }));
    expect(first.error).toBeUndefined();
    const amount = await h.api('sender.create', form({ paProtocolNumber: 'PG/2026/0099012', idempotenceToken: 'tok-1' }, {
      payments: [{ noticeCode: '302000100000019421', creditorTaxId: SENDER.taxId, applyCost: true, amountCents: 5720 }],
    }));
    expect(amount.status).toBe(409);
    expect(amount.error?.code).toBe('SENDER_NOTIFICATION_DUPLICATE');
    expect(amount.error?.message).toContain(first.data.iun);
    const taxonomy = await h.api('sender.create', form({ paProtocolNumber: 'PG/2026/0099012', idempotenceToken: 'tok-1', taxonomyCode: '010203N' }));
    expect(taxonomy.error?.code).toBe('SENDER_NOTIFICATION_DUPLICATE');
    const other = await h.api<SenderCreatedView>('sender.create', form({ paProtocolNumber: 'PG/2026/0099012', idempotenceToken: 'tok-2' }));
    expect(other.error).toBeUndefined();
    expect(other.data.iun).not.toBe(first.data.iun);
  });

  it('writes an Italian province typed in lower case as its upper-case sigla (detail and B2B request), a foreign one as typed', async () => {
    const r = await h.api<SenderCreatedView>('sender.create', form({ paProtocolNumber: 'PG/2026/0099003' }, { physicalAddress: { address: 'Via Roma 1', zip: ' 20121 ', municipality: 'Milano', province: 'mi' } }));
    expect(r.error).toBeUndefined();
    const d = await h.api<SenderDetailView>('sender.detail', { iun: r.data.iun });
    expect(d.data.recipients[0]!.physicalAddress).toContain('20121 Milano (MI)');
    expect(d.data.recipients[0]!.physicalAddress).not.toContain('(mi)');
    const outbox = await h.host.ctx.store.outbox.due(parseInstant(NOW) + 1);
    const item = outbox.find((m) => m.dedupeKey === `send.newNotification:${r.data.iun}`)!;
    const sent = (item.payload as { recipients: { physicalAddress: Record<string, string> }[] }).recipients[0]!.physicalAddress;
    expect([sent.province, sent.zip]).toEqual(['MI', '20121']);

    const abroad = await h.api<SenderCreatedView>('sender.create', form({ paProtocolNumber: 'PG/2026/0099004' }, { physicalAddress: { address: 'Hauptstrasse 1', zip: '80331', municipality: 'München', province: 'Bayern', foreignState: 'Germania' } }));
    expect(abroad.error).toBeUndefined();
    const other = (await h.host.ctx.store.outbox.due(parseInstant(NOW) + 1)).find((m) => m.dedupeKey === `send.newNotification:${abroad.data.iun}`)!;
    expect((other.payload as { recipients: { physicalAddress: Record<string, string> }[] }).recipients[0]!.physicalAddress.province).toBe('Bayern');
  });

  it('keeps a foreign postcode in its own format (3 digits abroad is not an Italian CAP)', async () => {
    const up = await h.api<SenderUploadView>('sender.uploadDocument', { title: 'Verbale', dataBase64: pdf.toString('base64'), sha256Base64: sha(pdf) });
    expect(up.error).toBeUndefined();
    const r = await h.api<SenderCreatedView>('sender.create', form({ paProtocolNumber: 'PG/2026/0099005' }, { physicalAddress: { address: 'Rue du Lac 1', zip: '123', municipality: 'Ginevra', foreignState: 'Svizzera' } }));
    expect(r.error).toBeUndefined();
  });
});
