// CSV import of postal outcomes. Phase 1 (postal.importCsv): the file arrives in chunks and is
// decoded and split as it comes (strict UTF-8, known columns); a bad file is refused whole, before
// anything is written. Phase 2 (postal.importCsvStep, repeated): the next lines are recorded, each
// accepted or refused with its reason; the screen's progress bar follows `done / total`.
import { DomainError, isDomainError, messageFor, POSTAL_CSV_MAX_BYTES } from '../../core/index.js';
import type { StoreScope } from '../../db/store.js';
import type { CsvImportView, CsvReportLine } from '../api/contract/postal-views.js';
import { CsvStreamReader, type CsvRecord } from './csv-reader.js';
import { columnLabel, mapColumns, planLine, type ColumnMap } from './csv-rows.js';
import { parseReceiptDate } from './receipt-date.js';
import type { PostalCall } from './load.js';
import type { FileLookup } from './outcome-input.js';
import { planOutcome, planRawEvent } from './plan.js';
import { decodeChunk, UploadRegistry } from './uploads.js';
import { writePlan } from './write.js';

export const CSV_LIMITS = { maxBytes: POSTAL_CSV_MAX_BYTES, maxRecords: 20_000 };
const DEFAULT_STEP_LINES = 50;

interface ImportJob {
  id: string;
  fileName: string;
  reader: CsvStreamReader;
  columns?: ColumnMap;
  state: CsvImportView['state'];
  cursor: number;
  /** The records in the order they are imported: by the date on the receipt (see importOrder). */
  order: number[];
  report: CsvReportLine[];
  busy: boolean;
}

export interface CsvChunk {
  jobId?: string;
  fileName: string;
  offset: number;
  chunk: string;
  last: boolean;
}

function newJob(id: string, fileName: string): ImportJob {
  return { id, fileName, reader: new CsvStreamReader(CSV_LIMITS), state: 'receiving', cursor: 0, order: [], report: [], busy: false };
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
  return {
    jobId: job.id, fileName: job.fileName, state: job.state, receivedBytes: job.reader.bytes,
    total: job.reader.records.length, done: job.cursor, accepted, refused: job.report.length - accepted,
    separator: job.reader.separator ?? null, report,
  };
}

/** Records one line in `tx`, or reports why not. A refusal happens before any write (plan first). */
export async function importLine(tx: StoreScope, files: FileLookup, job: Pick<ImportJob, 'reader' | 'columns'>, record: CsvRecord, call: PostalCall): Promise<CsvReportLine> {
  const header = job.reader.header ?? [];
  const columns = job.columns!;
  // Read from their columns, whatever their place in the file (a refused line still says which item it was).
  const at = (i: number | undefined) => (i === undefined ? '' : (record.fields[i] ?? '').trim());
  const base = { line: record.line, item: at(columns.item), outcome: at(columns.outcome) };
  let plan;
  try {
    const line = planLine(record.fields, header, columns, call.now);
    Object.assign(base, { item: line.item, outcome: line.outcomeText });
    plan = line.kind === 'MEANING'
      ? await planOutcome(tx, files, line.item, line.input, call)
      : await planRawEvent(tx, line.item, { paperCode: line.paperCode, at: line.at, ...(line.cause ? { cause: line.cause } : {}) }, line.next, call);
  } catch (e) {
    if (!isDomainError(e)) throw e;
    // A missing field is named as the file's column (receiver_relation), not as the API's field (receiverRelation).
    const params = e.code === 'POSTAL_FIELD_REQUIRED' ? { ...e.params, field: columnLabel(String(e.params.field), header, columns) } : e.params;
    return { ...base, status: 'refused', codes: [], error: { code: e.code, message: messageFor(e.code, call.locale, params) } };
  }
  // A failure while writing is not the line's fault: it aborts the step, which the screen retries.
  await writePlan(tx, plan, call);
  const codes = plan.elements.map((e) => e.details?.deliveryDetailCode).filter((c): c is string => typeof c === 'string');
  return { ...base, status: 'accepted', codes, error: null };
}

export class CsvImports {
  private readonly jobs = new UploadRegistry<ImportJob>({ ttlMs: 60 * 60_000, maxEntries: 10, notFound: 'POSTAL_IMPORT_NOT_FOUND' });

  /** Receives one chunk; a wrong encoding, wrong columns or an empty file drop the job. */
  receive(input: CsvChunk): CsvImportView {
    const id = input.jobId ?? this.jobs.create((jobId) => newJob(jobId, input.fileName));
    const job = this.jobs.get(id);
    // A chunk repeated after the file was complete changes nothing (and does not drop the job).
    if (job.state !== 'receiving') throw new DomainError('POSTAL_UPLOAD_OUT_OF_ORDER');
    try {
      if (input.offset !== job.reader.bytes) throw new DomainError('POSTAL_UPLOAD_OUT_OF_ORDER');
      job.reader.push(decodeChunk(input.chunk));
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
  }

  /**
   * Imports the next lines with `run` (which records them in one transaction) and moves the job on
   * only once `run` has committed, so that the report always matches the store.
   */
  async step(jobId: string, maxLines: number | undefined, run: (records: CsvRecord[], job: ImportJob) => Promise<CsvReportLine[]>): Promise<CsvImportView> {
    const job = this.jobs.get(jobId);
    if (job.state === 'receiving') throw new DomainError('POSTAL_IMPORT_NOT_READY');
    if (job.busy) throw new DomainError('POSTAL_IMPORT_BUSY');
    job.busy = true;
    try {
      const records = job.order.slice(job.cursor, job.cursor + (maxLines ?? DEFAULT_STEP_LINES)).map((i) => job.reader.records[i]!);
      const lines = records.length > 0 ? await run(records, job) : [];
      job.report.push(...lines);
      job.cursor += records.length;
      job.state = job.cursor >= job.reader.records.length ? 'done' : 'running';
      return viewOf(job, lines);
    } finally {
      job.busy = false;
    }
  }

  /** Progress and the whole report so far. */
  status(jobId: string): CsvImportView {
    const job = this.jobs.get(jobId);
    return viewOf(job, [...job.report].sort((a, b) => a.line - b.line));
  }
}
