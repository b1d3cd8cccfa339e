// The rules of SEND's RADD services as the desk applies them (DOMAIN.md 10, 10.1, 13), through the
// real host on a real SQLite store: an operation closed one way refuses the other (abort after
// complete, complete after abort), an unknown operationId is "transaction does not exist", a closed
// operationId cannot start again (code 5) while a new one serves the same IUN; the print limit is a
// setting, counts completed ACT pickups only (aborted ones do not), 0 = unlimited; AOR covers only
// the notices still pending (a notice viewed at the counter leaves the list) in one log row; a view
// recorded at the counter is the recipient's NOTIFICATION_VIEWED at the start time, the status goes
// to VIEWED and the sender sees a desk pickup; a second pickup records no second view.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../db/store.js';
import { PRINT_LIMIT_KEY } from '../../electron/desk/context.js';
import { PEOPLE } from '../e2e/data/desk-cases.js';
import { caseOf, newOperationId, recipientIdentification, startDeskHost, pickUp as pickUpAt, type DeskHost } from './desk-support.js';

let h: DeskHost;
beforeAll(async () => { h = await startDeskHost('radd-desk-rules-'); }, 60_000);
afterAll(async () => { await h?.close(); });

type Tx = { operationId: string; state: string; iuns: string[]; startedAt: string; repeated: boolean; documents: { position: number; kind: string; iun: string | null }[] };
type CaseName = Parameters<typeof caseOf>[1];

async function withStore<T>(fn: (s: Store) => Promise<T>): Promise<T> {
  const s = await openStore({ client: 'sqlite3', filename: join(h.dir, 'radd-desk.sqlite'), dataDir: h.dir });
  try { return await fn(s); } finally { await s.close(); }
}

const iunOf = (name: CaseName): string => caseOf(h, name).notification.iun;

async function startAct(name: CaseName, taxId: string, operationId = newOperationId()): Promise<Tx> {
  const r = await h.api<Tx>('desk.startTransaction', { operationId, mode: 'ACT', iun: iunOf(name), identification: await recipientIdentification(h, taxId) });
  if (!r.body.ok) throw new Error(JSON.stringify(r.body.error));
  return r.body.data!;
}

const pickUp = (operationId: string): Promise<Tx> => pickUpAt<Tx>(h, operationId);

async function categories(iun: string, category: string) {
  return withStore(async (s) => (await s.timeline.listByIun(iun)).filter((e) => e.category === category));
}

describe('closing a RADD operation one way refuses the other (DOMAIN.md 10.1 "Transaction states")', () => {
  it('abort after complete is refused as already completed, and the view stays the only record', async () => {
    const tx = await startAct('qrPickup', PEOPLE.recipient.taxId);
    await pickUp(tx.operationId);
    const r = await h.api('desk.abortTransaction', { operationId: tx.operationId, reason: 'ripensamento' });
    expect(r.body.error?.code).toBe('RADD_TRANSACTION_ALREADY_COMPLETED');
    expect((await h.api<Tx>('desk.getTransaction', { operationId: tx.operationId })).body.data!.state).toBe('COMPLETED');
    expect(await categories(iunOf('qrPickup'), 'NOTIFICATION_VIEWED')).toHaveLength(1);
  });

  it('complete and abort of an operationId the desk never started: the transaction does not exist', async () => {
    const operationId = newOperationId();
    expect((await h.api('desk.completeTransaction', { operationId })).body.error?.code).toBe('RADD_TRANSACTION_NOT_FOUND');
    expect((await h.api('desk.abortTransaction', { operationId, reason: 'annullata per prova' })).body.error?.code).toBe('RADD_TRANSACTION_NOT_FOUND');
  });

  it('an aborted operationId cannot start again, even with the same data (code 5); a new operationId serves the same IUN', async () => {
    const identification = await recipientIdentification(h, PEOPLE.restart.taxId);
    const operationId = newOperationId();
    const input = { operationId, mode: 'ACT', iun: iunOf('restart'), identification };
    expect((await h.api<Tx>('desk.startTransaction', input)).body.data!.state).toBe('STARTED');
    expect((await h.api<Tx>('desk.abortTransaction', { operationId, reason: 'documento scaduto' })).body.data!.state).toBe('ABORTED');
    expect((await h.api('desk.startTransaction', input)).body.error?.code).toBe('RADD_TRANSACTION_ALREADY_EXISTS');
    expect(await categories(iunOf('restart'), 'NOTIFICATION_VIEWED')).toEqual([]);
    const again = await startAct('restart', PEOPLE.restart.taxId);
    expect(again.state).toBe('STARTED');
    await pickUp(again.operationId);
    const viewed = await categories(iunOf('restart'), 'NOTIFICATION_VIEWED');
    expect(viewed.map((e) => e.details.raddTransactionId)).toEqual([again.operationId]);
  });
});

