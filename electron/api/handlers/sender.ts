// The sender office's handlers: thin, the work is in electron/sender/ and the core.
import { DomainError, formatRomeReadable, NOTIFICATION_STATUSES, statusLabel } from '../../../core/index.js';
import type { senderContract } from '../contract/sender.js';
import type { SenderFilterInput } from '../contract/sender-schemas.js';
import type { HostContext } from '../host-context.js';
import type { Caller } from '../dispatch.js';
import { cancelNotification } from '../../sender/cancel.js';
import { buildDashboard, periodDays } from '../../sender/dashboard.js';
import { buildDetail } from '../../sender/detail.js';
import { exportFileName, exportJobsOf } from '../../sender/export.js';
import { exportUrlOf } from '../../sender/export-route.js';
import { documentFile, legalFactFile } from '../../sender/files.js';
import { toStoreFilter } from '../../sender/filters.js';
import { toListItems } from '../../sender/list.js';
import { createNotification } from '../../sender/new-notification.js';
import { assertInScope, nowMs, scopedSender, senderScopeOf } from '../../sender/scope.js';
import { storeUpload } from '../../sender/uploads.js';
import { toItem } from '../../sync/store-sync-store.js';
import type { HandlersOf } from './types.js';

async function storeFilter(ctx: HostContext, caller: Caller, f: SenderFilterInput) {
  const scope = await senderScopeOf(ctx, caller);
  return toStoreFilter(f, scopedSender(f.senderTaxId, scope));
}

/** The notification if the caller may see it (NOTIFICATION_NOT_FOUND otherwise). */
async function visible(ctx: HostContext, caller: Caller, iun: string) {
  const record = await ctx.store.notifications.getByIun(iun);
  if (!record) throw new DomainError('NOTIFICATION_NOT_FOUND', { iun });
  assertInScope(record.notification, await senderScopeOf(ctx, caller));
  return record;
}

/** An export job of the caller's own session (another session's job does not exist for them). */
function ownedJob(ctx: HostContext, caller: Caller, jobId: string) {
  const job = exportJobsOf(ctx).get(jobId, nowMs(ctx));
  if (job.ownerSession !== undefined && job.ownerSession !== caller.sessionId) throw new DomainError('SENDER_EXPORT_NOT_FOUND', { jobId });
  return job;
}

export const senderHandlers = {
  'sender.dashboard': async (q, ctx, caller) => {
    const now = nowMs(ctx);
    const { from, to } = periodDays(q.period, now, q);
    const senderTaxId = scopedSender(q.senderTaxId, await senderScopeOf(ctx, caller));
    return buildDashboard(ctx.store, { from, to, senderTaxId, nowMs: now });
  },

  'sender.filters': async (_input, ctx, caller) => {
    const scope = await senderScopeOf(ctx, caller);
    const all = await ctx.store.senderQueries.senders();
    const senders = scope ? all.filter((s) => s.taxId === scope) : all;
    const own = scope ? senders[0] : all.length === 1 ? all[0] : undefined;
    return {
      senders,
      groups: await ctx.store.senderQueries.groups(),
      statuses: NOTIFICATION_STATUSES.map((status) => ({ status, label: statusLabel(status) })),
      fixedSenderTaxId: scope ?? null,
      defaults: { senderTaxId: scope ?? own?.taxId ?? null, senderDenomination: own?.denomination ?? null },
    };
  },

  'sender.list': async (q, ctx, caller) => {
    const filter = await storeFilter(ctx, caller, q.filter);
    const page = await ctx.store.senderQueries.page({ ...filter, offset: q.offset, limit: q.limit, sort: q.sort, direction: q.direction });
    return { items: await toListItems(ctx.store, page.items), total: page.total, offset: q.offset, limit: q.limit };
  },

  'sender.detail': async ({ iun }, ctx, caller) => {
    const { notification, derived } = await visible(ctx, caller, iun);
    const elements = await ctx.store.timeline.listByIun(iun);
    const documentsStored = await Promise.all(notification.documents.map((d) => (d.ref ? ctx.store.files.has(d.ref) : Promise.resolve(false))));
    // A notification created here: its request's outbox item says whether it is still to send, and how it went.
    const request = await ctx.store.senderRequests.get(iun);
    const message = request ? await ctx.store.outbox.findByDedupeKey(request.outboxDedupeKey) : undefined;
    const awaitingSend = message !== undefined && message.sentAt === undefined;
    const sendItem = awaitingSend ? toItem(message) : undefined;
    return buildDetail({ notification, derived, elements, documentsStored, awaitingSend, ...(sendItem ? { sendItem } : {}), sendIun: request?.sendIun ?? null, nowMs: nowMs(ctx) });
  },

  'sender.legalFact': async ({ iun, legalFactId }, ctx, caller) => {
    const { notification } = await visible(ctx, caller, iun);
    return legalFactFile(ctx.store, notification, legalFactId, nowMs(ctx), caller.locale);
  },

  'sender.document': async ({ iun, docIndex }, ctx, caller) => {
    const { notification } = await visible(ctx, caller, iun);
    return documentFile(ctx.store, notification, docIndex);
  },

  'sender.cancel': async ({ iun }, ctx, caller) =>
    cancelNotification(ctx.store, iun, { scope: await senderScopeOf(ctx, caller), nowMs: nowMs(ctx), locale: caller.locale }),

  'sender.uploadDocument': async (input, ctx) => storeUpload(ctx.store.files, input),

  'sender.create': async (input, ctx, caller) =>
    createNotification(ctx.store, input, { scope: await senderScopeOf(ctx, caller), nowMs: nowMs(ctx) }),

  // The input schema checked every field (dispatch): nothing is stored, nothing is queued.
  'sender.checkNew': async () => ({ valid: true as const }),

  'sender.exportStart': async ({ filter, separator }, ctx, caller) => {
    const storeF = await storeFilter(ctx, caller, filter);
    const now = nowMs(ctx);
    const total = await ctx.store.senderQueries.count(storeF);
    const job = exportJobsOf(ctx).create({
      filter: storeF, separator, locale: caller.locale, total, nowMs: now, ownerSession: caller.sessionId,
      fileName: exportFileName(formatRomeReadable(now), caller.locale),
    });
    return { ...job.view(), downloadUrl: exportUrlOf(ctx, caller, job) };
  },

  'sender.exportStatus': async ({ jobId }, ctx, caller) => ownedJob(ctx, caller, jobId).view(),

  'sender.exportChunk': async ({ jobId, maxRows }, ctx, caller) => ownedJob(ctx, caller, jobId).next(ctx.store, maxRows),
} satisfies HandlersOf<typeof senderContract>;
