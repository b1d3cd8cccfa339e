// Data retention of identity scans (issue #11, DOMAIN.md 10.1 "Identity evidence"): finds closed
// desk operations whose scans are still kept, marks them purged, and tells which file-store keys
// something still refers to. No migration: the marker lives in desk_operations.scans, whose refs
// are rewritten with `purgedAt` and without their keys (sha256, pdfSha256), and the evidence zip's
// key (evidence_sha256) is cleared; the zip's checksum stays in radd_transactions. Audit entries
// are never touched here.
import { fromJson, toJson } from '../mappers/json.js';
import { isPurgedScanRef, type DeskScanRef, type DeskScanRole, type PurgedScanRef, type StoredScanRef } from './desk-queries.js';

export { isPurgedScanRef, type PurgedScanRef, type StoredScanRef };
import type { Db } from './sql.js';

/** One closed operation whose scans are still kept. */
export interface ClosedOperationScans {
  operationId: string;
  state: 'COMPLETED' | 'ABORTED';
  /** completed_at or aborted_at, as stored (ISO-8601 with offset). */
  closedAt: string;
  startedMs: number;
  scans: StoredScanRef[];
  evidenceSha256: string | null;
}

export interface PageCursor {
  startedMs: number;
  operationId: string;
}

export interface ClosedPageQuery {
  /** Only operations started before this instant (closed before it implies started before it). */
  startedBeforeMs: number;
  after?: PageCursor | undefined;
  limit: number;
  /**
   * Outbox dedupe-key prefix of the message that still needs the files (the RADD start uploads the
   * evidence zip rebuilt from the scans): an operation with such a message unsent is left out.
   */
  heldByUnsent?: string | undefined;
}

const CLOSED_STATES = ['COMPLETED', 'ABORTED'] as const;
// Every kept ref serialises a "sha256" key; purged refs have none (so do empty lists).
const KEPT_REF = '%"sha256"%';
const KEY = /[0-9a-f]{64}/g;
const CHUNK = 500;

interface ClosedRow {
  operation_id: string;
  state: string;
  completed_at: string | null;
  aborted_at: string | null;
  started_ms: number | string;
  scans: string;
  evidence_sha256: string | null;
}

/** The file-store keys a ref still holds (the scan and its PDF copy for the upload zip). */
export function keysOfRef(ref: StoredScanRef): string[] {
  if (isPurgedScanRef(ref)) return [];
  return ref.pdfSha256 ? [ref.sha256, ref.pdfSha256] : [ref.sha256];
}

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

export class ScanRetentionRepo {
  constructor(private readonly db: Db) {}

  /** Closed operations (COMPLETED, ABORTED) with scans or an evidence zip still kept, oldest start first. */
  async listClosedWithScans(q: ClosedPageQuery): Promise<{ items: ClosedOperationScans[]; next: PageCursor | undefined }> {
    const query = this.db('desk_operations as d')
      .join('radd_transactions as t', 't.operation_id', 'd.operation_id')
      .whereIn('t.state', [...CLOSED_STATES])
      .where('d.started_ms', '<', q.startedBeforeMs)
      .andWhere((w) => w.where('d.scans', 'like', KEPT_REF).orWhereNotNull('d.evidence_sha256'))
      .select<ClosedRow[]>('d.operation_id', 't.state', 't.completed_at', 't.aborted_at', 'd.started_ms', 'd.scans', 'd.evidence_sha256')
      .orderBy([{ column: 'd.started_ms' }, { column: 'd.operation_id' }])
      .limit(q.limit);
    const after = q.after;
    if (after) {
      query.andWhere((w) => w.where('d.started_ms', '>', after.startedMs).orWhere((x) => x.where('d.started_ms', after.startedMs).andWhere('d.operation_id', '>', after.operationId)));
    }
    const held = q.heldByUnsent;
    if (held !== undefined) {
      query.whereNotExists((sub) => sub.select(this.db.raw('1')).from('outbox as o').whereRaw('o.dedupe_key = ? || d.operation_id', [held]).whereNull('o.sent_at'));
    }
    const rows = await query;
    const items = rows.map((r) => ({
      operationId: r.operation_id,
      state: r.state as ClosedOperationScans['state'],
      closedAt: (r.state === 'COMPLETED' ? r.completed_at : r.aborted_at) ?? '',
      startedMs: Number(r.started_ms),
      scans: fromJson<StoredScanRef[]>(r.scans) ?? [],
      evidenceSha256: r.evidence_sha256,
    }));
    const last = items.at(-1);
    return { items, next: last && items.length === q.limit ? { startedMs: last.startedMs, operationId: last.operationId } : undefined };
  }

  /** Rewrites the operation's scan refs as purged (keys dropped) and clears its evidence zip key. */
  async markPurged(operationId: string, scans: readonly StoredScanRef[], purgedAt: string, retentionDays: number): Promise<void> {
    const purged: PurgedScanRef[] = scans.map((s) =>
      isPurgedScanRef(s) ? s : { role: s.role, contentType: s.contentType, bytes: s.bytes, purgedAt, retentionDays });
    await this.db('desk_operations').where('operation_id', operationId).update({ scans: toJson(purged), evidence_sha256: null });
  }

  /**
   * Of `keys`, those something still refers to: a kept scan ref of any operation (open, closed
   * recently, or held), any operation's evidence zip, bundle or receipt, a document handed out, a
   * notified document, a postal outcome's scans. Content addressing means the same ID card scanned
   * for two operations is one file with two refs.
   */
  async referencedKeys(keys: readonly string[]): Promise<Set<string>> {
    const wanted = new Set(keys);
    const found = new Set<string>();
    if (wanted.size === 0) return found;
    const collect = (text: string | null) => {
      for (const k of text?.match(KEY) ?? []) if (wanted.has(k)) found.add(k);
    };
    // Kept refs are few once the purge has run: operations still open or within the retention period.
    const kept = await this.db('desk_operations').where('scans', 'like', KEPT_REF).pluck<string[]>('scans');
    for (const text of kept) for (const ref of fromJson<StoredScanRef[]>(text) ?? []) for (const k of keysOfRef(ref)) if (wanted.has(k)) found.add(k);
    for (const part of chunks([...wanted])) {
      const cols = await this.db('desk_operations')
        .whereIn('evidence_sha256', part).orWhereIn('bundle_sha256', part).orWhereIn('receipt_sha256', part)
        .select<{ e: string | null; b: string | null; r: string | null }[]>({ e: 'evidence_sha256', b: 'bundle_sha256', r: 'receipt_sha256' });
      for (const c of cols) for (const k of [c.e, c.b, c.r]) if (k && wanted.has(k)) found.add(k);
      for (const k of await this.db('desk_operation_documents').whereIn('sha256', part).distinct().pluck<string[]>('sha256')) found.add(k);
      for (const k of await this.db('documents').whereIn('ref', part).distinct().pluck<string[]>('ref')) found.add(k);
    }
    for (const text of await this.db('analog_outcomes').whereNotNull('attachments').pluck<string[]>('attachments')) collect(text);
    return found;
  }
}
