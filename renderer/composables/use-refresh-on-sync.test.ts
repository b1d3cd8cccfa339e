import { describe, expect, it } from 'vitest';
import { changeFollower, singleFlight } from './use-refresh-on-sync.js';

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('changeFollower (re-read when sync stored something)', () => {
  it('does not re-read on the first value, then once per change', async () => {
    let runs = 0;
    const follow = changeFollower(() => { runs += 1; });
    follow(undefined);
    follow(3);
    await flush();
    expect(runs).toBe(0);
    follow(3);
    await flush();
    expect(runs).toBe(0);
    follow(4);
    await flush();
    expect(runs).toBe(1);
    // A host restarted: its counter starts over, which is a change too.
    follow(0);
    await flush();
    expect(runs).toBe(2);
  });

  it('never runs twice at once; a change heard meanwhile gets one more run after', async () => {
    const pending: (() => void)[] = [];
    let running = 0;
    let most = 0;
    let runs = 0;
    const follow = changeFollower(() => new Promise<void>((resolve) => {
      running += 1;
      runs += 1;
      most = Math.max(most, running);
      pending.push(() => { running -= 1; resolve(); });
    }));
    follow(1);
    follow(2);
    follow(3);
    follow(4);
    await flush();
    expect(runs).toBe(1);
    pending.shift()!();
    await flush();
    expect(runs).toBe(2);
    pending.shift()!();
    await flush();
    expect(runs).toBe(2);
    expect(most).toBe(1);
  });

  it('a failed re-read is dropped quietly and the next change tries again', async () => {
    let runs = 0;
    const follow = changeFollower(async () => {
      runs += 1;
      if (runs === 1) throw new Error('host busy');
    });
    follow(1);
    follow(2);
    await flush();
    follow(3);
    await flush();
    expect(runs).toBe(2);
  });
});

describe('singleFlight (one runner for a sync change and a return to the window)', () => {
  it('calls from two sources while one run is on its way make one run more, not two', async () => {
    const pending: (() => void)[] = [];
    let runs = 0;
    const run = singleFlight(() => new Promise<void>((resolve) => { runs += 1; pending.push(resolve); }));
    const follow = changeFollower(() => undefined, run);
    follow(1);
    follow(2); // a sync change: runs
    void run(); // the window came back meanwhile
    follow(3); // and another change
    await flush();
    expect(runs).toBe(1);
    pending.shift()!();
    await flush();
    expect(runs).toBe(2);
    pending.shift()!();
    await flush();
    expect(runs).toBe(2);
  });
});
