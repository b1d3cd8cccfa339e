// The "Deleghe" screen's operations (DOMAIN.md 10 step 1). Thin: the core judges drafts, overlaps,
// states and revocation; the store keeps every mandate (a revoked one only gets its end set).
// Writes run in dispatch's transaction, together with their audit entry (ids only).
import { randomUUID } from 'node:crypto';
import { checkNewMandate, DomainError, mandateState, revokeMandate, type IsoInstant, type NewMandate } from '../../../core/index.js';
import type { DeskMandateRecord } from '../../../db/repositories/desk-mandates-queries.js';
import { nowOf } from '../../desk/context.js';
import { answerOnce } from '../answer-once.js';
import type { DeskMandateView, deskMandatesContract } from '../contract/desk-mandates.js';
import type { HostContext } from '../host-context.js';
import type { HandlersOf } from './types.js';

const LIST_LIMIT = 200;

function viewOf(m: DeskMandateRecord, now: IsoInstant): DeskMandateView {
  const state = mandateState(m, now);
  return { ...m, state, revocable: state !== 'ENDED' };
}

export const deskMandatesHandlers = {
  'desk.listMandates': async ({ taxId }, ctx) => {
    const now = nowOf(ctx);
    const rows = await ctx.store.deskMandates.listByTaxId(taxId, LIST_LIMIT + 1);
    return { taxId, items: rows.slice(0, LIST_LIMIT).map((m) => viewOf(m, now)), truncated: rows.length > LIST_LIMIT };
  },

  // Named by the screen (requestId), a delegation sent again after its answer was lost gets the
  // first answer, not MANDATE_OVERLAPS with itself (electron/api/answer-once.ts).
  'desk.createMandate': async ({ mandate, requestId }, ctx, caller) => {
    const now = nowOf(ctx);
    return answerOnce(ctx.store, { operation: 'desk.createMandate', requestId, request: mandate, now, operatorId: caller.operatorId }, () => createMandate(ctx, mandate, now));
  },

  // Revoking is done once per delegation: its first answer is kept by the mandateId, so a revocation
  // sent again after its answer was lost (or by a second clerk) answers that first revocation instead
  // of MANDATE_ALREADY_ENDED. A delegation that ended by its own date was never revoked: still refused.
  'desk.revokeMandate': async ({ mandateId }, ctx, caller) => {
    const now = nowOf(ctx);
    return answerOnce(ctx.store, { operation: 'desk.revokeMandate', requestId: mandateId, request: { mandateId }, now, operatorId: caller.operatorId }, () => revokeOne(ctx, mandateId, now));
  },
} satisfies HandlersOf<typeof deskMandatesContract>;

async function createMandate(ctx: HostContext, mandate: NewMandate, now: IsoInstant): Promise<DeskMandateView> {
  const existing = await ctx.store.deskMandates.listBetween(mandate.delegatorTaxId, mandate.delegateTaxId);
  const checked = checkNewMandate(mandate, existing, now);
  if (!checked.ok) throw new DomainError(checked.code, checked.params);
  const record: DeskMandateRecord = { mandateId: randomUUID(), ...mandate, createdAt: now };
  await ctx.store.deskMandates.put(record);
  return viewOf(record, now);
}

async function revokeOne(ctx: HostContext, mandateId: string, now: IsoInstant): Promise<DeskMandateView> {
  const stored = await ctx.store.deskMandates.get(mandateId);
  if (!stored) throw new DomainError('MANDATE_NOT_FOUND', { mandateId });
  const revoked = revokeMandate(stored, now);
  if (!revoked.ok) throw new DomainError(revoked.code, revoked.params);
  await ctx.store.deskMandates.setValidTo(mandateId, revoked.validTo);
  return viewOf({ ...stored, validTo: revoked.validTo }, now);
}
