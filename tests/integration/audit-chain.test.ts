// The audit log as the app writes it: one entry per state-changing call, in the same transaction
// as the change, hash-chained; listed, filtered and exported by the administrator; ids only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntryHash, AUDIT_GENESIS } from '../../db/repositories/audit-repo.js';
import { csvField } from '../../electron/auth/audit-export.js';
import { safeTargets } from '../../electron/auth/audit-trail.js';
import { startAuthHost, type AuthHost } from './auth-support.js';

let h: AuthHost;
let admin: string;

interface Entry { id: number; seq: number; at: string; operatorId: string; roles: string[]; deskId: string | null; operation: string; targets: string[]; outcome: string; code: string | null }
interface Page { items: Entry[]; total: number; page: number; pageSize: number }

beforeAll(async () => {
  h = await startAuthHost();
  admin = await h.loginAs('admin');
});
afterAll(async () => h?.close());

const list = async (filter: Record<string, unknown>) => (await h.call<Page>('audit.list', filter, admin)).body.data!;

describe('audit entries', () => {
  it('records who, role, desk, operation, target id, time and outcome of a change', async () => {
    const created = await h.call<{ id: string }>('admin.createOperator', { username: 'audited', displayName: 'Audited One', roles: ['postal'], password: 'audited-pass-1' }, admin);
    const me = await h.call<{ operator: { id: string } }>('auth.whoami', {}, admin);
    const [entry] = (await list({ operation: 'admin.createOperator', outcome: 'ok' })).items;
    expect(entry).toMatchObject({
      operatorId: me.body.data!.operator.id, roles: ['admin'], deskId: '', operation: 'admin.createOperator',
      targets: [created.body.data!.id], outcome: 'ok', code: null, at: h.clock.now().toISOString(),
    });
  });

  it('chains each entry to the previous one: hash = SHA-256(previous hash + canonical entry)', async () => {
    const rows = await h.host.ctx.store.knex('audit_log').orderBy('id').select<{ at: string; actor: string; action: string; subject: string | null; details: string }[]>();
    expect(rows.length).toBeGreaterThan(4);
    let prev = AUDIT_GENESIS;
    rows.forEach((r, i) => {
      const c = JSON.parse(r.details) as { d: unknown; seq: number; prev: string; hash: string };
      expect(c.seq).toBe(i + 1);
      expect(c.prev).toBe(prev);
      expect(c.hash).toBe(auditEntryHash(prev, { seq: c.seq, at: r.at, actor: r.actor, action: r.action, subject: r.subject, d: c.d }));
      prev = c.hash;
    });
    expect((await h.call<{ ok: boolean; checked: number }>('audit.verify', {}, admin)).body.data).toEqual({ ok: true, checked: rows.length, firstBroken: null });
  });

  it('records a refused change with its code, and the change leaves nothing behind', async () => {
    const demo = (await h.call<{ id: string; username: string }[]>('admin.listOperators', {}, admin)).body.data!.find((o) => o.username === 'admin')!;
    const res = await h.call('admin.updateOperator', { id: demo.id, active: false }, admin);
    expect(res.body.error?.code).toBe('OPERATOR_LAST_ADMIN');
    const [entry] = (await list({ operation: 'admin.updateOperator', outcome: 'refused' })).items;
    expect(entry).toMatchObject({ targets: [demo.id], outcome: 'refused', code: 'OPERATOR_LAST_ADMIN' });
    expect((await h.host.ctx.store.users.get(demo.id))?.active).toBe(true);
  });

  it('rolls the change back when its audit entry cannot be written (same transaction)', async () => {
    const knex = h.host.ctx.store.knex;
    await knex.raw("CREATE TRIGGER audit_block BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit blocked'); END");
    try {
      const res = await h.call('admin.createOperator', { username: 'never.saved', displayName: 'Never', roles: ['clerk'], password: 'never-saved-1' }, admin);
      expect(res.body.error?.code).toBe('INTERNAL');
    } finally {
      await knex.raw('DROP TRIGGER audit_block');
    }
    expect(await h.host.ctx.store.users.getByUsername('never.saved')).toBeUndefined();
  });

  it('keeps personal data out: the desk address is stored in settings, the entry names only the point code', async () => {
    await h.call('admin.setDeskIdentity', { raddPointCode: 'RADD-TO-0007', name: 'CAF Torino', address: { street: 'Corso Francia 123', zip: '10138', city: 'Torino', province: 'TO' } }, admin);
    const [entry] = (await list({ operation: 'admin.setDeskIdentity' })).items;
    expect(entry!.targets).toEqual(['RADD-TO-0007']);
    const raw = JSON.stringify(await h.host.ctx.store.knex('audit_log').select());
    expect(raw).not.toContain('Corso Francia');
    expect(raw).not.toContain('10138');
  });

  it('masks anything shaped like a codice fiscale in target ids', () => {
    expect(safeTargets(['RSSMRA85T10A562S', 'QDUX-GHKP-JNAM-202603-T-1', 42, { taxId: 'x' }])).toEqual(['RSS*************', 'QDUX-GHKP-JNAM-202603-T-1', '42']);
  });
});

