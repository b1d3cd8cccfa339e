// The main window: secure webPreferences, hardened web contents, our app:// origin.
import { BrowserWindow, shell } from 'electron';
import { join } from 'node:path';
import { APP_ORIGIN, SECURE_WEB_PREFERENCES, hardenWebContents, isSafeExternalUrl } from './security.js';

export function createMainWindow(preloadPath: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1366,
    height: 860,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    title: 'RADD Desk',
    backgroundColor: '#ffffff',
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: preloadPath },
  });
  hardenWebContents(win.webContents, (url) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

export function preloadPathFor(dir: string): string {
  return join(dir, 'preload.cjs');
}
