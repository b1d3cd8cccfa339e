// Batch entry: a scanned item with nothing to record now is refused at the scan, with its state,
// instead of joining the list (and, scanned by its IUN, instead of a false "several items" message).
import { createPinia, setActivePinia } from 'pinia';
import { computed } from 'vue';
import { createI18n } from 'vue-i18n';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { messagesFor } from '../i18n/messages.js';
import { batchScanMessages } from '../views/postal/text.js';
import type { FindItemResult, PostalItemView } from '../../electron/api/contract/index.js';

let answer: unknown;
/** The calls made, and whether the next one loses its answer (the host not reachable). */
const sent: { op: string; input: Record<string, unknown> }[] = [];
let loseNext = false;
vi.mock('../api/client.js', () => ({
  ApiCallError: class ApiCallError extends Error {},
  call: async (op: string, input: Record<string, unknown>) => {
    sent.push({ op, input });
    if (loseNext) {
      loseNext = false;
      throw new Error('HOST_UNREACHABLE');
    }
    return answer;
  },
}));

const { usePostalBatchStore } = await import('./postal-batch.js');

const option = (kind: string, blockedNow: PostalItemView['allowed'][number]['blockedNow'] = null) =>
  ({ kind, codes: [], final: null, causes: [], asksNextStep: false, blockedNow }) as unknown as PostalItemView['allowed'][number];
const item = (code: string, state: PostalItemView['state'], allowed: PostalItemView['allowed']) => ({ code, state, allowed }) as PostalItemView;
const messages = { duplicate: (i: string) => `${i} già in lista`, ambiguous: (items: string) => `più invii: ${items}`, nothing: (i: PostalItemView) => `${i.code} niente (${i.state})` };

describe('batch scan', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('adds an open item, and refuses a closed one or a second attempt not sent yet, naming its state', async () => {
    const s = usePostalBatchStore();
    answer = { items: [item('A/0/0', 'OPEN', [option('DELIVERED_TO_RECIPIENT')])], selected: 'A/0/0' } satisfies FindItemResult;
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

  it('confirms a batch whose answer was lost again under the same id; another outcome is another batch', async () => {
    const s = usePostalBatchStore();
    for (const code of ['A/0/0', 'B/0/0']) {
      answer = { items: [item(code, 'OPEN', [option('DELIVERED_TO_RECIPIENT')])], selected: code };
      await s.add(code, messages);
    }
    sent.length = 0;
    const outcome = { kind: 'DELIVERED_TO_RECIPIENT' as const, at: '2026-11-20' };
    loseNext = true;
    expect(await s.confirm(outcome)).toBe(false);
    answer = { recorded: 2, lines: [] };
    expect(await s.confirm({ ...outcome })).toBe(true);
    const [first, second] = sent.map((c) => c.input.batchId as string);
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(second).toBe(first);
    expect(s.recorded).toBe(2);

    answer = { items: [item('C/0/0', 'OPEN', [option('DELIVERED_TO_RECIPIENT')])], selected: 'C/0/0' };
    await s.add('C/0/0', messages);
    loseNext = true;
    await s.confirm(outcome);
    answer = { recorded: 1, lines: [] };
    await s.confirm({ ...outcome, at: '2026-11-21' });
    const [third, fourth] = sent.slice(-2).map((c) => c.input.batchId as string);
    expect(third).not.toBe(first);
    expect(fourth).not.toBe(third);
  });
});

describe('a refused scan follows the language switch', () => {
  beforeEach(() => setActivePinia(createPinia()));

  // The app's message files, as the screen words the refusals (views/postal/text.ts).
  const i18n = createI18n<[Record<string, unknown>], 'it' | 'en', false>({ legacy: false, locale: 'it', fallbackLocale: 'it', messages: { it: messagesFor('it'), en: messagesFor('en') } });
  const words = batchScanMessages((key, named) => i18n.global.t(key, named));
  const shown = computed(() => usePostalBatchStore().scanError?.message);
  const switchTo = (locale: 'it' | 'en') => { i18n.global.locale.value = locale; };

  it('a duplicate, an item with nothing to record and an ambiguous IUN are worded again in English', async () => {
    switchTo('it');
    const s = usePostalBatchStore();
    answer = { items: [item('A/0/0', 'OPEN', [option('DELIVERED_TO_RECIPIENT')])], selected: 'A/0/0' } satisfies FindItemResult;
    await s.add('A/0/0', words);
    expect(await s.add('A/0/0', words)).toBe(false);
    expect(shown.value).toBe('A/0/0 è già nella lista');
    switchTo('en');
    expect(shown.value).toBe('A/0/0 is already in the list');
    expect(s.scanError?.code).toBe('POSTAL_BATCH_DUPLICATE');

    answer = { items: [item('B/0/0', 'CLOSED', [option('SCANS_RECEIVED')])], selected: 'B/0/0' };
    await s.add('B/0/0', words);
    expect(shown.value).toMatch(/^B\/0\/0 was not added to the list: no outcome to record now \(.+\)\.$/);
    switchTo('it');
    expect(shown.value).toMatch(/^B\/0\/0 non è stato aggiunto alla lista: nessun esito da registrare ora \(.+\)\.$/);

    answer = { items: [item('C/0/0', 'OPEN', []), item('C/0/1', 'OPEN', [])], selected: null };
    await s.add('C', words);
    expect(shown.value).toBe("Lo IUN ha più invii da scegliere: scansionare il codice dell'invio (C/0/0, C/0/1)");
    switchTo('en');
    expect(shown.value).toBe("This IUN has several items: scan the item's own code (C/0/0, C/0/1)");
  });
});
