// The Electron shell's security choke points (Electron security checklist, STYLE.md 2).
// Pure predicates are exported for tests; the hardening functions take Electron objects as
// parameters so that they can be exercised with mocks.
import type { IpcMainInvokeEvent, Session, WebContents } from 'electron';

/** The privileged scheme that serves the renderer; its origin is the only trusted one. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'radd-desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Only http(s) links may leave the app for the system browser (checklist 15). */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}

/** True for a URL of our own renderer (checklist 13, 17). */
export function isAppUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * IPC sender validation (checklist 17): the message must come from the main frame of our window,
 * showing our own origin. Subframes, other windows and foreign pages are refused.
 */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>, trusted: WebContents | undefined): boolean {
  const frame = event.senderFrame;
  if (!frame || !trusted || event.sender !== trusted) return false;
  if (frame.parent !== null) return false;
  return isAppUrl(frame.url);
}

/** Deny every permission request and check (camera, notifications, geolocation...: checklist 5). */
export function denyAllPermissions(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/**
 * Navigation and new windows (checklist 13-14): the window never navigates away from the app;
 * window.open is always denied, http(s) links go to the system browser through `openExternal`;
 * <webview> is never attached (checklist 12).
 */
export function hardenWebContents(contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>, openExternal: (url: string) => void): void {
  contents.on('will-navigate', (event: { preventDefault(): void }, url: string) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event: { preventDefault(): void }, url: string) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event: { preventDefault(): void }) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }: { url: string }) => {
    if (isSafeExternalUrl(url)) openExternal(url);
    return { action: 'deny' };
  });
}

/** webPreferences of every window (checklist 2-4, 6, 8-9, 12). */
export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  spellcheck: false,
} as const;
