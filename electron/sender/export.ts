// CSV export jobs: prepared by sender.exportStart (filter, total), then read in chunks, either by
// the browser over `GET /export/<jobId>.csv?ticket=…` (export-route.ts) or by the desktop window
// through sender.exportChunk. Rows come from the store in keyset batches, so the host holds one
// batch at a time whatever the size; `written` is the progress the screen shows.
import { randomBytes } from 'node:crypto';
import { DomainError, type Locale } from '../../core/index.js';
import type { SenderCursor, SenderFilter } from '../../db/repositories/sender-queries.js';
import type { Store } from '../../db/store.js';
import type { ExportState, SenderExportChunk, SenderExportView } from '../api/contract/sender-views.js';
import { csvHeader, csvRow, type Separator } from './csv.js';

export const EXPORT_PREFIX = '/export/';
const TTL_MS = 30 * 60_000;
const MAX_ACTIVE = 4;
const BATCH = 1000;

export class ExportJob {
  state: ExportState = 'ready';
  written = 0;
  private cursor: SenderCursor | null = null;
  private started = false;
  private busy = false;

  constructor(
    readonly id: string,
    readonly filter: SenderFilter,
    readonly separator: Separator,
    readonly locale: Locale,
    readonly total: number,
    readonly fileName: string,
    readonly createdMs: number,
    /** The session that started it (browser mode): only that session may download it. */
    readonly ownerSession: string | undefined,
  ) {}

  /** Starts the file again (a second download of a finished export). */
  rewind(): void {
    if (this.busy) throw new DomainError('CONFLICT');
    this.state = 'ready';
    this.written = 0;
    this.cursor = null;
    this.started = false;
  }

  /** The next text of the file (header first), at most about `maxRows` rows; `done` after the last. */
  async next(store: Store, maxRows: number): Promise<SenderExportChunk> {
    if (this.busy) throw new DomainError('CONFLICT');
    if (this.state === 'done') return { csv: '', done: true, written: this.written, total: this.total };
    this.busy = true;
    this.state = 'running';
    try {
      let csv = this.started ? '' : csvHeader(this.locale, this.separator);
      this.started = true;
      let rows = 0;
      let more = true;
      while (more && rows < maxRows) {
        const batch = await store.senderQueries.batch(this.filter, this.cursor, Math.min(BATCH, maxRows - rows));
        for (const r of batch.rows) csv += csvRow(r, this.locale, this.separator, this.createdMs);
        rows += batch.rows.length;
        this.written += batch.rows.length;
        this.cursor = batch.next;
        more = batch.next !== null;
      }
      if (!more) this.state = 'done';
      return { csv, done: !more, written: this.written, total: this.total };
    } catch (e) {
      this.state = 'failed';
      throw e;
    } finally {
      this.busy = false;
    }
  }

  view(): SenderExportView {
    return { jobId: this.id, state: this.state, total: this.total, written: this.written, fileName: this.fileName };
  }

  /** Where browser mode downloads it, without the ticket: `/export/<jobId>.csv`. */
  get downloadPath(): string {
    return `${EXPORT_PREFIX}${this.id}.csv`;
  }
}

export class ExportJobs {
  private readonly jobs = new Map<string, ExportJob>();

  create(args: { filter: SenderFilter; separator: Separator; locale: Locale; total: number; fileName: string; nowMs: number; ownerSession: string | undefined }): ExportJob {
    this.sweep(args.nowMs);
    const active = [...this.jobs.values()].filter((j) => j.state === 'running').length;
    if (active >= MAX_ACTIVE) throw new DomainError('SENDER_EXPORT_BUSY', { count: active });
    const job = new ExportJob(randomBytes(18).toString('base64url'), args.filter, args.separator, args.locale, args.total, args.fileName, args.nowMs, args.ownerSession);
    this.jobs.set(job.id, job);
    return job;
  }

  get(jobId: string, nowMs: number): ExportJob {
    this.sweep(nowMs);
    const job = this.jobs.get(jobId);
    if (!job) throw new DomainError('SENDER_EXPORT_NOT_FOUND', { jobId });
    return job;
  }

  /** Jobs older than the TTL are forgotten (their filter may hold personal data). */
  private sweep(nowMs: number): void {
    for (const [id, j] of this.jobs) if (nowMs - j.createdMs > TTL_MS && j.state !== 'running') this.jobs.delete(id);
  }
}

const registries = new WeakMap<object, ExportJobs>();

/** The export jobs of one host (keyed by its configuration object, shared by every request). */
export function exportJobsOf(ctx: { config: object }): ExportJobs {
  let jobs = registries.get(ctx.config);
  if (!jobs) registries.set(ctx.config, (jobs = new ExportJobs()));
  return jobs;
}

/** `notifiche-20261126-1530.csv` in Rome time. */
export function exportFileName(romeReadable: string, locale: Locale): string {
  const [d, t] = romeReadable.split(' ') as [string, string];
  const [dd, mm, yyyy] = d.split('/');
  return `${locale === 'en' ? 'notifications' : 'notifiche'}-${yyyy}${mm}${dd}-${t.slice(0, 5).replace(':', '')}.csv`;
}
