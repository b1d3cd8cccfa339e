// Printing a stored document (issue #6 item 5): electron/printing/print-document.ts does the work.
import { setPrintSettings } from '../../auth/desk-settings.js';
import { documentViewUrl, printDocument, printersOf, storedPdfFile } from '../../printing/print-document.js';
import type { printingContract } from '../contract/printing.js';
import type { HandlersOf } from './types.js';

export const printingHandlers = {
  'documents.print': async (input, ctx, caller) => printDocument(ctx, caller, input),
  'documents.viewUrl': async (input, ctx, caller) => documentViewUrl(ctx, caller, input),
  'documents.getFile': async (input, ctx, caller) => storedPdfFile(ctx, caller, input),
  'documents.printers': async (_input, ctx) => printersOf(ctx),
  'documents.setPrintSettings': async (input, ctx) => setPrintSettings(ctx.store, { printerName: input.printerName, silent: input.silent }, ctx.clock.now()),
} satisfies HandlersOf<typeof printingContract>;
