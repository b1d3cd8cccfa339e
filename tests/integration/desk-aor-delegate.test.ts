// AOR by tax code (three undelivered notices in one operation) and an ACT pickup by a delegate
// (DOMAIN.md 10 steps 2 and 5, 10.1 "AOR", "Identity evidence"), through the real host.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatRomeDate } from '../../core/index.js';
import { openStore } from '../../db/store.js';
import { readZip } from '../../electron/sync/zip.js';
import { MANDATE_ID, PEOPLE } from '../e2e/data/desk-cases.js';
import { caseOf, delegateIdentification, newOperationId, recipientIdentification, startDeskHost, pickUp as pickUpAt, type DeskHost } from './desk-support.js';

let h: DeskHost;
beforeAll(async () => { h = await startDeskHost('radd-desk-aor-'); }, 60_000);
afterAll(async () => { await h?.close(); });

type Tx = { operationId: string; state: string; iuns: string[]; documents: { position: number; kind: string; iun: string | null }[]; delegate: { taxId: string; mandateId: string | null } | null };

const pickUp = (operationId: string): Promise<Tx> => pickUpAt<Tx>(h, operationId);

async function readStore<T>(fn: (s: Awaited<ReturnType<typeof openStore>>) => Promise<T>): Promise<T> {
  const s = await openStore({ client: 'sqlite3', filename: join(h.dir, 'radd-desk.sqlite'), dataDir: h.dir, readOnly: true });
  try { return await fn(s); } finally { await s.close(); }
}

describe('desk AOR', () => {
  const aors = () => ['aor1', 'aor2', 'aor3'].map((n) => caseOf(h, n as 'aor1').notification.iun);

  it('lists the three undelivered notices of the tax code, oldest first, each with its AAR to print', async () => {
    const id = await recipientIdentification(h, PEOPLE.unreachable.taxId);
    const r = await h.api<{ notifications: { iun: string }[]; documents: { kind: string }[] }>('desk.inquiry', { mode: 'AOR', identification: id });
    expect(r.body.data!.notifications.map((n) => n.iun)).toEqual(aors());
    expect(r.body.data!.documents.map((d) => d.kind)).toEqual(['COVER_PAGE', 'AAR', 'AAR', 'AAR']);
  });

  it('completes one operation for the three IUNs, each marked retrieved, and the list is then empty', async () => {
    const id = await recipientIdentification(h, PEOPLE.unreachable.taxId);
    const operationId = newOperationId();
    const started = await h.api<Tx>('desk.startTransaction', { operationId, mode: 'AOR', identification: id });
    expect(started.body.data!.iuns.sort()).toEqual([...aors()].sort());
    await pickUp(operationId);
    const retrieved = await readStore(async (s) => Promise.all(aors().map(async (iun) => (await s.timeline.listByIun(iun)).filter((e) => e.category === 'NOTIFICATION_RADD_RETRIEVED').length)));
    expect(retrieved).toEqual([1, 1, 1]);
    const again = await h.api('desk.inquiry', { mode: 'AOR', identification: await recipientIdentification(h, PEOPLE.unreachable.taxId) });
    expect(again.body.error?.code).toBe('AOR_NOTHING_PENDING');
  });
});

describe('desk ACT by a delegate', () => {
  it('records the pickup as a delegate\'s, with the mandate, and builds the upload zip with delega.pdf', async () => {
    const c = caseOf(h, 'delegatePickup');
    const id = await delegateIdentification(h, PEOPLE.delegator.taxId, PEOPLE.delegate);
    const operationId = newOperationId();
    const started = await h.api<Tx & { evidenceChecksum: string }>('desk.startTransaction', { operationId, mode: 'ACT', iun: c.notification.iun.toLowerCase(), identification: id });
    expect(started.body.ok, JSON.stringify(started.body.error)).toBe(true);
    expect(started.body.data!.delegate).toMatchObject({ taxId: PEOPLE.delegate.taxId, mandateId: MANDATE_ID });
    await pickUp(operationId);
    const { viewed, zipNames } = await readStore(async (s) => {
      const el = (await s.timeline.listByIun(c.notification.iun)).find((e) => e.category === 'NOTIFICATION_VIEWED');
      const op = await s.deskRecords.get(operationId);
      const zip = readZip(await s.files.read(op!.record.evidenceSha256!));
      return { viewed: el, zipNames: zip.map((e) => e.name) };
    });
    expect(viewed?.details.delegateInfo).toMatchObject({ taxId: PEOPLE.delegate.taxId, mandateId: MANDATE_ID, delegateType: 'PF' });
    expect(zipNames).toEqual(['metadati_destinatario.json', 'metadati_delegato.json', 'delega.pdf']);
  });

  it('counts the pickup in the day summary as a delegate\'s', async () => {
    const r = await h.api<{ completed: number; act: number; aor: number; byDelegate: number; byRecipient: number; notifications: number }>('desk.dailySummary', {});
    expect(r.body.data).toMatchObject({ completed: 2, act: 1, aor: 1, byDelegate: 1, byRecipient: 1, notifications: 4 });
  });

  it('finds the operations in the history by IUN, by tax code and date, and by type', async () => {
    const iun = caseOf(h, 'delegatePickup').notification.iun;
    const byIun = await h.api<{ items: { operationType: string; state: string }[] }>('desk.searchHistory', { iun });
    expect(byIun.body.data!.items).toEqual([expect.objectContaining({ operationType: 'ACT', state: 'COMPLETED' })]);
    const today = formatRomeDate(h.nowMs);
    const byTax = await h.api<{ items: unknown[] }>('desk.searchHistory', { taxId: PEOPLE.unreachable.taxId, from: today, operationType: 'AOR' });
    expect(byTax.body.data!.items).toHaveLength(1);
    const future = await h.api('desk.searchHistory', { taxId: PEOPLE.unreachable.taxId, from: '2999-01-01' });
    expect(future.body.error?.code).toBe('HISTORY_DATE_IN_FUTURE');
  });
});
