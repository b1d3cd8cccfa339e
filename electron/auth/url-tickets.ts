// Browser mode: short-lived tickets for the two GETs the browser makes without our headers, because
// its PDF viewer and its download manager cannot send them:
//   `GET /files/<sha256>?ticket=…`     a stored PDF (electron/desk/file-route.ts), resource `file:<sha256>`
//   `GET /export/<jobId>.csv?ticket=…` a CSV export (electron/sender/export-route.ts), resource `export:<jobId>`
// Whatever opens such a GET travels in its URL, and that URL stays in the browser's history, the
// viewer's address bar and the downloads list. A ticket names one resource (one file, or one export
// job: a file's ticket never opens an export, nor the other way round), for the roles (and session)
// of the caller it was issued to, for two minutes: what lingers is a dead ticket, never the data
// directory's token or the operator's session id. A file's ticket also says how the file is served
// (shown inline, or saved as an attachment) and under which name: the host chose both when it
// issued the ticket, from what it knows of the file; nothing in the URL can change them.
// In memory only: a host restart forgets them, as it forgets the sessions.
import { randomBytes } from 'node:crypto';
import type { Role } from '../api/contract/index.js';
import type { Caller } from '../api/dispatch.js';
import type { Clock, HostContext } from '../api/host-context.js';
import type { Disposition } from '../content-disposition.js';

/** How long a ticket opens its resource: the viewer's GET and its range/HEAD requests, or the download, come within seconds. */
export const TICKET_TTL_MS = 120_000;
/** Live tickets kept at most; the oldest go first (a clerk opens a few PDFs a minute). */
export const MAX_TICKETS = 1000;

/** What one ticket opens: a stored PDF by its SHA-256, or a CSV export job by its id. */
export type TicketResource = `file:${string}` | `export:${string}`;

/** The resource of a stored file (`/files/<sha256>`). */
export const fileResource = (sha256: string): TicketResource => `file:${sha256}`;
/** The resource of a CSV export job (`/export/<jobId>.csv`). */
export const exportResource = (jobId: string): TicketResource => `export:${jobId}`;

export interface TicketPolicy {
  ttlMs: number;
  max: number;
}

/** Whom a ticket was issued to. */
export interface TicketHolder {
  roles: readonly Role[];
  /** The session of the caller, when there was one: its end ends the ticket too. */
  sessionId?: string;
}

/** How a ticketed file is served: in the browser's viewer or as a download, and the name it is saved under. */
export interface ServedFile {
  disposition: Disposition;
  fileName: string;
}

interface Ticket extends TicketHolder {
  resource: TicketResource;
  expiresMs: number;
  served?: ServedFile;
}

export class UrlTickets {
  // Insertion order is issue order: the first entries are the oldest.
  private readonly tickets = new Map<string, Ticket>();

  constructor(
    private readonly clock: Clock,
    private readonly policy: TicketPolicy = { ttlMs: TICKET_TTL_MS, max: MAX_TICKETS },
  ) {}

  /**
   * A new random ticket (192 bits, base64url) opening `resource` for this caller, usable until it
   * expires; `served`: how the file is to be served, bound to the ticket.
   */
  issue(resource: TicketResource, caller: Pick<Caller, 'roles' | 'sessionId'>, served?: ServedFile): string {
    const now = this.clock.now().getTime();
    this.prune(now);
    for (const oldest of this.tickets.keys()) {
      if (this.tickets.size < this.policy.max) break;
      this.tickets.delete(oldest);
    }
    const id = randomBytes(24).toString('base64url');
    const ticket: Ticket = { resource, roles: [...caller.roles], expiresMs: now + this.policy.ttlMs };
    if (caller.sessionId !== undefined) ticket.sessionId = caller.sessionId;
    if (served) ticket.served = { ...served };
    this.tickets.set(id, ticket);
    return id;
  }

  /** Whom a live ticket for this very resource was issued to; undefined for an unknown, expired or other resource's ticket. */
  holderOf(ticket: string | undefined, resource: TicketResource): TicketHolder | undefined {
    return this.find(ticket, resource)?.holder;
  }

  /** A live ticket for this very resource: whom it was issued to and, when its issuer said so, how the file is served. */
  find(ticket: string | undefined, resource: TicketResource): { holder: TicketHolder; served?: ServedFile } | undefined {
    if (!ticket) return undefined;
    const t = this.tickets.get(ticket);
    if (!t || t.resource !== resource) return undefined;
    if (this.clock.now().getTime() >= t.expiresMs) {
      this.tickets.delete(ticket);
      return undefined;
    }
    const holder: TicketHolder = t.sessionId === undefined ? { roles: t.roles } : { roles: t.roles, sessionId: t.sessionId };
    return t.served ? { holder, served: { ...t.served } } : { holder };
  }

  /** Live tickets held (tests: the bound). */
  get size(): number {
    return this.tickets.size;
  }

  private prune(now: number): void {
    for (const [id, t] of this.tickets) if (now >= t.expiresMs) this.tickets.delete(id);
  }
}

/** The context's tickets; a host built without them cannot hand out ticketed URLs. */
export function ticketsOf(ctx: HostContext): UrlTickets {
  if (!ctx.urlTickets) throw new Error('host context has no URL tickets (createHost attaches them)');
  return ctx.urlTickets;
}

/** A ticketed route's verdict: whom the ticket was issued to, or the refusal to answer with. */
export type TicketCheck = { holder: TicketHolder; served?: ServedFile } | { refusal: 'UNAUTHORIZED' | 'FORBIDDEN' };

/**
 * What a ticketed route checks before serving `resource`: a live ticket for that very resource
 * (UNAUTHORIZED otherwise), issued in a session that has not ended (a sign-out, or a change of the
 * operator's roles, which ends their sessions, ends the tickets too), or without a session only
 * while sign-in is not enforced (UNAUTHORIZED), to a holder with one of the `allowed` roles
 * (FORBIDDEN otherwise).
 */
export function checkTicket(ctx: HostContext, ticket: string | undefined, resource: TicketResource, allowed: ReadonlySet<Role>): TicketCheck {
  const found = ctx.urlTickets?.find(ticket, resource);
  if (!found) return { refusal: 'UNAUTHORIZED' };
  const { holder } = found;
  if (holder.sessionId !== undefined ? !ctx.auth?.sessions.resolve(holder.sessionId) : ctx.auth?.enforced === true) return { refusal: 'UNAUTHORIZED' };
  return holder.roles.some((r) => allowed.has(r)) ? found : { refusal: 'FORBIDDEN' };
}

declare module '../api/host-context.js' {
  interface HostContext {
    /** Tickets of the `/files/` and `/export/` routes (createHost attaches them); absent only in bare test contexts. */
    urlTickets?: UrlTickets;
  }
}
