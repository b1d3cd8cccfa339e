// The "Deleghe" screen's operations (DOMAIN.md 10 step 1). Thin: the core judges drafts, overlaps,
// states and revocation; the store keeps every mandate (a revoked one only gets its end set).
// Writes run in dispatch's transaction, together with their audit entry (ids only).
import { randomUUID } from 'node:crypto';
import { checkNewMandate, DomainError, mandateState, revokeMandate, type IsoInstant } from '../../../core/index.js';
import type { DeskMandateRecord } from '../../../db/repositories/desk-mandates-queries.js';
import { nowOf } from '../../desk/context.js';
import type { DeskMandateView, deskMandatesContract } from '../contract/desk-mandates.js';
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

  'desk.createMandate': async ({ mandate }, ctx) => {
    const now = nowOf(ctx);
    const existing = await ctx.store.deskMandates.listBetween(mandate.delegatorTaxId, mandate.delegateTaxId);
    const checked = checkNewMandate(mandate, existing, now);
    if (!checked.ok) throw new DomainError(checked.code, checked.params);
    const record: DeskMandateRecord = { mandateId: randomUUID(), ...mandate, createdAt: now };
    await ctx.store.deskMandates.put(record);
    return viewOf(record, now);
  },

  'desk.revokeMandate': async ({ mandateId }, ctx) => {
    const now = nowOf(ctx);
    const stored = await ctx.store.deskMandates.get(mandateId);
    if (!stored) throw new DomainError('MANDATE_NOT_FOUND', { mandateId });
    const revoked = revokeMandate(stored, now);
    if (!revoked.ok) throw new DomainError(revoked.code, revoked.params);
    await ctx.store.deskMandates.setValidTo(mandateId, revoked.validTo);
    return viewOf({ ...stored, validTo: revoked.validTo }, now);
  },
} satisfies HandlersOf<typeof deskMandatesContract>;
