import { beforeEach, describe, expect, it, vi } from 'vitest';

// `electron` is mocked: its binary cannot be installed on our machines (README).
const state = vi.hoisted(() => ({
  lock: true,
  windows: [] as { options: Record<string, unknown>; url?: string }[],
  ipcChannels: [] as string[],
  protocols: [] as string[],
  privileged: [] as unknown[],
  appEvents: new Map<string, (...a: unknown[]) => void>(),
  quit: 0,
  exitCodes: [] as number[],
  errorBoxes: [] as { title: string; content: string }[],
  hostFailure: undefined as Error | undefined,
  permissionHandlerSet: false,
}));

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = { on: () => undefined, setWindowOpenHandler: () => undefined };
    entry: { options: Record<string, unknown>; url?: string };
    constructor(options: Record<string, unknown>) {
      this.entry = { options };
      state.windows.push(this.entry);
    }
    once() { return this; }
    loadURL(url: string) { this.entry.url = url; return Promise.resolve(); }
    isMinimized() { return false; }
    focus() { /* no-op */ }
    restore() { /* no-op */ }
  }
  return {
    app: {
      requestSingleInstanceLock: () => state.lock,
      quit: () => { state.quit++; },
      exit: (code: number) => { state.exitCodes.push(code); },
      on: (name: string, fn: (...a: unknown[]) => void) => { state.appEvents.set(name, fn); },
      whenReady: () => Promise.resolve(),
      getPath: () => '/tmp/radd-desk-test-userdata',
      isPackaged: false,
    },
    BrowserWindow,
    dialog: { showErrorBox: (title: string, content: string) => { state.errorBoxes.push({ title, content }); } },
    ipcMain: { handle: (channel: string) => { state.ipcChannels.push(channel); } },
    protocol: {
      registerSchemesAsPrivileged: (s: unknown[]) => { state.privileged.push(...s); },
      handle: (scheme: string) => { state.protocols.push(scheme); },
    },
    session: { defaultSession: { setPermissionRequestHandler: () => { state.permissionHandlerSet = true; }, setPermissionCheckHandler: () => undefined } },
    shell: { openExternal: vi.fn() },
    safeStorage: { isEncryptionAvailable: () => true, encryptString: (s: string) => Buffer.from(s), decryptString: (b: Buffer) => b.toString() },
  };
});

vi.mock('./host.js', async () => {
  const { AuthRuntime } = await import('./auth/runtime.js');
  return {
    createHost: vi.fn(async () => {
      if (state.hostFailure) throw state.hostFailure;
      return { ctx: { logger: console, auth: new AuthRuntime({ now: () => new Date() }) }, close: async () => undefined };
    }),
  };
});

describe('Electron main process', () => {
  beforeEach(() => {
    vi.resetModules();
    state.windows.length = 0;
    state.ipcChannels.length = 0;
    state.protocols.length = 0;
    state.quit = 0;
    state.exitCodes.length = 0;
    state.errorBoxes.length = 0;
    state.hostFailure = undefined;
  });

  it('opens one hardened window on our app:// origin and one IPC channel', async () => {
    state.lock = true;
    const { start } = await import('./main.js');
    await start();
    expect(state.windows.length).toBeGreaterThanOrEqual(1);
    const win = state.windows.at(-1)!;
    const prefs = win.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
    expect(String(prefs.preload)).toMatch(/preload\.cjs$/);
    expect(win.url).toBe('app://radd-desk/index.html');
    expect(state.ipcChannels).toContain('radd:call');
    expect(state.protocols).toContain('app');
    expect(state.privileged).toContainEqual(expect.objectContaining({ scheme: 'app' }));
    expect(state.permissionHandlerSet).toBe(true);
    expect(state.appEvents.has('web-contents-created')).toBe(true);
  });

  it('quits at once when another instance holds the lock (single instance)', async () => {
    state.lock = false;
    const { start } = await import('./main.js');
    await start();
    expect(state.quit).toBeGreaterThan(0);
    expect(state.windows).toHaveLength(0);
    expect(state.ipcChannels).toHaveLength(0);
  });

  it('a store that cannot be opened shows the clerk its reason in a box and quits, no window', async () => {
    state.lock = true;
    const { DomainError, messageFor } = await import('../core/index.js');
    state.hostFailure = new DomainError('DB_NEWER_VERSION');
    const { start } = await import('./main.js');
    await start();
    // Importing main.js starts the app once more (its `void start()`): every start shows the box.
    expect(state.errorBoxes.length).toBeGreaterThan(0);
    for (const box of state.errorBoxes) {
      expect(box.content).toContain(messageFor('DB_NEWER_VERSION', 'it'));
      expect(box.content).toContain('DB_NEWER_VERSION');
    }
    expect(state.exitCodes.length).toBe(state.errorBoxes.length);
    expect(new Set(state.exitCodes)).toEqual(new Set([1]));
    expect(state.windows).toHaveLength(0);
    expect(state.ipcChannels).toHaveLength(0);
  });
});
