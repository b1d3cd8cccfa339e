import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createElectronPrinter, type ElectronPrintOptions, type PrintWindow, type PrintWindowOptions } from './electron-printer.js';
import { PRINT_TIMEOUT_REASON, type PrintOptions } from './printer.js';

// Electron's window is faked with what the printer uses of it: the load events, print() and its
// callback, destroy(). How the fake answers is set per test.
type Behaviour =
  | { kind: 'print'; success: boolean; reason?: string }
  | { kind: 'fail-load'; description: string }
  | { kind: 'reject-load'; message: string }
  | { kind: 'hang' };

interface FakeWindow extends PrintWindow {
  options: PrintWindowOptions;
  url?: string;
  printOptions?: ElectronPrintOptions;
  /** The temp file's bytes and mode while the window had it loaded. */
  seen?: { bytes: Buffer; mode: number };
  destroyed: boolean;
}

const PDF = Buffer.from('%PDF-1.4\n% test\n%%EOF\n');
const DOC = { sha256: 'ab'.repeat(32), title: 'Plico 1', bytes: PDF };
let roots: string[] = [];

function setup(behaviour: Behaviour, timeoutMs?: Partial<Record<PrintOptions['mode'], number>>) {
  const windows: FakeWindow[] = [];
  const tempRoot = mkdtempSync(join(tmpdir(), 'radd-printer-test-'));
  roots.push(tempRoot);
  const printer = createElectronPrinter({
    tempRoot,
    ...(timeoutMs ? { timeoutMs } : {}),
    listPrinters: async () => [{ name: 'HP_LaserJet_4', displayName: 'HP LaserJet 4', description: 'Ufficio' }, { name: 'Brother_QL', displayName: '', description: '' }],
    createWindow: (options) => {
      const listeners = new Map<string, (...a: never[]) => void>();
      const w: FakeWindow = {
        options,
        destroyed: false,
        webContents: {
          once: (event, fn) => { listeners.set(event, fn); },
          print: (opts, cb) => {
            w.printOptions = opts;
            if (behaviour.kind === 'print') cb(behaviour.success, behaviour.reason ?? '');
          },
        },
        loadURL: async (url) => {
          w.url = url;
          const path = fileURLToPath(url);
          w.seen = { bytes: readFileSync(path), mode: statSync(path).mode & 0o777 };
          if (behaviour.kind === 'reject-load') throw new Error(behaviour.message);
          if (behaviour.kind === 'fail-load') (listeners.get('did-fail-load') as unknown as (...a: unknown[]) => void)({}, -6, behaviour.description, url, true);
          else (listeners.get('did-finish-load') as unknown as () => void)();
        },
        destroy: () => { w.destroyed = true; },
        isDestroyed: () => w.destroyed,
      };
      windows.push(w);
      return w;
    },
  });
  return { printer, windows, tempRoot };
}

afterEach(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
  roots = [];
});

describe('the Electron printer', () => {
  it('prints silently to the named printer: {silent: true, deviceName}, and reports success', async () => {
    const { printer, windows } = setup({ kind: 'print', success: true });
    const result = await printer.print(DOC, { mode: 'silent', deviceName: 'HP_LaserJet_4', copies: 2 });
    expect(result).toEqual({ printed: true });
    expect(windows).toHaveLength(1);
    expect(windows[0]!.printOptions).toEqual({ silent: true, deviceName: 'HP_LaserJet_4', copies: 2, printBackground: true });
  });

  it('opens the system dialog in dialog mode, leaving the printer to the person when none is set', async () => {
    const { printer, windows } = setup({ kind: 'print', success: true });
    await printer.print(DOC, { mode: 'dialog' });
    expect(windows[0]!.printOptions).toEqual({ silent: false, printBackground: true });
  });

  it('prints the stored bytes themselves, from a private temporary file removed afterwards', async () => {
    const { printer, windows, tempRoot } = setup({ kind: 'print', success: true });
    await printer.print(DOC, { mode: 'silent' });
    const w = windows[0]!;
    expect(w.url).toMatch(/^file:\/\/.*\.pdf$/);
    expect(w.seen!.bytes.equals(PDF)).toBe(true);
    expect(w.seen!.mode).toBe(0o600);
    expect(existsSync(fileURLToPath(w.url!))).toBe(false);
    expect(readdirSync(tempRoot)).toEqual([]);
  });

  it('passes on the system\'s failure reason when the print callback reports a failure', async () => {
    const { printer } = setup({ kind: 'print', success: false, reason: 'Print job failed' });
    expect(await printer.print(DOC, { mode: 'silent' })).toEqual({ printed: false, reason: 'Print job failed' });
  });

  it('reports a load failure instead of printing a blank page', async () => {
    const { printer, windows } = setup({ kind: 'fail-load', description: 'ERR_FILE_NOT_FOUND' });
    const result = await printer.print(DOC, { mode: 'silent' });
    expect(result.printed).toBe(false);
    expect(result.reason).toContain('ERR_FILE_NOT_FOUND');
    expect(windows[0]!.printOptions).toBeUndefined();
  });

  it('reports a rejected load as a failure, never as a thrown error', async () => {
    const { printer } = setup({ kind: 'reject-load', message: 'ERR_ABORTED (-3)' });
    expect(await printer.print(DOC, { mode: 'dialog' })).toMatchObject({ printed: false, reason: expect.stringContaining('ERR_ABORTED') });
  });

  it('gives up after the mode\'s timeout, with the timeout reason', async () => {
    const { printer } = setup({ kind: 'hang' }, { silent: 20 });
    expect(await printer.print(DOC, { mode: 'silent' })).toEqual({ printed: false, reason: PRINT_TIMEOUT_REASON });
  });

  it('always destroys the print window and removes the temporary file: success, failure, load failure, timeout', async () => {
    const cases: Behaviour[] = [{ kind: 'print', success: true }, { kind: 'print', success: false, reason: 'x' }, { kind: 'fail-load', description: 'x' }, { kind: 'reject-load', message: 'x' }, { kind: 'hang' }];
    for (const b of cases) {
      const { printer, windows, tempRoot } = setup(b, { silent: 20 });
      await printer.print(DOC, { mode: 'silent' });
      expect(windows.map((w) => w.destroyed), b.kind).toEqual([true]);
      expect(readdirSync(tempRoot), b.kind).toEqual([]);
    }
  });

  it('loads the PDF in a hidden window with the sandbox, context isolation, no Node and no preload', async () => {
    const { printer, windows } = setup({ kind: 'print', success: true });
    await printer.print(DOC, { mode: 'silent' });
    const o = windows[0]!.options;
    expect(o.show).toBe(false);
    expect(o.title).toBe('Plico 1');
    expect(o.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, nodeIntegrationInSubFrames: false, webSecurity: true, webviewTag: false });
    expect(o.webPreferences).not.toHaveProperty('preload');
  });

  it('lists the system printers, with the system name when there is no display name', async () => {
    const { printer } = setup({ kind: 'hang' });
    expect(await printer.printers()).toEqual([
      { name: 'HP_LaserJet_4', displayName: 'HP LaserJet 4', description: 'Ufficio' },
      { name: 'Brother_QL', displayName: 'Brother_QL', description: '' },
    ]);
  });
});
