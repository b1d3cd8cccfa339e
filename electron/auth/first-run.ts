// First-run setup (issue #11): on a desk with no operator, the sign-in screen creates the
// administrator ("Primo avvio: crea l'amministratore"), so that no password is ever printed on a
// console a desktop user never sees. Open to a caller without a session only while no operator
// exists; afterwards refused with AUTH_SETUP_ALREADY_DONE. Audited here, like auth.login: a
// refused attempt is recorded even though the call fails. Named by the screen (requestId), a setup
// sent again after its answer was lost gets the first answer instead of "already done, sign in".
import { DomainError, isDomainError } from '../../core/index.js';
import type { Store } from '../../db/store.js';
import { firstAnswer, keepAnswer, type AnswerOnce } from '../api/answer-once.js';
import type { FirstAdminView, SetupStatusView } from '../api/contract/auth.js';
import type { HostContext } from '../api/host-context.js';
import { toAuditEntry } from './audit-trail.js';
import { saveNewOperator } from './operators.js';
import { hashPassword, verifyPassword } from './password.js';
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

/**
 * The setup as a request answered once (electron/api/answer-once.ts). What is kept: the names only,
 * never the password, not even as a digest (a digest of a password is a guessable hash): a repeat is
 * the same request only if its password also opens the administrator created the first time, as for
 * admin.createOperator. The answer kept and given again is the FirstAdminView, which holds no secret:
 * the setup opens no session (the administrator signs in next), so a repeat creates nothing, opens
 * nothing, and tells only what its caller already knows (the names they sent, the id of the
 * administrator their password opens). A caller with the id but not the password gets
 * REQUEST_ID_ALREADY_USED, recorded like any refused attempt.
 */
function onceOf(ctx: HostContext, input: FirstAdminInput, requestId: string, now: Date): AnswerOnce<FirstAdminView> {
  return {
    operation: OP, requestId, request: { username: input.username, displayName: input.displayName }, now: now.toISOString(),
    alsoSame: async (first) => verifyPassword(input.password, (await ctx.store.users.get(first.operator.id))?.passwordHash),
  };
}

/**
 * Creates the first administrator; the caller signs in next with the password they chose. With a
 * `requestId`, the same setup sent again (its answer lost) gets the first answer (marked
 * answeredAgain), with nothing created or audited again.
 */
export async function setupFirstAdmin(ctx: HostContext, auth: AuthRuntime, input: FirstAdminInput, requestId?: string): Promise<FirstAdminView> {
  try {
    const now = ctx.clock.now();
    const once = requestId === undefined ? undefined : onceOf(ctx, input, requestId, now);
    // A repeat first: once the first setup is done, "no operator yet" would refuse it.
    const known = once && (await firstAnswer(ctx.store, once));
    if (known) return known.answer;
    // Cheap refusal first: no password hashing for a desk that is already set up.
    if (!(await noOperatorYet(ctx.store))) throw new DomainError('AUTH_SETUP_ALREADY_DONE');
    // scrypt takes ~0.4 s: outside the transaction, which SQLite's single connection would wait on.
    const passwordHash = await hashPassword(input.password, auth.scrypt);
    const answer = await ctx.store.transaction(async (tx) => {
      await tx.settings.set(FIRST_ADMIN_LOCK_KEY, { at: now.toISOString() }, now.toISOString());
      // The same request sent twice at once: the other one committed while we hashed; answered below.
      if (once && (await tx.requestAnswers.get(OP, once.requestId))) return undefined;
      if (!(await noOperatorYet(tx))) throw new DomainError('AUTH_SETUP_ALREADY_DONE');
      const view = await saveNewOperator(tx, auth, { username: input.username, displayName: input.displayName, roles: ['admin'] }, passwordHash, now);
      // The caller has no identity yet: the entry's actor is 'local' (no operator), its target the new administrator.
      await tx.audit.append(toAuditEntry({ at: now, roles: [], operation: OP, targets: [view.id], outcome: 'ok' }));
      const created: FirstAdminView = { operator: { id: view.id, username: view.username, displayName: view.displayName, roles: [...view.roles] } };
      if (once) await keepAnswer(tx, once, created);
      return created;
    });
    if (!answer) {
      const first = once && (await firstAnswer(ctx.store, once));
      if (!first) throw new DomainError('AUTH_SETUP_ALREADY_DONE');
      return first.answer;
    }
    ctx.logger.info('first administrator created at the sign-in screen', { operatorId: answer.operator.id });
    return answer;
  } catch (e) {
    if (isDomainError(e)) await auditRefusal(ctx, e.code);
    throw e;
  }
}
