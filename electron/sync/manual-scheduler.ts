// A clock and scheduler driven by hand: tests (and the lead's integration tests) advance time and
// run due timers without sleeping.
import type { Scheduler } from './types.js';

export interface ManualClock extends Scheduler {
  now(): number;
  /** Moves time forward and runs the timers that fall due, in order. Returns how many ran. */
  advance(ms: number): number;
  /** Delays of the timers currently waiting, soonest first (relative to now). */
  pending(): number[];
}

export function createManualClock(startMs: number): ManualClock {
  let nowMs = startMs;
  let seq = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  return {
    now: () => nowMs,
    schedule(delayMs, fn) {
      const id = ++seq;
      timers.set(id, { at: nowMs + Math.max(0, delayMs), fn });
      return () => timers.delete(id);
    },
    advance(ms) {
      const until = nowMs + ms;
      let ran = 0;
      for (;;) {
        const next = [...timers.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
        if (!next) break;
        timers.delete(next[0]);
        nowMs = next[1].at;
        next[1].fn();
        ran += 1;
      }
      nowMs = until;
      return ran;
    },
    pending: () => [...timers.values()].map((t) => t.at - nowMs).sort((a, b) => a - b),
  };
}
