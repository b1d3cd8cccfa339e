// Electron entry: single instance, app:// protocol for the renderer, IPC over one channel,
// every web contents hardened, permissions denied. Wires the same host as browser mode.
import { app, BrowserWindow, ipcMain, protocol, session, shell } from 'electron';
import { join } from 'node:path';
import { appProtocolResponse } from './app-protocol.js';
import { loadConfig } from './config.js';
import { createHost, type Host } from './host.js';
import { registerIpc } from './ipc.js';
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
  app.on('second-instance', () => {
    if (win?.isMinimized()) win.restore();
    win?.focus();
  });
  app.on('web-contents-created', (_e, contents) => hardenWebContents(contents, (url) => { if (isSafeExternalUrl(url)) void shell.openExternal(url); }));
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => void host?.close());
  await app.whenReady();
  const here = __dirname;
  const rendererDir = join(here, '..', 'renderer');
  denyAllPermissions(session.defaultSession);
  protocol.handle(APP_SCHEME, (req) => appProtocolResponse(rendererDir, req.url));
  const config = loadConfig(process.argv.slice(app.isPackaged ? 1 : 2), process.env, { dataDir: app.getPath('userData'), rendererDir });
  host = await createHost(config, { transport: 'ipc' });
  registerIpc(ipcMain, host.ctx, () => win?.webContents);
  win = createMainWindow(preloadPathFor(here));
}

void start();
