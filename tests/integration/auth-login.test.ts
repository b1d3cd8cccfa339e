// Sign-in over the real HTTP host: sessions per tab, password storage, first-start bootstrap.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BootstrapError } from '../../electron/auth/bootstrap.js';
import { parsePasswordHash } from '../../electron/auth/password.js';
import { demoPassword, startAuthHost, type AuthHost } from './auth-support.js';

let h: AuthHost;

beforeAll(async () => {
  h = await startAuthHost();
});
afterAll(async () => h?.close());

describe('sign-in', () => {
  it('opens a session for a demo operator and whoami names them, their roles and desk', async () => {
    const session = await h.loginAs('clerk');
    const me = await h.call<{ authenticated: boolean; operator: { username: string }; roles: string[] }>('auth.whoami', {}, session);
    expect(me.body.ok).toBe(true);
    expect(me.body.data).toMatchObject({ authenticated: true, operator: { username: 'clerk' }, roles: ['clerk'], deskId: '' });
  });

  it('refuses every operation but auth.login without a session once operators exist (401)', async () => {
    const info = await h.call('system.info', {});
    expect([info.status, info.body.error?.code]).toEqual([401, 'UNAUTHORIZED']);
    const forged = await h.call('system.info', {}, 'not-a-session');
    expect(forged.body.error?.code).toBe('UNAUTHORIZED');
  });

  it('still requires the browser-mode token with a valid session', async () => {
    const session = await h.loginAs('admin');
    const res = await h.call('system.info', {}, session, { 'x-radd-token': 'wrong' });
    expect([res.status, res.body.error?.code]).toEqual([401, 'UNAUTHORIZED']);
  });

  it('answers a wrong password and an unknown user with the same code', async () => {
    const wrong = await h.call('auth.login', { username: 'postal', password: 'not-the-password' });
    const unknown = await h.call('auth.login', { username: 'nobody-here', password: 'whatever-1234' });
    expect(wrong.body.error?.code).toBe('AUTH_INVALID_CREDENTIALS');
    expect(unknown.body.error?.code).toBe('AUTH_INVALID_CREDENTIALS');
    expect(wrong.body.error?.message).toBe(unknown.body.error?.message);
  });

  it('accepts the user name in any case and with spaces around it', async () => {
    const res = await h.call('auth.login', { username: '  Sender ', password: demoPassword('sender') });
    expect(res.body.ok).toBe(true);
  });

  it('keeps one session per tab: signing out in one leaves the other signed in', async () => {
    const tabA = await h.loginAs('postal');
    const tabB = await h.loginAs('postal');
    expect(tabA).not.toBe(tabB);
    expect((await h.call('auth.logout', {}, tabA)).body.ok).toBe(true);
    expect((await h.call('system.info', {}, tabA)).body.error?.code).toBe('UNAUTHORIZED');
    expect((await h.call('system.info', {}, tabB)).body.ok).toBe(true);
  });

  it('stores only salted scrypt hashes, with their parameters', async () => {
    const rows = await h.host.ctx.store.knex('users').select<{ username: string; password_hash: string }[]>('username', 'password_hash');
    expect(rows.length).toBe(4);
    for (const r of rows) {
      expect(r.password_hash).not.toContain(demoPassword(r.username));
      expect(parsePasswordHash(r.password_hash)?.params).toEqual({ N: 1024, r: 8, p: 1 });
    }
    expect(new Set(rows.map((r) => r.password_hash.split('$')[4])).size).toBe(4);
  });

  it('changing one\'s own password needs the current one and ends the other sessions', async () => {
    const here = await h.loginAs('sender');
    const elsewhere = await h.loginAs('sender');
    const bad = await h.call('auth.changePassword', { currentPassword: 'wrong-wrong', newPassword: 'a-new-password-1' }, here);
    expect(bad.body.error?.code).toBe('AUTH_INVALID_CREDENTIALS');
    const ok = await h.call('auth.changePassword', { currentPassword: demoPassword('sender'), newPassword: 'a-new-password-1' }, here);
    expect(ok.body.ok).toBe(true);
    expect((await h.call('system.info', {}, here)).body.ok).toBe(true);
    expect((await h.call('system.info', {}, elsewhere)).body.error?.code).toBe('UNAUTHORIZED');
    expect((await h.call('auth.login', { username: 'sender', password: demoPassword('sender') })).body.error?.code).toBe('AUTH_INVALID_CREDENTIALS');
    expect(await h.login('sender', 'a-new-password-1')).toBeTruthy();
  });

  it('answers a password change sent again after its answer was lost as done, once, for the same session and only lately', async () => {
    const here = await h.loginAs('postal');
    const change = { currentPassword: demoPassword('postal'), newPassword: 'a-new-password-2' };
    const countAudit = async () => Number((await h.host.ctx.store.knex('audit_log').where({ action: 'auth.changePassword' }).count<{ n: number }[]>({ n: '*' }))[0]!.n);
    const before = await countAudit();
    const first = await h.call('auth.changePassword', change, here);
    expect(first.body).toEqual({ ok: true, data: { changed: true } });
    const again = await h.call('auth.changePassword', change, here);
    expect(again.body).toEqual(first.body);
    expect(await countAudit()).toBe(before + 1);
    // Another new password is not a repeat; another session neither.
    expect((await h.call('auth.changePassword', { ...change, newPassword: 'a-new-password-3' }, here)).body.error?.code).toBe('AUTH_INVALID_CREDENTIALS');
    const elsewhere = await h.login('postal', 'a-new-password-2');
    expect((await h.call('auth.changePassword', change, elsewhere)).body.error?.code).toBe('AUTH_INVALID_CREDENTIALS');
    // Minutes later, no longer.
    h.clock.advanceMinutes(10);
    expect((await h.call('auth.changePassword', change, here)).body.error?.code).toBe('AUTH_INVALID_CREDENTIALS');
  });

  it('refuses a new password shorter than 10 characters', async () => {
    const session = await h.loginAs('clerk');
    const res = await h.call('auth.changePassword', { currentPassword: demoPassword('clerk'), newPassword: 'short' }, session);
    expect(res.body.error?.code).toBe('VALIDATION_FAILED');
  });
});

