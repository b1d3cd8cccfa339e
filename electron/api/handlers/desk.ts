// The RADD desk counter (DOMAIN.md 9, 10, 10.1, 13). Thin: the rules are the core's, the work is in
// electron/desk/ (inquiry, start, printing, closing, history); writes run in dispatch's transaction.
import { join } from 'node:path';
import { codedMessage, type Locale } from '../../../core/index.js';
import { abortOperation, completeOperation, loadOperation } from '../../desk/closing.js';
import { deskActor, deskNamer, keepsScansExternally, nowOf, operatorName, printLimit, SCANNER_FOLDER_KEY } from '../../desk/context.js';
import { dailySummary, listOpen, searchHistory } from '../../desk/history.js';
import { identityProblems, assertIdentification, unparsedIdentityProblems, type IdentityProblem } from '../../desk/identity.js';
import { classifyDeskInput } from '../../desk/input.js';
import { actInquiry, aorInquiry, resolveActTarget } from '../../desk/inquiry.js';
import { downloadDocument, markHandedOver, printBundle, receiptOf, receiptPrinted } from '../../desk/printing.js';
import { listScannerInbox, readScannerFile, storeScan, storeScanBytes } from '../../desk/scans.js';
import { startOperation } from '../../desk/start.js';
import { inquiryView, transactionView } from '../../desk/views.js';
import { identificationSchema, type deskContract } from '../contract/desk.js';
import { validationError } from '../errors.js';
import { answerOnce } from '../answer-once.js';
import type { DeskIdentityProblem, DeskTransactionView } from '../contract/desk-views.js';
import type { HostContext } from '../host-context.js';
import type { HandlersOf } from './types.js';

async function scannerFolder(ctx: HostContext): Promise<string> {
  return (await ctx.store.settings.get<string>(SCANNER_FOLDER_KEY)) ?? join(ctx.config.dataDir, 'scanner');
}

/**
 * Every problem of the identification as the form sent it, by field: a form the schema refuses
 * (a field empty, a tax code wrong) is told by field as VALIDATION_FAILED would, together with the
 * scans missing and the documents' own problems (one message a field, the schema's first).
 */
async function identificationCheck(sent: unknown, ctx: HostContext, locale: Locale): Promise<DeskIdentityProblem[]> {
  const today = nowOf(ctx);
  const keepScans = await keepsScansExternally(ctx.store);
  const shown = (p: IdentityProblem): DeskIdentityProblem => ({ field: p.field, ...codedMessage(p.code, locale, p.params) });
  const parsed = identificationSchema.safeParse(sent);
  if (parsed.success) return (await identityProblems(parsed.data, today, ctx.store.files, keepScans)).map(shown);
  const fields = (validationError(parsed.error, locale, sent).details?.fields ?? []).map(({ path, ...rest }): DeskIdentityProblem => ({ field: path, ...rest }));
  const named = new Set(fields.map((f) => f.field));
  const more = (await unparsedIdentityProblems(sent, today, ctx.store.files, keepScans)).filter((p) => !named.has(p.field));
  return [...fields, ...more.map(shown)];
}

/** An operation's view with its operator named as on paper and its desk by name (the clerk reads names, not ids). */
async function named<T extends DeskTransactionView>(ctx: HostContext, view: T): Promise<T> {
  const nameDesk = await deskNamer(ctx.store);
  return {
    ...view,
    operatorName: view.operatorId ? await operatorName(ctx.store, view.operatorId) : null,
    desk: view.deskId === null ? null : nameDesk(view.deskId),
    completedBy: view.completedBy ? { ...view.completedBy, desk: nameDesk(view.completedBy.deskId) } : null,
  };
}

