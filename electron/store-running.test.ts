import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { markRunning, pidAlive, runningPids } from './store-running.js';

describe('store running marks', () => {
  it('lists the live processes running the app on a store, and forgets the dead ones', () => {
    const dir = mkdtempSync(join(tmpdir(), 'radd-running-'));
    const db = join(dir, 'radd-desk.sqlite');
    const other = join(dir, 'other.sqlite');
    expect(runningPids(db)).toEqual([]);
    const stop = markRunning(db, process.pid);
    markRunning(db, 999_999_999); // a process that died without removing its mark
    markRunning(other, process.pid);
    const alive = (pid: number) => pid === process.pid;
    expect(runningPids(db, alive)).toEqual([process.pid]);
    expect(existsSync(join(dir, 'radd-desk.sqlite.running-999999999'))).toBe(false);
    stop();
    expect(runningPids(db, alive)).toEqual([]);
    expect(readdirSync(dir)).toEqual(['other.sqlite.running-' + process.pid]);
  });

  it('a missing directory means nothing runs there', () => {
    expect(runningPids('/nonexistent/dir/radd-desk.sqlite')).toEqual([]);
  });

  it('tells a live pid from a dead one', () => {
    expect(pidAlive(process.pid)).toBe(true);
    expect(pidAlive(999_999_999)).toBe(false);
  });
});
