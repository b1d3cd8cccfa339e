import { describe, expect, it, vi } from 'vitest';
import type { WebContents } from 'electron';
import { registerIpc } from './ipc.js';
import type { HostContext } from './api/host-context.js';

function setup() {
  let handler: ((event: unknown, ...args: unknown[]) => Promise<unknown>) | undefined;
  const ipcMain = { handle: vi.fn((channel: string, fn: typeof handler) => { expect(channel).toBe('radd:call'); handler = fn; }) };
  const trusted = {} as WebContents;
  const ctx = { logger: { info: vi.fn(), warn: vi.fn(), error: vi.fn() }, config: { adapter: 'demo', db: { client: 'sqlite3' } }, transport: 'ipc' } as unknown as HostContext;
  registerIpc(ipcMain as never, ctx, () => trusted);
  const call = (sender: WebContents, url: string, op: unknown, input: unknown, locale?: unknown) =>
    handler!({ sender, senderFrame: { url, parent: null } }, op, input, locale) as Promise<{ ok: boolean; error?: { code: string }; data?: unknown }>;
  return { call, trusted, ctx };
}

describe('IPC transport', () => {
  it('dispatches a call from our window to the API table', async () => {
    const { call, trusted } = setup();
    const res = await call(trusted, 'app://radd-desk/index.html', 'system.info', {}, 'en');
    expect(res.ok).toBe(true);
    expect(res.data).toMatchObject({ appName: 'RADD Desk', transport: 'ipc' });
  });

  it('refuses a call from a foreign page or another web contents with FORBIDDEN', async () => {
    const { call, trusted, ctx } = setup();
    expect((await call(trusted, 'https://evil.example/', 'system.info', {})).error?.code).toBe('FORBIDDEN');
    expect((await call({} as WebContents, 'app://radd-desk/index.html', 'system.info', {})).error?.code).toBe('FORBIDDEN');
    expect(ctx.logger.warn).toHaveBeenCalled();
  });

  it('answers an unknown operation or a non-string name with UNKNOWN_OPERATION', async () => {
    const { call, trusted } = setup();
    expect((await call(trusted, 'app://radd-desk/', 'nope.nothing', {})).error?.code).toBe('UNKNOWN_OPERATION');
    expect((await call(trusted, 'app://radd-desk/', { toString: 1 }, {})).error?.code).toBe('UNKNOWN_OPERATION');
  });
});