export const deskHandlers = {
  'desk.identifyInput': async ({ text }, ctx) => {
    const c = classifyDeskInput(text);
    if (c.kind === 'QR') {
      const { iun } = await resolveActTarget(ctx.store, { qrCode: c.qrCode });
      return { kind: 'QR', iun, qrCode: c.qrCode, taxId: null, recipientType: null };
    }
    if (c.kind === 'IUN') return { kind: 'IUN', iun: c.iun, qrCode: null, taxId: null, recipientType: null };
    return { kind: 'TAX_ID', iun: null, qrCode: null, taxId: c.taxId, recipientType: c.recipientType };
  },

  'desk.checkIdentity': async ({ identification }, ctx, caller) => {
    const problems = await identificationCheck(identification, ctx, caller.locale);
    return { ok: problems.length === 0, problems };
  },

  'desk.uploadScan': async ({ fileName, dataBase64 }, ctx) => storeScan(ctx.store.files, fileName, dataBase64),
  'desk.listScannerInbox': async (_input, ctx) => listScannerInbox(await scannerFolder(ctx)),
  'desk.importFromScanner': async ({ name }, ctx) => storeScanBytes(ctx.store.files, name, await readScannerFile(await scannerFolder(ctx), name)),

  'desk.inquiry': async (input, ctx) => {
    const now = nowOf(ctx);
    const id = input.identification;
    await assertIdentification(id, now, ctx.store.files, await keepsScansExternally(ctx.store));
    const limit = await printLimit(ctx.store);
    const result = input.mode === 'ACT' ? await actInquiry(ctx.store, id, input, now, limit) : await aorInquiry(ctx.store, id, now);
    return inquiryView(result, id, limit);
  },

  'desk.startTransaction': async (input, ctx, caller) => named(ctx, await startOperation(ctx.store, input, await deskActor(ctx.store, caller), caller.locale, nowOf(ctx))),
  'desk.printBundle': async ({ operationId }, ctx, caller) => named(ctx, await printBundle(ctx.store, operationId, caller.locale, nowOf(ctx))),
  'desk.downloadDocument': async ({ operationId, position }, ctx, caller) => named(ctx, await downloadDocument(ctx.store, operationId, position, caller.locale, nowOf(ctx))),
  'desk.markHandedOver': async ({ operationId, position, handedOver }, ctx, caller) => named(ctx, await markHandedOver(ctx.store, operationId, position, handedOver, caller.locale, nowOf(ctx))),
  'desk.completeTransaction': async ({ operationId }, ctx, caller) => named(ctx, await completeOperation(ctx.store, operationId, await deskActor(ctx.store, caller), caller.locale, nowOf(ctx))),
  'desk.abortTransaction': async ({ operationId, reason }, ctx, caller) => named(ctx, await abortOperation(ctx.store, operationId, reason, caller.locale, nowOf(ctx))),

  'desk.getTransaction': async ({ operationId }, ctx, caller) => {
    const { tx, desk } = await loadOperation(ctx.store, operationId);
    return named(ctx, transactionView(tx, desk, caller.locale));
  },
  'desk.listOpenTransactions': async (_input, ctx, caller) => listOpen(ctx.store, (await deskActor(ctx.store, caller)).deskId, caller.locale),
  'desk.searchHistory': async (filter, ctx, caller) => searchHistory(ctx.store, filter, (await deskActor(ctx.store, caller)).deskId, nowOf(ctx), caller.locale),
  'desk.dailySummary': async ({ day }, ctx, caller) => dailySummary(ctx.store, (await deskActor(ctx.store, caller)).deskId, day, nowOf(ctx)),
  'desk.reprintReceipt': async ({ operationId }, ctx) => receiptOf(ctx.store, operationId),
  // Each print of the receipt is named by the screen (requestId): sent again after its answer was
  // lost, it gets the first answer and the print is not counted twice (receipt_prints).
  'desk.receiptPrinted': async ({ operationId, requestId }, ctx, caller) => {
    const now = nowOf(ctx);
    return answerOnce(ctx.store, { operation: 'desk.receiptPrinted', requestId, request: { operationId }, now, operatorId: caller.operatorId },
      async () => named(ctx, await receiptPrinted(ctx.store, operationId, caller.locale, now)));
  },
} satisfies HandlersOf<typeof deskContract>;
