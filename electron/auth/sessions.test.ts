import { describe, expect, it } from 'vitest';
import { SessionManager } from './sessions.js';

function clock() {
  let ms = Date.parse('2026-03-12T09:00:00Z');
  return { now: () => new Date(ms), advance: (minutes: number) => { ms += minutes * 60_000; } };
}
const who = { operatorId: 'op-1', username: 'clerk', displayName: 'Clerk', roles: ['clerk'] as const, deskId: 'RADD-1' };

describe('sessions', () => {
  it('gives each sign-in a distinct 256-bit random id', () => {
    const m = new SessionManager(clock(), { idleMinutes: 30, maxHours: 12 });
    const a = m.create(who);
    const b = m.create(who);
    expect(a.id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.id).not.toBe(b.id);
    expect(m.resolve(a.id)).toMatchObject({ operatorId: 'op-1', roles: ['clerk'], deskId: 'RADD-1' });
  });

  it('expires after the idle time and restarts the idle timer on use', () => {
    const c = clock();
    const m = new SessionManager(c, { idleMinutes: 30, maxHours: 12 });
    const s = m.create(who);
    c.advance(20);
    expect(m.resolve(s.id)?.expiresAt).toBe(new Date(c.now().getTime() + 30 * 60_000).toISOString());
    c.advance(29);
    expect(m.resolve(s.id)).toBeDefined();
    c.advance(30);
    expect(m.resolve(s.id)).toBeUndefined();
    expect(m.size).toBe(0);
  });

  it('expires after the maximum lifetime however busy', () => {
    const c = clock();
    const m = new SessionManager(c, { idleMinutes: 30, maxHours: 1 });
    const s = m.create(who);
    c.advance(25);
    m.resolve(s.id);
    c.advance(25);
    expect(m.resolve(s.id)?.expiresAt).toBe(new Date(c.now().getTime() + 10 * 60_000).toISOString());
    c.advance(10);
    expect(m.resolve(s.id)).toBeUndefined();
  });

  it('ends all sessions of an operator except the one kept', () => {
    const m = new SessionManager(clock());
    const a = m.create(who);
    const b = m.create(who);
    const other = m.create({ ...who, operatorId: 'op-2' });
    expect(m.destroyForOperator('op-1', b.id)).toBe(1);
    expect(m.resolve(a.id)).toBeUndefined();
    expect(m.resolve(b.id)).toBeDefined();
    expect(m.resolve(other.id)).toBeDefined();
  });

  it('does not resolve unknown, empty or destroyed ids', () => {
    const m = new SessionManager(clock());
    const s = m.create(who);
    m.destroy(s.id);
    for (const id of [s.id, '', undefined, 'x'.repeat(43)]) expect(m.resolve(id)).toBeUndefined();
  });
});
