// The IPC transport: one channel, the sender checked before anything is dispatched.
import type { IpcMain, WebContents } from 'electron';
import type { Locale } from '../core/index.js';
import { ROLES } from './api/contract/index.js';
import type { Envelope } from './api/contract/envelope.js';
import { dispatch, type Caller } from './api/dispatch.js';
import { apiError } from './api/errors.js';
import type { HostContext } from './api/host-context.js';
import { CHANNEL } from './channel.js';
import { isTrustedSender } from './security.js';

/**
 * Who a window is (issue #11): `IpcSessions` (electron/auth/callers.ts) keeps one session per
 * window in the main process, and binds it when a sign-in succeeds.
 */
export interface IpcCallers {
  callerFor(sender: WebContents, locale: Locale): Caller;
  afterCall(sender: WebContents, op: string, envelope: Envelope): Envelope;
}

/** Without a session layer (unit tests) the desktop user has every role. */
const everyRole: IpcCallers = {
  callerFor: (_sender, locale) => ({ roles: ROLES, locale }),
  afterCall: (_sender, _op, envelope) => envelope,
};

export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, ctx: HostContext, trustedContents: () => WebContents | undefined, callers: IpcCallers = everyRole): void {
  ipcMain.handle(CHANNEL, async (event, op: unknown, input: unknown, locale: unknown): Promise<Envelope> => {
    const lang = locale === 'en' ? 'en' : 'it';
    if (!isTrustedSender(event, trustedContents())) {
      ctx.logger.warn('ipc call refused: untrusted sender', { url: event.senderFrame?.url });
      return { ok: false, error: apiError('FORBIDDEN', lang) };
    }
    const name = typeof op === 'string' ? op : '';
    const envelope = await dispatch(ctx, callers.callerFor(event.sender, lang), name, input);
    return callers.afterCall(event.sender, name, envelope);
  });
}
