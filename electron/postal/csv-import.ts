// CSV import of postal outcomes. Phase 1 (postal.importCsv): the file arrives in chunks and is
// decoded and split as it comes (strict UTF-8, known columns); a bad file is refused whole, before
// anything is written. A chunk sent again after its answer was lost gets its first answer and is not
// read twice (uploads.ts ChunksOnce, as for the scans); the screen names the job on its first chunk.
// Phase 2 (postal.importCsvStep, repeated): the next lines are recorded, each accepted, refused with
// its reason, or skipped as already recorded; the screen's progress bar follows `done / total`. Each
// step is named by where it starts (`from`): asked again, it gets the same answer and records nothing
// twice (as a batch with its batchId, batch-once.ts).
//
// The job lives in memory only: after a restart the clerk sends the file again, and the lines
// already recorded exactly as the file says are reported as such (skipped), not refused
// (plan.ts recordedAsAsked). The store stays the only record of what was imported: a step's lines
// and its audit entry commit together or not at all.
import { codedMessage, DomainError, isDomainError, POSTAL_CSV_MAX_BYTES } from '../../core/index.js';
import type { StoreScope } from '../../db/store.js';
import type { CsvImportView, CsvReportLine } from '../api/contract/postal-views.js';
import { CsvStreamReader, type CsvRecord } from './csv-reader.js';
import { columnLabel, mapColumns, planLine, type ColumnMap, type LinePlan } from './csv-rows.js';
import { parseReceiptDate } from './receipt-date.js';
import type { PostalCall } from './load.js';
import type { FileLookup } from './outcome-input.js';
import { planOutcome, planRawEvent, recordedAsAsked, type AskedEntry } from './plan.js';
import { ChunksOnce, decodeChunk, UploadRegistry } from './uploads.js';
import { writePlan } from './write.js';

export const CSV_LIMITS = { maxBytes: POSTAL_CSV_MAX_BYTES, maxRecords: 20_000 };
const DEFAULT_STEP_LINES = 50;

interface ImportJob {
  id: string;
  fileName: string;
  reader: CsvStreamReader;
  /** The chunks received, each answered once. */
  chunks: ChunksOnce<CsvImportView>;
  columns?: ColumnMap;
  state: CsvImportView['state'];
  cursor: number;
  /** The records in the order they are imported: by the date on the receipt (see importOrder). */
  order: number[];
  report: CsvReportLine[];
  /** The answer of each step, by where it started (its `from`): a step asked again gets it again. */
  answers: Map<number, CsvImportView>;
  /** The step running now: the same step asked meanwhile waits for its answer. */
  running?: { from: number; answer: Promise<CsvImportView> };
}

export interface CsvChunk {
  jobId?: string;
  /** The screen's name for a new job (first chunk, no jobId): that chunk sent again continues the same job. */
  requestId?: string;
  fileName: string;
  offset: number;
  chunk: string;
  last: boolean;
}

function newJob(id: string, fileName: string): ImportJob {
  return {
    id, fileName, reader: new CsvStreamReader(CSV_LIMITS), chunks: new ChunksOnce(fileName), state: 'receiving', cursor: 0, order: [], report: [], answers: new Map(),
  };
}

/**
 * The lines are imported in the order of their dates, not of the file: a postal export sorted by
 * item and code (RECRN003A before RECRN010) would otherwise record the collection before the
 * notice and refuse the notice as coming after the final. SEND orders an item's events by their
 * business time (DOMAIN.md 4.1, 5) and so does the import; equal dates, and lines whose date
 * cannot be read (refused anyway), keep the file's order.
 */
function importOrder(records: readonly CsvRecord[], columns: ColumnMap): number[] {
  const dateOf = (r: CsvRecord): number => {
    const raw = columns.date === undefined ? undefined : r.fields[columns.date]?.trim();
    if (!raw) return Number.POSITIVE_INFINITY;
    try {
      return Date.parse(parseReceiptDate(raw));
    } catch {
      return Number.POSITIVE_INFINITY;
    }
  };
  const dates = records.map(dateOf);
  return records.map((_, i) => i).sort((a, b) => (dates[a]! - dates[b]! || a - b));
}

function viewOf(job: ImportJob, report: CsvReportLine[]): CsvImportView {
  const accepted = job.report.filter((l) => l.status === 'accepted').length;
  const skipped = job.report.filter((l) => l.status === 'skipped').length;
  return {
    jobId: job.id, fileName: job.fileName, state: job.state, receivedBytes: job.reader.bytes,
    total: job.reader.records.length, done: job.cursor, accepted, refused: job.report.length - accepted - skipped, skipped,
    separator: job.reader.separator ?? null, report,
  };
}

function askedEntry(line: LinePlan): AskedEntry {
  return line.kind === 'MEANING'
    ? { kind: 'MEANING', input: line.input }
    : { kind: 'RAW', event: { paperCode: line.paperCode, at: line.at, ...(line.cause ? { cause: line.cause } : {}) } };
}

/**
 * Records one line in `tx`, or reports why not. A refusal happens before any write (plan first); a
 * line refused because its outcome is already on the item exactly as the file says is skipped.
 */
