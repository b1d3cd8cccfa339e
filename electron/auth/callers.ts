// Who is calling, for each transport (issue #11).
// HTTP (browser mode): the browser-mode token proves the request comes from our page; the session id
// in `x-radd-session` says which operator signed in in that tab.
// IPC (Electron): the main process keeps one session per window (webContents id); the page never
// sees the session id, so a script in the page cannot carry it elsewhere.
// Until an operator exists (runtime.enforced false) a caller without a session has every role.
import type { IncomingMessage } from 'node:http';
import type { Locale } from '../../core/index.js';
import type { Envelope } from '../api/contract/envelope.js';
import { ROLES } from '../api/contract/index.js';
import type { Caller } from '../api/dispatch.js';
import type { AuthRuntime } from './runtime.js';

export const SESSION_HEADER = 'x-radd-session';

/** The caller behind a session id (or anonymous, or every role while sign-in is not enforced). */
export function callerOfSession(auth: AuthRuntime, sessionId: string | undefined, locale: Locale): Caller {
  const s = auth.sessions.resolve(sessionId);
  if (s) return { roles: s.roles, locale, operatorId: s.operatorId, sessionId: s.id, deskId: s.deskId };
  return auth.enforced ? { roles: [], locale } : { roles: ROLES, locale };
}

/** `resolveCaller` of the HTTP host: the session named by the `x-radd-session` header. */
export function httpCallerResolver(auth: AuthRuntime): (req: IncomingMessage, locale: Locale) => Caller {
  return (req, locale) => {
    const h = req.headers[SESSION_HEADER];
    return callerOfSession(auth, Array.isArray(h) ? h[0] : h, locale);
  };
}

/** The window as far as sessions are concerned: Electron's webContents id. */
export interface WindowRef {
  readonly id: number;
}

/** Sessions of Electron windows, kept in the main process and keyed by webContents id. */
export class IpcSessions {
  private readonly byWindow = new Map<number, string>();

  constructor(private readonly auth: AuthRuntime) {}

  callerFor(sender: WindowRef, locale: Locale): Caller {
    const id = this.byWindow.get(sender.id);
    const caller = callerOfSession(this.auth, id, locale);
    if (id && caller.sessionId === undefined) this.byWindow.delete(sender.id);
    return caller;
  }

  /** After a call: a sign-in binds its session to the window (and keeps the id out of the page). */
  afterCall(sender: WindowRef, op: string, envelope: Envelope): Envelope {
    if (!envelope.ok) return envelope;
    if (op === 'auth.login') {
      const { sessionId, ...rest } = envelope.data as { sessionId?: string };
      const previous = this.byWindow.get(sender.id);
      if (previous && previous !== sessionId) this.auth.sessions.destroy(previous);
      if (sessionId) this.byWindow.set(sender.id, sessionId);
      return { ok: true, data: rest };
    }
    if (op === 'auth.logout') this.byWindow.delete(sender.id);
    return envelope;
  }

  /** The window is gone: its session ends with it. */
  forget(windowId: number): void {
    this.auth.sessions.destroy(this.byWindow.get(windowId));
    this.byWindow.delete(windowId);
  }
}
