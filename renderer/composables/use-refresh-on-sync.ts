// A screen that shows stored notifications (the office's list, dashboard and detail, the giacenza
// register) reads them again when sync has stored something new: with the demo adapter or SEND,
// statuses move on while the screen is open, and an office clerk watching a notification must not
// have to leave and come back to see it perfected. The host's sync status carries a counter that
// grows with each round that stored data (`changes`, polled every few seconds by the top bar's
// indicator); a re-read nobody asked for is quiet (no spinner, no focus move) and never runs twice
// at once: a change heard while one runs is read by one more run after it.
import { onBeforeUnmount, onMounted, watch } from 'vue';
import { useSyncStore } from '../stores/sync.js';

/**
 * Runs `refresh` once per change of `changes` after the first value seen (a counter that starts
 * over after a host restart is a change too); at most one run at a time, and a change while one
 * runs leads to one more run after it. A failed run is dropped (the next change tries again).
 * Returns the function to call with each value read.
 */
export function changeFollower(refresh: () => unknown): (changes: number | undefined) => void {
  let seen: number | undefined;
  let running = false;
  let again = false;
  async function run(): Promise<void> {
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
  }
  return (changes) => {
    if (changes === undefined) return;
    const first = seen === undefined;
    const changed = seen !== changes;
    seen = changes;
    if (!first && changed) void run();
  };
}

/** changeFollower on the sync store's status while the calling component is mounted. */
export function useRefreshOnSync(refresh: () => unknown): void {
  const sync = useSyncStore();
  const follow = changeFollower(refresh);
  let stopPolling: (() => void) | undefined;
  const stopWatching = watch(() => sync.status?.changes, follow, { immediate: true });
  onMounted(() => {
    stopPolling = sync.watch();
  });
  onBeforeUnmount(() => {
    stopWatching();
    stopPolling?.();
  });
}
