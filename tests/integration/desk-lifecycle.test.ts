// The life of a RADD operation across restarts and desks (DOMAIN.md 10 step 6, 10.1 "Transaction
// states"): a STARTED one survives a restart and can be resumed or aborted; abort records nothing on
// the notification; a completion by another desk is refused without a second record; an act that
// vanished after the start puts the operation in ERROR with its reason.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../db/store.js';
import { DESK_IDENTITY_KEY } from '../../electron/auth/desk-settings.js';
import { PEOPLE } from '../e2e/data/desk-cases.js';
import { caseOf, newOperationId, recipientIdentification, startDeskHost, type DeskHost } from './desk-support.js';

let h: DeskHost;
beforeAll(async () => { h = await startDeskHost('radd-desk-life-'); }, 60_000);
afterAll(async () => { await h?.close(); });

type Tx = { operationId: string; state: string; errorReason: { code: string; message: string; params?: Record<string, string | number> } | null; abortReason: string | null; documents: { position: number }[]; repeated: boolean; operatorId: string | null; operatorName?: string | null; desk?: unknown };

type ReceiptState = { receiptPrintedAt: string | null; receiptPrints: number };

async function start(name: 'restart' | 'elsewhere' | 'qrPickup', taxId: string): Promise<string> {
  const operationId = newOperationId();
  const r = await h.api<Tx>('desk.startTransaction', { operationId, mode: 'ACT', iun: caseOf(h, name).notification.iun, identification: await recipientIdentification(h, taxId) });
  if (!r.body.ok) throw new Error(JSON.stringify(r.body.error));
  return operationId;
}

async function withStore<T>(fn: (s: Store) => Promise<T>): Promise<T> {
  const s = await openStore({ client: 'sqlite3', filename: join(h.dir, 'radd-desk.sqlite'), dataDir: h.dir });
  try { return await fn(s); } finally { await s.close(); }
}

