import { describe, expect, it, vi } from 'vitest';
import type { WebContents } from 'electron';
import { denyAllPermissions, hardenWebContents, isAppUrl, isSafeExternalUrl, isTrustedSender, SECURE_WEB_PREFERENCES } from './security.js';

describe('shell security choke points (Electron security checklist)', () => {
  it('lets only http(s) links out to the system browser (item 15)', () => {
    expect(isSafeExternalUrl('https://notifichedigitali.it/')).toBe(true);
    expect(isSafeExternalUrl('http://example.org/x')).toBe(true);
    for (const bad of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'app://radd-desk/', 'not a url', 'https://user:pw@example.org/']) {
      expect(isSafeExternalUrl(bad), bad).toBe(false);
    }
  });

  it('recognises only our own app:// origin', () => {
    expect(isAppUrl('app://radd-desk/index.html#/lookup')).toBe(true);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl('https://radd-desk/')).toBe(false);
    expect(isAppUrl(undefined)).toBe(false);
  });

  it('accepts IPC only from the main frame of our window showing our origin (item 17)', () => {
    const trusted = {} as WebContents;
    const other = {} as WebContents;
    const frame = (url: string, parent: unknown = null) => ({ url, parent }) as never;
    expect(isTrustedSender({ sender: trusted, senderFrame: frame('app://radd-desk/index.html') }, trusted)).toBe(true);
    expect(isTrustedSender({ sender: other, senderFrame: frame('app://radd-desk/index.html') }, trusted)).toBe(false);
    expect(isTrustedSender({ sender: trusted, senderFrame: frame('https://evil.example/') }, trusted)).toBe(false);
    expect(isTrustedSender({ sender: trusted, senderFrame: frame('app://radd-desk/index.html', {}) }, trusted)).toBe(false);
    expect(isTrustedSender({ sender: trusted, senderFrame: null as never }, trusted)).toBe(false);
    expect(isTrustedSender({ sender: trusted, senderFrame: frame('app://radd-desk/') }, undefined)).toBe(false);
  });

  it('denies every permission request and check (item 5)', () => {
    let requestHandler: ((wc: unknown, p: string, cb: (ok: boolean) => void) => void) | undefined;
    let checkHandler: (() => boolean) | undefined;
    const session = {
      setPermissionRequestHandler: vi.fn((h) => { requestHandler = h; }),
      setPermissionCheckHandler: vi.fn((h) => { checkHandler = h; }),
    };
    denyAllPermissions(session as never);
    const cb = vi.fn();
    for (const p of ['media', 'geolocation', 'notifications', 'openExternal']) requestHandler!({}, p, cb);
    expect(cb).toHaveBeenCalledTimes(4);
    expect(cb.mock.calls.every(([ok]) => ok === false)).toBe(true);
    expect(checkHandler!()).toBe(false);
  });

  it('blocks navigation away from the app, webviews and new windows (items 12-14)', () => {
    const listeners = new Map<string, (e: { preventDefault(): void }, url: string) => void>();
    let openHandler: ((d: { url: string }) => { action: string }) | undefined;
    const contents = {
      on: vi.fn((name: string, fn: (e: { preventDefault(): void }, url: string) => void) => { listeners.set(name, fn); }),
      setWindowOpenHandler: vi.fn((fn) => { openHandler = fn; }),
    };
    const opened: string[] = [];
    hardenWebContents(contents as never, (u) => opened.push(u));
    const nav = (event: string, url: string) => { const e = { preventDefault: vi.fn() }; listeners.get(event)!(e, url); return e.preventDefault.mock.calls.length > 0; };
    expect(nav('will-navigate', 'https://evil.example/')).toBe(true);
    expect(nav('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(nav('will-navigate', 'app://radd-desk/index.html#/x')).toBe(false);
    expect(nav('will-redirect', 'https://evil.example/')).toBe(true);
    expect(nav('will-attach-webview', 'app://radd-desk/')).toBe(true);
    expect(openHandler!({ url: 'https://www.notifichedigitali.it/' })).toEqual({ action: 'deny' });
    expect(openHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://www.notifichedigitali.it/']);
  });

  it('keeps isolation and sandbox on, node integration off (items 2-4)', () => {
    expect(SECURE_WEB_PREFERENCES).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false, allowRunningInsecureContent: false });
  });
});
