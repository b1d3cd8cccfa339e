// The audit log: who did what, when, to which subject. Append-only and hash-chained: every entry
// stores the hash of the previous one, and its own hash = SHA-256(previous hash + canonical JSON
// of the entry), so that an entry edited, removed or inserted behind the app's back breaks the
// chain at that point (`verify`). The chain head (last seq + hash) is kept in settings under
// `_audit.head`, so that entries removed from the end are noticed too.
//
// Columns stay those of the create-audit-log migration; the chain data lives in `details`:
// `{ d: <the caller's details>, seq, prev, hash[, atGiven] }` (canonical JSON). `at` is stored
// in UTC so that a date range compares as text; the instant as given is kept in `atGiven`.
import { createHash } from 'node:crypto';
import type { IsoInstant } from '../../core/index.js';
import { fromJson } from '../mappers/json.js';
import { inTransaction, insertRows, type Db } from './sql.js';

export interface AuditEntry {
  at: IsoInstant;
  actor: string;
  action: string;
  subject?: string;
  details?: Record<string, unknown>;
}

/** An entry as stored, with its place in the chain. */
export interface ChainedAuditEntry extends AuditEntry {
  id: number;
  seq: number;
  hash: string;
}

export interface AuditFilter {
  actor?: string;
  action?: string;
  /** Inclusive bounds on `at` (any ISO-8601 instant; compared in UTC). */
  from?: string;
  to?: string;
  /** A top-level key of `details` with this exact string value (e.g. outcome = refused). */
  detail?: { key: string; value: string };
}

export type AuditBreakReason = 'NOT_CHAINED' | 'ENTRY_MISSING' | 'SEQUENCE_REPEATED' | 'LINK_BROKEN' | 'HASH_MISMATCH' | 'HEAD_MISMATCH';

export interface AuditVerification {
  ok: boolean;
  /** Entries whose link was checked and found sound before the first break (or all of them). */
  checked: number;
  firstBroken?: { id: number; seq?: number; reason: AuditBreakReason };
}

interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  subject: string | null;
  details: string | null;
}

interface ChainData {
  d: Record<string, unknown> | null;
  seq: number;
  prev: string;
  hash: string;
  atGiven?: string;
}

export const AUDIT_GENESIS = '0'.repeat(64);
const HEAD_KEY = '_audit.head';
const SAFE_TOKEN = /^[A-Za-z0-9_.:-]{1,64}$/;

/** JSON with object keys sorted at every level: one spelling per value, so one hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The hash of one entry: SHA-256 (hex) over the previous hash followed by the entry's canonical JSON. */
export function auditEntryHash(prev: string, entry: { seq: number; at: string; actor: string; action: string; subject: string | null; d: unknown }): string {
  return createHash('sha256').update(prev).update(canonicalJson(entry)).digest('hex');
}

/**
 * A column value that reads back exactly as written, on SQLite and PostgreSQL alike: lone UTF-16
 * surrogates (not encodable in UTF-8) and NUL (refused by PostgreSQL) become U+FFFD. Otherwise
 * the hash computed at append would not match the row read back by `verify`.
 */
function storable(text: string, max: number): string {
  return text.slice(0, max).replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\u0000/g, '\uFFFD');
}

function parseChain(details: string | null): ChainData | undefined {
  try {
    const c = fromJson<ChainData>(details);
    if (!c || typeof c !== 'object' || !Number.isInteger(c.seq) || typeof c.prev !== 'string' || typeof c.hash !== 'string') return undefined;
    return c;
  } catch {
    return undefined;
  }
}

function rowToEntry(r: AuditRow): ChainedAuditEntry {
  const c = parseChain(r.details);
  const e: ChainedAuditEntry = { id: Number(r.id), seq: c?.seq ?? 0, hash: c?.hash ?? '', at: c?.atGiven ?? r.at, actor: r.actor, action: r.action };
  if (r.subject !== null) e.subject = r.subject;
  if (c?.d) e.details = c.d;
  return e;
}

function isPg(db: Db): boolean {
  return (db as { client: { config: { client: string } } }).client.config.client === 'pg';
}

export class AuditRepo {
  constructor(private readonly db: Db) {}

  /** Appends one entry at the end of the chain (in the caller's transaction, or in its own). */
  async append(e: AuditEntry): Promise<ChainedAuditEntry> {
    return inTransaction(this.db, async (trx) => {
      // PostgreSQL: one appender at a time, or two entries would claim the same predecessor.
      // (SQLite: the store has one connection, so transactions are already serial.)
      if (isPg(trx)) await trx.raw('LOCK TABLE audit_log IN EXCLUSIVE MODE');
      const head = await readHead(trx);
      const at = new Date(e.at).toISOString();
      const subject = e.subject === undefined ? null : storable(e.subject, 200);
      const body = { seq: (head?.seq ?? 0) + 1, at, actor: storable(e.actor, 64), action: storable(e.action, 64), subject, d: e.details ?? null };
      const prev = head?.hash ?? AUDIT_GENESIS;
      const hash = auditEntryHash(prev, body);
      const chain: ChainData = { d: body.d, seq: body.seq, prev, hash };
      if (at !== e.at) chain.atGiven = e.at;
      const [row] = await insertRows<{ id: number }>(trx, 'audit_log', ['at', 'actor', 'action', 'subject', 'details'], [[at, body.actor, body.action, body.subject, canonicalJson(chain)]], { returning: ['id'] });
      const id = Number(row!.id);
      await trx('settings').insert({ key: HEAD_KEY, value: JSON.stringify({ id, seq: body.seq, hash }), updated_at: at }).onConflict('key').merge(['value', 'updated_at']);
      const out: ChainedAuditEntry = { id, seq: body.seq, hash, at: e.at, actor: body.actor, action: body.action };
      if (body.subject !== null) out.subject = body.subject;
      if (e.details) out.details = e.details;
      return out;
    });
  }

