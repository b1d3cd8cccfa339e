// `documents.print` (issue #6 item 5): a stored PDF, read back and verified, goes to the host's
// printer when there is one (the desktop app), or back to the caller as a URL for the browser's
// PDF viewer (browser mode), with a short-lived ticket for that file (auth/url-tickets.ts);
// `documents.viewUrl` gives that URL alone (to view, or to download), `documents.getFile` the bytes
// (the desktop app's "Scarica"); each names the file after what it is (desk/file-names.ts). The
// print handler writes its own audit entry: a print can wait minutes for the system dialog, and no
// store transaction may stay open that long (SQLite has one connection).
import { DomainError, isDomainError, type ErrorCode } from '../../core/index.js';
import type { DocumentViewUrl, PrintedDocumentView, PrintersView, StoredFileView } from '../api/contract/printing.js';
import type { Caller } from '../api/dispatch.js';
import type { HostContext } from '../api/host-context.js';
import { firstAnswer, keepAnswer } from '../api/answer-once.js';
import { toAuditEntry } from '../auth/audit-trail.js';
import { nowOf } from '../desk/context.js';
import { getPrintSettings } from '../auth/desk-settings.js';
import { storedPdfName } from '../desk/file-names.js';
import { FILES_PREFIX, viewerUrlOf } from '../desk/file-route.js';
import { PRINT_TIMEOUT_REASON, type PrintMode, type PrintResult } from './printer.js';

const OP = 'documents.print';
const PDF_MAGIC = Buffer.from('%PDF-');

export interface PrintRequest {
  sha256: string;
  mode?: PrintMode | undefined;
  title?: string | undefined;
  /** The desk operation the file belongs to: where the host finds what it is called. */
  operationId?: string | undefined;
  /** The print click, chosen by the screen: a repeat of it answers the first print and prints nothing. */
  requestId?: string | undefined;
}

/** A stored PDF asked for by its SHA-256, as one of the documents of a desk operation when `operationId` is given. */
export interface StoredPdfRequest {
  sha256: string;
  operationId?: string | undefined;
}

/**
 * The stored bytes, only if they are a PDF: like the `/files/` route, nothing else (an identity
 * scan in JPEG, say) is ever printed or served this way.
 */
async function readStoredPdf(ctx: HostContext, sha256: string): Promise<Buffer> {
  let bytes: Buffer;
  try {
    bytes = await ctx.store.files.read(sha256);
  } catch (e) {
    if (isDomainError(e) && e.code === 'DOCUMENT_MISSING') throw new DomainError('PRINT_DOCUMENT_NOT_FOUND', { sha256 });
    throw e;
  }
  if (!bytes.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC)) throw new DomainError('PRINT_DOCUMENT_NOT_FOUND', { sha256 });
  return bytes;
}

/** The stable code of a print the system did not complete. */
export function printFailure(result: PrintResult): DomainError {
  const reason = result.reason ?? 'unknown';
  if (reason === PRINT_TIMEOUT_REASON) return new DomainError('PRINT_TIMEOUT');
  // Electron's wording when the person closes the dialog: "Print job canceled".
  if (/cancel/i.test(reason)) return new DomainError('PRINT_CANCELLED');
  return new DomainError('PRINT_FAILED', { reason });
}

async function audit(ctx: HostContext, caller: Caller, sha256: string, code?: ErrorCode): Promise<void> {
  const entry = toAuditEntry({
    at: ctx.clock.now(),
    ...(caller.operatorId ? { operatorId: caller.operatorId } : {}),
    roles: caller.roles,
    ...(caller.deskId !== undefined ? { deskId: caller.deskId } : {}),
    operation: OP,
    targets: [sha256],
    outcome: code ? 'refused' : 'ok',
    ...(code ? { code } : {}),
  });
  try {
    await ctx.store.audit.append(entry);
  } catch (e) {
    // The paper is out already: a lost entry is logged, the clerk's answer stays the print's.
    ctx.logger.error('audit entry of a print not written', { op: OP, code, error: e instanceof Error ? e.message : String(e) });
  }
}

async function sendToPrinter(ctx: HostContext, req: PrintRequest, bytes: Buffer): Promise<PrintedDocumentView> {
  const settings = await getPrintSettings(ctx.store);
  const mode = req.mode ?? (settings.silent ? 'silent' : 'dialog');
  const opts = settings.printerName ? { mode, deviceName: settings.printerName } : { mode };
  const result = await ctx.printer!.print({ sha256: req.sha256, title: req.title ?? `RADD Desk ${req.sha256.slice(0, 12)}`, bytes }, opts);
  if (!result.printed) {
    ctx.logger.warn('print not completed', { sha256: req.sha256, mode, reason: result.reason ?? 'unknown' });
    throw printFailure(result);
  }
  return { documentId: req.sha256, url: `${FILES_PREFIX}${req.sha256}`, printed: 'host', mode, printerName: settings.printerName };
}

