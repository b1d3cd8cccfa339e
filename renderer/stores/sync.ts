import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { InputOf, ParkedItemRow, SyncSettingsView, SyncStatusView } from '../../electron/api/contract/index.js';
import { ApiCallError, call } from '../api/client.js';

/** Sync status (polled while a screen shows it), parked items and the adapter's settings. */
export const useSyncStore = defineStore('sync', () => {
  const status = ref<SyncStatusView | null>(null);
  const parked = ref<ParkedItemRow[]>([]);
  const settings = ref<SyncSettingsView | null>(null);
  const running = ref(false);
  /** The last poll got no answer from the host (browser mode: `npm run serve` stopped). */
  const unreachable = ref(false);
  let timer: ReturnType<typeof setInterval> | undefined;
  let watchers = 0;

  async function refresh(): Promise<void> {
    try {
      status.value = await call('sync.status', {});
      unreachable.value = false;
    } catch (e) {
      // A host that does not answer is shown as such (not as the last sync state it gave); other
      // errors leave the indicator as it was, the sync screen shows errors of its own actions.
      unreachable.value = e instanceof ApiCallError && e.code === 'HOST_UNREACHABLE';
    }
  }

  /** Polls the status while at least one view watches it (faster during a pull, for the progress bar). */
  function watch(): () => void {
    watchers++;
    if (!timer) {
      void refresh();
      timer = setInterval(() => void refresh(), 3000);
    }
    return () => {
      watchers--;
      if (watchers === 0 && timer) {
        clearInterval(timer);
        timer = undefined;
      }
    };
  }

  async function runNow(): Promise<void> {
    running.value = true;
    try {
      status.value = await call('sync.runNow', {});
    } finally {
      running.value = false;
    }
  }
  async function loadParked(): Promise<void> {
    parked.value = await call('sync.listParked', {});
  }
  async function requeue(id: number): Promise<void> {
    await call('sync.requeue', { id });
    await Promise.all([loadParked(), refresh()]);
  }
  async function loadSettings(): Promise<void> {
    settings.value = await call('sync.getSettings', {});
  }
  async function saveSettings(input: InputOf<'sync.setSettings'>): Promise<void> {
    settings.value = await call('sync.setSettings', input);
    await refresh();
  }

  return { status, parked, settings, running, unreachable, refresh, watch, runNow, loadParked, requeue, loadSettings, saveSettings };
});
