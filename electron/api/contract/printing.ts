// Printing a stored document (issue #6 item 5): one operation for both modes. The desktop app
// prints through the host's printer (silently or with the system dialog); browser mode gets the
// document's URL back and opens it in the browser's PDF viewer. Either way the answer names the
// stored document by its SHA-256. `documents.viewUrl`: the viewer's URL alone, or the download's
// (browser mode); `documents.getFile`: the bytes, to save (the desktop app). Given the desk operation
// the file belongs to, the host names it after what it is (IUN and title), never by its SHA-256.
import { z } from 'zod';
import { operationIdSchema } from './desk.js';
import { op, t } from './op.js';
import { requestIdSchema } from './schemas.js';

/**
 * Who may print or open a stored PDF: the roles that may open it at `/files/<sha256>`
 * (electron/desk/file-route.ts), so that the URL returned in browser mode always opens for the caller.
 */
const readers = ['clerk', 'admin'] as const;
const admin = ['admin'] as const;

export interface PrintedDocumentView {
  /** The stored document's id: its SHA-256 (hex). */
  documentId: string;
  /**
   * Where browser mode opens it: `/files/<sha256>?ticket=…`, the ticket opening that file for this
   * caller for two minutes (electron/auth/url-tickets.ts); `/files/<sha256>` when the host printed it.
   */
  url: string;
  /** 'host': the desktop app sent it to a printer; 'browser': open `url` in the browser's PDF viewer. */
  printed: 'host' | 'browser';
  /** How the host printed it ('host' only). */
  mode: 'silent' | 'dialog' | null;
  /** The printer it went to; null for the system's default printer or the one picked in the dialog. */
  printerName: string | null;
}

/** Where the browser opens a stored PDF: in its viewer, or as a download. */
export interface DocumentViewUrl {
  /**
   * `/files/<sha256>?ticket=…`: the ticket opens that one file for this caller for two minutes, shown
   * inline or sent as an attachment, under the name the host gave it when issuing the ticket.
   */
  url: string;
}

/** A stored PDF to save: its bytes and the name the host gives it. */
export interface StoredFileView {
  /** "<IUN> - <title>.pdf" for a document of the operation asked about; safe on every file system. */
  fileName: string;
  contentType: 'application/pdf';
  base64: string;
}

export interface PrinterView {
  name: string;
  displayName: string;
  description: string;
}

/** The desk's printing defaults (admin screen). */
export interface PrintSettingsView {
  /** System name of the printer; null = the system's default printer. */
  printerName: string | null;
  /** True: print without the system dialog. */
  silent: boolean;
}

export interface PrintersView {
  /** False in browser mode: the browser prints, the host has no printer. */
  hostPrints: boolean;
  printers: PrinterView[];
  settings: PrintSettingsView;
}

const sha256Schema = z.string().trim().toLowerCase().regex(/^[0-9a-f]{64}$/, 'SHA-256 (hex)');
/** The desk operation the file belongs to: where the host finds what it is called (not the name itself). */
const ofOperation = operationIdSchema.optional();

export const printingContract = {
  'documents.print': op({
    input: z.strictObject({
      sha256: sha256Schema,
      /** Absent: the desk's setting (admin screen). */
      mode: z.enum(['silent', 'dialog']).optional(),
      /** The print job's name in the system queue. */
      title: z.string().trim().min(1).max(120).optional(),
      operationId: ofOperation,
      /** The print click (a UUID v4): sent again after its answer was lost, it is not printed again. */
      requestId: requestIdSchema.optional(),
    }),
    output: t<PrintedDocumentView>(),
    roles: readers,
    doc: 'Print a stored PDF: the desktop app sends it to the printer (silently or with the dialog), browser mode gets its URL for the PDF viewer; a repeat of the same requestId (one print click) answers the first print (browser mode: with a fresh ticket) and prints nothing',
    mutates: true,
    // Audited by the handler: a print can wait minutes for the dialog, no store transaction may stay open that long.
    auditedBy: 'handler',
    auditTargets: (input) => [input.sha256],
  }),
  'documents.viewUrl': op({
    input: z.strictObject({
      sha256: sha256Schema,
      operationId: ofOperation,
      /** True: the browser saves the file (attachment) instead of showing it in its viewer. */
      download: z.boolean().optional(),
    }),
    output: t<DocumentViewUrl>(),
    roles: readers,
    doc: 'The address at which the browser opens a stored PDF in its viewer, or downloads it, under its document\'s name, with a ticket valid for that file for two minutes (browser mode)',
  }),
  'documents.getFile': op({
    input: z.strictObject({ sha256: sha256Schema, operationId: ofOperation }),
    output: t<StoredFileView>(),
    roles: readers,
    doc: 'A stored PDF\'s bytes and its document\'s file name, to save it (the desktop app\'s "Scarica": the save dialog\'s default name)',
  }),
  'documents.printers': op({
    input: z.strictObject({}),
    output: t<PrintersView>(),
    roles: readers,
    doc: 'The printers the desktop app can use (none in browser mode) and the desk\'s printing defaults',
  }),
  'documents.setPrintSettings': op({
    input: z.strictObject({
      printerName: z.string().trim().min(1).max(200).nullable(),
      silent: z.boolean(),
    }),
    output: t<PrintSettingsView>(),
    roles: admin,
    doc: 'Set the desk\'s default printer and whether printing skips the system dialog',
    mutates: true,
    auditTargets: () => ['printing.defaults'],
  }),
};
