// Which notifications a caller may see: an operator bound to a sender (users.senderTaxId) sees
// that sender's only; others (administrator, or the token holder before sign-in exists) see all.
// A notification out of scope answers NOTIFICATION_NOT_FOUND, so its existence does not leak.
import { DomainError, type Notification } from '../../core/index.js';
import type { Caller } from '../api/dispatch.js';
import type { HostContext } from '../api/host-context.js';

/** The sender tax id the caller is limited to, or undefined for every sender. */
export async function senderScopeOf(ctx: Pick<HostContext, 'store'>, caller: Pick<Caller, 'operatorId'>): Promise<string | undefined> {
  if (!caller.operatorId) return undefined;
  return (await ctx.store.users.get(caller.operatorId))?.senderTaxId;
}

/** The filter's sender, forced to the caller's own when they have one. */
export function scopedSender(requested: string | undefined, scope: string | undefined): string | undefined {
  return scope ?? requested;
}

export function assertInScope(n: Pick<Notification, 'iun' | 'senderTaxId'>, scope: string | undefined): void {
  if (scope !== undefined && n.senderTaxId !== scope) throw new DomainError('NOTIFICATION_NOT_FOUND', { iun: n.iun });
}

/** The current instant of the host clock, in ms. */
export function nowMs(ctx: Pick<HostContext, 'clock'>): number {
  return ctx.clock.now().getTime();
}