describe('first start', () => {
  it('prints no password and creates no operator without RADD_ADMIN_PASSWORD: the sign-in screen sets up the administrator', async () => {
    // The setup itself is covered by auth-first-run.test.ts.
    const first = await startAuthHost({ env: {} });
    try {
      expect(first.printed).toEqual([]);
      expect(await first.host.ctx.store.users.list()).toEqual([]);
      expect((await first.call('system.info', {})).body.error?.code).toBe('UNAUTHORIZED');
      expect((await first.call('auth.setupStatus', {})).body.data).toEqual({ firstAdminNeeded: true });
    } finally {
      await first.close();
    }
  });

  it('prints only the demo operators it made: the all-roles `demo` only with RADD_DEMO_SUPERVISOR=1', async () => {
    for (const supervisor of [false, true]) {
      const host = await startAuthHost({ env: { RADD_DEMO_OPERATORS: '1', ...(supervisor ? { RADD_DEMO_SUPERVISOR: '1' } : {}) } });
      try {
        const line = host.printed.find((l) => l.startsWith('Demo operators:')) ?? '';
        const printed = [...line.matchAll(/(\S+) \/ (\S+?)(?:,|$)/g)].map((m) => [m[1]!, m[2]!] as const);
        expect(printed.length).toBeGreaterThan(2);
        expect(printed.some(([u]) => u === 'demo')).toBe(supervisor);
        // Every printed sign-in works.
        for (const [username, password] of printed) expect(await host.login(username, password)).toBeTruthy();
      } finally {
        await host.close();
      }
    }
  });

  it('takes the administrator password from RADD_ADMIN_PASSWORD and prints nothing', async () => {
    const host = await startAuthHost({ env: { RADD_ADMIN_PASSWORD: 'from-the-env-123' } });
    try {
      expect(host.printed).toEqual([]);
      expect(await host.login('admin', 'from-the-env-123')).toBeTruthy();
    } finally {
      await host.close();
    }
  });

  it('refuses to start with a RADD_ADMIN_PASSWORD shorter than 10 characters', async () => {
    await expect(startAuthHost({ env: { RADD_ADMIN_PASSWORD: 'short' } })).rejects.toBeInstanceOf(BootstrapError);
  });

  it('leaves sign-in open (token holder has every role) only while no operator exists', async () => {
    const open = await startAuthHost({ bootstrap: false });
    try {
      const info = await open.call('system.info', {});
      expect(info.body.ok).toBe(true);
      const created = await open.call('admin.createOperator', { username: 'mrossi', displayName: 'Mario Rossi', roles: ['admin'], password: 'mario-password-1' });
      expect(created.body.ok).toBe(true);
      expect((await open.call('system.info', {})).body.error?.code).toBe('UNAUTHORIZED');
    } finally {
      await open.close();
    }
  });
});
