// The ACT pickup through the real host (DOMAIN.md 10, 10.1, 13): QR -> identification -> inquiry ->
// start -> print -> ticks -> complete, and what completion leaves behind (view at the start time,
// RECIPIENT_ACCESS attestation on file, receipt, outbox item), idempotent on the operationId.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../db/store.js';
import { fileResource } from '../../electron/auth/url-tickets.js';
import { join } from 'node:path';
import { PEOPLE } from '../e2e/data/desk-cases.js';
import { caseOf, newOperationId, recipientIdentification, startDeskHost, type DeskHost } from './desk-support.js';

let h: DeskHost;
beforeAll(async () => { h = await startDeskHost('radd-desk-act-'); }, 60_000);
afterAll(async () => { await h?.close(); });

type Tx = { state: string; documents: { position: number; sha256: string | null; canHandOver: boolean; kind: string }[]; canComplete: boolean; repeated: boolean; iuns: string[]; startedAt: string; receiptFileId: string | null; evidenceChecksum: string | null; scans: { role: string; sha256: string }[] };

describe('desk ACT pickup by the recipient', () => {
  let operationId: string;
  let identification: Awaited<ReturnType<typeof recipientIdentification>>;

  it('classifies a scanned AAR QR URL and resolves it to its IUN', async () => {
    const c = caseOf(h, 'qrPickup');
    const r = await h.api<{ kind: string; iun: string }>('desk.identifyInput', { text: `${c.qrUrl}\n` });
    expect(r.body.data).toMatchObject({ kind: 'QR', iun: c.notification.iun });
  });

  it('answers the inquiry with the notification, its status label and the documents in SEND order', async () => {
    const c = caseOf(h, 'qrPickup');
    identification = await recipientIdentification(h, PEOPLE.recipient.taxId);
    const r = await h.api<{ notifications: { iun: string; statusLabel: { it: string } }[]; documents: { kind: string; available: boolean }[] }>('desk.inquiry', { mode: 'ACT', qrCode: c.qrUrl, identification });
    expect(r.body.ok, JSON.stringify(r.body.error)).toBe(true);
    expect(r.body.data!.notifications.map((n) => n.iun)).toEqual([c.notification.iun]);
    const kinds = r.body.data!.documents.map((d) => d.kind);
    expect(kinds[0]).toBe('COVER_PAGE');
    expect(kinds.indexOf('ACT')).toBeLessThan(kinds.indexOf('AAR'));
    expect(kinds.lastIndexOf('LEGAL_FACT')).toBeGreaterThan(kinds.indexOf('AAR'));
  });

  it('starts the operation with the evidence checksum and a STARTED state', async () => {
    operationId = newOperationId();
    const c = caseOf(h, 'qrPickup');
    const r = await h.api<Tx>('desk.startTransaction', { operationId, mode: 'ACT', qrCode: c.qrUrl, identification });
    expect(r.body.ok, JSON.stringify(r.body.error)).toBe(true);
    expect(r.body.data!.state).toBe('STARTED');
    expect(r.body.data!.iuns).toEqual([c.notification.iun]);
    expect(r.body.data!.evidenceChecksum).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(r.body.data!.scans.map((s) => s.role)).toEqual(['RECIPIENT_ID']);
  });

  it('returns the same operation when the start is repeated with the same data', async () => {
    const c = caseOf(h, 'qrPickup');
    const r = await h.api<Tx>('desk.startTransaction', { operationId, mode: 'ACT', qrCode: c.qrUrl, identification });
    expect(r.body.data).toMatchObject({ state: 'STARTED', repeated: true });
  });

  it('refuses the same operationId with other data (transaction already exists)', async () => {
    const r = await h.api('desk.startTransaction', { operationId, mode: 'ACT', iun: caseOf(h, 'restart').notification.iun, identification });
    expect(r.body.error?.code).toBe('RADD_TRANSACTION_ALREADY_EXISTS');
  });

  it('refuses to complete before every document was printed and ticked', async () => {
    const r = await h.api('desk.completeTransaction', { operationId });
    expect(r.body.error?.code).toBe('DESK_DOCUMENTS_NOT_HANDED_OVER');
    const tick = await h.api('desk.markHandedOver', { operationId, position: 0, handedOver: true });
    expect(tick.body.error?.code).toBe('DESK_DOCUMENT_NOT_PRINTED');
  });

  it('prints one bundle PDF served by the files route with its checksum verified', async () => {
    const r = await h.api<Tx & { bundle: { fileId: string; pageCount: number } }>('desk.printBundle', { operationId });
    expect(r.body.ok, JSON.stringify(r.body.error)).toBe(true);
    const { fileId, pageCount } = r.body.data!.bundle;
    expect(pageCount).toBeGreaterThanOrEqual(r.body.data!.documents.length);
    expect(r.body.data!.documents.every((d) => d.canHandOver && /^[0-9a-f]{64}$/.test(d.sha256 ?? ''))).toBe(true);
    const view = await h.api<{ url: string }>('documents.viewUrl', { sha256: fileId });
    expect(view.body.ok, JSON.stringify(view.body.error)).toBe(true);
    const pdf = await h.get(view.body.data!.url);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(createHash('sha256').update(pdf.raw).digest('hex')).toBe(fileId);
    expect((await h.get(`/files/${fileId}`)).status).toBe(401);
    expect((await h.get(`/files/${fileId}?token=${h.http.token}`)).status).toBe(401);
  });

  it('never serves an identity scan through the files route (PDFs for printing only)', async () => {
    const scanId = identification.scans.recipientId;
    const view = await h.api('documents.viewUrl', { sha256: scanId });
    expect([view.status, view.body.error?.code]).toEqual([404, 'PRINT_DOCUMENT_NOT_FOUND']);
    // Even with a ticket for it (the API gives none), the route serves PDFs only.
    const ticket = h.host.ctx.urlTickets!.issue(fileResource(scanId), { roles: ['clerk'] });
    const r = await h.get(`/files/${scanId}?ticket=${ticket}`);
    expect([r.status, r.body.error?.code]).toEqual([404, 'NOT_FOUND']);
  });

  it('completes once every document is ticked: view at the start time, attestation, receipt, outbox', async () => {
    const before = (await h.api<Tx>('desk.getTransaction', { operationId })).body.data!;
    for (const d of before.documents) await h.api('desk.markHandedOver', { operationId, position: d.position, handedOver: true });
    const r = await h.api<Tx>('desk.completeTransaction', { operationId });
    expect(r.body.ok, JSON.stringify(r.body.error)).toBe(true);
    expect(r.body.data!.state).toBe('COMPLETED');
    expect(r.body.data!.receiptFileId).toMatch(/^[0-9a-f]{64}$/);
    const iun = caseOf(h, 'qrPickup').notification.iun;
    const store = await openStore({ client: 'sqlite3', filename: join(h.dir, 'radd-desk.sqlite'), dataDir: h.dir, readOnly: true });
    try {
      const timeline = await store.timeline.listByIun(iun);
      const viewed = timeline.filter((e) => e.category === 'NOTIFICATION_VIEWED');
      expect(viewed).toHaveLength(1);
      expect(Date.parse(viewed[0]!.at)).toBe(Date.parse(before.startedAt));
      expect(viewed[0]!.details).toMatchObject({ raddType: 'ALT', raddTransactionId: operationId });
      const access = (await store.legalFacts.listByIun(iun, 0)).find((f) => f.type === 'RECIPIENT_ACCESS');
      expect(access?.fileRef).toMatch(/^[0-9a-f]{64}$/);
      const due = await store.outbox.due(Number.MAX_SAFE_INTEGER);
      expect(due.filter((m) => m.dedupeKey?.endsWith(operationId)).map((m) => m.kind)).toEqual(['radd.startTransaction', 'radd.completeTransaction']);
    } finally {
      await store.close();
    }
  });

  it('completing twice reads the stored outcome and records nothing more', async () => {
    const r = await h.api<Tx>('desk.completeTransaction', { operationId });
    expect(r.body.data).toMatchObject({ state: 'COMPLETED', repeated: true });
    const receipt = await h.api<{ fileId: string }>('desk.reprintReceipt', { operationId });
    expect(receipt.body.data!.fileId).toBe(r.body.data!.receiptFileId);
  });
});
