// Batch entry: a scanned item with nothing to record now is refused at the scan, with its state,
// instead of joining the list (and, scanned by its IUN, instead of a false "several items" message).
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { FindItemResult, PostalItemView } from '../../electron/api/contract/index.js';

let answer: FindItemResult;
vi.mock('../api/client.js', () => ({
  ApiCallError: class ApiCallError extends Error {},
  call: async () => answer,
}));

const { usePostalBatchStore } = await import('./postal-batch.js');

const option = (kind: string, blockedNow: PostalItemView['allowed'][number]['blockedNow'] = null) =>
  ({ kind, codes: [], final: null, causes: [], asksNextStep: false, blockedNow }) as unknown as PostalItemView['allowed'][number];
const item = (code: string, state: PostalItemView['state'], allowed: PostalItemView['allowed']) => ({ code, state, allowed }) as PostalItemView;
const messages = { duplicate: '{item} già in lista', ambiguous: 'più invii: {items}', nothing: (i: PostalItemView) => `${i.code} niente (${i.state})` };

describe('batch scan', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('adds an open item, and refuses a closed one or a second attempt not sent yet, naming its state', async () => {
    const s = usePostalBatchStore();
    answer = { items: [item('A/0/0', 'OPEN', [option('DELIVERED_TO_RECIPIENT')])], selected: 'A/0/0' };
    expect(await s.add('A', messages)).toBe(true);
    answer = { items: [item('B/0/0', 'CLOSED', [option('SCANS_RECEIVED')])], selected: 'B/0/0' };
    expect(await s.add('B', messages)).toBe(false);
    expect(s.scanError).toEqual({ code: 'POSTAL_BATCH_NOTHING_TO_RECORD', message: 'B/0/0 niente (CLOSED)' });
    answer = { items: [item('C/0/1', 'PREPARED', [])], selected: 'C/0/1' };
    expect(await s.add('C/0/1', messages)).toBe(false);
    answer = { items: [item('D/0/0', 'OPEN', [option('GIACENZA_EXPIRED', { code: 'GIACENZA_NOT_EXPIRED', message: 'x' })])], selected: 'D/0/0' };
    expect(await s.add('D', messages)).toBe(false);
    expect(s.entries.map((e) => e.item.code)).toEqual(['A/0/0']);
  });
});
