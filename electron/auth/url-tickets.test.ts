import { describe, expect, it } from 'vitest';
import type { Role } from '../api/contract/index.js';
import type { HostContext } from '../api/host-context.js';
import { AuthRuntime } from './runtime.js';
import { checkTicket, exportResource, fileResource, MAX_TICKETS, TICKET_TTL_MS, UrlTickets } from './url-tickets.js';

function clock() {
  let ms = Date.parse('2026-03-12T09:00:00Z');
  return { now: () => new Date(ms), advanceMs: (d: number) => { ms += d; } };
}
const A = fileResource('a'.repeat(64));
const B = fileResource('b'.repeat(64));
const JOB = exportResource('j'.repeat(24));
const OTHER_JOB = exportResource('k'.repeat(24));
const clerk = { roles: ['clerk'] as const, sessionId: 'session-1' };
const sender = { roles: ['sender'] as const, sessionId: 'session-2' };

describe('URL tickets', () => {
  it('issues distinct 192-bit random tickets, each naming its resource and whom it was issued to', () => {
    const t = new UrlTickets(clock());
    const one = t.issue(A, clerk);
    const two = t.issue(A, { roles: ['admin'] });
    expect(one).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(one).not.toBe(two);
    expect(t.holderOf(one, A)).toEqual({ roles: ['clerk'], sessionId: 'session-1' });
    expect(t.holderOf(two, A)).toEqual({ roles: ['admin'] });
  });

  it('keeps how its file is served (disposition and name), as the issuer said, and nothing for a ticket issued without', () => {
    const t = new UrlTickets(clock());
    const served = { disposition: 'attachment' as const, fileName: 'PJQA-LQMR-MATX-202610-J-1 Verbale.pdf' };
    const named = t.issue(A, clerk, served);
    served.fileName = 'changed-after-issue.exe';
    expect(t.find(named, A)).toEqual({ holder: { roles: ['clerk'], sessionId: 'session-1' }, served: { disposition: 'attachment', fileName: 'PJQA-LQMR-MATX-202610-J-1 Verbale.pdf' } });
    expect(t.find(named, B)).toBeUndefined();
    expect(t.find(t.issue(A, clerk), A)).toEqual({ holder: { roles: ['clerk'], sessionId: 'session-1' } });
  });

  it('opens only the file it was issued for', () => {
    const t = new UrlTickets(clock());
    const ticket = t.issue(A, clerk);
    expect(t.holderOf(ticket, B)).toBeUndefined();
    expect(t.holderOf(ticket, A)).toBeDefined();
  });

  it('opens only the export job it was issued for', () => {
    const t = new UrlTickets(clock());
    const ticket = t.issue(JOB, sender);
    expect(t.holderOf(ticket, OTHER_JOB)).toBeUndefined();
    expect(t.holderOf(ticket, JOB)).toEqual({ roles: ['sender'], sessionId: 'session-2' });
  });

  it('a file\'s ticket never opens an export, nor an export\'s ticket a file, even under the same name', () => {
    const t = new UrlTickets(clock());
    const name = 'c'.repeat(64);
    const fileTicket = t.issue(fileResource(name), clerk);
    const exportTicket = t.issue(exportResource(name), sender);
    expect(t.holderOf(fileTicket, exportResource(name))).toBeUndefined();
    expect(t.holderOf(exportTicket, fileResource(name))).toBeUndefined();
    expect(t.holderOf(fileTicket, fileResource(name))).toBeDefined();
    expect(t.holderOf(exportTicket, exportResource(name))).toBeDefined();
  });

  it('refuses a missing or made-up ticket', () => {
    const t = new UrlTickets(clock());
    t.issue(A, clerk);
    t.issue(JOB, sender);
    for (const resource of [A, JOB]) {
      expect(t.holderOf(undefined, resource)).toBeUndefined();
      expect(t.holderOf('', resource)).toBeUndefined();
      expect(t.holderOf('x'.repeat(32), resource)).toBeUndefined();
    }
  });

  it('serves several requests within its 120 seconds and none from the 120th second on', () => {
    const c = clock();
    const t = new UrlTickets(c);
    const ticket = t.issue(A, clerk);
    const download = t.issue(JOB, sender);
    expect(TICKET_TTL_MS).toBe(120_000);
    c.advanceMs(119_999);
    expect(t.holderOf(ticket, A)).toBeDefined();
    expect(t.holderOf(ticket, A)).toBeDefined();
    expect(t.holderOf(download, JOB)).toBeDefined();
    c.advanceMs(1);
    expect(t.holderOf(ticket, A)).toBeUndefined();
    expect(t.holderOf(download, JOB)).toBeUndefined();
  });

  it('forgets expired tickets when it issues a new one', () => {
    const c = clock();
    const t = new UrlTickets(c);
    t.issue(A, clerk);
    t.issue(B, clerk);
    t.issue(JOB, sender);
    c.advanceMs(TICKET_TTL_MS);
    t.issue(A, clerk);
    expect(t.size).toBe(1);
  });

  it('keeps at most the bound of live tickets, whatever their kind, dropping the oldest', () => {
    const t = new UrlTickets(clock(), { ttlMs: TICKET_TTL_MS, max: 3 });
    const [first, second, third, fourth] = [A, JOB, A, B].map((r) => t.issue(r, clerk)) as [string, string, string, string];
    expect(t.size).toBe(3);
    expect(t.holderOf(first, A)).toBeUndefined();
    expect(t.holderOf(second, JOB)).toBeDefined();
    expect(t.holderOf(third, A)).toBeDefined();
    expect(t.holderOf(fourth, B)).toBeDefined();
    expect(MAX_TICKETS).toBe(1000);
  });
});