describe('audit list, filters and export', () => {
  it('filters by operator, operation, outcome and period, newest first, in pages', async () => {
    const me = (await h.call<{ operator: { id: string } }>('auth.whoami', {}, admin)).body.data!.operator.id;
    const all = await list({ pageSize: 200 });
    expect(all.items.map((e) => e.id)).toEqual([...all.items.map((e) => e.id)].sort((a, b) => b - a));
    const mine = await list({ operatorId: me, pageSize: 200 });
    expect(mine.items.every((e) => e.operatorId === me)).toBe(true);
    const refused = await list({ outcome: 'refused', pageSize: 200 });
    expect(refused.items.length).toBeGreaterThan(0);
    expect(refused.items.every((e) => e.outcome === 'refused')).toBe(true);
    const p1 = await list({ pageSize: 2, page: 1 });
    const p2 = await list({ pageSize: 2, page: 2 });
    expect(p1.total).toBe(all.total);
    expect([...p1.items, ...p2.items].map((e) => e.id)).toEqual(all.items.slice(0, 4).map((e) => e.id));
    h.clock.advanceMinutes(60);
    admin = await h.loginAs('admin'); // the old session went idle
    await h.call('settings.set', { scanRetentionDays: 30 }, admin);
    const recent = await list({ from: new Date(h.clock.now().getTime() - 60_000).toISOString().replace('Z', '+00:00') });
    expect(recent.items.map((e) => e.operation)).toEqual(['settings.set', 'auth.login']);
    const before = await list({ to: '2026-03-12T10:30:00+01:00', pageSize: 200 });
    expect(before.items.some((e) => e.operation === 'settings.set')).toBe(false);
  });

  it('exports the filtered entries as CSV with a header, oldest first', async () => {
    const res = await h.call<{ filename: string; mimeType: string; content: string; rows: number }>('audit.export', { outcome: 'ok' }, admin);
    const csv = res.body.data!;
    expect(csv.filename).toMatch(/^radd-desk-audit-\d{8}-\d{6}\.csv$/);
    const lines = csv.content.trim().split('\r\n');
    expect(lines[0]).toBe('id,seq,at,operator,roles,desk,operation,targets,outcome,code,hash');
    expect(lines.length - 1).toBe(csv.rows);
    expect(lines.slice(1).every((l) => l.split(',')[8] === 'ok')).toBe(true);
  });

  it('neutralises spreadsheet formulas and quotes separators in CSV fields', () => {
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('-1')).toBe("'-1");
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField(null)).toBe('');
  });

  it('keeps the data-retention setting, and audits its change', async () => {
    expect((await h.call('settings.get', {}, admin)).body.data).toEqual({ scanRetentionDays: 30, printLimit: 10 });
    expect((await h.call('settings.set', { scanRetentionDays: null }, admin)).body.data).toEqual({ scanRetentionDays: null, printLimit: 10 });
    expect((await h.call('settings.set', { scanRetentionDays: 0 }, admin)).body.error?.code).toBe('VALIDATION_FAILED');
    const [entry] = (await list({ operation: 'settings.set' })).items;
    expect(entry).toMatchObject({ targets: ['retention.scanDays'], outcome: 'ok' });
  });
});
