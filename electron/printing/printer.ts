// The host's printer (issue #6 item 5): what the `documents.print` operation needs from whatever
// can put a stored PDF on paper. The desktop app injects the Electron implementation
// (electron-printer.ts) into createHost; browser mode has none, and the browser's own PDF viewer
// prints instead. Types only: no `electron` import, so the host and its tests never need it.

export type PrintMode = 'silent' | 'dialog';

/** A stored document, already read back and verified against its SHA-256. */
export interface PrintableDocument {
  sha256: string;
  /** The print job's name in the system queue. */
  title: string;
  bytes: Uint8Array;
}

export interface PrintOptions {
  /** 'silent': straight to the printer; 'dialog': the system print dialog first. */
  mode: PrintMode;
  /** The system name of the printer; absent = the system's default printer. */
  deviceName?: string;
  copies?: number;
}

/**
 * `printed: false` carries the reason as the system gave it ("Print job canceled",
 * "Print job failed", "Invalid printer settings") or PRINT_TIMEOUT_REASON.
 */
export interface PrintResult {
  printed: boolean;
  reason?: string;
}

/** One printer known to the system. */
export interface PrinterDevice {
  /** The name the system uses (what `deviceName` expects). */
  name: string;
  /** The name shown to people. */
  displayName: string;
  description: string;
}

export interface Printer {
  print(doc: PrintableDocument, opts: PrintOptions): Promise<PrintResult>;
  printers(): Promise<PrinterDevice[]>;
}

/** The reason of a print that got no answer in time (the window was closed, the job abandoned). */
export const PRINT_TIMEOUT_REASON = 'timeout';

declare module '../api/host-context.js' {
  interface HostContext {
    /** Present in the desktop app only: browser mode prints from the browser's PDF viewer. */
    printer?: Printer;
  }
}
