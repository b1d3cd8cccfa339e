import { describe, expect, it } from 'vitest';
import { watchReturn, type ReturnTargets } from './use-refresh-on-return.js';

type Doc = EventTarget & { visibilityState: DocumentVisibilityState };

function targets(): ReturnTargets & { window: EventTarget; document: Doc } {
  const doc = new EventTarget() as Doc;
  doc.visibilityState = 'visible';
  return { window: new EventTarget(), document: doc };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('watchReturn', () => {
  it('re-reads when the window gets the focus and when the tab becomes visible again', async () => {
    const t = targets();
    let reads = 0;
    watchReturn(() => { reads++; }, t);
    t.window.dispatchEvent(new Event('focus'));
    await flush();
    t.document.dispatchEvent(new Event('visibilitychange'));
    await flush();
    expect(reads).toBe(2);
  });

  it('does not re-read when the tab is being hidden', async () => {
    const t = targets();
    let reads = 0;
    watchReturn(() => { reads++; }, t);
    t.document.visibilityState = 'hidden';
    t.document.dispatchEvent(new Event('visibilitychange'));
    await flush();
    expect(reads).toBe(0);
  });

  it('counts focus and visibility arriving while a re-read is on its way as one return', async () => {
    const t = targets();
    let reads = 0;
    let answer!: () => void;
    watchReturn(() => { reads++; return new Promise<void>((r) => { answer = r; }); }, t);
    t.document.dispatchEvent(new Event('visibilitychange'));
    t.window.dispatchEvent(new Event('focus'));
    await flush();
    expect(reads).toBe(1);
    answer();
    await flush();
    t.window.dispatchEvent(new Event('focus'));
    await flush();
    expect(reads).toBe(2);
  });

  it('re-reads again after a re-read that failed', async () => {
    const t = targets();
    let reads = 0;
    watchReturn(async () => { reads++; throw new Error('host unreachable'); }, t);
    t.window.dispatchEvent(new Event('focus'));
    await flush();
    t.window.dispatchEvent(new Event('focus'));
    await flush();
    expect(reads).toBe(2);
  });

  it('stops listening when stopped (the screen was left)', async () => {
    const t = targets();
    let reads = 0;
    const stop = watchReturn(() => { reads++; }, t);
    stop();
    t.window.dispatchEvent(new Event('focus'));
    t.document.dispatchEvent(new Event('visibilitychange'));
    await flush();
    expect(reads).toBe(0);
  });
});