  /** Entries about one subject (e.g. an IUN or an operationId), oldest first. */
  async listBySubject(subject: string, limit = 500): Promise<(AuditEntry & { id: number })[]> {
    const rows = await this.db<AuditRow>('audit_log').where('subject', subject).orderBy('id').limit(limit);
    return rows.map((r) => {
      const { seq: _s, hash: _h, ...e } = rowToEntry(r);
      return e;
    });
  }

  /** A page of entries matching the filter, newest first. */
  async list(filter: AuditFilter, page: { offset: number; limit: number }): Promise<ChainedAuditEntry[]> {
    const rows = await this.filtered(filter).orderBy('id', 'desc').offset(page.offset).limit(page.limit);
    return (rows as AuditRow[]).map(rowToEntry);
  }

  async count(filter: AuditFilter): Promise<number> {
    const row = (await this.filtered(filter).count<{ n: number | string }[]>({ n: '*' }))[0];
    return Number(row?.n ?? 0);
  }

  /** Up to `limit` entries matching the filter with an id above `afterId`, oldest first (exports page with it). */
  async listAfter(filter: AuditFilter, afterId: number, limit: number): Promise<ChainedAuditEntry[]> {
    const rows = await this.filtered(filter).where('id', '>', afterId).orderBy('id').limit(limit);
    return (rows as AuditRow[]).map(rowToEntry);
  }

  /** Walks the whole chain in id order and reports the first broken link. */
  async verify(pageSize = 1000): Promise<AuditVerification> {
    let prev = AUDIT_GENESIS;
    let checked = 0;
    let after = 0;
    let lastId = 0;
    for (;;) {
      const rows = await this.db<AuditRow>('audit_log').where('id', '>', after).orderBy('id').limit(pageSize);
      for (const r of rows) {
        const reason = brokenReason(r, prev, checked + 1);
        if (reason) return { ok: false, checked, firstBroken: { id: Number(r.id), ...seqOf(r), reason } };
        prev = parseChain(r.details)!.hash;
        checked++;
        lastId = Number(r.id);
      }
      if (rows.length < pageSize) break;
      after = Number(rows.at(-1)!.id);
    }
    const head = await readHead(this.db);
    const headSound = head ? head.seq === checked && head.hash === prev : checked === 0;
    if (!headSound) return { ok: false, checked, firstBroken: { id: head?.id ?? lastId, ...(head ? { seq: head.seq } : {}), reason: 'HEAD_MISMATCH' } };
    return { ok: true, checked };
  }

  private filtered(f: AuditFilter) {
    const q = this.db<AuditRow>('audit_log');
    if (f.actor !== undefined) q.where('actor', f.actor);
    if (f.action !== undefined) q.where('action', f.action);
    if (f.from !== undefined) q.where('at', '>=', new Date(f.from).toISOString());
    if (f.to !== undefined) q.where('at', '<=', new Date(f.to).toISOString());
    if (f.detail) {
      // Canonical JSON spells a string pair exactly this way; JSON escaping keeps values from forging it.
      if (!SAFE_TOKEN.test(f.detail.key) || !SAFE_TOKEN.test(f.detail.value)) throw new RangeError('audit detail filter: unsupported characters');
      q.where('details', 'like', `%${JSON.stringify(f.detail.key)}:${JSON.stringify(f.detail.value)}%`);
    }
    return q;
  }
}

function seqOf(r: AuditRow): { seq?: number } {
  const c = parseChain(r.details);
  return c ? { seq: c.seq } : {};
}

function brokenReason(r: AuditRow, prev: string, expectedSeq: number): AuditBreakReason | undefined {
  const c = parseChain(r.details);
  if (!c) return 'NOT_CHAINED';
  if (c.seq > expectedSeq) return 'ENTRY_MISSING';
  if (c.seq < expectedSeq) return 'SEQUENCE_REPEATED';
  if (c.prev !== prev) return 'LINK_BROKEN';
  const hash = auditEntryHash(prev, { seq: c.seq, at: r.at, actor: r.actor, action: r.action, subject: r.subject, d: c.d ?? null });
  return hash === c.hash ? undefined : 'HASH_MISMATCH';
}

async function readHead(db: Db): Promise<{ id: number; seq: number; hash: string } | undefined> {
  const row = await db('settings').where('key', HEAD_KEY).first<{ value: string } | undefined>('value');
  if (!row) return undefined;
  try {
    return fromJson<{ id: number; seq: number; hash: string }>(row.value);
  } catch {
    return undefined;
  }
}
