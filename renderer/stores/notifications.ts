import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { NotificationView } from '../../electron/api/contract/index.js';
import { ApiCallError, call } from '../api/client.js';
import { errorText } from '../api/host-text.js';
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
      // The message is rendered when read: it follows the UI language (host-text.ts).
      const field = e instanceof ApiCallError ? e.details?.fields?.[0]?.path : undefined;
      error.value = { code: e instanceof ApiCallError ? e.code : 'UNEXPECTED', get message() { return errorText(e); }, ...(field ? { field } : {}) };
      loading.value = false;
    }
  }

  function clear(): void {
    current.value = null;
    error.value = null;
  }

  return { current, error, loading, lookup, clear };
});
