import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { DeskDailySummary, DeskHistoryItem, InputOf } from '../../electron/api/contract/index.js';
import { call } from '../api/client.js';
import { newestWins, STALE } from '../composables/newest-wins.js';
import { useBusyAction } from '../composables/use-busy-action.js';
import { useDeskStore, type DeskError } from './desk.js';
import { onSignOut } from './session.js';

export type HistoryFilter = { iun: string; operationId: string; taxId: string; from: string; to: string; operationType: '' | 'ACT' | 'AOR'; state: string };

export const emptyFilter = (): HistoryFilter => ({ iun: '', operationId: '', taxId: '', from: '', to: '', operationType: '', state: '' });

/** The desk log (pratiche): search, open operations, the day summary. */
export const useDeskHistoryStore = defineStore('desk-history', () => {
  const filter = ref<HistoryFilter>(emptyFilter());
  const items = ref<DeskHistoryItem[]>([]);
  const truncated = ref(false);
  const open = ref<DeskHistoryItem[]>([]);
  const summary = ref<DeskDailySummary | null>(null);
  // A search sent while another is awaited keeps the screen busy until both end (useBusyAction).
  const { busy, error, run } = useBusyAction<DeskError>((e) => useDeskStore().toError(e));
  const searches = newestWins();
  const summaries = newestWins();

  async function search(): Promise<void> {
    const f = filter.value;
    const input = Object.fromEntries(Object.entries(f).filter(([, v]) => v.trim() !== '')) as InputOf<'desk.searchHistory'>;
    await run(async () => {
      // The screen's first load and a search typed meanwhile: the last one asked is the one shown.
      const page = await searches.run(() => call('desk.searchHistory', input)).catch((e: unknown) => {
        // Refused (a date in the future…): the operations of the search before are not this filter's.
        items.value = [];
        truncated.value = false;
        throw e;
      });
      if (page === STALE) return;
      items.value = page.items;
      truncated.value = page.truncated;
    });
  }

  async function loadOpen(): Promise<void> {
    await run(async () => {
      open.value = await call('desk.listOpenTransactions', {});
    });
  }

  async function loadSummary(day?: string): Promise<void> {
    await run(async () => {
      const answer = await summaries.run(() => call('desk.dailySummary', day ? { day } : {}));
      if (answer !== STALE) summary.value = answer;
    });
  }

  // The next operator finds neither the search (a citizen's tax code) nor its results.
  onSignOut(() => {
    Object.assign(filter.value, emptyFilter());
    items.value = [];
    truncated.value = false;
    open.value = [];
    summary.value = null;
    error.value = null;
  });

  return { filter, items, truncated, open, summary, error, busy, search, loadOpen, loadSummary };
});
