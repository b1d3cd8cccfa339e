import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { InputOf, PostalItemView, RecordedOutcomeView, ScanUploadView } from '../../electron/api/contract/index.js';
import { ApiCallError, call } from '../api/client.js';
import { shownError } from '../api/host-text.js';
import { requestIds, sentAgainWhileLost } from '../api/request-id.js';
import { useBusyAction } from '../composables/use-busy-action.js';
import { sendInChunks } from '../views/postal/upload.js';

export type OutcomeDraft = InputOf<'postal.recordOutcome'>['outcome'];
export type StoredScan = NonNullable<ScanUploadView['scan']>;

/** An error as the postal screens show it: the host's code and message (and the field, if any). */
export interface PostalProblem {
  code: string;
  message: string;
  field?: string;
  /** Every field error of a VALIDATION_FAILED answer: API path (`outcome.next.address.zip`) → message. */
  fields?: Record<string, string>;
}

/** The problem kept for the screen: its texts follow the UI language (shownError). */
export function toProblem(e: unknown): PostalProblem {
  const shown = shownError(e);
  const field = e instanceof ApiCallError ? e.details?.fields?.[0] : undefined;
  if (!field) return { code: shown.code, get message() { return shown.message; } };
  return { code: shown.code, get message() { return shown.message; }, field: field.path, get fields() { return shown.fields; } };
}

/** One item at the postal counter: scan, choose the meaning, preview, record (DOMAIN.md 7.3, 7.4). */
export const usePostalStore = defineStore('postal', () => {
  const items = ref<PostalItemView[]>([]);
  const selectedCode = ref<string | null>(null);
  const { busy, error, run } = useBusyAction(toProblem);
  const preview = ref<RecordedOutcomeView | null>(null);
  const result = ref<RecordedOutcomeView | null>(null);

  const selected = computed(() => items.value.find((i) => i.code === selectedCode.value) ?? null);
  // An outcome or a handover whose answer was lost is sent again under the same id (api/request-id.ts).
  const outcomeIds = requestIds();
  const handoverIds = requestIds();

  async function find(code: string): Promise<boolean> {
    preview.value = null;
    result.value = null;
    const found = await run(() => call('postal.findItem', { code }));
    items.value = found?.items ?? [];
    selectedCode.value = found?.selected ?? null;
    return found !== undefined;
  }

  function select(code: string | null): void {
    selectedCode.value = code;
    preview.value = null;
    result.value = null;
    error.value = null;
  }

  /** Replaces the shown item with its state after a write. */
  function refreshItem(item: PostalItemView): void {
    items.value = items.value.map((i) => (i.code === item.code ? item : i));
    if (!items.value.some((i) => i.code === item.code)) items.value.push(item);
    selectedCode.value = item.code;
  }

  async function previewOutcome(outcome: OutcomeDraft): Promise<void> {
    if (!selected.value) return;
    const code = selected.value.code;
    preview.value = (await run(() => call('postal.previewOutcome', { code, outcome }))) ?? null;
  }

  async function record(outcome: OutcomeDraft): Promise<boolean> {
    if (!selected.value) return false;
    const code = selected.value.code;
    const requestId = outcomeIds.idFor({ code, outcome });
    const done = await run(() => call('postal.recordOutcome', { code, outcome, requestId }));
    if (!done) return false;
    outcomeIds.answered();
    preview.value = null;
    result.value = done;
    refreshItem(done.item);
    return true;
  }

  async function sendSecondAttempt(at: string): Promise<boolean> {
    if (!selected.value) return false;
    const code = selected.value.code;
    const requestId = handoverIds.idFor({ code, at });
    const item = await run(() => call('postal.sendSecondAttempt', { code, at, requestId }));
    if (item) {
      handoverIds.answered();
      refreshItem(item);
    }
    return item !== undefined;
  }

  /**
   * Uploads one scan; resolves to the stored scan or throws the host's error. The upload is named by a
   * new id on its first chunk (requestId), and each chunk whose answer is lost is sent again as it was:
   * the host answers a repeated chunk with its first answer and stores nothing twice (api/request-id.ts).
   */
  async function uploadScan(file: File): Promise<StoredScan> {
    const requestId = crypto.randomUUID();
    let uploadId: string | undefined;
    const out = await sendInChunks(file, async ({ offset, chunk, last }) => {
      const input = { ...(uploadId ? { uploadId } : { requestId }), fileName: file.name || 'scan', offset, chunk, last };
      const answer = await sentAgainWhileLost(() => call('postal.uploadScan', input));
      uploadId = answer.uploadId;
      return answer;
    });
    if (!out.scan) throw new Error('upload not completed');
    return out.scan;
  }

  function clear(): void {
    items.value = [];
    selectedCode.value = null;
    error.value = null;
    preview.value = null;
    result.value = null;
  }

  return { items, selectedCode, selected, error, busy, preview, result, find, select, previewOutcome, record, sendSecondAttempt, uploadScan, clear };
});
