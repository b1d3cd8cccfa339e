// The desktop app's printer (issue #6 item 5): a stored PDF goes into a hidden, sandboxed window
// and `webContents.print` sends it to the system's printer, silently or through the print dialog.
//
// Why Chromium's built-in PDF viewer, and why this way (researched, not guessed):
// - Printing a PDF shown by the viewer used to print blank pages (electron/electron#30947): the
//   print went to the outer frame instead of the PDF plugin's frame. Fixed by electron/electron#43309
//   (Electron 30.4 / 31 / 32 and later); we depend on Electron 39. The other documented ways are
//   worse here: `printToPDF` goes the other direction (page -> PDF), and rasterising pages
//   ourselves needs a PDF renderer we do not ship.
// - The viewer shows PDFs from file:, http(s): and data: URLs; custom schemes are not reliably
//   supported (electron/electron#24859), and Chromium caps URLs (data: included) at 2 MB, less
//   than a bundle with scanned acts. So the verified bytes go to a private temporary file (0600,
//   in a 0700 folder) that is removed as soon as the job ends, whatever its outcome.
// - `plugins: true` is the one preference added to SECURE_WEB_PREFERENCES: Electron serves its
//   PDF viewer only to web contents with plugins enabled, and the viewer is the only plugin left
//   in Chromium (NPAPI/PPAPI/Flash are gone). The window has no preload, no Node, the sandbox and
//   context isolation, and main.ts hardens it like every web contents (no navigation, no popups).
//
// `electron` itself is injected by main.ts (the window factory and the printer list), so that only
// the five shell files import it (tests/architecture/layers.test.ts) and this file is unit-tested
// with plain fakes.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SECURE_WEB_PREFERENCES } from '../security.js';
import { PRINT_TIMEOUT_REASON, type PrintableDocument, type Printer, type PrinterDevice, type PrintOptions, type PrintResult } from './printer.js';

/** What the printer uses of Electron's WebContents (the real one satisfies it). */
export interface PrintContents {
  once(event: 'did-finish-load' | 'did-fail-load', listener: (...args: never[]) => void): unknown;
  print(options: ElectronPrintOptions, callback: (success: boolean, failureReason: string) => void): void;
}

/** What the printer uses of Electron's BrowserWindow. */
export interface PrintWindow {
  readonly webContents: PrintContents;
  loadURL(url: string): Promise<void>;
  destroy(): void;
  isDestroyed(): boolean;
}

export interface ElectronPrintOptions {
  silent: boolean;
  printBackground: boolean;
  deviceName?: string;
  copies?: number;
}

export interface ElectronPrinterDeps {
  /** `(options) => new BrowserWindow(options)`. */
  createWindow(options: PrintWindowOptions): PrintWindow;
  /** `webContents.getPrintersAsync()` of any live window. */
  listPrinters(): Promise<readonly PrinterDevice[]>;
  /** Where the temporary copy goes; default the OS temp folder. */
  tempRoot?: string;
  /** How long to wait for the system's answer, per mode (the dialog waits for a person). */
  timeoutMs?: Partial<Record<PrintOptions['mode'], number>>;
}

export const PRINT_TIMEOUT_MS = { silent: 60_000, dialog: 10 * 60_000 } as const;

/** The hidden print window: the app's secure preferences, no preload, plus the PDF viewer. */
export function printWindowOptions(title: string) {
  return {
    show: false,
    width: 800,
    height: 1100,
    title,
    backgroundColor: '#ffffff',
    webPreferences: { ...SECURE_WEB_PREFERENCES, plugins: true },
  } as const;
}
export type PrintWindowOptions = ReturnType<typeof printWindowOptions>;

/** Loads the file, prints once it is shown, resolves with the system's answer (never rejects). */
function loadAndPrint(win: PrintWindow, url: string, options: ElectronPrintOptions): Promise<PrintResult> {
  return new Promise((resolve) => {
    win.webContents.once('did-fail-load', (_event: unknown, _code: number, description: string, _url: string, isMainFrame = true) => {
      if (isMainFrame) resolve({ printed: false, reason: `load failed: ${description}` });
    });
    win.webContents.once('did-finish-load', () => {
      win.webContents.print(options, (success, failureReason) => resolve(success ? { printed: true } : { printed: false, reason: failureReason || 'Print job failed' }));
    });
    win.loadURL(url).catch((e: unknown) => resolve({ printed: false, reason: `load failed: ${e instanceof Error ? e.message : String(e)}` }));
  });
}

function timeout(ms: number): { promise: Promise<PrintResult>; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const promise = new Promise<PrintResult>((resolve) => {
    timer = setTimeout(() => resolve({ printed: false, reason: PRINT_TIMEOUT_REASON }), ms);
  });
  return { promise, cancel: () => clearTimeout(timer) };
}

export function electronPrintOptions(opts: PrintOptions): ElectronPrintOptions {
  const out: ElectronPrintOptions = { silent: opts.mode === 'silent', printBackground: true };
  if (opts.deviceName) out.deviceName = opts.deviceName;
  if (opts.copies !== undefined) out.copies = opts.copies;
  return out;
}

export function createElectronPrinter(deps: ElectronPrinterDeps): Printer {
  return {
    async print(doc: PrintableDocument, opts: PrintOptions): Promise<PrintResult> {
      const dir = await mkdtemp(join(deps.tempRoot ?? tmpdir(), 'radd-print-'));
      let win: PrintWindow | undefined;
      const limit = timeout(deps.timeoutMs?.[opts.mode] ?? PRINT_TIMEOUT_MS[opts.mode]);
      try {
        const file = join(dir, `${doc.sha256.slice(0, 16)}.pdf`);
        await writeFile(file, doc.bytes, { mode: 0o600 });
        win = deps.createWindow(printWindowOptions(doc.title));
        return await Promise.race([loadAndPrint(win, pathToFileURL(file).href, electronPrintOptions(opts)), limit.promise]);
      } finally {
        limit.cancel();
        // destroy(), not close(): nothing on the page may keep the window (and a dialog) alive.
        if (win && !win.isDestroyed()) win.destroy();
        await rm(dir, { recursive: true, force: true });
      }
    },
    async printers(): Promise<PrinterDevice[]> {
      const list = await deps.listPrinters();
      return list.map((p) => ({ name: p.name, displayName: p.displayName || p.name, description: p.description ?? '' }));
    },
  };
}
