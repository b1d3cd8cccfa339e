import { DomainError } from '../../../core/index.js';
import { setupFirstAdmin, setupStatus } from '../../auth/first-run.js';
import { login } from '../../auth/login.js';
import { changeOwnPassword } from '../../auth/operators.js';
import { authOf } from '../../auth/runtime.js';
import { answeredAgain } from '../answer-once.js';
import type { authContract } from '../contract/auth.js';
import type { HandlersOf } from './types.js';

export const authHandlers = {
  'auth.login': async ({ username, password }, ctx) => login(ctx, authOf(ctx), username, password),

  'auth.setupStatus': async (_input, ctx) => setupStatus(ctx),

  // Named by the screen (requestId), a setup sent again after its answer was lost gets the first
  // answer (the administrator's names, no session, no secret), not AUTH_SETUP_ALREADY_DONE.
  'auth.setupFirstAdmin': async ({ username, displayName, password, requestId }, ctx) => setupFirstAdmin(ctx, authOf(ctx), { username, displayName, password }, requestId),

  'auth.logout': async (_input, ctx, caller) => {
    authOf(ctx).sessions.destroy(caller.sessionId);
    return { signedOut: true as const };
  },

  'auth.whoami': async (_input, ctx, caller) => {
    const session = caller.sessionId ? authOf(ctx).sessions.resolve(caller.sessionId) : undefined;
    if (!session) return { authenticated: false, operator: null, roles: [...caller.roles], deskId: null, expiresAt: null };
    return {
      authenticated: true,
      operator: { id: session.operatorId, username: session.username, displayName: session.displayName, roles: [...session.roles] },
      roles: [...session.roles],
      deskId: session.deskId,
      expiresAt: session.expiresAt,
    };
  },

  'auth.changePassword': async ({ currentPassword, newPassword }, ctx, caller) => {
    if (!caller.operatorId) throw new DomainError('AUTH_NO_OPERATOR');
    const done = await changeOwnPassword(ctx.store, authOf(ctx), { operatorId: caller.operatorId, sessionId: caller.sessionId }, currentPassword, newPassword);
    // Sent again after its answer was lost: answered as done, with no second audit entry.
    return done === 'already' ? answeredAgain({ changed: true as const }) : { changed: true as const };
  },
} satisfies HandlersOf<typeof authContract>;