describe('checkTicket (what the /files/ and /export/ routes check)', () => {
  function context() {
    const c = clock();
    const auth = new AuthRuntime(c);
    const ctx = { clock: c, auth, urlTickets: new UrlTickets(c) } as unknown as HostContext;
    return { ctx, auth, tickets: ctx.urlTickets! };
  }
  const SENDERS: ReadonlySet<Role> = new Set<Role>(['sender', 'admin']);
  const who = { operatorId: 'op-1', username: 'u', displayName: 'U', deskId: 'desk-1' };

  it('admits the holder of a live ticket for that resource, in a live session, with an allowed role', () => {
    const { ctx, auth, tickets } = context();
    const session = auth.sessions.create({ ...who, roles: ['sender'] });
    const ticket = tickets.issue(JOB, { roles: ['sender'], sessionId: session.id });
    expect(checkTicket(ctx, ticket, JOB, SENDERS)).toEqual({ holder: { roles: ['sender'], sessionId: session.id } });
    expect(checkTicket(ctx, ticket, OTHER_JOB, SENDERS)).toEqual({ refusal: 'UNAUTHORIZED' });
    expect(checkTicket(ctx, ticket, A, SENDERS)).toEqual({ refusal: 'UNAUTHORIZED' });
  });

  it('refuses once the session has ended, and a holder without an allowed role', () => {
    const { ctx, auth, tickets } = context();
    const session = auth.sessions.create({ ...who, roles: ['sender'] });
    const ticket = tickets.issue(JOB, { roles: ['sender'], sessionId: session.id });
    auth.sessions.destroy(session.id);
    expect(checkTicket(ctx, ticket, JOB, SENDERS)).toEqual({ refusal: 'UNAUTHORIZED' });
    const clerkSession = auth.sessions.create({ ...who, roles: ['clerk'] });
    const clerkTicket = tickets.issue(JOB, { roles: ['clerk'], sessionId: clerkSession.id });
    expect(checkTicket(ctx, clerkTicket, JOB, SENDERS)).toEqual({ refusal: 'FORBIDDEN' });
  });

  it('a ticket issued without a session (sign-in not enforced yet) stops once sign-in is enforced', () => {
    const { ctx, auth, tickets } = context();
    const ticket = tickets.issue(JOB, { roles: ['sender', 'admin'] });
    expect(checkTicket(ctx, ticket, JOB, SENDERS)).toEqual({ holder: { roles: ['sender', 'admin'] } });
    auth.markOperatorsExist();
    expect(checkTicket(ctx, ticket, JOB, SENDERS)).toEqual({ refusal: 'UNAUTHORIZED' });
  });
});
