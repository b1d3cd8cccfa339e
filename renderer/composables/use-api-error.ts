// One way to show an API error: a toast with the host's message (already in the UI language).
import { useToast } from 'primevue/usetoast';
import { ApiCallError } from '../api/client.js';

export function useApiError() {
  const toast = useToast();
  function show(e: unknown, summary?: string): void {
    const detail = e instanceof ApiCallError ? e.message : String(e);
    toast.add({ severity: 'error', summary, detail, life: 8000 });
  }
  /** Runs an action and shows its error, if any; resolves to whether it succeeded. */
  async function attempt(action: () => Promise<unknown>, summary?: string): Promise<boolean> {
    try {
      await action();
      return true;
    } catch (e) {
      show(e, summary);
      return false;
    }
  }
  return { show, attempt };
}

/** Field messages of a VALIDATION_FAILED error, by field path. */
export function fieldErrors(e: unknown): Record<string, string> {
  if (!(e instanceof ApiCallError) || e.code !== 'VALIDATION_FAILED') return {};
  return Object.fromEntries((e.details?.fields ?? []).map((f) => [f.path, f.message]));
}
