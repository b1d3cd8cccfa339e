// One way to show an API error: a toast with the host's message, in the UI language of now (it
// follows a switch while the toast is up: host-text.ts).
import type { ToastMessageOptions } from 'primevue/toast';
import type { ToastServiceMethods } from 'primevue/toastservice';
import { useToast } from 'primevue/usetoast';
import { ApiCallError } from '../api/client.js';
import { errorText, fieldTexts } from '../api/host-text.js';

/** A toast's title, worded when shown (e.g. `() => t('printing.failed')`): it follows a switch while the toast is up. */
export type ToastText = () => string;

function errorToast(e: unknown, summary?: ToastText): ToastMessageOptions {
  // Getters: the toast keeps the message object and reads `summary` and `detail` in its render.
  return { severity: 'error', get summary() { return summary?.(); }, get detail() { return errorText(e); }, life: 8000 };
}

/** A success (or info) toast whose title is worded when shown. */
export function textToast(severity: 'success' | 'info', summary: ToastText, life: number): ToastMessageOptions {
  return { severity, get summary() { return summary(); }, life };
}

let appToasts: ToastServiceMethods | undefined;

/** main.ts hands over the app's toasts, for errors of work that is not a component's (showApiError). */
export function setAppToasts(toasts: ToastServiceMethods): void {
  appToasts = toasts;
}

/** The same toast as useApiError's, from a module function (e.g. one a click calls) outside a component's setup. */
export function showApiError(e: unknown, summary?: ToastText): void {
  appToasts?.add(errorToast(e, summary));
}

export function useApiError() {
  const toast = useToast();
  function show(e: unknown, summary?: ToastText): void {
    toast.add(errorToast(e, summary));
  }
  /** Runs an action and shows its error, if any; resolves to whether it succeeded. */
  async function attempt(action: () => Promise<unknown>, summary?: ToastText): Promise<boolean> {
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

/** Field messages of a VALIDATION_FAILED error, by field path, in the UI language of now (call it in a computed). */
export function fieldErrors(e: unknown): Record<string, string> {
  if (!(e instanceof ApiCallError) || e.code !== 'VALIDATION_FAILED') return {};
  return fieldTexts(e);
}