/** Prints of a named click still running, by request id: a repeat waits for the first one's end. */
const running = new WeakMap<HostContext['store'], Map<string, Promise<unknown>>>();

/**
 * `documents.print`. A click named by the screen (requestId) is printed once: sent again after its
 * answer was lost, it gets the first answer (kept in request_answers, electron/api/answer-once.ts)
 * with no second paper copy and no second audit entry; a repeat that arrives while the first print
 * still waits for the system dialog waits for it. Browser mode: the answer's URL gets a fresh ticket
 * (tickets last minutes; none is kept in the store). A print that failed keeps nothing: sent again,
 * it is tried again. A new click is a new id, a new print.
 */
export async function printDocument(ctx: HostContext, caller: Caller, req: PrintRequest): Promise<PrintedDocumentView> {
  const requestId = req.requestId;
  if (!requestId) return printOnce(ctx, caller, req);
  let byId = running.get(ctx.store);
  if (!byId) running.set(ctx.store, (byId = new Map()));
  const before = byId.get(requestId);
  const turn = (async () => {
    if (before) await before.catch(() => undefined);
    const a = {
      operation: OP, requestId, request: { sha256: req.sha256, mode: req.mode, title: req.title, operationId: req.operationId }, now: nowOf(ctx), operatorId: caller.operatorId,
    };
    const first = await firstAnswer<PrintedDocumentView>(ctx.store, a);
    if (first) {
      const out = first.answer;
      return out.printed === 'browser' ? { ...out, url: await viewerUrl(ctx, caller, req, 'inline') } : out;
    }
    const out = await printOnce(ctx, caller, req);
    try {
      // Kept without the browser's ticket: a repeat gets a fresh one.
      await keepAnswer(ctx.store, a, { ...out, url: `${FILES_PREFIX}${req.sha256}` });
    } catch (e) {
      ctx.logger.error('answer of a print not kept', { op: OP, error: e instanceof Error ? e.message : String(e) });
    }
    return out;
  })();
  byId.set(requestId, turn);
  try {
    return await turn;
  } finally {
    if (byId.get(requestId) === turn) byId.delete(requestId);
  }
}

async function printOnce(ctx: HostContext, caller: Caller, req: PrintRequest): Promise<PrintedDocumentView> {
  try {
    const bytes = await readStoredPdf(ctx, req.sha256);
    const out = ctx.printer
      ? await sendToPrinter(ctx, req, bytes)
      : { documentId: req.sha256, url: await viewerUrl(ctx, caller, req, 'inline'), printed: 'browser' as const, mode: null, printerName: null };
    await audit(ctx, caller, req.sha256);
    return out;
  } catch (e) {
    if (isDomainError(e)) await audit(ctx, caller, req.sha256, e.code);
    throw e;
  }
}

async function viewerUrl(ctx: HostContext, caller: Caller, req: StoredPdfRequest, disposition: 'inline' | 'attachment'): Promise<string> {
  const fileName = await storedPdfName(ctx.store, req.sha256, req.operationId, caller.locale);
  return viewerUrlOf(ctx, caller, req.sha256, { disposition, fileName });
}

/**
 * The URL at which the browser opens a stored PDF (in its viewer, or as a download), with a ticket
 * for this caller and file: only for a PDF that is in the store and intact, like a print.
 */
export async function documentViewUrl(ctx: HostContext, caller: Caller, req: StoredPdfRequest & { download?: boolean | undefined }): Promise<DocumentViewUrl> {
  await readStoredPdf(ctx, req.sha256);
  return { url: await viewerUrl(ctx, caller, req, req.download ? 'attachment' : 'inline') };
}

/** A stored PDF's bytes and the name to save it under (the desktop app's "Scarica": the save dialog's default name). */
export async function storedPdfFile(ctx: HostContext, caller: Caller, req: StoredPdfRequest): Promise<StoredFileView> {
  const bytes = await readStoredPdf(ctx, req.sha256);
  const fileName = await storedPdfName(ctx.store, req.sha256, req.operationId, caller.locale);
  return { fileName, contentType: 'application/pdf', base64: bytes.toString('base64') };
}

export async function printersOf(ctx: HostContext): Promise<PrintersView> {
  const settings = await getPrintSettings(ctx.store);
  if (!ctx.printer) return { hostPrints: false, printers: [], settings };
  return { hostPrints: true, printers: await ctx.printer.printers(), settings };
}
