import { describe, expect, it } from 'vitest';
import { newestWins, STALE } from './newest-wins.js';

/** A promise settled by hand. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('newestWins', () => {
  it('an earlier answer arriving after a later request is STALE; the later answer counts', async () => {
    const guard = newestWins();
    const first = deferred<string>();
    const second = deferred<string>();
    const a = guard.run(() => first.promise);
    const b = guard.run(() => second.promise);
    second.resolve('later');
    first.resolve('earlier');
    expect(await b).toBe('later');
    expect(await a).toBe(STALE);
  });

  it('answers in order: each counts while it is the newest', async () => {
    const guard = newestWins();
    expect(await guard.run(async () => 1)).toBe(1);
    expect(await guard.run(async () => 2)).toBe(2);
  });

  it('a stale failure is dropped; a current failure throws', async () => {
    const guard = newestWins();
    const first = deferred<string>();
    const a = guard.run(() => first.promise);
    const b = guard.run(async () => {
      throw new Error('current');
    });
    first.reject(new Error('old'));
    await expect(b).rejects.toThrow('current');
    expect(await a).toBe(STALE);
  });
});
