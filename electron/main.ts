// Electron entry: single instance, app:// protocol for the renderer, IPC over one channel,
// every web contents hardened, permissions denied. Wires the same host as browser mode.
import { app, BrowserWindow, dialog, ipcMain, protocol, safeStorage, session, shell } from 'electron';
import { join } from 'node:path';
import { appProtocolResponse } from './app-protocol.js';
import { IpcSessions } from './auth/callers.js';
import { authOf } from './auth/runtime.js';
import { loadConfig } from './config.js';
import { createHost, type Host } from './host.js';
import { registerIpc } from './ipc.js';
import { createLogger } from './logger.js';
import { createElectronPrinter } from './printing/electron-printer.js';
import { createSafeStorageSecretStore } from './secrets-electron.js';
import { failureReport, STARTUP_FAILURE_TITLE } from './startup-failure.js';
import { APP_SCHEME, denyAllPermissions, hardenWebContents, isSafeExternalUrl } from './security.js';
import { createMainWindow, preloadPathFor } from './window.js';

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

export async function start(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  let win: BrowserWindow | undefined;
  let host: Host | undefined;
  let sessions: IpcSessions | undefined;
  app.on('second-instance', () => {
    if (win?.isMinimized()) win.restore();
    win?.focus();
  });
  app.on('web-contents-created', (_e, contents) => {
    hardenWebContents(contents, (url) => { if (isSafeExternalUrl(url)) void shell.openExternal(url); });
    // A window's session ends with the window (issue #11).
    const id = contents.id;
    contents.on('destroyed', () => sessions?.forget(id));
  });
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => void host?.close());
  await app.whenReady();
  const here = __dirname;
  const rendererDir = join(here, '..', 'renderer');
  denyAllPermissions(session.defaultSession);
  protocol.handle(APP_SCHEME, (req) => appProtocolResponse(rendererDir, req.url));
  const logger = createLogger();
  try {
    const config = loadConfig(process.argv.slice(app.isPackaged ? 1 : 2), process.env, { dataDir: app.getPath('userData'), rendererDir });
    const secrets = createSafeStorageSecretStore(safeStorage, join(config.dataDir, 'secrets.enc.json'), logger);
    // Printing goes through hidden windows of its own; the printer list is asked of the main window.
    const printer = createElectronPrinter({
      createWindow: (options) => new BrowserWindow(options),
      listPrinters: async () => (win && !win.isDestroyed() ? win.webContents.getPrintersAsync() : []),
    });
    host = await createHost(config, { transport: 'ipc', logger, bootstrapOperators: true, sync: true, secrets, printer });
  } catch (e) {
    // A store that cannot be opened (newer version, damaged, read-only, not a database) or a bad
    // configuration: say so in a box the clerk can read, then quit, instead of no window at all.
    logger.error('start-up failed', { code: (e as { code?: string }).code, error: String(e) });
    dialog.showErrorBox(STARTUP_FAILURE_TITLE, failureReport(e));
    app.exit(1);
    return;
  }
  sessions = new IpcSessions(authOf(host.ctx));
  registerIpc(ipcMain, host.ctx, () => win?.webContents, sessions);
  win = createMainWindow(preloadPathFor(here));
}

void start();
