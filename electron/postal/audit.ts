// Audit entries of the postal operations that write their own (auditedBy: 'handler'): a CSV import
// step (its lines and its entry commit together) and a scan upload (one entry for the stored file,
// not one per chunk). Same shape as dispatch's entries (electron/auth/audit-trail.ts).
import type { StoreScope } from '../../db/store.js';
import { toAuditEntry } from '../auth/audit-trail.js';
import type { OpDef } from '../api/contract/op.js';
import type { Caller } from '../api/dispatch.js';
import type { HostContext } from '../api/host-context.js';

export async function appendPostalAudit(tx: StoreScope, ctx: HostContext, caller: Caller, def: Pick<OpDef, 'roles'>, operation: string,
  targets: readonly string[]): Promise<void> {
  // The roles that let the call in, as dispatch records them.
  const roles = caller.roles.filter((r) => def.roles.includes(r));
  await tx.audit.append(toAuditEntry({
    at: ctx.clock.now(), roles, operation, targets, outcome: 'ok',
    ...(caller.operatorId ? { operatorId: caller.operatorId } : {}),
    ...(caller.deskId !== undefined ? { deskId: caller.deskId } : {}),
  }));
}