describe('an ACT started from the AAR QR (radd-alt-external.yaml ActStartTransactionRequest.qrCode)', () => {
  it('sends SEND the QR token, not the URL the scanner read, and takes the same QR read as a bare token as the same start', async () => {
    const c = caseOf(h, 'qrPickup');
    const identification = await recipientIdentification(h, PEOPLE.recipient.taxId);
    const operationId = newOperationId();
    const first = await h.api<Tx>('desk.startTransaction', { operationId, mode: 'ACT', qrCode: `${c.qrUrl}\n`, identification });
    expect(first.body.ok, JSON.stringify(first.body.error)).toBe(true);
    const again = await h.api<Tx>('desk.startTransaction', { operationId, mode: 'ACT', qrCode: c.token, identification });
    expect(again.body.data).toMatchObject({ state: 'STARTED', repeated: true });
    const payload = await withStore(async (s) => (await s.outbox.due(Number.MAX_SAFE_INTEGER)).find((m) => m.kind === 'radd.startTransaction' && m.dedupeKey?.endsWith(operationId))?.payload);
    expect(payload).toMatchObject({ operationType: 'ACT', operationId, qrCode: c.token });
    expect(payload).not.toHaveProperty('iun');
    await h.api('desk.abortTransaction', { operationId, reason: 'solo una prova' });
  });
});

describe('a view recorded at the counter (DOMAIN.md 5 row 38, 8.2, 10 step 5, 13)', () => {
  it('is the recipient\'s NOTIFICATION_VIEWED at the start time: status VIEWED from then, viewedAt, a desk pickup for the sender', async () => {
    const iun = iunOf('delegatePickup');
    const before = await withStore(async (s) => (await s.notifications.getByIun(iun))!.derived);
    expect(before.perRecipient[0]!.viewedAt).toBeNull();
    const tx = await startAct('delegatePickup', PEOPLE.delegator.taxId);
    const done = await pickUp(tx.operationId);
    expect(Date.parse(done.startedAt)).toBe(Date.parse(tx.startedAt));
    const derived = await withStore(async (s) => (await s.notifications.getByIun(iun))!.derived);
    expect(derived.status).toBe('VIEWED');
    expect(Date.parse(derived.perRecipient[0]!.viewedAt!)).toBe(Date.parse(tx.startedAt));
    const last = derived.statusHistory[derived.statusHistory.length - 1]!;
    expect([last.status, Date.parse(last.activeFrom)]).toEqual(['VIEWED', Date.parse(tx.startedAt)]);
    const [viewed] = await categories(iun, 'NOTIFICATION_VIEWED');
    expect(viewed).toMatchObject({ recipientIndex: 0, elementId: `NOTIFICATION_VIEWED.IUN_${iun}.RECINDEX_0` });
    expect(viewed!.details).toMatchObject({ raddType: 'ALT', raddTransactionId: tx.operationId, delegateInfo: null });
    const detail = await h.api<{ raddPickups: { kind: string; by: string; at: string; recipientIndex: number }[] }>('sender.detail', { iun });
    expect(detail.body.ok, JSON.stringify(detail.body.error)).toBe(true);
    expect(detail.body.data!.raddPickups).toEqual([expect.objectContaining({ kind: 'ACT', by: 'RECIPIENT', recipientIndex: 0 })]);
    expect(Date.parse(detail.body.data!.raddPickups[0]!.at)).toBe(Date.parse(tx.startedAt));
  });

  it('a second pickup of the same notification records no second view, but counts as a print', async () => {
    const iun = iunOf('delegatePickup');
    const tx = await startAct('delegatePickup', PEOPLE.delegator.taxId);
    await pickUp(tx.operationId);
    expect(await categories(iun, 'NOTIFICATION_VIEWED')).toHaveLength(1);
    expect(await categories(iun, 'NOTIFICATION_VIEWED_CREATION_REQUEST')).toHaveLength(1);
    expect(await withStore((s) => s.raddTransactions.countCompletedAct(iun, PEOPLE.delegator.taxId))).toBe(2);
  });
});

