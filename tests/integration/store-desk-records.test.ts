// Repository suite, part 2 (RADD transactions, postal outcomes, outbox, audit, settings, users,
// AAR tokens): runs unchanged on SQLite and on a real PostgreSQL server.
import { describe, expect } from 'vitest';
import type { Store } from '../../db/store.js';
import type { RaddTransaction } from '../../db/repositories/radd-transactions-repo.js';
import { anImport } from '../support/store-builders.js';
import { storeBackends, useBackend } from '../support/store-backends.js';

function aTransaction(operationId: string, overrides: Partial<RaddTransaction['start']> = {}, iuns: string[] = []): RaddTransaction {
  return {
    operationId,
    state: 'DRAFT',
    start: {
      operationType: 'ACT', recipientTaxId: 'RSSMRA85T10A562S', recipientType: 'PF', delegateTaxId: null, iun: null,
      qrCode: null, fileKey: null, checksum: null, operationDate: '2026-03-12T10:00:00+01:00', ...overrides,
    },
    iuns,
    startedAt: '2026-03-12T10:00:00+01:00',
    completedAt: null,
    abortedAt: null,
    abortReason: null,
    errorReason: null,
    updatedAt: '2026-03-12T10:00:00+01:00',
  };
}

describe.each(storeBackends())('store desk records on $name', (backend) => {
  const test = useBackend(backend);

  test('a RADD transaction is created once per operationId; a repeat returns the stored one', async () => {
    const s: Store = await backend.newStore();
    const t = aTransaction('op-1', { iun: 'ADEG-HJKL-MNPQ-202603-A-1' }, ['ADEG-HJKL-MNPQ-202603-A-1']);
    expect(await s.raddTransactions.create(t)).toEqual({ created: true, transaction: t });
    const repeat = await s.raddTransactions.create(aTransaction('op-1', { recipientTaxId: 'BNCLRA90A41F205I' }));
    expect(repeat).toEqual({ created: false, transaction: t });
    expect(await s.raddTransactions.get('op-1')).toEqual(t);
    await s.close();
  });

  test('a RADD state change applies only from the expected states (compare-and-set)', async () => {
    const s: Store = await backend.newStore();
    const t = aTransaction('op-2');
    await s.raddTransactions.create(t);
    const started = { ...t, state: 'STARTED' as const, iuns: ['ADEG-HJKL-MNPQ-202603-A-1'] };
    expect(await s.raddTransactions.update(started, ['DRAFT'])).toBe(true);
    const completed = { ...started, state: 'COMPLETED' as const, completedAt: '2026-03-12T10:05:00+01:00' };
    expect(await s.raddTransactions.update(completed, ['STARTED'])).toBe(true);
    expect(await s.raddTransactions.update({ ...completed, state: 'ABORTED' }, ['STARTED'])).toBe(false);
    expect(await s.raddTransactions.get('op-2')).toEqual(completed);
    await s.close();
  });

  test('the print count counts completed ACTs of that IUN and recipient only', async () => {
    const s: Store = await backend.newStore();
    const iun = 'ADEG-HJKL-MNPQ-202603-A-1';
    const done = (id: string, o: Partial<RaddTransaction['start']> = {}, state: RaddTransaction['state'] = 'COMPLETED') =>
      ({ ...aTransaction(id, { iun, ...o }, [iun]), state });
    await s.raddTransactions.create(done('a'));
    await s.raddTransactions.create(done('b'));
    await s.raddTransactions.create(done('c', {}, 'ABORTED'));
    await s.raddTransactions.create(done('d', { recipientTaxId: 'BNCLRA90A41F205I' }));
    await s.raddTransactions.create(done('e', { operationType: 'AOR' }));
    expect(await s.raddTransactions.countCompletedAct(iun, 'RSSMRA85T10A562S')).toBe(2);
    await s.close();
  });

  test('the RADD history finds by IUN, by operationId, and by recipient or delegate tax id within dates', async () => {
    const s: Store = await backend.newStore();
    const iunA = 'ADEG-HJKL-MNPQ-202603-A-1';
    const iunB = 'EDGA-HJKL-MNPQ-202603-A-1';
    await s.raddTransactions.create(aTransaction('t1', { operationType: 'AOR', operationDate: '2026-03-01T09:00:00+01:00' }, [iunA, iunB]));
    await s.raddTransactions.create(aTransaction('t2', { operationDate: '2026-03-05T09:00:00+01:00', delegateTaxId: 'BNCLRA90A41F205I' }, [iunB]));
    await s.raddTransactions.create(aTransaction('t3', { recipientTaxId: 'VRDGPP80A01H501U', operationDate: '2026-03-06T09:00:00+01:00' }, [iunA]));
    const ids = (r: RaddTransaction[]) => r.map((t) => t.operationId);
    expect(ids(await s.raddTransactions.search({ iun: iunA }))).toEqual(['t3', 't1']);
    expect(ids(await s.raddTransactions.search({ operationId: 't2' }))).toEqual(['t2']);
    expect(ids(await s.raddTransactions.search({ taxId: 'BNCLRA90A41F205I' }))).toEqual(['t2']);
    expect(ids(await s.raddTransactions.search({ taxId: 'RSSMRA85T10A562S', from: '2026-03-02T00:00:00+01:00', to: '2026-03-31T23:59:59.999+02:00' }))).toEqual(['t2']);
    expect((await s.raddTransactions.search({ iun: iunA })).find((t) => t.operationId === 't1')?.iuns).toEqual([iunA, iunB]);
    await s.close();
  });

  test('a postal outcome is recorded once per element', async () => {
    const s: Store = await backend.newStore();
    const w = anImport();
    await s.timeline.importNotifications([w]);
    const o = {
      iun: w.notification.iun, recipientIndex: 0, attempt: 0, deliveryDetailCode: 'RECAG001C', at: '2026-03-14T11:00:00+01:00',
      elementId: `SEND_ANALOG_FEEDBACK.IUN_${w.notification.iun}.RECINDEX_0.ATTEMPT_0`, recordedBy: 'postal1', recordedAt: '2026-03-15T09:00:00+01:00',
      attachments: [{ documentType: 'AR' }],
    };
    expect(await s.analogOutcomes.record(o)).toBe(true);
    expect(await s.analogOutcomes.record({ ...o, deliveryDetailCode: 'RECAG002C' })).toBe(false);
    expect(await s.analogOutcomes.list(w.notification.iun, 0)).toEqual([o]);
    expect(await s.analogOutcomes.list(w.notification.iun, 0, 1)).toEqual([]);
    await s.close();
  });

  test('the outbox deduplicates, hands out due messages and records attempts', async () => {
    const s: Store = await backend.newStore();
    const at = '2026-03-12T10:00:00+01:00';
    const ms = Date.parse(at);
    expect(await s.outbox.enqueue({ kind: 'radd.complete', payload: { op: 1 }, createdAt: at, dedupeKey: 'op-1' })).toBe(true);
    expect(await s.outbox.enqueue({ kind: 'radd.complete', payload: { op: 1 }, createdAt: at, dedupeKey: 'op-1' })).toBe(false);
    const [msg] = await s.outbox.due(ms);
    expect(msg?.payload).toEqual({ op: 1 });
    await s.outbox.markFailed(msg!.id, 'timeout', ms + 60_000);
    expect(await s.outbox.due(ms)).toEqual([]);
    const retried = await s.outbox.due(ms + 60_000);
    expect(retried.map((m) => [m.attempts, m.lastError])).toEqual([[1, 'timeout']]);
    await s.outbox.markSent(msg!.id, '2026-03-12T10:01:00+01:00');
    expect(await s.outbox.due(Number.MAX_SAFE_INTEGER)).toEqual([]);
    expect(await s.outbox.pendingCount()).toBe(0);
    await s.close();
  });

  test('audit entries, settings, sync cursors, users and AAR tokens round-trip', async () => {
    const s: Store = await backend.newStore();
    const at = '2026-03-12T10:00:00+01:00';
    await s.audit.append({ at, actor: 'clerk1', action: 'desk.complete', subject: 'op-1', details: { iun: 'X' } });
    await s.audit.append({ at, actor: 'clerk1', action: 'desk.start', subject: 'op-2' });
    expect((await s.audit.listBySubject('op-1')).map(({ id: _id, ...e }) => e)).toEqual([{ at, actor: 'clerk1', action: 'desk.complete', subject: 'op-1', details: { iun: 'X' } }]);
    await s.settings.set('radd.printLimit', 10, at);
    await s.settings.set('radd.printLimit', 5, at);
    expect(await s.settings.all()).toEqual({ 'radd.printLimit': 5 });
    await s.syncCursors.set('send-b2b:timeline', 'c1', at);
    await s.syncCursors.set('send-b2b:timeline', 'c2', at);
    expect(await s.syncCursors.get('send-b2b:timeline')).toBe('c2');
    const user = { id: 'u1', username: 'mario', displayName: 'Mario', roles: ['clerk' as const], active: true, createdAt: at };
    await s.users.save(user);
    await s.users.save({ ...user, roles: ['clerk', 'admin'] });
    expect(await s.users.getByUsername('mario')).toEqual({ ...user, roles: ['clerk', 'admin'] });
    const w = anImport();
    await s.timeline.importNotifications([w]);
    await s.aarTokens.put('tok-1', w.notification.iun, 0);
    await s.aarTokens.put('tok-1', w.notification.iun, 0);
    expect(await s.aarTokens.resolve('tok-1')).toEqual({ iun: w.notification.iun, recipientIndex: 0 });
    expect(await s.aarTokens.resolve('nope')).toBeUndefined();
    await s.close();
  });
});
