import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { NotificationView } from '../../electron/api/contract/index.js';
import { ApiCallError, call } from '../api/client.js';
import { newestWins, STALE } from '../composables/newest-wins.js';

/** Lookup of one notification by IUN (desk and sender screens). */
export const useNotificationsStore = defineStore('notifications', () => {
  const current = ref<NotificationView | null>(null);
  const error = ref<{ code: string; message: string; field?: string } | null>(null);
  const loading = ref(false);
  // Two IUNs scanned in quick succession: only the last one's answer is shown.
  const lookups = newestWins();

  async function lookup(iun: string): Promise<void> {
    loading.value = true;
    error.value = null;
    current.value = null;
    try {
      const found = await lookups.run(() => call('notifications.getByIun', { iun }));
      if (found === STALE) return;
      current.value = found;
      loading.value = false;
    } catch (e) {
      if (e instanceof ApiCallError) error.value = { code: e.code, message: e.message, field: e.details?.fields?.[0]?.path };
      else error.value = { code: 'UNEXPECTED', message: String(e) };
      loading.value = false;
    }
  }

  function clear(): void {
    current.value = null;
    error.value = null;
  }

  return { current, error, loading, lookup, clear };
});
