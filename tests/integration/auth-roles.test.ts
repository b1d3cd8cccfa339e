// Roles in practice: operators and their roles managed by the administrator, the last
// administrator protected, and one session per Electron window over the IPC transport
// (`electron` itself is not needed: ipc.ts only uses its types).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebContents } from 'electron';
import { IpcSessions } from '../../electron/auth/callers.js';
import { authOf } from '../../electron/auth/runtime.js';
import { registerIpc } from '../../electron/ipc.js';
import { demoPassword, startAuthHost, type AuthHost } from './auth-support.js';

let h: AuthHost;

beforeAll(async () => {
  h = await startAuthHost();
});
afterAll(async () => h?.close());

interface OperatorView { id: string; username: string; roles: string[]; active: boolean }

describe('operators and roles', () => {
  it('creates an operator with several roles, who then reaches the operations of each', async () => {
    const admin = await h.loginAs('admin');
    const created = await h.call<OperatorView>('admin.createOperator', { username: 'Multi.Role', displayName: 'Multi', roles: ['clerk', 'admin', 'clerk'], password: 'multi-role-pass' }, admin);
    expect(created.body.data).toMatchObject({ username: 'multi.role', roles: ['clerk', 'admin'], active: true });
    const session = await h.login('multi.role', 'multi-role-pass');
    expect((await h.call('admin.listOperators', {}, session)).body.ok).toBe(true);
    expect((await h.call('system.info', {}, session)).body.ok).toBe(true);
  });

  it('refuses a user name already taken (409)', async () => {
    const admin = await h.loginAs('admin');
    const res = await h.call('admin.createOperator', { username: 'clerk', displayName: 'Again', roles: ['clerk'], password: 'another-pass-1' }, admin);
    expect([res.status, res.body.error?.code]).toEqual([409, 'OPERATOR_USERNAME_ALREADY_USED']);
  });

  it('creates an operator once: the same requestId and form sent again (the answer lost) get the first answer, not OPERATOR_USERNAME_ALREADY_USED', async () => {
    const admin = await h.loginAs('admin');
    const body = { username: 'desk.again', displayName: 'Again', roles: ['clerk'], password: 'desk-again-pass', requestId: 'c4d5e6f7-a8b9-4c0d-9e1f-2a3b4c5d6e7f' };
    const first = await h.call<OperatorView>('admin.createOperator', body, admin);
    expect(first.body.ok, JSON.stringify(first.body.error)).toBe(true);
    const operators = (await h.call<OperatorView[]>('admin.listOperators', {}, admin)).body.data!.length;
    const again = await h.call<OperatorView>('admin.createOperator', body, admin);
    expect(again.body.data).toEqual(first.body.data);
    expect((await h.call<OperatorView[]>('admin.listOperators', {}, admin)).body.data!).toHaveLength(operators);
    // The same id with another form, or another password (never kept, checked against the operator), is not a repeat.
    for (const other of [{ ...body, displayName: 'Other' }, { ...body, password: 'another-pass-2' }]) {
      const res = await h.call('admin.createOperator', other, admin);
      expect([res.status, res.body.error?.code]).toEqual([409, 'REQUEST_ID_ALREADY_USED']);
    }
    const kept = JSON.stringify(await h.host.ctx.store.knex('request_answers').select());
    expect(kept).not.toContain('desk-again-pass');
  });

  it('refuses to disable or demote the last active administrator', async () => {
    const admin = await h.loginAs('admin');
    const list = (await h.call<OperatorView[]>('admin.listOperators', {}, admin)).body.data!;
    const multi = list.find((o) => o.username === 'multi.role')!;
    const demo = list.find((o) => o.username === 'admin')!;
    expect((await h.call('admin.updateOperator', { id: multi.id, active: false }, admin)).body.ok).toBe(true);
    const demote = await h.call('admin.updateOperator', { id: demo.id, roles: ['clerk'] }, admin);
    expect(demote.body.error?.code).toBe('OPERATOR_LAST_ADMIN');
    const disable = await h.call('admin.updateOperator', { id: demo.id, active: false }, admin);
    expect(disable.body.error?.code).toBe('OPERATOR_LAST_ADMIN');
    const after = (await h.call<OperatorView[]>('admin.listOperators', {}, admin)).body.data!.find((o) => o.id === demo.id)!;
    expect(after).toMatchObject({ roles: ['admin'], active: true });
  });

  it('answers an unknown operator id with OPERATOR_NOT_FOUND (404)', async () => {
    const admin = await h.loginAs('admin');
    const res = await h.call('admin.resetPassword', { id: 'no-such-id', newPassword: 'whatever-123' }, admin);
    expect([res.status, res.body.error?.code]).toEqual([404, 'OPERATOR_NOT_FOUND']);
  });
});

describe('one session per Electron window (IPC)', () => {
  function ipcSetup() {
    let handler: ((event: unknown, ...args: unknown[]) => Promise<unknown>) | undefined;
    const ipcMain = { handle: (_c: string, fn: typeof handler) => { handler = fn; } };
    const win = { id: 7 } as unknown as WebContents;
    const sessions = new IpcSessions(authOf(h.host.ctx));
    registerIpc(ipcMain as never, h.host.ctx, () => win, sessions);
    const call = (op: string, input: unknown) => handler!({ sender: win, senderFrame: { url: 'app://radd-desk/index.html', parent: null } }, op, input, 'en') as Promise<{ ok: boolean; data?: Record<string, unknown>; error?: { code: string } }>;
    return { call, sessions, win };
  }

  it('binds the sign-in to the window and never hands the session id to the page', async () => {
    const { call } = ipcSetup();
    expect((await call('system.info', {})).error?.code).toBe('UNAUTHORIZED');
    const login = await call('auth.login', { username: 'clerk', password: demoPassword('clerk') });
    expect(login.ok).toBe(true);
    expect(login.data).not.toHaveProperty('sessionId');
    expect(JSON.stringify(login.data)).not.toMatch(/[A-Za-z0-9_-]{43}/);
    expect((await call('auth.whoami', {})).data).toMatchObject({ authenticated: true, roles: ['clerk'] });
    expect((await call('admin.listOperators', {})).error?.code).toBe('FORBIDDEN');
    expect((await call('auth.logout', {})).ok).toBe(true);
    expect((await call('system.info', {})).error?.code).toBe('UNAUTHORIZED');
  });

  it('ends the window\'s session when the window is destroyed', async () => {
    const { call, sessions, win } = ipcSetup();
    await call('auth.login', { username: 'postal', password: demoPassword('postal') });
    const before = authOf(h.host.ctx).sessions.size;
    sessions.forget(win.id);
    expect(authOf(h.host.ctx).sessions.size).toBe(before - 1);
    expect((await call('system.info', {})).error?.code).toBe('UNAUTHORIZED');
  });
});
