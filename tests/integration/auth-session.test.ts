// Session expiry (30 minutes idle, 12 hours at most) and sessions ended by the administrator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SESSIONS } from '../../electron/auth/sessions.js';
import { startAuthHost, type AuthHost } from './auth-support.js';

let h: AuthHost;

beforeAll(async () => {
  h = await startAuthHost();
});
afterAll(async () => h?.close());

const alive = async (session: string) => (await h.call('system.info', {}, session)).body.ok;

describe('session expiry', () => {
  it('ends a session left idle for 30 minutes', async () => {
    expect(DEFAULT_SESSIONS.idleMinutes).toBe(30);
    const session = await h.loginAs('clerk');
    h.clock.advanceMinutes(29);
    expect(await alive(session)).toBe(true);
    h.clock.advanceMinutes(30);
    expect(await alive(session)).toBe(false);
  });

  it('keeps a used session alive, but never beyond 12 hours', async () => {
    expect(DEFAULT_SESSIONS.maxHours).toBe(12);
    const session = await h.loginAs('postal');
    for (let i = 0; i < 24; i++) {
      h.clock.advanceMinutes(29);
      expect(await alive(session), `after ${(i + 1) * 29} minutes`).toBe(true);
    }
    // 24 x 29 = 696 minutes so far; 29 more pass the 720-minute limit.
    h.clock.advanceMinutes(29);
    expect(await alive(session)).toBe(false);
  });

  it('tells the page when the session ends (expiresAt)', async () => {
    const res = await h.call<{ expiresAt: string }>('auth.login', { username: 'sender', password: 'demo-sender-2026' });
    expect(res.body.data!.expiresAt).toBe(new Date(h.clock.now().getTime() + 30 * 60_000).toISOString());
  });
});

describe('sessions ended by the administrator', () => {
  it('ends an operator\'s sessions when their roles change', async () => {
    const admin = await h.loginAs('admin');
    const created = await h.call<{ id: string }>('admin.createOperator', { username: 'desk.two', displayName: 'Desk Two', roles: ['clerk'], password: 'desk-two-password' }, admin);
    const session = await h.login('desk.two', 'desk-two-password');
    expect(await alive(session)).toBe(true);
    expect((await h.call('admin.updateOperator', { id: created.body.data!.id, displayName: 'Desk 2' }, admin)).body.ok).toBe(true);
    expect(await alive(session)).toBe(true);
    expect((await h.call('admin.updateOperator', { id: created.body.data!.id, roles: ['clerk', 'postal'] }, admin)).body.ok).toBe(true);
    expect(await alive(session)).toBe(false);
    const again = await h.login('desk.two', 'desk-two-password');
    expect((await h.call<{ roles: string[] }>('auth.whoami', {}, again)).body.data!.roles).toEqual(['clerk', 'postal']);
  });

  it('ends an operator\'s sessions when the administrator resets their password', async () => {
    const admin = await h.loginAs('admin');
    const session = await h.login('desk.two', 'desk-two-password');
    const list = await h.call<{ id: string; username: string }[]>('admin.listOperators', {}, admin);
    const id = list.body.data!.find((o) => o.username === 'desk.two')!.id;
    await h.call('admin.resetPassword', { id, newPassword: 'desk-two-new-pass' }, admin);
    expect(await alive(session)).toBe(false);
  });

  it('stamps the desk\'s RADD point code on sessions opened after it is set', async () => {
    const admin = await h.loginAs('admin');
    const set = await h.call('admin.setDeskIdentity', { raddPointCode: 'radd-mi-0042', name: 'Tabaccheria Centrale', address: { street: 'Via Roma 1', zip: '20121', city: 'Milano', province: 'mi' } }, admin);
    expect(set.body.data).toMatchObject({ raddPointCode: 'RADD-MI-0042', address: { province: 'MI' } });
    const clerk = await h.loginAs('clerk');
    expect((await h.call<{ deskId: string }>('auth.whoami', {}, clerk)).body.data!.deskId).toBe('RADD-MI-0042');
    expect((await h.call('admin.getDeskIdentity', {}, clerk)).body.data).toMatchObject({ name: 'Tabaccheria Centrale' });
  });
});
