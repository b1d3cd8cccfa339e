// The IPC transport: one channel, the sender checked before anything is dispatched.
import type { IpcMain, WebContents } from 'electron';
import type { Role } from './api/contract/index.js';
import type { Envelope } from './api/contract/envelope.js';
import { dispatch } from './api/dispatch.js';
import { apiError } from './api/errors.js';
import type { HostContext } from './api/host-context.js';
import { CHANNEL } from './channel.js';
import { isTrustedSender } from './security.js';

/** Roles of the window's session; until operators exist (#11) the desktop user has every role. */
export type RolesOf = (sender: WebContents) => readonly Role[];

export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, ctx: HostContext, trustedContents: () => WebContents | undefined, rolesOf: RolesOf = () => ['clerk', 'postal', 'sender', 'admin']): void {
  ipcMain.handle(CHANNEL, async (event, op: unknown, input: unknown, locale: unknown): Promise<Envelope> => {
    const lang = locale === 'en' ? 'en' : 'it';
    if (!isTrustedSender(event, trustedContents())) {
      ctx.logger.warn('ipc call refused: untrusted sender', { url: event.senderFrame?.url });
      return { ok: false, error: apiError('FORBIDDEN', lang) };
    }
    return dispatch(ctx, { roles: rolesOf(event.sender), locale: lang }, typeof op === 'string' ? op : '', input);
  });
}
