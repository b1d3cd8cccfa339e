// First-run setup over the real HTTP host (issue #11): a desk with no operator asks, on its
// sign-in screen, for the administrator; only a caller without a session may create it, only
// while no operator exists, once (even when two tabs try at the same time), and it is audited.
import { afterEach, describe, expect, it } from 'vitest';
import { startAuthHost, type AuthHost } from './auth-support.js';

let h: AuthHost | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const ADMIN = { username: 'Mario.Rossi', displayName: 'Mario Rossi', password: 'una-password-sicura', passwordConfirm: 'una-password-sicura' };

interface AuditItem { operation: string; outcome: string; code: string | null; operatorId: string; targets: string[] }

async function firstRunHost(): Promise<AuthHost> {
  h = await startAuthHost({ env: {} });
  return h;
}

describe('first-run setup', () => {
  it('creates the administrator for a caller without a session, who then signs in with the chosen password', async () => {
    const host = await firstRunHost();
    expect((await host.call('auth.setupStatus', {})).body.data).toEqual({ firstAdminNeeded: true });
    const res = await host.call<{ operator: { id: string; username: string; roles: string[] } }>('auth.setupFirstAdmin', ADMIN);
    expect(res.body.ok, JSON.stringify(res.body.error)).toBe(true);
    expect(res.body.data!.operator).toMatchObject({ username: 'mario.rossi', roles: ['admin'] });
    expect(res.body.data).not.toHaveProperty('sessionId');
    expect((await host.call('auth.setupStatus', {})).body.data).toEqual({ firstAdminNeeded: false });
    const session = await host.login('mario.rossi', ADMIN.password);
    const me = await host.call<{ roles: string[]; operator: { displayName: string } }>('auth.whoami', {}, session);
    expect(me.body.data).toMatchObject({ roles: ['admin'], operator: { displayName: 'Mario Rossi' } });
    expect(host.printed).toEqual([]);
    expect(host.logLines.join('\n')).not.toContain(ADMIN.password);
  });

  it('refuses it once an operator exists, with a stable code (409), and creates nobody', async () => {
    const host = await firstRunHost();
    expect((await host.call('auth.setupFirstAdmin', ADMIN)).body.ok).toBe(true);
    const again = await host.call('auth.setupFirstAdmin', { ...ADMIN, username: 'intruso' });
    expect([again.status, again.body.error?.code]).toEqual([409, 'AUTH_SETUP_ALREADY_DONE']);
    expect((await host.host.ctx.store.users.list()).map((u) => u.username)).toEqual(['mario.rossi']);
  });

  it('refuses it on a desk whose operators already exist (demo operators)', async () => {
    h = await startAuthHost();
    expect((await h.call('auth.setupStatus', {})).body.data).toEqual({ firstAdminNeeded: false });
    expect((await h.call('auth.setupFirstAdmin', ADMIN)).body.error?.code).toBe('AUTH_SETUP_ALREADY_DONE');
  });

  it('creates exactly one administrator when two tabs set up at the same time', async () => {
    const host = await firstRunHost();
    const names = ['primo.admin', 'secondo.admin', 'terzo.admin'];
    const results = await Promise.all(names.map((username) => host.call('auth.setupFirstAdmin', { ...ADMIN, username })));
    expect(results.filter((r) => r.body.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.body.ok).map((r) => r.body.error?.code)).toEqual(['AUTH_SETUP_ALREADY_DONE', 'AUTH_SETUP_ALREADY_DONE']);
    expect(await host.host.ctx.store.users.list()).toHaveLength(1);
  });

  it('refuses two different passwords and a short one, naming the field', async () => {
    const host = await firstRunHost();
    const differ = await host.call<never>('auth.setupFirstAdmin', { ...ADMIN, passwordConfirm: 'una-password-diversa' });
    expect(differ.body.error?.code).toBe('VALIDATION_FAILED');
    expect(differ.body.error?.details?.fields).toEqual([expect.objectContaining({ path: 'passwordConfirm', code: 'AUTH_PASSWORDS_DIFFER' })]);
    const short = await host.call('auth.setupFirstAdmin', { ...ADMIN, password: 'corta', passwordConfirm: 'corta' });
    expect(short.body.error?.code).toBe('VALIDATION_FAILED');
    expect(await host.host.ctx.store.users.list()).toEqual([]);
  });

  it('keeps every other operation closed until then (sign-in enforced, nobody has a role)', async () => {
    const host = await firstRunHost();
    for (const op of ['system.info', 'auth.whoami', 'admin.createOperator', 'settings.get']) {
      expect((await host.call(op, {})).body.error?.code, op).toBe('UNAUTHORIZED');
    }
  });

  it('writes the setup and a refused attempt in the audit log, and the chain verifies', async () => {
    const host = await firstRunHost();
    const created = await host.call<{ operator: { id: string } }>('auth.setupFirstAdmin', ADMIN);
    await host.call('auth.setupFirstAdmin', ADMIN);
    const session = await host.login('mario.rossi', ADMIN.password);
    const page = await host.call<{ items: AuditItem[] }>('audit.list', { operation: 'auth.setupFirstAdmin' }, session);
    const items = page.body.data!.items;
    expect(items.map((i) => [i.outcome, i.code])).toEqual([['refused', 'AUTH_SETUP_ALREADY_DONE'], ['ok', null]]);
    expect(items[1]!.targets).toEqual([created.body.data!.operator.id]);
    expect(JSON.stringify(items)).not.toContain(ADMIN.password);
    expect((await host.call<{ ok: boolean }>('audit.verify', {}, session)).body.data!.ok).toBe(true);
  });

  it('answers a setup sent again under its requestId (the answer lost) with the first answer: one administrator, one audit entry, no password kept', async () => {
    const host = await firstRunHost();
    const body = { ...ADMIN, requestId: '3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b' };
    const first = await host.call<{ operator: { id: string } }>('auth.setupFirstAdmin', body);
    expect(first.body.ok, JSON.stringify(first.body.error)).toBe(true);
    const again = await host.call<{ operator: { id: string } }>('auth.setupFirstAdmin', body);
    expect([again.status, again.body.data]).toEqual([200, first.body.data]);
    // The repeat opens no session and carries nothing the first answer did not.
    expect(again.body.data).not.toHaveProperty('sessionId');
    expect(await host.host.ctx.store.users.list()).toHaveLength(1);
    const kept = JSON.stringify(await host.host.ctx.store.knex('request_answers').select());
    expect(kept).toContain(first.body.data!.operator.id);
    expect(kept).not.toContain(ADMIN.password);
    const session = await host.login('mario.rossi', ADMIN.password);
    const page = await host.call<{ items: AuditItem[] }>('audit.list', { operation: 'auth.setupFirstAdmin' }, session);
    expect(page.body.data!.items.map((i) => [i.outcome, i.code])).toEqual([['ok', null]]);
  });

  it('refuses the same requestId with other names or another password (REQUEST_ID_ALREADY_USED, audited), and another id as already done', async () => {
    const host = await firstRunHost();
    const body = { ...ADMIN, requestId: '4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d' };
    expect((await host.call('auth.setupFirstAdmin', body)).body.ok).toBe(true);
    const otherPassword = { ...body, password: 'altra-password-lunga', passwordConfirm: 'altra-password-lunga' };
    for (const other of [{ ...body, displayName: 'Mario Bianchi' }, { ...body, username: 'altro.admin' }, otherPassword]) {
      const res = await host.call('auth.setupFirstAdmin', other);
      expect([res.status, res.body.error?.code]).toEqual([409, 'REQUEST_ID_ALREADY_USED']);
    }
    const newId = await host.call('auth.setupFirstAdmin', { ...body, requestId: '5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e' });
    expect([newId.status, newId.body.error?.code]).toEqual([409, 'AUTH_SETUP_ALREADY_DONE']);
    expect((await host.host.ctx.store.users.list()).map((u) => u.username)).toEqual(['mario.rossi']);
    const session = await host.login('mario.rossi', ADMIN.password);
    const page = await host.call<{ items: AuditItem[] }>('audit.list', { operation: 'auth.setupFirstAdmin' }, session);
    expect(page.body.data!.items.map((i) => [i.outcome, i.code])).toEqual([
      ['refused', 'AUTH_SETUP_ALREADY_DONE'], ['refused', 'REQUEST_ID_ALREADY_USED'], ['refused', 'REQUEST_ID_ALREADY_USED'], ['refused', 'REQUEST_ID_ALREADY_USED'], ['ok', null],
    ]);
    expect(JSON.stringify(await host.host.ctx.store.knex('request_answers').select())).not.toContain('altra-password-lunga');
  });

  it('answers both when the same request is sent twice at once (the first still hashing the password)', async () => {
    const host = await firstRunHost();
    const body = { ...ADMIN, requestId: '6c7d8e9f-0a1b-4c2d-9e3f-4a5b6c7d8e9f' };
    const [a, b] = await Promise.all([host.call<{ operator: { id: string } }>('auth.setupFirstAdmin', body), host.call<{ operator: { id: string } }>('auth.setupFirstAdmin', body)]);
    expect([a.body.ok, b.body.ok], JSON.stringify([a.body.error, b.body.error])).toEqual([true, true]);
    expect(b.body.data).toEqual(a.body.data);
    expect(await host.host.ctx.store.users.list()).toHaveLength(1);
    expect(await host.host.ctx.store.knex('audit_log').where({ action: 'auth.setupFirstAdmin' }).count({ n: '*' }).first()).toEqual({ n: 1 });
  });
});