describe('the print limit (DOMAIN.md 10.1 "Print limit": a setting, completed ACT only, 0 = unlimited)', () => {
  afterAll(async () => { await withStore((s) => s.settings.set(PRINT_LIMIT_KEY, 10, new Date().toISOString())); });

  it('does not count an aborted pickup, refuses inquiry and start once the completed ones reach it, and 0 lifts it', async () => {
    await withStore((s) => s.settings.set(PRINT_LIMIT_KEY, 1, new Date().toISOString()));
    const inquiry = async () => (await h.api('desk.inquiry', { mode: 'ACT', iun: iunOf('elsewhere'), identification: await recipientIdentification(h, PEOPLE.elsewhere.taxId) })).body;
    const aborted = await startAct('elsewhere', PEOPLE.elsewhere.taxId);
    await h.api('desk.abortTransaction', { operationId: aborted.operationId, reason: 'stampante guasta' });
    expect((await inquiry()).ok).toBe(true);
    await pickUp((await startAct('elsewhere', PEOPLE.elsewhere.taxId)).operationId);
    expect((await inquiry()).error?.code).toBe('PRINT_LIMIT_REACHED');
    const refused = await h.api('desk.startTransaction', { operationId: newOperationId(), mode: 'ACT', iun: iunOf('elsewhere'), identification: await recipientIdentification(h, PEOPLE.elsewhere.taxId) });
    expect(refused.body.error?.code).toBe('PRINT_LIMIT_REACHED');
    await withStore((s) => s.settings.set(PRINT_LIMIT_KEY, 0, new Date().toISOString()));
    expect((await inquiry()).ok).toBe(true);
  });

  it('is per IUN and recipient: the notice of ten earlier prints is refused, the default limit being 10', async () => {
    await withStore((s) => s.settings.set(PRINT_LIMIT_KEY, 10, new Date().toISOString()));
    const r = await h.api('desk.inquiry', { mode: 'ACT', iun: iunOf('alreadyCollected'), identification: await recipientIdentification(h, PEOPLE.other.taxId) });
    expect(r.body.error?.code).toBe('PRINT_LIMIT_REACHED');
    const ok = await h.api('desk.inquiry', { mode: 'ACT', iun: iunOf('actMissing'), identification: await recipientIdentification(h, PEOPLE.other.taxId) });
    expect(ok.body.error?.code).not.toBe('PRINT_LIMIT_REACHED');
  });
});

describe('AOR covers only the notices still pending (DOMAIN.md 10 step 2, 10.1 "AOR")', () => {
  const aor = (name: 'aor1' | 'aor2' | 'aor3') => iunOf(name);
  const aorInquiry = async () => h.api<{ notifications: { iun: string }[] }>('desk.inquiry', { mode: 'AOR', identification: await recipientIdentification(h, PEOPLE.unreachable.taxId) });

  it('an aborted AOR records nothing and leaves the list as it was', async () => {
    const operationId = newOperationId();
    const started = await h.api<Tx>('desk.startTransaction', { operationId, mode: 'AOR', identification: await recipientIdentification(h, PEOPLE.unreachable.taxId) });
    expect(started.body.data!.iuns.sort()).toEqual([aor('aor1'), aor('aor2'), aor('aor3')].sort());
    await h.api('desk.abortTransaction', { operationId, reason: 'la persona se ne è andata' });
    for (const n of ['aor1', 'aor2', 'aor3'] as const) expect(await categories(aor(n), 'NOTIFICATION_RADD_RETRIEVED')).toEqual([]);
    expect((await aorInquiry()).body.data!.notifications.map((n) => n.iun)).toEqual([aor('aor1'), aor('aor2'), aor('aor3')]);
  });

  it('a notice the recipient viewed at the counter (ACT) leaves the AOR list; AOR then covers the other two only, in one log row', async () => {
    await pickUp((await startAct('aor1', PEOPLE.unreachable.taxId)).operationId);
    expect((await aorInquiry()).body.data!.notifications.map((n) => n.iun)).toEqual([aor('aor2'), aor('aor3')]);
    const operationId = newOperationId();
    const started = await h.api<Tx>('desk.startTransaction', { operationId, mode: 'AOR', identification: await recipientIdentification(h, PEOPLE.unreachable.taxId) });
    expect(started.body.data!.iuns.sort()).toEqual([aor('aor2'), aor('aor3')].sort());
    expect(started.body.data!.documents.map((d) => [d.kind, d.iun])).toEqual([['COVER_PAGE', null], ['AAR', aor('aor2')], ['AAR', aor('aor3')]]);
    await pickUp(operationId);
    expect(await categories(aor('aor1'), 'NOTIFICATION_RADD_RETRIEVED')).toEqual([]);
    for (const n of ['aor2', 'aor3'] as const) {
      const retrieved = await categories(aor(n), 'NOTIFICATION_RADD_RETRIEVED');
      expect(retrieved.map((e) => [e.elementId, e.details.raddTransactionId])).toEqual([[`NOTIFICATION_RADD_RETRIEVED.IUN_${aor(n)}.RECINDEX_0`, operationId]]);
      // No status change, no view (DOMAIN.md 10 step 5: AOR records only the retrieval).
      expect(await categories(aor(n), 'NOTIFICATION_VIEWED')).toEqual([]);
    }
    const history = await h.api<{ items: { operationId: string; operationType: string; iuns: string[] }[] }>('desk.searchHistory', { iun: aor('aor3') });
    const rows = history.body.data!.items.filter((i) => i.operationType === 'AOR' && i.operationId === operationId);
    expect(rows).toHaveLength(1);
    expect([...rows[0]!.iuns].sort()).toEqual([aor('aor2'), aor('aor3')].sort());
    expect((await h.api('desk.abortTransaction', { operationId, reason: 'annullata per prova' })).body.error?.code).toBe('RADD_TRANSACTION_ALREADY_COMPLETED');
    expect((await aorInquiry()).body.error?.code).toBe('AOR_NOTHING_PENDING');
  });
});
