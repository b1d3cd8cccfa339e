// Operator accounts (issue #11): create, update (name, roles, sender, enabled), reset and change
// password. Every function works on the store scope it is given, so that the dispatcher's
// transaction (and its audit entry) covers the change. Sessions of an operator end when their
// roles, state or password change.
import { randomUUID } from 'node:crypto';
import { DomainError } from '../../core/index.js';
import type { User } from '../../db/repositories/users-repo.js';
import type { StoreScope } from '../../db/store.js';
import type { OperatorView } from '../api/contract/admin.js';
import type { Role } from '../api/contract/index.js';
import { lockedMinutesLeft, lockoutKey, NO_FAILURES, type LockoutState } from './lockout.js';
import { hashPassword, verifyPassword } from './password.js';
import type { AuthRuntime } from './runtime.js';

type Scope = Pick<StoreScope, 'users' | 'settings'>;

export function toOperatorView(u: User, lock: LockoutState | undefined, now: Date): OperatorView {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    roles: [...u.roles],
    active: u.active,
    senderTaxId: u.senderTaxId ?? null,
    createdAt: u.createdAt,
    lockedUntil: lockedMinutesLeft(lock, now) > 0 ? lock!.lockedUntil : null,
  };
}

export async function operatorView(tx: Scope, u: User, now: Date): Promise<OperatorView> {
  return toOperatorView(u, await tx.settings.get<LockoutState>(lockoutKey(u.username)), now);
}

export async function listOperators(tx: Scope, now: Date): Promise<OperatorView[]> {
  const users = await tx.users.list();
  return Promise.all(users.map((u) => operatorView(tx, u, now)));
}

export interface NewOperator {
  username: string;
  displayName: string;
  roles: Role[];
  password: string;
  senderTaxId?: string | undefined;
}

export async function createOperator(tx: Scope, auth: AuthRuntime, input: NewOperator, now: Date): Promise<OperatorView> {
  if (await tx.users.getByUsername(input.username)) throw new DomainError('OPERATOR_USERNAME_ALREADY_USED', { username: input.username });
  const { password, ...rest } = input;
  return saveNewOperator(tx, auth, rest, await hashPassword(password, auth.scrypt), now);
}

/** Stores a new operator whose password is already hashed (the first-run setup hashes before its transaction). */
export async function saveNewOperator(tx: Scope, auth: AuthRuntime, input: Omit<NewOperator, 'password'>, passwordHash: string, now: Date): Promise<OperatorView> {
  if (await tx.users.getByUsername(input.username)) throw new DomainError('OPERATOR_USERNAME_ALREADY_USED', { username: input.username });
  const user: User = {
    id: randomUUID(),
    username: input.username,
    displayName: input.displayName,
    roles: [...input.roles],
    passwordHash,
    active: true,
    createdAt: now.toISOString(),
  };
  if (input.senderTaxId) user.senderTaxId = input.senderTaxId;
  await tx.users.save(user);
  auth.markOperatorsExist();
  return toOperatorView(user, undefined, now);
}

async function mustGet(tx: Scope, id: string): Promise<User> {
  const user = await tx.users.get(id);
  if (!user) throw new DomainError('OPERATOR_NOT_FOUND', { id });
  return user;
}

const isActiveAdmin = (u: User) => u.active && u.roles.includes('admin');

/** Refuses a change that would leave the desk without an active administrator. */
async function assertAdminRemains(tx: Scope, before: User, after: User): Promise<void> {
  if (!isActiveAdmin(before) || isActiveAdmin(after)) return;
  const others = (await tx.users.list()).filter((u) => u.id !== before.id && isActiveAdmin(u));
  if (others.length === 0) throw new DomainError('OPERATOR_LAST_ADMIN');
}

export interface OperatorChanges {
  id: string;
  displayName?: string | undefined;
  roles?: Role[] | undefined;
  active?: boolean | undefined;
  senderTaxId?: string | null | undefined;
  unlock?: true | undefined;
}

export async function updateOperator(tx: Scope, auth: AuthRuntime, changes: OperatorChanges, now: Date): Promise<OperatorView> {
  const before = await mustGet(tx, changes.id);
  const after: User = { ...before, roles: changes.roles ? [...changes.roles] : [...before.roles] };
  if (changes.displayName !== undefined) after.displayName = changes.displayName;
  if (changes.active !== undefined) after.active = changes.active;
  if (changes.senderTaxId === null) delete after.senderTaxId;
  else if (changes.senderTaxId !== undefined) after.senderTaxId = changes.senderTaxId;
  await assertAdminRemains(tx, before, after);
  await tx.users.save(after);
  if (changes.unlock) await tx.settings.set(lockoutKey(after.username), NO_FAILURES, now.toISOString());
  const rolesChanged = [...before.roles].sort().join() !== [...after.roles].sort().join();
  if (rolesChanged || before.active !== after.active) auth.sessions.destroyForOperator(after.id);
  return operatorView(tx, after, now);
}

/** An administrator sets a new password: the lockout is lifted and the operator's sessions end. */
export async function resetPassword(tx: Scope, auth: AuthRuntime, id: string, newPassword: string, now: Date): Promise<void> {
  const user = await mustGet(tx, id);
  await tx.users.save({ ...user, passwordHash: await hashPassword(newPassword, auth.scrypt) });
  await tx.settings.set(lockoutKey(user.username), NO_FAILURES, now.toISOString());
  auth.sessions.destroyForOperator(id);
}

/** An operator changes their own password; their other sessions end, this one stays. */
/**
 * Changes one's own password: 'changed', or 'already' when the same change is sent again after its
 * answer was lost (the current password no longer opens the account, but the new one does and this
 * same session changed it within PASSWORD_CHANGE_REPEAT_MINUTES): nothing is done again. Any other
 * wrong current password is AUTH_INVALID_CREDENTIALS.
 */
export async function changeOwnPassword(tx: Scope, auth: AuthRuntime, who: { operatorId: string; sessionId?: string | undefined }, current: string, next: string): Promise<'changed' | 'already'> {
  const user = await mustGet(tx, who.operatorId);
  if (!(await verifyPassword(current, user.passwordHash))) {
    if (auth.changedPasswordLately(user.id, who.sessionId) && (await verifyPassword(next, user.passwordHash))) return 'already';
    throw new DomainError('AUTH_INVALID_CREDENTIALS');
  }
  await tx.users.save({ ...user, passwordHash: await hashPassword(next, auth.scrypt) });
  auth.sessions.destroyForOperator(user.id, who.sessionId);
  auth.passwordChanged(user.id, who.sessionId);
  return 'changed';
}
