// A screen that shows what the host keeps reads it again when the clerk comes back to its window
// or tab: another window may have changed it meanwhile (printed the receipt of the operation
// shown here, ticked a document, completed or aborted it). Coming back is the window getting the
// focus or the tab becoming visible again; switching tabs fires both, and a return while the
// previous re-read is still on its way is the same return: one request, not two.
import { onBeforeUnmount, onMounted } from 'vue';

/** Where the return is heard: the window's `focus` and the document's `visibilitychange`. */
export interface ReturnTargets {
  window: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
  document: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> & { readonly visibilityState: DocumentVisibilityState };
}

/**
 * Runs `refresh` each time the window comes back (focus, or the tab visible again), never twice at
 * once: a return while `refresh` runs is covered by that run; a failed run is dropped. Returns the
 * function that stops it.
 */
export function watchReturn(refresh: () => unknown, targets: ReturnTargets): () => void {
  let running = false;
  async function onReturn(): Promise<void> {
    if (running || targets.document.visibilityState !== 'visible') return;
    running = true;
    try {
      await refresh();
    } catch {
      // A re-read nobody asked for fails quietly: the screen keeps what it shows, the next return tries again.
    } finally {
      running = false;
    }
  }
  const listener = () => void onReturn();
  targets.window.addEventListener('focus', listener);
  targets.document.addEventListener('visibilitychange', listener);
  return () => {
    targets.window.removeEventListener('focus', listener);
    targets.document.removeEventListener('visibilitychange', listener);
  };
}

/** `watchReturn` on this window while the calling component is mounted. */
export function useRefreshOnReturn(refresh: () => unknown): void {
  let stop: (() => void) | undefined;
  onMounted(() => {
    stop = watchReturn(refresh, { window, document });
  });
  onBeforeUnmount(() => stop?.());
}
