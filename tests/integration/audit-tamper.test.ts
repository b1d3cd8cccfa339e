// Rows edited, removed or forged behind the app's back (straight through knex) are found by
// `audit.verify` and by `npm run audit:verify`, which name the first broken link.
import { afterEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { auditEntryHash } from '../../db/repositories/audit-repo.js';
import { startAuthHost, type AuthHost } from './auth-support.js';

interface Verify { ok: boolean; checked: number; firstBroken: { id: number; seq: number | null; reason: string } | null }
interface Row { id: number; at: string; actor: string; action: string; subject: string | null; details: string }

let h: AuthHost | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** A host with a few audited changes: the demo operators' creation, sign-ins, settings. */
async function withLog(): Promise<{ host: AuthHost; admin: string; rows: Row[] }> {
  h = await startAuthHost();
  const admin = await h.loginAs('admin');
  for (const days of [10, 20, 30]) await h.call('settings.set', { scanRetentionDays: days }, admin);
  const rows = await h.host.ctx.store.knex('audit_log').orderBy('id').select<Row[]>();
  return { host: h, admin, rows };
}

async function verify(host: AuthHost, admin: string): Promise<Verify> {
  return (await host.call<Verify>('audit.verify', {}, admin)).body.data!;
}

const repoRoot = resolve(import.meta.dirname, '..', '..');
function cli(dataDir: string): { status: number | null; stdout: string } {
  const env = { ...process.env };
  delete env.RADD_DB;
  delete env.RADD_DB_CLIENT;
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'electron/auth/audit-cli.ts', '--data-dir', dataDir], { cwd: repoRoot, encoding: 'utf8', env });
  return { status: r.status, stdout: r.stdout };
}

describe('tamper evidence', () => {
  it('reports an intact chain (API and command line)', async () => {
    const { host, admin, rows } = await withLog();
    expect(await verify(host, admin)).toEqual({ ok: true, checked: rows.length, firstBroken: null });
    const out = cli(host.dir);
    expect(out.status).toBe(0);
    expect(out.stdout).toContain('hash chain intact');
  });

  it('finds a row whose operator was changed through knex, by its id', async () => {
    const { host, admin, rows } = await withLog();
    const victim = rows[rows.length - 2]!;
    await host.host.ctx.store.knex('audit_log').where('id', victim.id).update({ actor: 'someone-else' });
    expect((await verify(host, admin)).firstBroken).toEqual({ id: victim.id, seq: rows.length - 1, reason: 'HASH_MISMATCH' });
    const out = cli(host.dir);
    expect(out.status).toBe(1);
    expect(out.stdout).toContain(`entry id ${victim.id}`);
  });

  it('finds an outcome rewritten inside the details', async () => {
    const { host, admin, rows } = await withLog();
    const victim = rows.find((r) => r.details.includes('"outcome":"ok"'))!;
    await host.host.ctx.store.knex('audit_log').where('id', victim.id).update({ details: victim.details.replace('"outcome":"ok"', '"outcome":"refused"') });
    expect((await verify(host, admin)).firstBroken).toMatchObject({ id: victim.id, reason: 'HASH_MISMATCH' });
  });

  it('finds an edit whose own hash was recomputed, at the next entry (broken link)', async () => {
    const { host, admin, rows } = await withLog();
    const victim = rows[2]!;
    const c = JSON.parse(victim.details) as { d: unknown; seq: number; prev: string; hash: string };
    const forged = { ...c, hash: auditEntryHash(c.prev, { seq: c.seq, at: victim.at, actor: 'forger', action: victim.action, subject: victim.subject, d: c.d }) };
    await host.host.ctx.store.knex('audit_log').where('id', victim.id).update({ actor: 'forger', details: JSON.stringify(forged) });
    expect((await verify(host, admin)).firstBroken).toEqual({ id: rows[3]!.id, seq: 4, reason: 'LINK_BROKEN' });
  });

  it('finds a deleted row, at the entry that followed it', async () => {
    const { host, admin, rows } = await withLog();
    await host.host.ctx.store.knex('audit_log').where('id', rows[1]!.id).delete();
    expect((await verify(host, admin)).firstBroken).toEqual({ id: rows[2]!.id, seq: 3, reason: 'ENTRY_MISSING' });
  });

  it('finds the last rows deleted (the chain head no longer matches)', async () => {
    const { host, admin, rows } = await withLog();
    await host.host.ctx.store.knex('audit_log').where('id', '>=', rows.at(-2)!.id).delete();
    const v = await verify(host, admin);
    expect(v).toMatchObject({ ok: false, checked: rows.length - 2, firstBroken: { reason: 'HEAD_MISMATCH' } });
  });

  it('finds a row inserted without chain data', async () => {
    const { host, admin, rows } = await withLog();
    const [id] = await host.host.ctx.store.knex('audit_log').insert({ at: rows[0]!.at, actor: 'ghost', action: 'admin.createOperator', subject: null, details: '{"outcome":"ok"}' });
    expect((await verify(host, admin)).firstBroken).toEqual({ id: Number(id), seq: null, reason: 'NOT_CHAINED' });
  });

  it('keeps chaining correctly after the app appends again (no false alarm)', async () => {
    const { host, admin, rows } = await withLog();
    await host.call('settings.set', { scanRetentionDays: 40 }, admin);
    const v = await verify(host, admin);
    expect(v.ok).toBe(true);
    expect(v.checked).toBeGreaterThan(rows.length);
  });
});
