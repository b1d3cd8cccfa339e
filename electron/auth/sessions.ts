// Sign-in sessions, in memory: a random id -> operator, roles and desk. One per Electron window
// (kept by the main process, never shown to the page) or per browser tab (sent by the page in the
// `x-radd-session` header). They end on sign-out, after `idleMinutes` without a call, after
// `maxHours` in any case, when the operator is disabled or their roles or password change, and
// when the host stops.
import { randomBytes } from 'node:crypto';
import type { Role } from '../api/contract/index.js';
import type { Clock } from '../api/host-context.js';

export interface SessionPolicy {
  idleMinutes: number;
  maxHours: number;
}

export const DEFAULT_SESSIONS: SessionPolicy = { idleMinutes: 30, maxHours: 12 };

export interface Session {
  id: string;
  operatorId: string;
  username: string;
  displayName: string;
  roles: readonly Role[];
  deskId: string;
  createdAt: number;
  lastSeenAt: number;
}

export interface SessionInfo extends Omit<Session, 'createdAt' | 'lastSeenAt'> {
  /** When the session ends if left idle (ISO instant). */
  expiresAt: string;
}

export class SessionManager {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly clock: Clock,
    private readonly policy: SessionPolicy = DEFAULT_SESSIONS,
  ) {}

  /** Opens a session and returns it with its fresh random id (256 bits). */
  create(who: Omit<Session, 'id' | 'createdAt' | 'lastSeenAt'>): SessionInfo {
    this.sweep();
    const now = this.clock.now().getTime();
    const session: Session = { ...who, roles: [...who.roles], id: randomBytes(32).toString('base64url'), createdAt: now, lastSeenAt: now };
    this.sessions.set(session.id, session);
    return this.info(session);
  }

  /** The live session of an id (its idle timer restarts), or undefined when absent or expired. */
  resolve(id: string | undefined): SessionInfo | undefined {
    if (!id) return undefined;
    const session = this.sessions.get(id);
    if (!session) return undefined;
    const now = this.clock.now().getTime();
    if (this.isExpired(session, now)) {
      this.sessions.delete(id);
      return undefined;
    }
    session.lastSeenAt = now;
    return this.info(session);
  }

  destroy(id: string | undefined): void {
    if (id) this.sessions.delete(id);
  }

  /** Ends every session of an operator (disabled, roles changed, password reset), but `exceptId`. */
  destroyForOperator(operatorId: string, exceptId?: string): number {
    let n = 0;
    for (const [id, s] of this.sessions) {
      if (s.operatorId === operatorId && id !== exceptId) {
        this.sessions.delete(id);
        n++;
      }
    }
    return n;
  }

  get size(): number {
    return this.sessions.size;
  }

  private isExpired(s: Session, now: number): boolean {
    return now - s.lastSeenAt >= this.policy.idleMinutes * 60_000 || now - s.createdAt >= this.policy.maxHours * 3_600_000;
  }

  private sweep(): void {
    const now = this.clock.now().getTime();
    for (const [id, s] of this.sessions) if (this.isExpired(s, now)) this.sessions.delete(id);
  }

  private info(s: Session): SessionInfo {
    const idleEnd = s.lastSeenAt + this.policy.idleMinutes * 60_000;
    const hardEnd = s.createdAt + this.policy.maxHours * 3_600_000;
    const { createdAt: _c, lastSeenAt: _l, ...rest } = s;
    return { ...rest, roles: [...s.roles], expiresAt: new Date(Math.min(idleEnd, hardEnd)).toISOString() };
  }
}
