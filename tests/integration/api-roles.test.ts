// Walks the whole API table: every operation refuses each role it does not list (FORBIDDEN) and
// a caller without a session (UNAUTHORIZED) unless it lists ANONYMOUS; each listed role gets past
// the role check. Both through dispatch and over real HTTP with real demo sessions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS, contract, ROLES, type Role } from '../../electron/api/contract/index.js';
import { accessRefusal, dispatch } from '../../electron/api/dispatch.js';
import { startAuthHost, type AuthHost } from './auth-support.js';

let h: AuthHost;
const sessions = new Map<Role, string>();
const ops = Object.entries(contract);

beforeAll(async () => {
  h = await startAuthHost();
  for (const role of ROLES) sessions.set(role, await h.loginAs(role));
});
afterAll(async () => h?.close());

describe('the API table', () => {
  it('declares at least one role, and only known roles, on every operation', () => {
    expect(ops.length).toBeGreaterThan(10);
    for (const [name, def] of ops) {
      expect(def.roles.length, name).toBeGreaterThan(0);
      for (const r of def.roles) expect([...ROLES, ANONYMOUS], name).toContain(r);
    }
  });

  it('opens only the sign-in screen\'s operations to callers without a session (sign-in, first-run setup)', () => {
    expect(ops.filter(([, def]) => def.roles.includes(ANONYMOUS)).map(([n]) => n).sort()).toEqual(['auth.login', 'auth.setupFirstAdmin', 'auth.setupStatus']);
    // The setup creates an administrator: no signed-in role may call it, only a caller without a session.
    expect(contract['auth.setupFirstAdmin'].roles).toEqual([ANONYMOUS]);
  });

  it('lets each listed role past the role check (pure check, no handler run)', () => {
    for (const [name, def] of ops) {
      for (const role of ROLES.filter((r) => def.roles.includes(r))) expect(accessRefusal(def, { roles: [role] }), `${name} as ${role}`).toBeUndefined();
    }
  });
});

describe('every operation refuses the roles it does not list', () => {
  it('through dispatch: FORBIDDEN for each unlisted role, UNAUTHORIZED without a session', async () => {
    let checked = 0;
    for (const [name, def] of ops) {
      for (const role of ROLES.filter((r) => !def.roles.includes(r))) {
        const res = await dispatch(h.host.ctx, { roles: [role], locale: 'en', operatorId: 'role-walker' }, name, {});
        expect(res.ok ? 'ok' : res.error.code, `${name} as ${role}`).toBe('FORBIDDEN');
        checked++;
      }
      const anon = await dispatch(h.host.ctx, { roles: [], locale: 'en' }, name, {});
      if (def.roles.includes(ANONYMOUS)) expect(anon.ok || anon.error.code !== 'UNAUTHORIZED', name).toBe(true);
      else expect(anon.ok ? 'ok' : anon.error.code, `${name} anonymous`).toBe('UNAUTHORIZED');
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('over HTTP with the demo operators\' sessions: 403 for each unlisted role, 401 without a session', async () => {
    for (const [name, def] of ops) {
      for (const role of ROLES) {
        const res = await h.call(name, {}, sessions.get(role));
        const refused = res.body.error?.code === 'FORBIDDEN' || res.body.error?.code === 'UNAUTHORIZED';
        if (def.roles.includes(role)) expect(refused, `${name} as ${role}`).toBe(false);
        else expect([res.status, res.body.error?.code], `${name} as ${role}`).toEqual([403, 'FORBIDDEN']);
        // auth.logout did end that session: sign in again for the next operations.
        if (name === 'auth.logout' && res.body.ok) sessions.set(role, await h.loginAs(role));
      }
      const anon = await h.call(name, {});
      if (!def.roles.includes(ANONYMOUS)) expect([anon.status, anon.body.error?.code], `${name} anonymous`).toEqual([401, 'UNAUTHORIZED']);
    }
  });

  it('audits a signed-in caller refused for lack of role on a state-changing operation', async () => {
    const res = await h.call('admin.createOperator', { username: 'sneaky', displayName: 'x', roles: ['admin'], password: 'sneaky-password' }, sessions.get('clerk'));
    expect(res.body.error?.code).toBe('FORBIDDEN');
    const page = await h.call<{ items: { operation: string; outcome: string; code: string; roles: string[] }[] }>('audit.list', { operation: 'admin.createOperator', outcome: 'refused' }, sessions.get('admin'));
    expect(page.body.data!.items[0]).toMatchObject({ operation: 'admin.createOperator', outcome: 'refused', code: 'FORBIDDEN', roles: ['clerk'] });
    expect((await h.host.ctx.store.users.getByUsername('sneaky'))).toBeUndefined();
  });
});
