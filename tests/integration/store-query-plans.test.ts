// Every lookup of the repositories is an index seek on SQLite: each statement they issue (SELECTs,
// and the UPDATE/DELETE/INSERT of the timeline write path, whose rows find theirs by key) is run
// through EXPLAIN QUERY PLAN and must not contain a full-table SCAN.
import { afterAll, describe, expect, it } from 'vitest';
import type { Store } from '../../db/store.js';
import { anImport } from '../support/store-builders.js';
import { tempStoreDir } from '../support/store-temp.js';

const tmp = tempStoreDir('radd-plans-');
afterAll(() => tmp.remove());

/** Statements issued while running `fn`, with their bindings (transaction control left out). */
async function capture(store: Store, fn: () => Promise<unknown>): Promise<{ sql: string; bindings: unknown[] }[]> {
  const seen: { sql: string; bindings: unknown[] }[] = [];
  const listener = (q: { sql: string; bindings?: unknown[] }) => {
    if (/^\s*(select|update|delete|insert)/i.test(q.sql)) seen.push({ sql: q.sql, bindings: q.bindings ?? [] });
  };
  store.knex.on('query', listener);
  try {
    await fn();
  } finally {
    store.knex.removeListener('query', listener);
  }
  return seen;
}

async function fullScans(store: Store, queries: { sql: string; bindings: unknown[] }[]): Promise<string[]> {
  const scans: string[] = [];
  for (const q of queries) {
    const plan = (await store.knex.raw(`EXPLAIN QUERY PLAN ${q.sql}`, q.bindings as never[])) as { detail: string }[];
    for (const step of plan) if (/^SCAN (?!jsonb?_each|CONSTANT)/.test(step.detail)) scans.push(`${step.detail}  <-  ${q.sql}`);
  }
  return scans;
}

describe('store query plans', () => {
  it('repository lookups use indexes, never a full scan', async () => {
    const s = await tmp.open('plans');
    const w = anImport({}, 'DELIVERED');
    await s.timeline.importNotifications([w, anImport({}, 'ACCEPTED')]);
    // No ANALYZE: with statistics of a two-row table SQLite rightly prefers scanning it.
    const iun = w.notification.iun;
    const taxId = w.notification.recipients[0]!.taxId;
    const lookups: [string, () => Promise<unknown>][] = [
      ['getByIun', () => s.notifications.getByIun(iun)],
      ['listPendingByTaxId', () => s.notifications.listPendingByTaxId(taxId)],
      ['listPendingByTaxId UNREACHABLE (AOR)', () => s.notifications.listPendingByTaxId(taxId, 'UNREACHABLE')],
      ['listForSender status+dates', () => s.notifications.listForSender({ senderTaxId: w.notification.senderTaxId, statuses: ['DELIVERED'], from: '2026-01-01T00:00:00Z', to: '2026-12-31T00:00:00Z' })],
      ['listForSender recipient', () => s.notifications.listForSender({ senderTaxId: w.notification.senderTaxId, statuses: ['DELIVERED'], recipientTaxId: taxId })],
      ['listForSender cursor', () => s.notifications.listForSender({ senderTaxId: w.notification.senderTaxId, cursor: `${Date.now()}|${iun}` })],
      ['sender list by protocol number (any letter case)', () => s.senderQueries.page({ protocol: 'pg/2026/', offset: 0, limit: 50 })],
      ['timeline', () => s.timeline.listByIun(iun)],
      ['legal facts', () => s.legalFacts.listByIun(iun, 0)],
      ['radd by iun', () => s.raddTransactions.search({ iun })],
      ['radd by tax id', () => s.raddTransactions.search({ taxId, from: '2026-01-01T00:00:00Z' })],
      ['radd print count', () => s.raddTransactions.countCompletedAct(iun, taxId)],
      ['analog outcomes', () => s.analogOutcomes.list(iun, 0, 0)],
      ['outbox due', () => s.outbox.due(Date.now())],
      ['audit', () => s.audit.listBySubject(iun)],
      ['aar token', () => s.aarTokens.resolve('t')],
      ['user', () => s.users.getByUsername('mario')],
      ['mandates of a tax code (delegator or delegate)', () => s.deskMandates.listByTaxId(taxId)],
      ['append (lock + state)', () => s.timeline.appendElements(iun, [])],
      ['append rebuilding the state (timeline read, derived columns, engine state, legal facts written)', () =>
        s.timeline.appendElements(iun, [{ category: 'NOTIFICATION_VIEWED', at: '2026-03-20T10:00:00+01:00', recipientIndex: 0 }])],
    ];
    const problems: string[] = [];
    for (const [name, fn] of lookups) {
      const queries = await capture(s, fn);
      expect(queries.length, name).toBeGreaterThan(0);
      problems.push(...(await fullScans(s, queries)).map((p) => `${name}: ${p}`));
    }
    expect(problems).toEqual([]);
    await s.close();
  });
});
