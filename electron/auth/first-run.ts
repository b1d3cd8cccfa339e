// First-run setup (issue #11): on a desk with no operator, the sign-in screen creates the
// administrator ("Primo avvio: crea l'amministratore"), so that no password is ever printed on a
// console a desktop user never sees. Open to a caller without a session only while no operator
// exists; afterwards refused with AUTH_SETUP_ALREADY_DONE. Audited here, like auth.login: a
// refused attempt is recorded even though the call fails.
import { DomainError, isDomainError } from '../../core/index.js';
import type { Store } from '../../db/store.js';
import type { FirstAdminView, SetupStatusView } from '../api/contract/auth.js';
import type { HostContext } from '../api/host-context.js';
import { toAuditEntry } from './audit-trail.js';
import { saveNewOperator } from './operators.js';
import { hashPassword } from './password.js';
import type { AuthRuntime } from './runtime.js';

const OP = 'auth.setupFirstAdmin';
/**
 * Written first in the setup's transaction. On PostgreSQL the upsert takes a row lock that makes a
 * concurrent setup wait for our commit (and then see our operator); SQLite runs one transaction at
 * a time anyway.
 */
export const FIRST_ADMIN_LOCK_KEY = '_auth.firstAdmin';

export interface FirstAdminInput {
  username: string;
  displayName: string;
  password: string;
}

// Read from the store each time (not the runtime's cache): the answer must follow the data.
async function noOperatorYet(store: Pick<Store, 'users'>): Promise<boolean> {
  return (await store.users.list()).length === 0;
}

export async function setupStatus(ctx: HostContext): Promise<SetupStatusView> {
  return { firstAdminNeeded: await noOperatorYet(ctx.store) };
}

async function auditRefusal(ctx: HostContext, code: string): Promise<void> {
  try {
    await ctx.store.audit.append(toAuditEntry({ at: ctx.clock.now(), roles: [], operation: OP, targets: [], outcome: 'refused', code }));
  } catch (e) {
    ctx.logger.error('audit entry of a refusal not written', { op: OP, code, error: e instanceof Error ? e.message : String(e) });
  }
}

/** Creates the first administrator; the caller signs in next with the password they chose. */
export async function setupFirstAdmin(ctx: HostContext, auth: AuthRuntime, input: FirstAdminInput): Promise<FirstAdminView> {
  try {
    // Cheap refusal first: no password hashing for a desk that is already set up.
    if (!(await noOperatorYet(ctx.store))) throw new DomainError('AUTH_SETUP_ALREADY_DONE');
    // scrypt takes ~0.4 s: outside the transaction, which SQLite's single connection would wait on.
    const passwordHash = await hashPassword(input.password, auth.scrypt);
    const now = ctx.clock.now();
    const operator = await ctx.store.transaction(async (tx) => {
      await tx.settings.set(FIRST_ADMIN_LOCK_KEY, { at: now.toISOString() }, now.toISOString());
      if (!(await noOperatorYet(tx))) throw new DomainError('AUTH_SETUP_ALREADY_DONE');
      const view = await saveNewOperator(tx, auth, { username: input.username, displayName: input.displayName, roles: ['admin'] }, passwordHash, now);
      // The caller has no identity yet: the entry's actor is 'local' (no operator), its target the new administrator.
      await tx.audit.append(toAuditEntry({ at: now, roles: [], operation: OP, targets: [view.id], outcome: 'ok' }));
      return view;
    });
    ctx.logger.info('first administrator created at the sign-in screen', { operatorId: operator.id });
    return { operator: { id: operator.id, username: operator.username, displayName: operator.displayName, roles: [...operator.roles] } };
  } catch (e) {
    if (isDomainError(e)) await auditRefusal(ctx, e.code);
    throw e;
  }
}
