import { describe, expect, it } from 'vitest';
import { FILE_TICKET_TTL_MS, FileTickets, MAX_FILE_TICKETS } from './file-tickets.js';

function clock() {
  let ms = Date.parse('2026-03-12T09:00:00Z');
  return { now: () => new Date(ms), advanceMs: (d: number) => { ms += d; } };
}
const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const clerk = { roles: ['clerk'] as const, sessionId: 'session-1' };

describe('file tickets', () => {
  it('issues distinct 192-bit random tickets, each naming its file and whom it was issued to', () => {
    const t = new FileTickets(clock());
    const one = t.issue(A, clerk);
    const two = t.issue(A, { roles: ['admin'] });
    expect(one).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(one).not.toBe(two);
    expect(t.holderOf(one, A)).toEqual({ roles: ['clerk'], sessionId: 'session-1' });
    expect(t.holderOf(two, A)).toEqual({ roles: ['admin'] });
  });

  it('opens only the file it was issued for', () => {
    const t = new FileTickets(clock());
    const ticket = t.issue(A, clerk);
    expect(t.holderOf(ticket, B)).toBeUndefined();
    expect(t.holderOf(ticket, A)).toBeDefined();
  });

  it('refuses a missing or made-up ticket', () => {
    const t = new FileTickets(clock());
    t.issue(A, clerk);
    expect(t.holderOf(undefined, A)).toBeUndefined();
    expect(t.holderOf('', A)).toBeUndefined();
    expect(t.holderOf('x'.repeat(32), A)).toBeUndefined();
  });

  it('serves several requests within its 120 seconds and none from the 120th second on', () => {
    const c = clock();
    const t = new FileTickets(c);
    const ticket = t.issue(A, clerk);
    expect(FILE_TICKET_TTL_MS).toBe(120_000);
    c.advanceMs(119_999);
    expect(t.holderOf(ticket, A)).toBeDefined();
    expect(t.holderOf(ticket, A)).toBeDefined();
    c.advanceMs(1);
    expect(t.holderOf(ticket, A)).toBeUndefined();
  });

  it('forgets expired tickets when it issues a new one', () => {
    const c = clock();
    const t = new FileTickets(c);
    t.issue(A, clerk);
    t.issue(B, clerk);
    c.advanceMs(FILE_TICKET_TTL_MS);
    t.issue(A, clerk);
    expect(t.size).toBe(1);
  });

  it('keeps at most the bound of live tickets, dropping the oldest', () => {
    const t = new FileTickets(clock(), { ttlMs: FILE_TICKET_TTL_MS, max: 3 });
    const [first, second, third, fourth] = [A, B, A, B].map((sha) => t.issue(sha, clerk)) as [string, string, string, string];
    expect(t.size).toBe(3);
    expect(t.holderOf(first, A)).toBeUndefined();
    expect(t.holderOf(second, B)).toBeDefined();
    expect(t.holderOf(third, A)).toBeDefined();
    expect(t.holderOf(fourth, B)).toBeDefined();
    expect(MAX_FILE_TICKETS).toBe(1000);
  });
});