export async function importLine(tx: StoreScope, files: FileLookup, job: Pick<ImportJob, 'reader' | 'columns'>, record: CsvRecord, call: PostalCall): Promise<CsvReportLine> {
  const header = job.reader.header ?? [];
  const columns = job.columns!;
  // Read from their columns, whatever their place in the file (a refused line still says which item it was).
  const at = (i: number | undefined) => (i === undefined ? '' : (record.fields[i] ?? '').trim());
  const base = { line: record.line, item: at(columns.item), outcome: at(columns.outcome) };
  let plan;
  let line: LinePlan | undefined;
  try {
    line = planLine(record.fields, header, columns, call.now);
    Object.assign(base, { item: line.item, outcome: line.outcomeText });
    plan = line.kind === 'MEANING'
      ? await planOutcome(tx, files, line.item, line.input, call)
      : await planRawEvent(tx, line.item, { paperCode: line.paperCode, at: line.at, ...(line.cause ? { cause: line.cause } : {}) }, line.next, call);
  } catch (e) {
    if (!isDomainError(e)) throw e;
    const recorded = line && await recordedAsAsked(tx, files, line.item, askedEntry(line), call);
    if (recorded) return { ...base, status: 'skipped', codes: recorded, error: null };
    // A missing field is named as the file's column (receiver_relation), not as the API's field (receiverRelation).
    const params = e.code === 'POSTAL_FIELD_REQUIRED' ? { ...e.params, field: columnLabel(String(e.params.field), header, columns) } : e.params;
    // With the params its message shows: the report follows the screen's IT/EN switch (renderer hostText).
    return { ...base, status: 'refused', codes: [], error: codedMessage(e.code, call.locale, params) };
  }
  // A failure while writing is not the line's fault: it aborts the step, which the screen retries.
  await writePlan(tx, plan, call);
  const codes = plan.elements.map((e) => e.details?.deliveryDetailCode).filter((c): c is string => typeof c === 'string');
  return { ...base, status: 'accepted', codes, error: null };
}

export class CsvImports {
  private readonly jobs = new UploadRegistry<ImportJob>({ ttlMs: 60 * 60_000, maxEntries: 10, notFound: 'POSTAL_IMPORT_NOT_FOUND' });

  /**
   * Receives one chunk; a wrong encoding, wrong columns or an empty file drop the job. A chunk sent
   * again gets its first answer (the last one too, once the import has begun); another chunk at an
   * offset received, a gap, or a chunk after the last is refused (dropping a job still receiving).
   */
  async receive(input: CsvChunk): Promise<CsvImportView> {
    const id = input.jobId ?? this.jobs.open(input.requestId, (jobId) => newJob(jobId, input.fileName));
    const job = this.jobs.get(id);
    const bytes = decodeChunk(input.chunk);
    return job.chunks.receive(input, bytes, () => this.jobs.delete(id), () => {
      try {
        job.reader.push(bytes);
        if (input.last) job.reader.end();
        if (job.columns === undefined && job.reader.header !== undefined) job.columns = mapColumns(job.reader.header);
        if (input.last) {
          if (job.columns === undefined || job.reader.records.length === 0) throw new DomainError('POSTAL_CSV_EMPTY');
          job.order = importOrder(job.reader.records, job.columns);
          job.state = 'ready';
        }
      } catch (e) {
        this.jobs.delete(id);
        throw e;
      }
      return viewOf(job, []);
    });
  }

  /**
   * Imports the lines of the step starting at `from` (the `done` the screen last read; without it,
   * the next lines) with `run`, which records them in one transaction, and moves the job on only once
   * `run` has committed, so that the report always matches the store. A step already answered gets
   * the same answer (whatever its `maxLines`); one still running is waited for; a failed one recorded
   * nothing and runs again.
   */
  async step(jobId: string, step: { from?: number | undefined; maxLines?: number | undefined },
    run: (records: CsvRecord[], job: ImportJob) => Promise<CsvReportLine[]>): Promise<CsvImportView> {
    const job = this.jobs.get(jobId);
    if (job.state === 'receiving') throw new DomainError('POSTAL_IMPORT_NOT_READY');
    if (step.from !== undefined) {
      const answered = job.answers.get(step.from);
      if (answered) return answered;
      if (job.running?.from === step.from) return job.running.answer;
      if (step.from !== job.cursor) throw new DomainError('POSTAL_IMPORT_STEP_OUT_OF_ORDER', { from: step.from, done: job.cursor });
    }
    if (job.running) throw new DomainError('POSTAL_IMPORT_BUSY');
    const from = job.cursor;
    const answer = (async () => {
      const records = job.order.slice(from, from + (step.maxLines ?? DEFAULT_STEP_LINES)).map((i) => job.reader.records[i]!);
      const lines = records.length > 0 ? await run(records, job) : [];
      job.report.push(...lines);
      job.cursor = from + records.length;
      job.state = job.cursor >= job.reader.records.length ? 'done' : 'running';
      const view = viewOf(job, lines);
      job.answers.set(from, view);
      return view;
    })();
    job.running = { from, answer };
    try {
      return await answer;
    } finally {
      job.running = undefined;
    }
  }

  /** Progress and the whole report so far. */
  status(jobId: string): CsvImportView {
    const job = this.jobs.get(jobId);
    return viewOf(job, [...job.report].sort((a, b) => a.line - b.line));
  }
}
