import { describe, expect, it, vi } from 'vitest';

const exposed: Record<string, unknown> = {};
const invoke = vi.fn(async () => ({ ok: true, data: 42 }));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => { exposed[key] = api; } },
  ipcRenderer: { invoke },
}));

describe('preload bridge', () => {
  it('exposes exactly one function, raddDesk.call, over the one channel', async () => {
    await import('./preload.js');
    expect(Object.keys(exposed)).toEqual(['raddDesk']);
    const api = exposed.raddDesk as Record<string, unknown>;
    expect(Object.keys(api)).toEqual(['call']);
    const result = await (api.call as (op: string, input: unknown, o?: { locale: string }) => Promise<unknown>)('notifications.getByIun', { iun: 'X' }, { locale: 'en' });
    expect(result).toEqual({ ok: true, data: 42 });
    expect(invoke).toHaveBeenCalledWith('radd:call', 'notifications.getByIun', { iun: 'X' }, 'en');
  });

  it('never forwards an arbitrary locale', async () => {
    await import('./preload.js');
    const api = exposed.raddDesk as { call: (op: string, input: unknown, o?: { locale: string }) => Promise<unknown> };
    await api.call('system.info', {}, { locale: '../../etc' });
    expect(invoke).toHaveBeenLastCalledWith('radd:call', 'system.info', {}, 'it');
  });
});
