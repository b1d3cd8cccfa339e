// The host's sign-in machinery (issue #11): password cost, lockout policy, live sessions, and
// whether sign-in is enforced. It is enforced as soon as one operator exists; before that (a
// store nobody has bootstrapped, e.g. the host's own HTTP tests) the token holder has every role,
// as before operators existed. `createHost({ bootstrapOperators: true })` (main.ts, serve.ts)
// enforces it from the start: on a first start without operators the host waits for the first
// administrator (awaitFirstAdmin), and meanwhile only the sign-in screen's operations are open.
import type { Clock, HostContext } from '../api/host-context.js';
import type { Store } from '../../db/store.js';
import { DEFAULT_LOCKOUT, type LockoutPolicy } from './lockout.js';
import { DEFAULT_SCRYPT, hashPassword, type ScryptParams } from './password.js';
import { DEFAULT_SESSIONS, SessionManager, type SessionPolicy } from './sessions.js';

/** How long a password change sent again after its answer was lost is answered as done. */
export const PASSWORD_CHANGE_REPEAT_MINUTES = 5;

export interface AuthOptions {
  scrypt?: ScryptParams;
  lockout?: LockoutPolicy;
  sessions?: SessionPolicy;
}

export class AuthRuntime {
  readonly sessions: SessionManager;
  readonly scrypt: ScryptParams;
  readonly lockout: LockoutPolicy;
  private operatorsExist = false;
  private awaitingFirstAdmin = false;
  private dummy: Promise<string> | undefined;
  /** Who changed an operator's own password last, and when (memory only: no password, no digest). */
  private readonly passwordChanges = new Map<string, { sessionId: string; atMs: number }>();

  constructor(private readonly clock: Clock, options: AuthOptions = {}) {
    this.scrypt = options.scrypt ?? DEFAULT_SCRYPT;
    this.lockout = options.lockout ?? DEFAULT_LOCKOUT;
    this.sessions = new SessionManager(clock, options.sessions ?? DEFAULT_SESSIONS);
  }

  /** True once an operator exists, or while the first one is awaited: every call needs a session. */
  get enforced(): boolean {
    return this.operatorsExist || this.awaitingFirstAdmin;
  }

  /** First start of the real app with no operator: sign-in is enforced before anyone can sign in. */
  awaitFirstAdmin(): void {
    this.awaitingFirstAdmin = true;
  }

  /** Reads whether an operator exists (at start); creating one flips it for good. */
  async refresh(store: Pick<Store, 'users'>): Promise<boolean> {
    if (!this.operatorsExist) this.operatorsExist = (await store.users.list()).length > 0;
    return this.operatorsExist;
  }

  markOperatorsExist(): void {
    this.operatorsExist = true;
  }

  /** The operator changed their own password from this session (auth.changePassword). */
  passwordChanged(operatorId: string, sessionId: string | undefined): void {
    if (sessionId) this.passwordChanges.set(operatorId, { sessionId, atMs: this.clock.now().getTime() });
    else this.passwordChanges.delete(operatorId);
  }

  /** Whether this session changed the operator's password within PASSWORD_CHANGE_REPEAT_MINUTES. */
  changedPasswordLately(operatorId: string, sessionId: string | undefined): boolean {
    const last = this.passwordChanges.get(operatorId);
    if (!last || !sessionId || last.sessionId !== sessionId) return false;
    const age = this.clock.now().getTime() - last.atMs;
    return age >= 0 && age <= PASSWORD_CHANGE_REPEAT_MINUTES * 60_000;
  }

  /** A hash of nothing in particular, checked for unknown user names so that they take as long. */
  dummyHash(): Promise<string> {
    this.dummy ??= hashPassword('not a password of anybody', this.scrypt);
    return this.dummy;
  }
}

declare module '../api/host-context.js' {
  interface HostContext {
    /** Sign-in machinery; absent only in unit tests that build a bare context. */
    auth?: AuthRuntime;
  }
}

/** The context's auth runtime; a host built without one cannot serve the auth operations. */
export function authOf(ctx: HostContext): AuthRuntime {
  if (!ctx.auth) throw new Error('host context has no auth runtime (createHost attaches one)');
  return ctx.auth;
}
