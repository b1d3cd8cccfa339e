// First start (issue #11). When no operator exists, an administrator `admin` is created with the
// password in RADD_ADMIN_PASSWORD, or with a one-time random password printed once on the
// console (never logged, never stored in clear). For the demo and the e2e tests,
// RADD_DEMO_OPERATORS=1 creates one operator per role with the known passwords below.
import type { Role } from '../api/contract/index.js';
import type { HostContext } from '../api/host-context.js';
import { newPasswordSchema } from '../api/contract/auth.js';
import { toAuditEntry } from './audit-trail.js';
import { createOperator } from './operators.js';
import { generatePassword } from './password.js';
import type { AuthRuntime } from './runtime.js';

interface DemoOperator {
  username: string;
  displayName: string;
  roles: Role[];
  password: string;
  senderTaxId?: string;
}

/** Demo accounts: known passwords, for the demo dataset and e2e only (RADD_DEMO_OPERATORS=1). */
export const DEMO_OPERATORS: readonly DemoOperator[] = [
  { username: 'clerk', displayName: 'Sportello (demo)', roles: ['clerk'], password: 'demo-clerk-2026' },
  { username: 'postal', displayName: 'Operatore postale (demo)', roles: ['postal'], password: 'demo-postal-2026' },
  // The sender of the demo notifications (db/seed/demo).
  { username: 'sender', displayName: 'Ente mittente (demo)', roles: ['sender'], password: 'demo-sender-2026', senderTaxId: '01199250158' },
  { username: 'admin', displayName: 'Amministratore (demo)', roles: ['admin'], password: 'demo-admin-2026' },
];

/**
 * Every role at once, for the demo store only (created with its demo dataset, RADD_DEMO_SUPERVISOR=1):
 * the walk-through of all screens and the e2e tests sign in with it.
 */
export const DEMO_SUPERVISOR: DemoOperator = { username: 'demo', displayName: 'Operatore demo', roles: ['clerk', 'postal', 'sender', 'admin'], password: 'demo-radd-2026', senderTaxId: '01199250158' };

export const FIRST_ADMIN_USERNAME = 'admin';

export type BootstrapResult = 'existing' | 'demo' | 'admin-from-env' | 'admin-generated';

export class BootstrapError extends Error {}

async function create(ctx: HostContext, auth: AuthRuntime, op: DemoOperator): Promise<void> {
  const now = ctx.clock.now();
  await ctx.store.transaction(async (tx) => {
    const view = await createOperator(tx, auth, op, now);
    await tx.audit.append(toAuditEntry({ at: now, operatorId: 'system', roles: [], operation: 'auth.bootstrap', targets: [view.id], outcome: 'ok' }));
  });
}

/** Makes sure an operator exists; `print` receives the one-time password line, if any. */
export async function bootstrapOperators(ctx: HostContext, auth: AuthRuntime, env: NodeJS.ProcessEnv, print: (line: string) => void): Promise<BootstrapResult> {
  if (env.RADD_DEMO_OPERATORS === '1') {
    let created = 0;
    const demo = env.RADD_DEMO_SUPERVISOR === '1' ? [...DEMO_OPERATORS, DEMO_SUPERVISOR] : DEMO_OPERATORS;
    for (const op of demo) {
      if (await ctx.store.users.getByUsername(op.username)) continue;
      await create(ctx, auth, op);
      created++;
    }
    await auth.refresh(ctx.store);
    if (created > 0) ctx.logger.warn('demo operators with known passwords created (RADD_DEMO_OPERATORS=1)', { created });
    return 'demo';
  }
  if (await auth.refresh(ctx.store)) return 'existing';
  const given = env.RADD_ADMIN_PASSWORD;
  if (given !== undefined && !newPasswordSchema.safeParse(given).success) {
    throw new BootstrapError('RADD_ADMIN_PASSWORD must be 10 to 256 characters long');
  }
  const password = given ?? generatePassword();
  await create(ctx, auth, { username: FIRST_ADMIN_USERNAME, displayName: 'Amministratore', roles: ['admin'], password });
  if (given !== undefined) return 'admin-from-env';
  print(`RADD Desk: first start, administrator created. User: ${FIRST_ADMIN_USERNAME}  One-time password: ${password}  (shown only now: sign in and change it)`);
  return 'admin-generated';
}
