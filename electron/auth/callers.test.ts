import { describe, expect, it } from 'vitest';
import { callerOfSession, IpcSessions } from './callers.js';
import { AuthRuntime } from './runtime.js';

const clock = { now: () => new Date('2026-03-12T09:00:00Z') };
const who = { operatorId: 'op-1', username: 'clerk', displayName: 'Clerk', roles: ['clerk'] as const, deskId: 'RADD-1' };

function runtime(enforced: boolean): AuthRuntime {
  const auth = new AuthRuntime(clock);
  if (enforced) auth.markOperatorsExist();
  return auth;
}

describe('callers', () => {
  it('gives every role to a caller without session only while no operator exists', () => {
    expect(callerOfSession(runtime(false), undefined, 'it').roles).toEqual(['clerk', 'postal', 'sender', 'admin']);
    expect(callerOfSession(runtime(true), undefined, 'it').roles).toEqual([]);
    expect(callerOfSession(runtime(true), 'forged', 'it').roles).toEqual([]);
  });

  it('names the operator, session and desk of a live session', () => {
    const auth = runtime(true);
    const s = auth.sessions.create(who);
    expect(callerOfSession(auth, s.id, 'en')).toEqual({ roles: ['clerk'], locale: 'en', operatorId: 'op-1', sessionId: s.id, deskId: 'RADD-1' });
  });

  it('binds a sign-in to its window, strips the session id from the reply, and forgets it on sign-out', () => {
    const auth = runtime(true);
    const ipc = new IpcSessions(auth);
    const win = { id: 3 };
    const other = { id: 4 };
    const s = auth.sessions.create(who);
    const reply = ipc.afterCall(win, 'auth.login', { ok: true, data: { sessionId: s.id, operator: { id: 'op-1' } } });
    expect(reply).toEqual({ ok: true, data: { operator: { id: 'op-1' } } });
    expect(ipc.callerFor(win, 'it').operatorId).toBe('op-1');
    expect(ipc.callerFor(other, 'it').roles).toEqual([]);
    ipc.afterCall(win, 'auth.logout', { ok: true, data: { signedOut: true } });
    expect(ipc.callerFor(win, 'it').roles).toEqual([]);
  });

  it('ends the previous session of a window that signs in again, and never binds a refused sign-in', () => {
    const auth = runtime(true);
    const ipc = new IpcSessions(auth);
    const win = { id: 3 };
    const first = auth.sessions.create(who);
    ipc.afterCall(win, 'auth.login', { ok: true, data: { sessionId: first.id } });
    const second = auth.sessions.create({ ...who, operatorId: 'op-2' });
    ipc.afterCall(win, 'auth.login', { ok: true, data: { sessionId: second.id } });
    expect(auth.sessions.resolve(first.id)).toBeUndefined();
    ipc.afterCall(win, 'auth.login', { ok: false, error: { code: 'AUTH_INVALID_CREDENTIALS', message: '' } });
    expect(ipc.callerFor(win, 'it').operatorId).toBe('op-2');
    ipc.forget(win.id);
    expect(auth.sessions.resolve(second.id)).toBeUndefined();
  });
});
