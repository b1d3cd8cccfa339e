// Sign-in (issue #11). The password is checked outside any transaction (scrypt takes ~0.4 s and
// SQLite has one connection); each outcome is then written in one short transaction together with
// its audit entry: a refusal counts towards the lockout and is recorded even though the call
// fails, which is why auth.login is audited here and not by the dispatcher.
import { DomainError, type ErrorCode } from '../../core/index.js';
import type { User } from '../../db/repositories/users-repo.js';
import type { SessionView } from '../api/contract/auth.js';
import type { HostContext } from '../api/host-context.js';
import { toAuditEntry } from './audit-trail.js';
import { currentDeskId } from './desk-settings.js';
import { afterFailure, lockedMinutesLeft, lockoutKey, NO_FAILURES, type LockoutState } from './lockout.js';
import { hashPassword, needsRehash, verifyPassword } from './password.js';
import type { AuthRuntime } from './runtime.js';

const OP = 'auth.login';

async function refuse(ctx: HostContext, user: User | undefined, code: ErrorCode, params: Record<string, string | number>, countFailure: AuthRuntime | undefined): Promise<never> {
  const now = ctx.clock.now();
  await ctx.store.transaction(async (tx) => {
    if (user && countFailure) {
      const state = await tx.settings.get<LockoutState>(lockoutKey(user.username));
      await tx.settings.set(lockoutKey(user.username), afterFailure(state, now, countFailure.lockout), now.toISOString());
    }
    // Unknown user names are not recorded as typed (they could be anything, even a tax code).
    await tx.audit.append(toAuditEntry({ at: now, operatorId: user?.id ?? 'unknown', roles: [], operation: OP, targets: user ? [user.id] : [], outcome: 'refused', code }));
  });
  throw new DomainError(code, params);
}

/** Checks the credentials, applies the lockout, and opens a session for the operator. */
export async function login(ctx: HostContext, auth: AuthRuntime, username: string, password: string): Promise<SessionView> {
  const user = await ctx.store.users.getByUsername(username);
  const lock = user ? await ctx.store.settings.get<LockoutState>(lockoutKey(user.username)) : undefined;
  const minutes = lockedMinutesLeft(lock, ctx.clock.now());
  if (minutes > 0) return refuse(ctx, user, 'AUTH_LOCKED', { minutes }, undefined);
  // An unknown user name costs one scrypt too, so that timing does not tell which names exist.
  const matches = await verifyPassword(password, user?.passwordHash ?? (await auth.dummyHash()));
  if (!user || !matches) return refuse(ctx, user, 'AUTH_INVALID_CREDENTIALS', {}, auth);
  if (!user.active) return refuse(ctx, user, 'AUTH_ACCOUNT_DISABLED', {}, undefined);
  const rehash = user.passwordHash && needsRehash(user.passwordHash, auth.scrypt) ? await hashPassword(password, auth.scrypt) : undefined;
  const now = ctx.clock.now();
  const deskId = await ctx.store.transaction(async (tx) => {
    await tx.settings.set(lockoutKey(user.username), NO_FAILURES, now.toISOString());
    if (rehash) await tx.users.save({ ...user, passwordHash: rehash });
    const desk = await currentDeskId(tx);
    await tx.audit.append(toAuditEntry({ at: now, operatorId: user.id, roles: user.roles, deskId: desk, operation: OP, targets: [user.id], outcome: 'ok' }));
    return desk;
  });
  const session = auth.sessions.create({ operatorId: user.id, username: user.username, displayName: user.displayName, roles: user.roles, deskId });
  return {
    sessionId: session.id,
    operator: { id: user.id, username: user.username, displayName: user.displayName, roles: [...user.roles] },
    deskId,
    expiresAt: session.expiresAt,
  };
}
