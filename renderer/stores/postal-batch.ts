import { defineStore } from 'pinia';
import { computed, reactive, ref } from 'vue';
import type { BatchPreviewView, OutcomeOptionView, PostalItemView } from '../../electron/api/contract/index.js';
import { call } from '../api/client.js';
import { toProblem, type OutcomeDraft, type PostalProblem } from './postal.js';
import { newOutcomeForm } from '../views/postal/use-outcome-draft.js';

/**
 * The scan messages, worded by the screen (views/postal/text.ts batchScanMessages). The store keeps
 * what a refusal names (the item, the items found) and words it each time it is read: a refusal on
 * screen follows a switch IT↔EN, never frozen in the language of the scan.
 */
export interface BatchScanMessages {
  /** The item is already in the list. */
  duplicate: (item: string) => string;
  /** The code (an IUN) found several items: the codes to scan instead, joined. */
  ambiguous: (items: string) => string;
  /** An item with no outcome to record now (delivery closed, second attempt not sent yet). */
  nothing: (item: PostalItemView) => string;
}

/** A refusal of the screen's own: its code, its message worded when read. */
function refusal(code: string, message: () => string): PostalProblem {
  return { code, get message() { return message(); } };
}

/** Whether a batch outcome could be recorded for the item now (late scans belong to the item screen). */
function takesBatchOutcome(item: PostalItemView): boolean {
  return item.state !== 'PREPARED' && item.allowed.some((o) => o.kind !== 'SCANS_RECEIVED' && o.blockedNow === null);
}

/** One scanned line: the item found for it (recipient, state, what it allows now). */
export interface BatchEntry {
  input: string;
  item: PostalItemView;
}

/** Batch entry: scan many items, one outcome and date for all, review, confirm all or nothing. */
export const usePostalBatchStore = defineStore('postal-batch', () => {
  const entries = ref<BatchEntry[]>([]);
  const scanError = ref<PostalProblem | null>(null);
  /** The code the last refused scan read (shown in its message: the field is not given it back). */
  const refusedCode = ref<string | null>(null);
  const error = ref<PostalProblem | null>(null);
  const preview = ref<BatchPreviewView | null>(null);
  const recorded = ref<number | null>(null);
  const busy = ref(false);
  /** The outcome and date chosen for the whole list: kept with the list when the clerk leaves the screen. */
  const outcomeForm = reactive(newOutcomeForm());

  /** Every meaning allowed now for at least one listed item, with its causes (first item's). */
  const options = computed(() => {
    const out = new Map<string, OutcomeOptionView>();
    // Scans belong to one item: they are attached on the item screen, not in a batch.
    for (const e of entries.value) for (const o of e.item.allowed) if (!out.has(o.kind) && o.kind !== 'SCANS_RECEIVED') out.set(o.kind, o);
    return [...out.values()];
  });

  /** Adds a scanned code once its item is found; a repeated or unknown code is refused with its message. */
  async function add(code: string, messages: BatchScanMessages): Promise<boolean> {
    refusedCode.value = null;
    const added = await lookUp(code, messages);
    refusedCode.value = added ? null : code;
    return added;
  }

  async function lookUp(code: string, messages: BatchScanMessages): Promise<boolean> {
    scanError.value = null;
    recorded.value = null;
    busy.value = true;
    try {
      const found = await call('postal.findItem', { code });
      const item = found.items.find((i) => i.code === found.selected);
      if (!item) {
        const items = found.items.map((i) => i.code).join(', ');
        scanError.value = refusal('POSTAL_ITEM_AMBIGUOUS', () => messages.ambiguous(items));
        return false;
      }
      if (entries.value.some((e) => e.item.code === item.code)) {
        scanError.value = refusal('POSTAL_BATCH_DUPLICATE', () => messages.duplicate(item.code));
        return false;
      }
      if (!takesBatchOutcome(item)) {
        scanError.value = refusal('POSTAL_BATCH_NOTHING_TO_RECORD', () => messages.nothing(item));
        return false;
      }
      entries.value.push({ input: code, item });
      preview.value = null;
      return true;
    } catch (e) {
      scanError.value = toProblem(e);
      return false;
    } finally {
      busy.value = false;
    }
  }

  function remove(code: string): void {
    entries.value = entries.value.filter((e) => e.item.code !== code);
    preview.value = null;
  }

  async function check(outcome: OutcomeDraft): Promise<void> {
    error.value = null;
    busy.value = true;
    try {
      preview.value = await call('postal.previewBatch', { items: entries.value.map((e) => e.item.code), outcome });
    } catch (e) {
      error.value = toProblem(e);
      preview.value = null;
    } finally {
      busy.value = false;
    }
  }

  /**
   * The batch's id: the same while the list and the outcome stay the same, so that a confirmation
   * whose answer was lost, sent again, gets the first answer instead of "already recorded" for every
   * line (the host keeps it: electron/postal/batch-once.ts). Another list or outcome is another batch.
   */
  let pending: { request: string; batchId: string } | null = null;
  function batchIdFor(items: string[], outcome: OutcomeDraft): string {
    const request = JSON.stringify({ items, outcome });
    if (pending?.request !== request) pending = { request, batchId: crypto.randomUUID() };
    return pending.batchId;
  }

  async function confirm(outcome: OutcomeDraft): Promise<boolean> {
    error.value = null;
    busy.value = true;
    try {
      const items = entries.value.map((e) => e.item.code);
      const done = await call('postal.recordBatch', { items, outcome, batchId: batchIdFor(items, outcome) });
      pending = null;
      recorded.value = done.recorded;
      entries.value = [];
      preview.value = null;
      return true;
    } catch (e) {
      error.value = toProblem(e);
      return false;
    } finally {
      busy.value = false;
    }
  }

  function reset(): void {
    entries.value = [];
    preview.value = null;
    error.value = null;
    scanError.value = null;
    refusedCode.value = null;
  }

  return { entries, scanError, refusedCode, error, preview, recorded, busy, outcomeForm, options, add, remove, check, confirm, reset };
});
