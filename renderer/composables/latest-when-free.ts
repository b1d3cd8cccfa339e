// A scan (or a typed code) that arrives while the screen is still busy with the previous one is
// not dropped: it waits, the newest replacing an older waiting one, and is sent as soon as the
// screen is free. A scanner types faster than the host answers; the screen must end on the code
// the clerk scanned last. Used by the postal item screen and the counter's start screen.
import { watch } from 'vue';

export interface LatestWhenFree {
  /** Sends `code` now, or keeps it (replacing any code kept before) until `busy` turns false. */
  submit(code: string): void;
  /** A code is kept, to be sent once the screen is free: what the current answer leads to is superseded. */
  readonly waiting: boolean;
}

export function latestWhenFree(busy: () => boolean, send: (code: string) => unknown): LatestWhenFree {
  let kept: string | null = null;
  watch(busy, (now) => {
    if (now || kept === null) return;
    const code = kept;
    kept = null;
    void send(code);
  });
  return {
    submit(code) {
      if (busy()) kept = code;
      else void send(code);
    },
    get waiting() {
      return kept !== null;
    },
  };
}
