import { DomainError } from '../../../core/index.js';
import type { AuditFilter } from '../../../db/repositories/audit-repo.js';
import { auditCsv, AUDIT_EXPORT_MAX } from '../../auth/audit-export.js';
import { toAuditEntryView } from '../../auth/audit-trail.js';
import { getAppSettings, getDeskIdentity, setDeskIdentity, setScanRetentionDays } from '../../auth/desk-settings.js';
import { createOperator, listOperators, resetPassword, updateOperator } from '../../auth/operators.js';
import { authOf } from '../../auth/runtime.js';
import { verifyPassword } from '../../auth/password.js';
import { printLimit, setPrintLimit } from '../../desk/context.js';
import { inPurgeTurn } from '../../desk/scan-retention.js';
import { answerOnce } from '../answer-once.js';
import type { adminContract, OperatorView } from '../contract/admin.js';
import type { HandlersOf } from './types.js';

interface FilterInput {
  operatorId?: string | undefined;
  operation?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  outcome?: 'ok' | 'refused' | undefined;
}

function toFilter(f: FilterInput): AuditFilter {
  const filter: AuditFilter = {};
  if (f.operatorId !== undefined) filter.actor = f.operatorId;
  if (f.operation !== undefined) filter.action = f.operation;
  if (f.from !== undefined) filter.from = f.from;
  if (f.to !== undefined) filter.to = f.to;
  if (f.outcome !== undefined) filter.detail = { key: 'outcome', value: f.outcome };
  return filter;
}

export const adminHandlers = {
  'admin.listOperators': async (_input, ctx) => listOperators(ctx.store, ctx.clock.now()),

  // Named by the screen (requestId), an operator created again after the answer was lost gets the
  // first answer, not OPERATOR_USERNAME_ALREADY_USED. The password is no part of the kept digest: a
  // repeat is the same request only if it also opens the operator created the first time.
  'admin.createOperator': async ({ requestId, ...input }, ctx, caller) => {
    const now = ctx.clock.now();
    const { password, ...request } = input;
    const alsoSame = async (first: OperatorView) => {
      const user = await ctx.store.users.get(first.id);
      return user !== undefined && verifyPassword(password, user.passwordHash);
    };
    return answerOnce(ctx.store, { operation: 'admin.createOperator', requestId, request, now: now.toISOString(), operatorId: caller.operatorId, alsoSame },
      () => createOperator(ctx.store, authOf(ctx), input, now));
  },

  'admin.updateOperator': async (input, ctx) => updateOperator(ctx.store, authOf(ctx), input, ctx.clock.now()),

  'admin.resetPassword': async ({ id, newPassword }, ctx) => {
    await resetPassword(ctx.store, authOf(ctx), id, newPassword, ctx.clock.now());
    return { reset: true as const };
  },

  'admin.getDeskIdentity': async (_input, ctx) => getDeskIdentity(ctx.store),

  'admin.setDeskIdentity': async (input, ctx) => setDeskIdentity(ctx.store, input, ctx.clock.now()),

  'audit.list': async ({ page, pageSize, ...f }, ctx) => {
    const filter = toFilter(f);
    const [items, total] = await Promise.all([ctx.store.audit.list(filter, { offset: (page - 1) * pageSize, limit: pageSize }), ctx.store.audit.count(filter)]);
    return { items: items.map(toAuditEntryView), total, page, pageSize };
  },

  'audit.verify': async (_input, ctx) => {
    const v = await ctx.store.audit.verify();
    return { ok: v.ok, checked: v.checked, firstBroken: v.firstBroken ? { id: v.firstBroken.id, seq: v.firstBroken.seq ?? null, reason: v.firstBroken.reason } : null };
  },

  'audit.export': async (input, ctx) => {
    const filter = toFilter(input);
    if ((await ctx.store.audit.count(filter)) > AUDIT_EXPORT_MAX) throw new DomainError('AUDIT_EXPORT_TOO_LARGE', { max: AUDIT_EXPORT_MAX });
    return auditCsv(ctx.store.audit, filter, ctx.clock.now());
  },

  'settings.get': async (_input, ctx) => ({ ...(await getAppSettings(ctx.store)), printLimit: await printLimit(ctx.store) }),

  'settings.set': async ({ scanRetentionDays }, ctx) => ({ ...(await setScanRetentionDays(ctx.store, scanRetentionDays, ctx.clock.now())), printLimit: await printLimit(ctx.store) }),

  // The same key the desk reads at inquiry and start (desk/context.ts printLimit).
  'settings.setPrintLimit': async ({ printLimit: limit }, ctx) => ({ ...(await getAppSettings(ctx.store)), printLimit: await setPrintLimit(ctx.store, limit, ctx.clock.now()) }),

  // Named by the screen (requestId), a purge sent again after its answer was lost gets the first
  // answer (what that run purged, when it ran), not the 0 of a second run that finds nothing left; it
  // purges and audits nothing again. The kept answer is looked up in the purge's turn, so a repeat
  // arriving while the first still runs waits for it. The purge commits page by page in its own
  // transactions and the answer is kept after the last: a host stopped in between keeps no answer,
  // and the repeat then runs again (finding nothing left, as before).
  'admin.purgeScans': async ({ requestId }, ctx, caller) => {
    const now = ctx.clock.now();
    const actor = { operatorId: caller.operatorId ?? 'local', roles: caller.roles, deskId: caller.deskId, operation: 'admin.purgeScans' };
    return inPurgeTurn(ctx, (purge) =>
      answerOnce(ctx.store, { operation: 'admin.purgeScans', requestId, request: {}, now: now.toISOString(), operatorId: caller.operatorId },
        async () => ({ ...(await purge(now, actor)), ranAt: now.toISOString() })));
  },
} satisfies HandlersOf<typeof adminContract>;
