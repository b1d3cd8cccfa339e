import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { CsvImportView, CsvReportLine, GiacenzaRegisterView } from '../../electron/api/contract/index.js';
import { call } from '../api/client.js';
import { hostText } from '../api/host-text.js';
import { sentAgainWhileLost } from '../api/request-id.js';
import { chunkedFileTooLarge } from '../api/uploads.js';
import type { Locale } from '../../core/index.js';
import { newestWins, STALE } from '../composables/newest-wins.js';
import { sendInChunks } from '../views/postal/upload.js';
import { toProblem, type PostalProblem } from './postal.js';

/**
 * CSV import: upload (checked whole), then step by step with a progress bar and a line-by-line
 * report. A step that fails (the host not reachable for a moment) interrupts the import where it
 * was: the lines already imported stay recorded, and `resume` goes on with the same job on the
 * host, never sending the file again. A file sent again anyway (the host restarted and lost the job)
 * records only its new lines: those already recorded as the file says are reported as such (skipped).
 */
/**
 * The name the host records a file without one under (the job's own record, never in a message: a
 * message about a nameless file names none).
 */
const HOST_FILE_NAME = 'esiti.csv';

export const usePostalImportStore = defineStore('postal-import', () => {
  const phase = ref<'idle' | 'uploading' | 'importing' | 'interrupted' | 'done'>('idle');
  const uploaded = ref(0);
  const size = ref(0);
  const job = ref<CsvImportView | null>(null);
  const report = ref<CsvReportLine[]>([]);
  const error = ref<PostalProblem | null>(null);

  /** 0..100: the upload counts for the first tenth, the lines for the rest. */
  const percent = computed(() => {
    if (phase.value === 'uploading') return size.value === 0 ? 0 : Math.round((uploaded.value / size.value) * 10);
    if (!job.value || job.value.total === 0) return phase.value === 'done' ? 100 : 0;
    return 10 + Math.round((job.value.done / job.value.total) * 90);
  });

  /**
   * Sends the file in chunks. The job is named by a new id on its first chunk (requestId), and each
   * chunk whose answer is lost is sent again as it was: the host answers a repeated chunk with its
   * first answer and reads nothing twice (api/request-id.ts).
   */
  async function upload(file: File): Promise<CsvImportView> {
    phase.value = 'uploading';
    size.value = file.size;
    uploaded.value = 0;
    const requestId = crypto.randomUUID();
    let jobId: string | undefined;
    return sendInChunks(file, async ({ offset, chunk, last }) => {
      const input = { ...(jobId ? { jobId } : { requestId }), fileName: file.name || HOST_FILE_NAME, offset, chunk, last };
      const view = await sentAgainWhileLost(() => call('postal.importCsv', input));
      jobId = view.jobId;
      return view;
    }, (sent) => { uploaded.value = sent; });
  }

  /** Imports the job's remaining lines; a failure leaves the import interrupted, ready to resume. */
  async function runSteps(): Promise<void> {
    try {
      phase.value = 'importing';
      while (job.value && job.value.state !== 'done') {
        // The step is named by where it starts: asked again (its answer lost), the host answers it again.
        job.value = await call('postal.importCsvStep', { jobId: job.value.jobId, from: job.value.done, maxLines: 25 });
        report.value.push(...job.value.report);
      }
      phase.value = 'done';
    } catch (e) {
      error.value = toProblem(e);
      phase.value = 'interrupted';
    }
  }

  async function importFile(file: File, locale: Locale = 'it'): Promise<void> {
    error.value = null;
    report.value = [];
    job.value = null;
    // A file over the host's limit is refused at once, naming it and the limit, before a byte is sent.
    // The error keeps its code and params and is worded when shown: it follows a language switch.
    const tooLarge = chunkedFileTooLarge('postal.importCsv', { name: file.name, size: file.size }, locale);
    if (tooLarge) {
      error.value = { code: tooLarge.code, get message() { return hostText(tooLarge); } };
      phase.value = 'idle';
      return;
    }
    try {
      job.value = await upload(file);
    } catch (e) {
      // Nothing is recorded before the whole file is on the host: it is simply sent again.
      error.value = toProblem(e);
      phase.value = 'idle';
      return;
    }
    await runSteps();
  }

  /**
   * Goes on with an interrupted import. The host's report comes first: a step whose answer was
   * lost may have recorded its lines, and they are neither recorded again nor missing from the report.
   */
  async function resume(): Promise<void> {
    if (phase.value !== 'interrupted' || !job.value) return;
    error.value = null;
    phase.value = 'importing';
    try {
      const status = await call('postal.importCsvStatus', { jobId: job.value.jobId });
      job.value = { ...status, report: [] };
      report.value = [...status.report];
    } catch (e) {
      error.value = toProblem(e);
      // The host no longer knows the job (it was restarted, or an hour went by): the file must be sent again.
      phase.value = error.value.code === 'POSTAL_IMPORT_NOT_FOUND' ? 'idle' : 'interrupted';
      if (phase.value === 'idle') job.value = null;
      return;
    }
    await runSteps();
  }

  function reset(): void {
    phase.value = 'idle';
    job.value = null;
    report.value = [];
    error.value = null;
  }

  return { phase, uploaded, size, job, report, error, percent, importFile, resume, reset };
});

/** The giacenza register (DOMAIN.md 7.3): held items, most urgent first. */
export const usePostalGiacenzaStore = defineStore('postal-giacenza', () => {
  const register = ref<GiacenzaRegisterView | null>(null);
  const error = ref<PostalProblem | null>(null);
  const loading = ref(false);

  // The newest request wins: a quiet re-read answered after the postman's load started is dropped.
  const answers = newestWins();

  async function load(): Promise<void> {
    loading.value = true;
    error.value = null;
    try {
      const answer = await answers.run(() => call('postal.giacenzaRegister', {}));
      if (answer !== STALE) register.value = answer;
    } catch (e) {
      error.value = toProblem(e);
    } finally {
      loading.value = false;
    }
  }

  /**
   * The register read again quietly (no spinner, no error shown, what is shown stays on failure):
   * after sync stored something or the window came back. Skipped while a load runs or nothing is shown.
   */
  async function refresh(): Promise<void> {
    if (loading.value || !register.value) return;
    const answer = await answers.run(() => call('postal.giacenzaRegister', {}));
    if (answer !== STALE) register.value = answer;
  }

  return { register, error, loading, load, refresh };
});
