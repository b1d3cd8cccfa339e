// The postal desk's handlers (DOMAIN.md 7.3, 7.4): thin, the work is in electron/postal/ and the
// rules in the core. Every write runs in one store transaction (dispatch's, reused here).
import { appendPostalAudit } from '../../postal/audit.js';
import { answerOnce, isAnsweredAgain } from '../answer-once.js';
import { previewBatch } from '../../postal/batch.js';
import { recordBatchOnce } from '../../postal/batch-once.js';
import { importLine } from '../../postal/csv-import.js';
import { giacenzaRegister } from '../../postal/giacenza.js';
import { parseItemCode } from '../../postal/item-code.js';
import { findItem, previewOutcome, recordOutcome } from '../../postal/record.js';
import { postalCall, postalRuntime } from '../../postal/runtime.js';
import { sendSecondAttempt } from '../../postal/second-attempt.js';
import { postalContract } from '../contract/postal.js';
import type { CsvReportLine } from '../contract/postal-views.js';
import type { HandlersOf } from './types.js';

function itemIun(code: string): string {
  const ref = parseItemCode(code);
  return ref.ok ? ref.value.iun : '';
}

export const postalHandlers = {
  'postal.findItem': async ({ code }, ctx, caller) => findItem(ctx.store, code, postalCall(ctx, caller)),

  'postal.previewOutcome': async ({ code, outcome }, ctx, caller) => previewOutcome(ctx.store, ctx.store.files, code, outcome, postalCall(ctx, caller)),

  // Named by the screen (requestId), an outcome sent again after its answer was lost gets the first
  // answer, not POSTAL_OUTCOME_ALREADY_RECORDED (electron/api/answer-once.ts).
  'postal.recordOutcome': async ({ code, outcome, requestId }, ctx, caller) => {
    const call = postalCall(ctx, caller);
    return ctx.store.transaction((tx) =>
      answerOnce(tx, { operation: 'postal.recordOutcome', requestId, request: { code, outcome }, now: call.now, operatorId: call.operatorId },
        () => recordOutcome(tx, ctx.store.files, code, outcome, call)));
  },

  'postal.sendSecondAttempt': async ({ code, at, requestId }, ctx, caller) => {
    const call = postalCall(ctx, caller);
    return ctx.store.transaction((tx) =>
      answerOnce(tx, { operation: 'postal.sendSecondAttempt', requestId, request: { code, at }, now: call.now, operatorId: call.operatorId },
        () => sendSecondAttempt(tx, code, at, call)));
  },

  'postal.previewBatch': async ({ items, outcome }, ctx, caller) => previewBatch(ctx.store, ctx.store.files, items, outcome, postalCall(ctx, caller)),

  'postal.recordBatch': async ({ items, outcome, batchId }, ctx, caller) =>
    ctx.store.transaction((tx) => recordBatchOnce(tx, ctx.store.files, batchId, items, outcome, postalCall(ctx, caller))),

  'postal.uploadScan': async (input, ctx, caller) => {
    const out = await postalRuntime(ctx).scans.receive(input, ctx.store.files);
    // One audit entry for the stored file, not one per chunk, nor again for a last chunk sent again.
    if (out.scan && !isAnsweredAgain(out)) {
      const sha256 = out.scan.sha256;
      await ctx.store.transaction((tx) => appendPostalAudit(tx, ctx, caller, postalContract['postal.uploadScan'], 'postal.uploadScan', [sha256]));
    }
    return out;
  },

  'postal.importCsv': async (input, ctx) => postalRuntime(ctx).imports.receive(input),

  'postal.importCsvStep': async ({ jobId, from, maxLines }, ctx, caller) => {
    const call = postalCall(ctx, caller);
    // The lines of one step and their audit entry commit together; the job moves on only after.
    return postalRuntime(ctx).imports.step(jobId, { from, maxLines }, (records, job) => ctx.store.transaction(async (tx) => {
      const lines: CsvReportLine[] = [];
      for (const record of records) lines.push(await importLine(tx, ctx.store.files, job, record, call));
      const iuns = [...new Set(lines.filter((l) => l.status === 'accepted').map((l) => itemIun(l.item)))];
      await appendPostalAudit(tx, ctx, caller, postalContract['postal.importCsvStep'], 'postal.importCsvStep', [jobId, ...iuns]);
      return lines;
    }));
  },

  'postal.importCsvStatus': async ({ jobId }, ctx) => postalRuntime(ctx).imports.status(jobId),

  'postal.giacenzaRegister': async (_input, ctx, caller) => giacenzaRegister(ctx.store, postalCall(ctx, caller).now),
} satisfies HandlersOf<typeof postalContract>;
