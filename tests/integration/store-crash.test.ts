// Crash safety: a child process appends timeline elements in transactions and is killed with
// SIGKILL at random points, many times. After each kill the store must open (quick_check),
// hold every element the child reported as committed, and hold no half-applied write: the
// derived state equals a full re-derivation of the stored elements.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { deriveNotification } from '../../db/engine.js';
import { openStore, type Store } from '../../db/store.js';
import { CRASH_IMPORT_BATCH, crashWorkload } from '../support/store-crash-workload.js';
import { tempStoreDir } from '../support/store-temp.js';

const KILLS = 20;
const tmp = tempStoreDir('radd-crash-');
afterAll(() => tmp.remove());

const childScript = join(import.meta.dirname, '..', 'support', 'store-crash-child.ts');

/** Runs the child until it has reported `commits` commits (or a deadline), then SIGKILLs it. */
function runAndKill(filename: string, dataDir: string, seed: number, commits: number, mode: 'append' | 'import' | 'stream' = 'append'): Promise<string[][]> {
  const marker = mode === 'append' ? 'COMMIT ' : 'BATCH ';
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', childScript, filename, dataDir, String(seed), mode], { stdio: ['ignore', 'pipe', 'pipe'] });
    const committed: string[][] = [];
    let buffer = '';
    let stderr = '';
    const kill = () => child.kill('SIGKILL');
    const deadline = setTimeout(kill, 8000);
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) if (line.startsWith(marker)) committed.push(line.split(' ').slice(1));
      // Kill a little after the target, at a point in the middle of the next transaction.
      if (committed.length >= commits) setTimeout(kill, seed % 7);
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (_code, signal) => {
      clearTimeout(deadline);
      if (signal !== 'SIGKILL') reject(new Error(`child ended by itself: ${stderr}`));
      else resolve(committed);
    });
  });
}

async function expectConsistent(store: Store, iun: string): Promise<void> {
  const record = (await store.notifications.getByIun(iun))!;
  const elements = await store.timeline.listByIun(iun);
  const full = deriveNotification({ iun, sentAt: record.notification.sentAt, recipientCount: record.notification.recipients.length }, elements).result;
  expect(record.derived).toEqual(full);
  expect(await store.notifications.statusOf(iun)).toBe(full.status);
  const facts = [...full.notificationLegalFacts, ...full.perRecipient.flatMap((r) => r.legalFacts)].map((f) => f.id).sort();
  expect((await store.legalFacts.listByIun(iun)).map((f) => f.id).sort()).toEqual(facts);
  const pending = await store.notifications.listPendingByTaxId(record.notification.recipients[0]!.taxId);
  const viewed = full.perRecipient[0]!.viewedAt !== null;
  const hidden = ['IN_VALIDATION', 'REFUSED', 'CANCELLED'].includes(full.status);
  expect(pending.some((p) => p.iun === iun && p.recipientIndex === 0)).toBe(!viewed && !hidden);
}

describe('store crash safety', () => {
  it(`survives ${KILLS} SIGKILLs mid-write: every committed element kept, nothing half-applied`, async () => {
    const c = tmp.config('crash');
    const cases = crashWorkload();
    const setup = await openStore(c);
    await setup.timeline.importNotifications(cases.map((x) => ({ notification: x.notification })));
    await setup.close();
    const committed = new Map<string, Set<string>>();
    for (let round = 0; round < KILLS; round++) {
      const lines = await runAndKill(c.filename, c.dataDir, 1000 + round * 37, 3 + ((round * 13) % 25));
      for (const [iun, ...ids] of lines) for (const id of ids) committed.set(iun!, (committed.get(iun!) ?? new Set()).add(id));
      const store = await openStore(c); // runs PRAGMA quick_check
      for (const [iun, ids] of committed) {
        const stored = new Set((await store.timeline.listByIun(iun)).map((e) => e.elementId));
        for (const id of ids) expect(stored.has(id), `${id} committed before kill ${round}`).toBe(true);
      }
      for (const x of cases) await expectConsistent(store, x.notification.iun);
      await store.close();
    }
    expect([...committed.values()].reduce((a, s) => a + s.size, 0)).toBeGreaterThan(KILLS);
  }, 120_000);

  it('survives SIGKILLs mid-import: every committed batch whole, no part of another, counter triggers back, counters exact', async () => {
    const c = tmp.config('crash-import');
    const reported = new Set<string>();
    const triggers = async (s: Store) =>
      ((await s.knex.raw("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name")) as { name: string }[]).map((r) => r.name);
    const fresh = await openStore(c);
    const expectedTriggers = await triggers(fresh);
    await fresh.close();
    expect(expectedTriggers).toContain('sender_daily_timeline_ai');
    for (let round = 0; round < 8; round++) {
      const batches = await runAndKill(c.filename, c.dataDir, 7000 + round, 1 + (round % 3), 'import');
      for (const b of batches) for (const iun of b) reported.add(iun);
      const store = await openStore(c); // runs PRAGMA quick_check
      const stored = (await store.knex('notifications').pluck('iun')) as string[];
      for (const iun of reported) expect(stored.includes(iun), `${iun} reported committed`).toBe(true);
      // Whole batches only (one more than reported when the kill fell between commit and report).
      expect(stored.length % CRASH_IMPORT_BATCH).toBe(0);
      expect(stored.length - reported.size).toBeLessThanOrEqual(CRASH_IMPORT_BATCH);
      expect(await triggers(store)).toEqual(expectedTriggers);
      expect(await store.senderStats.statsDrift()).toEqual([]);
      await store.close();
    }
    expect(reported.size).toBeGreaterThan(0);
  }, 120_000);

  it('survives SIGKILLs mid-import with deferred indexes: every index back on open, whole batches only', async () => {
    const c = tmp.config('crash-stream');
    const reported = new Set<string>();
    const definitions = async (s: Store) => (await s.knex.raw("SELECT name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') ORDER BY name")) as unknown[];
    const fresh = await openStore(c);
    const expected = await definitions(fresh);
    await fresh.close();
    for (let round = 0; round < 5; round++) {
      const batches = await runAndKill(c.filename, c.dataDir, 9000 + round, 1 + (round % 3), 'stream');
      for (const b of batches) for (const iun of b) reported.add(iun);
      const store = await openStore(c); // quick_check, then builds back what the import deferred
      expect(await definitions(store)).toEqual(expected);
      const stored = (await store.knex('notifications').pluck('iun')) as string[];
      for (const iun of reported) expect(stored.includes(iun), `${iun} reported committed`).toBe(true);
      expect(stored.length % CRASH_IMPORT_BATCH).toBe(0);
      expect(stored.length - reported.size).toBeLessThanOrEqual(CRASH_IMPORT_BATCH);
      expect(await store.senderStats.statsDrift()).toEqual([]);
      await store.close();
    }
    expect(reported.size).toBeGreaterThan(0);
  }, 120_000);
});
