// Browser mode: short-lived tickets for `GET /files/<sha256>?ticket=…` (file-route.ts). The
// browser's PDF viewer cannot send headers, so whatever opens a stored PDF travels in its URL, and
// that URL stays in the browser's history and in the viewer's address bar. A ticket names one file,
// for the roles (and session) of the caller it was issued to, for two minutes: what lingers in the
// history is a dead ticket, never the data directory's token or the operator's session id.
// In memory only: a host restart forgets them, as it forgets the sessions.
import { randomBytes } from 'node:crypto';
import type { Role } from '../api/contract/index.js';
import type { Caller } from '../api/dispatch.js';
import type { Clock } from '../api/host-context.js';

/** How long a ticket opens its file: the viewer's GET and its range/HEAD requests come within seconds. */
export const FILE_TICKET_TTL_MS = 120_000;
/** Live tickets kept at most; the oldest go first (a clerk opens a few PDFs a minute). */
export const MAX_FILE_TICKETS = 1000;

export interface FileTicketPolicy {
  ttlMs: number;
  max: number;
}

/** Whom a ticket was issued to. */
export interface FileTicketHolder {
  roles: readonly Role[];
  /** The session of the caller, when there was one: its end ends the ticket too. */
  sessionId?: string;
}

interface Ticket extends FileTicketHolder {
  sha256: string;
  expiresMs: number;
}

export class FileTickets {
  // Insertion order is issue order: the first entries are the oldest.
  private readonly tickets = new Map<string, Ticket>();

  constructor(
    private readonly clock: Clock,
    private readonly policy: FileTicketPolicy = { ttlMs: FILE_TICKET_TTL_MS, max: MAX_FILE_TICKETS },
  ) {}

  /** A new random ticket (192 bits, base64url) opening the file `sha256` for this caller, usable until it expires. */
  issue(sha256: string, caller: Pick<Caller, 'roles' | 'sessionId'>): string {
    const now = this.clock.now().getTime();
    this.prune(now);
    for (const oldest of this.tickets.keys()) {
      if (this.tickets.size < this.policy.max) break;
      this.tickets.delete(oldest);
    }
    const id = randomBytes(24).toString('base64url');
    const ticket: Ticket = { sha256, roles: [...caller.roles], expiresMs: now + this.policy.ttlMs };
    if (caller.sessionId !== undefined) ticket.sessionId = caller.sessionId;
    this.tickets.set(id, ticket);
    return id;
  }

  /** Whom a live ticket for this very file was issued to; undefined for an unknown, expired or other file's ticket. */
  holderOf(ticket: string | undefined, sha256: string): FileTicketHolder | undefined {
    if (!ticket) return undefined;
    const t = this.tickets.get(ticket);
    if (!t || t.sha256 !== sha256) return undefined;
    if (this.clock.now().getTime() >= t.expiresMs) {
      this.tickets.delete(ticket);
      return undefined;
    }
    return t.sessionId === undefined ? { roles: t.roles } : { roles: t.roles, sessionId: t.sessionId };
  }

  /** Live tickets held (tests: the bound). */
  get size(): number {
    return this.tickets.size;
  }

  private prune(now: number): void {
    for (const [id, t] of this.tickets) if (now >= t.expiresMs) this.tickets.delete(id);
  }
}

declare module '../api/host-context.js' {
  interface HostContext {
    /** Tickets of the `/files/` route (createHost attaches them); absent only in bare test contexts. */
    fileTickets?: FileTickets;
  }
}