describe('desk operation lifecycle', () => {
  it('keeps a started operation open across a restart, lists it, and lets it be aborted without touching the notification', async () => {
    const operationId = await start('restart', PEOPLE.restart.taxId);
    await h.api('desk.printBundle', { operationId });
    await h.restart();
    const open = await h.api<{ operationId: string; state: string }[]>('desk.listOpenTransactions', {});
    expect(open.body.data!.map((o) => o.operationId)).toContain(operationId);
    const resumed = await h.api<Tx>('desk.getTransaction', { operationId });
    expect(resumed.body.data!.state).toBe('STARTED');
    // The operator is named as on paper: the display name, else (no such operator, as for this
    // token-only host) the id. The e2e desk spec sees a signed-in operator's name.
    const operatorId = resumed.body.data!.operatorId!;
    const displayName = await withStore(async (s) => (await s.users.get(operatorId))?.displayName);
    expect(resumed.body.data!.operatorName).toBe(displayName ?? operatorId);
    // No desk identity on this host: the desk is "this desk" for the screen, never its internal id.
    expect(resumed.body.data!.desk).toEqual({ code: null, name: null, thisDesk: true });
    expect(open.body.data!.find((o) => o.operationId === operationId)).toMatchObject({ desk: { code: null, name: null, thisDesk: true } });
    const aborted = await h.api<Tx>('desk.abortTransaction', { operationId, reason: 'La persona non ha più tempo' });
    expect(aborted.body.data).toMatchObject({ state: 'ABORTED', abortReason: 'La persona non ha più tempo' });
    expect((await h.api<Tx>('desk.abortTransaction', { operationId, reason: 'di nuovo' })).body.data!.repeated).toBe(true);
    expect((await h.api('desk.completeTransaction', { operationId })).body.error?.code).toBe('RADD_TRANSACTION_ALREADY_ABORTED');
    const viewed = await withStore(async (s) => (await s.timeline.listByIun(caseOf(h, 'restart').notification.iun)).filter((e) => e.category === 'NOTIFICATION_VIEWED'));
    expect(viewed).toEqual([]);
  });

  it('refuses to complete an operation another desk completed, and records nothing', async () => {
    const operationId = await start('elsewhere', PEOPLE.elsewhere.taxId);
    const printed = await h.api<Tx>('desk.printBundle', { operationId });
    for (const d of printed.body.data!.documents) await h.api('desk.markHandedOver', { operationId, position: d.position, handedOver: true });
    // Another desk on the same database completes it first.
    await withStore(async (s) => {
      const tx = (await s.raddTransactions.get(operationId))!;
      await s.raddTransactions.update({ ...tx, state: 'COMPLETED', completedAt: tx.startedAt, updatedAt: tx.startedAt }, ['STARTED']);
      await s.deskRecords.markCompleted(operationId, { deskId: 'RADD-ALTRO', operatorId: 'op-7', completedMs: Date.now() });
    });
    const r = await h.api('desk.completeTransaction', { operationId });
    expect(r.body.error?.code).toBe('RADD_TRANSACTION_COMPLETED_ELSEWHERE');
    // The other desk is named by its code.
    const seen = await h.api<Tx & { completedBy: { deskId: string; desk?: unknown } | null }>('desk.getTransaction', { operationId });
    expect(seen.body.data!.completedBy).toMatchObject({ deskId: 'RADD-ALTRO', desk: { code: 'RADD-ALTRO', name: null, thisDesk: false } });
    const viewed = await withStore(async (s) => (await s.timeline.listByIun(caseOf(h, 'elsewhere').notification.iun)).filter((e) => e.category === 'NOTIFICATION_VIEWED'));
    expect(viewed).toEqual([]);
  });

  it('records the receipt prints on the operation: after a restart the next print is still a reprint', async () => {
    const operationId = await start('restart', PEOPLE.restart.taxId);
    const printed = await h.api<Tx>('desk.printBundle', { operationId });
    expect((await h.api('desk.receiptPrinted', { operationId })).body.error?.code).toBe('DESK_RECEIPT_NOT_AVAILABLE');
    for (const d of printed.body.data!.documents) await h.api('desk.markHandedOver', { operationId, position: d.position, handedOver: true });
    const done = await h.api<Tx & ReceiptState>('desk.completeTransaction', { operationId });
    expect(done.body.data).toMatchObject({ state: 'COMPLETED', receiptPrintedAt: null, receiptPrints: 0 });
    const first = await h.api<Tx & ReceiptState>('desk.receiptPrinted', { operationId });
    expect(first.body.ok, JSON.stringify(first.body.error)).toBe(true);
    expect(first.body.data!.receiptPrints).toBe(1);
    expect(Date.parse(first.body.data!.receiptPrintedAt!)).not.toBeNaN();
    expect(first.body.data!.operatorName).toBeTruthy();
    const again = await h.api<Tx & ReceiptState>('desk.receiptPrinted', { operationId });
    expect(again.body.data).toMatchObject({ receiptPrintedAt: first.body.data!.receiptPrintedAt, receiptPrints: 2 });
    await h.restart();
    const reopened = await h.api<Tx & ReceiptState>('desk.getTransaction', { operationId });
    expect(reopened.body.data).toMatchObject({ receiptPrintedAt: first.body.data!.receiptPrintedAt, receiptPrints: 2 });
    // In the audit log like every other write of the desk: the refusal before completion, two prints.
    const audited = await withStore(async (s) => (await s.knex('audit_log').where({ action: 'desk.receiptPrinted', subject: operationId }).orderBy('id').pluck('details')) as string[]);
    expect(audited.map((d) => (JSON.parse(d) as { d: { outcome: string } }).d.outcome)).toEqual(['refused', 'ok', 'ok']);
  });

  it('counts a receipt print sent again under the same requestId (its answer lost) once, with the first answer and no second audit entry', async () => {
    const operationId = await start('restart', PEOPLE.restart.taxId);
    const printed = await h.api<Tx>('desk.printBundle', { operationId });
    for (const d of printed.body.data!.documents) await h.api('desk.markHandedOver', { operationId, position: d.position, handedOver: true });
    const done = await h.api('desk.completeTransaction', { operationId });
    expect(done.body.ok, JSON.stringify(done.body.error)).toBe(true);
    const requestId = '3f0c8a62-5d1e-4c7b-9a8f-2b6d4e1c7a90';
    const first = await h.api<Tx & ReceiptState>('desk.receiptPrinted', { operationId, requestId });
    expect(first.body.data!.receiptPrints).toBe(1);
    const repeat = await h.api<Tx & ReceiptState>('desk.receiptPrinted', { operationId, requestId });
    expect(repeat.body.data).toEqual(first.body.data);
    const stored = await h.api<Tx & ReceiptState>('desk.getTransaction', { operationId });
    expect(stored.body.data!.receiptPrints).toBe(1);
    // A new print is a new id: counted.
    const next = await h.api<Tx & ReceiptState>('desk.receiptPrinted', { operationId, requestId: '9b2e4f10-7c3a-4d5e-8f6a-1c2b3d4e5f60' });
    expect(next.body.data!.receiptPrints).toBe(2);
    const audited = await withStore(async (s) => (await s.knex('audit_log').where({ action: 'desk.receiptPrinted', subject: operationId }).count<{ n: number }[]>({ n: '*' }))[0]!.n);
    expect(Number(audited)).toBe(2);
  });

  it('puts the operation in ERROR with its reason when an act vanished after the start', async () => {
    const operationId = await start('qrPickup', PEOPLE.recipient.taxId);
    const ref = await withStore(async (s) => (await s.notifications.getByIun(caseOf(h, 'qrPickup').notification.iun))!.notification.documents[0]!.ref!);
    await rm(join(h.dir, 'files', ref.slice(0, 2), ref));
    const r = await h.api<Tx & { bundle: unknown }>('desk.printBundle', { operationId });
    expect(r.body.data).toMatchObject({ state: 'ERROR', bundle: null });
    expect(r.body.data!.errorReason).toMatchObject({ code: 'DESK_PRINT_FAILED', message: expect.stringMatching(/non è presente su questo computer/) });
    expect((await h.api('desk.completeTransaction', { operationId })).body.error?.code).toBe('RADD_TRANSACTION_IN_ERROR');
  });

  it('names this desk in the log and the day summary: "this desk" until it has an identity, then its name', async () => {
    type Named = { desk: { code: string | null; name: string | null; thisDesk: boolean } | null };
    const summary = await h.api<Named & { deskId: string }>('desk.dailySummary', {});
    expect(summary.body.data!.desk).toEqual({ code: null, name: null, thisDesk: true });
    const log = await h.api<{ items: Named[] }>('desk.searchHistory', {});
    expect(log.body.data!.items.length).toBeGreaterThan(0);
    for (const i of log.body.data!.items) expect(i.desk).toEqual({ code: null, name: null, thisDesk: true });
    // Once the administrator names the desk, its earlier operations (stored under the local id) read by that name.
    const identity = { raddPointCode: 'RADD-MI-042', name: 'Punto RADD Milano Centro', address: { street: 'Via Roma 1', zip: '20121', city: 'Milano', province: 'MI' } };
    await withStore(async (s) => s.settings.set(DESK_IDENTITY_KEY, identity, new Date().toISOString()));
    try {
      const named = await h.api<{ items: Named[] }>('desk.searchHistory', { from: '2020-01-01' });
      // (Operations with no desk record, the log's older ones, have no desk to name.)
      const ours = named.body.data!.items.filter((i) => i.desk !== null);
      expect(ours.length).toBeGreaterThan(0);
      for (const i of ours) expect(i.desk).toEqual({ code: 'RADD-MI-042', name: 'Punto RADD Milano Centro', thisDesk: true });
      expect((await h.api<Named>('desk.dailySummary', {})).body.data!.desk).toEqual({ code: 'RADD-MI-042', name: 'Punto RADD Milano Centro', thisDesk: true });
    } finally {
      await withStore(async (s) => s.knex('settings').where({ key: DESK_IDENTITY_KEY }).delete());
    }
  });
});
