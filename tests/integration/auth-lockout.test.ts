// Lockout after repeated failed sign-ins (5 wrong passwords -> 15 minutes), with the clock moved
// by the test; the administrator can lift it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LOCKOUT } from '../../electron/auth/lockout.js';
import { demoPassword, startAuthHost, type AuthHost } from './auth-support.js';

let h: AuthHost;

beforeAll(async () => {
  h = await startAuthHost();
});
afterAll(async () => h?.close());

async function fail(username: string, times: number): Promise<string[]> {
  const codes: string[] = [];
  for (let i = 0; i < times; i++) codes.push((await h.call('auth.login', { username, password: `wrong-password-${i}` })).body.error!.code);
  return codes;
}

async function operatorId(admin: string, username: string): Promise<string> {
  const list = await h.call<{ id: string; username: string }[]>('admin.listOperators', {}, admin);
  return list.body.data!.find((o) => o.username === username)!.id;
}

describe('lockout', () => {
  it('locks a user after 5 wrong passwords in a row, even against the right one, for 15 minutes', async () => {
    expect(DEFAULT_LOCKOUT).toEqual({ maxFailures: 5, lockMinutes: 15 });
    expect(await fail('clerk', 5)).toEqual(Array(5).fill('AUTH_INVALID_CREDENTIALS'));
    const locked = await h.call('auth.login', { username: 'clerk', password: demoPassword('clerk') });
    expect(locked.body.error?.code).toBe('AUTH_LOCKED');
    expect(locked.body.error?.message).toContain('15');
    h.clock.advanceMinutes(14);
    expect((await h.call('auth.login', { username: 'clerk', password: demoPassword('clerk') })).body.error?.code).toBe('AUTH_LOCKED');
    h.clock.advanceMinutes(1);
    expect((await h.call('auth.login', { username: 'clerk', password: demoPassword('clerk') })).body.ok).toBe(true);
  });

  it('does not lock after 4 failures, and a success starts the count again', async () => {
    await fail('postal', 4);
    expect(await h.login('postal', demoPassword('postal'))).toBeTruthy();
    expect(await fail('postal', 4)).toEqual(Array(4).fill('AUTH_INVALID_CREDENTIALS'));
    expect(await h.login('postal', demoPassword('postal'))).toBeTruthy();
  });

  it('shows the lock to the administrator, who can lift it', async () => {
    const admin = await h.loginAs('admin');
    await fail('sender', 5);
    const id = await operatorId(admin, 'sender');
    const listed = await h.call<{ id: string; lockedUntil: string | null }[]>('admin.listOperators', {}, admin);
    expect(listed.body.data!.find((o) => o.id === id)!.lockedUntil).toBe(new Date(h.clock.now().getTime() + 15 * 60_000).toISOString());
    expect((await h.call('admin.updateOperator', { id, unlock: true }, admin)).body.ok).toBe(true);
    expect(await h.login('sender', demoPassword('sender'))).toBeTruthy();
  });

  it('a password reset by the administrator lifts the lock too', async () => {
    const admin = await h.loginAs('admin');
    await fail('postal', 5);
    const id = await operatorId(admin, 'postal');
    expect((await h.call('admin.resetPassword', { id, newPassword: 'reset-by-admin-1' }, admin)).body.ok).toBe(true);
    expect(await h.login('postal', 'reset-by-admin-1')).toBeTruthy();
  });

  it('records every refused attempt in the audit log, without the password or the typed name', async () => {
    const admin = await h.loginAs('admin');
    await h.call('auth.login', { username: 'ghost-user', password: 'secret-guess-99' });
    const page = await h.call<{ items: { operation: string; outcome: string; code: string | null; targets: string[]; operatorId: string }[] }>('audit.list', { operation: 'auth.login', outcome: 'refused', pageSize: 200 }, admin);
    const codes = new Set(page.body.data!.items.map((e) => e.code));
    expect(codes).toEqual(new Set(['AUTH_INVALID_CREDENTIALS', 'AUTH_LOCKED']));
    const raw = JSON.stringify(await h.host.ctx.store.knex('audit_log').select());
    expect(raw).not.toContain('ghost-user');
    expect(raw).not.toContain('secret-guess-99');
    expect(raw).not.toContain('wrong-password-');
  });

  it('refuses a disabled operator, telling them so only after the right password', async () => {
    const admin = await h.loginAs('admin');
    const created = await h.call<{ id: string }>('admin.createOperator', { username: 'temp.clerk', displayName: 'Temp', roles: ['clerk'], password: 'temp-password-1' }, admin);
    const id = created.body.data!.id;
    const session = await h.login('temp.clerk', 'temp-password-1');
    expect((await h.call('admin.updateOperator', { id, active: false }, admin)).body.ok).toBe(true);
    expect((await h.call('system.info', {}, session)).body.error?.code).toBe('UNAUTHORIZED');
    expect((await h.call('auth.login', { username: 'temp.clerk', password: 'nope-nope-nope' })).body.error?.code).toBe('AUTH_INVALID_CREDENTIALS');
    expect((await h.call('auth.login', { username: 'temp.clerk', password: 'temp-password-1' })).body.error?.code).toBe('AUTH_ACCOUNT_DISABLED');
  });
});
