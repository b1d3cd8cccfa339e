import { describe, expect, it } from 'vitest';
import { useBusyAction } from './use-busy-action.js';

const toError = (e: unknown) => ({ code: e instanceof Error ? e.message : 'UNEXPECTED' });

describe('useBusyAction', () => {
  it('is busy exactly while the action runs and resolves to its result', async () => {
    const { busy, error, run } = useBusyAction(toError);
    let release!: (v: number) => void;
    const pending = run(() => new Promise<number>((r) => { release = r; }));
    expect(busy.value).toBe(true);
    release(42);
    expect(await pending).toBe(42);
    expect(busy.value).toBe(false);
    expect(error.value).toBeNull();
  });

  it('turns a failure into the screen\'s error and resolves to undefined instead of throwing', async () => {
    const { busy, error, run } = useBusyAction(toError);
    expect(await run(async () => { throw new Error('PRINT_FAILED'); })).toBeUndefined();
    expect(error.value).toEqual({ code: 'PRINT_FAILED' });
    expect(busy.value).toBe(false);
  });

  it('clears the previous error when the next action starts', async () => {
    const { error, run } = useBusyAction(toError);
    await run(async () => { throw new Error('X'); });
    const pending = run(async () => 1);
    expect(error.value).toBeNull();
    await pending;
  });

  it('stays busy until every overlapping action has ended', async () => {
    const { busy, run } = useBusyAction(toError);
    let first!: () => void;
    let second!: () => void;
    const a = run(() => new Promise<void>((r) => { first = r; }));
    const b = run(() => new Promise<void>((r) => { second = r; }));
    first();
    await a;
    expect(busy.value).toBe(true);
    second();
    await b;
    expect(busy.value).toBe(false);
  });
});
