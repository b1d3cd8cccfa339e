import { nextTick, ref } from 'vue';
import { describe, expect, it } from 'vitest';
import { latestWhenFree } from './latest-when-free.js';

describe('latestWhenFree', () => {
  it('sends at once when free', () => {
    const sent: string[] = [];
    const s = latestWhenFree(() => false, (c) => sent.push(c));
    s.submit('A');
    expect(sent).toEqual(['A']);
    expect(s.waiting).toBe(false);
  });

  it('keeps the newest code while busy and sends it, once, when the screen is free', async () => {
    const busy = ref(true);
    const sent: string[] = [];
    const s = latestWhenFree(() => busy.value, (c) => sent.push(c));
    s.submit('A');
    s.submit('B');
    expect(sent).toEqual([]);
    expect(s.waiting).toBe(true);
    busy.value = false;
    await nextTick();
    expect(sent).toEqual(['B']);
    expect(s.waiting).toBe(false);
    busy.value = true;
    await nextTick();
    busy.value = false;
    await nextTick();
    expect(sent).toEqual(['B']);
  });
});
