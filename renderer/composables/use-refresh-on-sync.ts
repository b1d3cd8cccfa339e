// A screen that shows stored notifications (the office's list, dashboard and detail, the giacenza
// register) reads them again when sync has stored something new: with the demo adapter or SEND,
// statuses move on while the screen is open, and an office clerk watching a notification must not
// have to leave and come back to see it perfected. The host's sync status carries a counter that
// grows with each round that stored data (`changes`, polled every few seconds by the top bar's
// indicator). The screen also reads again when the clerk comes back to its window
// (use-refresh-on-return.ts). A re-read nobody asked for is quiet (no spinner, no focus move) and
// never runs twice at once: one asked for while one runs is one more run after it.
import { onBeforeUnmount, onMounted, watch } from 'vue';
import { useSyncStore } from '../stores/sync.js';
import { watchReturn } from './use-refresh-on-return.js';

/**
 * `refresh` behind a guard: at most one run at a time, and a call while one runs leads to one more
 * run after it (never more). A failed run is dropped quietly: the screen keeps what it shows.
 */
export function singleFlight(refresh: () => unknown): () => Promise<void> {
  let running = false;
  let again = false;
  return async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        try {
          await refresh();
        } catch {
          // Quiet: the screen keeps what it shows.
        }
      } while (again);
    } finally {
      running = false;
    }
  };
}

/**
 * Runs `refresh` (through `run`, singleFlight by default) once per change of `changes` after the
 * first value seen (a counter that starts over after a host restart is a change too). Returns the
 * function to call with each value read.
 */
export function changeFollower(refresh: () => unknown, run: () => unknown = singleFlight(refresh)): (changes: number | undefined) => void {
  let seen: number | undefined;
  return (changes) => {
    if (changes === undefined) return;
    const first = seen === undefined;
    const changed = seen !== changes;
    seen = changes;
    if (!first && changed) void run();
  };
}

/**
 * While the calling component is mounted: `refresh` when sync stored something (the sync store's
 * status, polled) and when the window comes back, through one singleFlight for both.
 */
export function useLiveRefresh(refresh: () => unknown): void {
  const sync = useSyncStore();
  const run = singleFlight(refresh);
  const follow = changeFollower(refresh, run);
  let stopPolling: (() => void) | undefined;
  let stopReturn: (() => void) | undefined;
  const stopWatching = watch(() => sync.status?.changes, follow, { immediate: true });
  onMounted(() => {
    stopPolling = sync.watch();
    stopReturn = watchReturn(run, { window, document });
  });
  onBeforeUnmount(() => {
    stopWatching();
    stopPolling?.();
    stopReturn?.();
  });
}
