// First start (issue #11). When no operator exists, the administrator is created by whoever
// installs the desk: on the sign-in screen ("Primo avvio: crea l'amministratore",
// electron/auth/first-run.ts), or, for unattended installs, from RADD_ADMIN_PASSWORD (user
// `admin`). No password of a real desk is ever printed or logged. For the demo and the e2e
// tests, RADD_DEMO_OPERATORS=1 creates one operator per role with the known passwords below.
import { DEMO_HOME_SENDER_TAX_ID } from '../../core/index.js';
import type { Role } from '../api/contract/index.js';
import type { HostContext } from '../api/host-context.js';
import { newPasswordSchema } from '../api/contract/auth.js';
import { toAuditEntry } from './audit-trail.js';
import { createOperator } from './operators.js';
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
  { username: 'sender', displayName: 'Ente mittente (demo)', roles: ['sender'], password: 'demo-sender-2026', senderTaxId: DEMO_HOME_SENDER_TAX_ID },
  { username: 'admin', displayName: 'Amministratore (demo)', roles: ['admin'], password: 'demo-admin-2026' },
];

/**
 * Every role at once, for the demo store only (created with its demo dataset, RADD_DEMO_SUPERVISOR=1):
 * the walk-through of all screens and the e2e tests sign in with it.
 */
export const DEMO_SUPERVISOR: DemoOperator = { username: 'demo', displayName: 'Operatore demo', roles: ['clerk', 'postal', 'sender', 'admin'], password: 'demo-radd-2026', senderTaxId: DEMO_HOME_SENDER_TAX_ID };

export const FIRST_ADMIN_USERNAME = 'admin';

/** 'first-run': no operator yet; sign-in is enforced and the sign-in screen offers the setup. */
export type BootstrapResult = 'existing' | 'demo' | 'admin-from-env' | 'first-run';

export class BootstrapError extends Error {}

async function create(ctx: HostContext, auth: AuthRuntime, op: DemoOperator): Promise<void> {
  const now = ctx.clock.now();
  await ctx.store.transaction(async (tx) => {
    const view = await createOperator(tx, auth, op, now);
    await tx.audit.append(toAuditEntry({ at: now, operatorId: 'system', roles: [], operation: 'auth.bootstrap', targets: [view.id], outcome: 'ok' }));
  });
}

/** Makes sure an operator exists, or that the host waits for the first administrator. */
export async function bootstrapOperators(ctx: HostContext, auth: AuthRuntime, env: NodeJS.ProcessEnv): Promise<BootstrapResult> {
  if (env.RADD_DEMO_OPERATORS === '1') {
    let created = 0;
    const demo = env.RADD_DEMO_SUPERVISOR === '1' ? [...DEMO_OPERATORS, DEMO_SUPERVISOR] : DEMO_OPERATORS;
    for (const op of demo) {
      if (await ctx.store.users.getByUsername(op.username)) continue;
      await create(ctx, auth, op);
      created++;
    }
    await auth.refresh(ctx.store);
    if (created > 0) ctx.logger.warn('demo operators with known passwords created (demo store, or RADD_DEMO_OPERATORS=1)', { created });
    return 'demo';
  }
  if (await auth.refresh(ctx.store)) return 'existing';
  const given = env.RADD_ADMIN_PASSWORD;
  if (given === undefined) {
    auth.awaitFirstAdmin();
    ctx.logger.info('first start: no operator yet, the sign-in screen asks to create the administrator');
    return 'first-run';
  }
  if (!newPasswordSchema.safeParse(given).success) throw new BootstrapError('RADD_ADMIN_PASSWORD must be 10 to 256 characters long');
  await create(ctx, auth, { username: FIRST_ADMIN_USERNAME, displayName: 'Amministratore', roles: ['admin'], password: given });
  return 'admin-from-env';
}
