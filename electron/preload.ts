// The preload exposes exactly one function, `window.raddDesk.call(op, input)`, over one channel.
// It runs sandboxed, so it is bundled to one file and imports nothing but `electron`.
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNEL } from './channel.js';

const api = {
  call: (op: string, input: unknown, options?: { locale?: 'it' | 'en' }): Promise<unknown> =>
    ipcRenderer.invoke(CHANNEL, String(op), input, options?.locale === 'en' ? 'en' : 'it'),
};

contextBridge.exposeInMainWorld('raddDesk', api);
