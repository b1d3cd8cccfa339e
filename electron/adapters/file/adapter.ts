// The file adapter (a desk without network): pull imports signed feed bundles found in the inbox
// folder (in name order, each verified before any line is read), push exports the pending outbox
// items as one signed bundle in the outbox folder. Cursor: bundle being read + line, and the ids of
// the bundles already imported (so a bundle copied twice is not read twice).
import { accessSync, constants, existsSync, fsyncSync, openSync, closeSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../../logger.js';
import { SyncError } from '../../sync/errors.js';
import { OUTBOX_KINDS, type AdapterHealth, type OutboxItem, type PullOptions, type PullPage, type PushResult, type SyncAdapter } from '../../sync/types.js';
import { BUNDLE_EXTENSION, buildBundle, ndjsonLines, verifyBundle } from './bundle.js';
import { feedRecordSchema, type OutboxRecord } from './feed-schema.js';

export interface FileAdapterOptions {
  /** Folder with the bundles to import (e.g. the USB stick). */
  inboxDir: string;
  /** Folder where outbox bundles are written. */
  outboxDir: string;
  /** HMAC key shared with the central office; never logged. */
  deskKey: Uint8Array;
  deskId: string;
  now?: () => number;
  logger?: Logger;
}

interface FileCursor {
  /** Ids (signature prefixes) of bundles fully imported, most recent last. */
  done: string[];
  file?: string;
  id?: string;
  line: number;
}

const KEEP_DONE = 500;
/** Records parsed between two turns of the event loop (see parseLines). */
const PARSE_SLICE = 100;

function readCursor(text: string | undefined): FileCursor {
  if (!text) return { done: [], line: 0 };
  try {
    const c = JSON.parse(text) as FileCursor;
    if (Array.isArray(c.done) && Number.isInteger(c.line)) return c;
  } catch {
    // fall through
  }
  return { done: [], line: 0 };
}

interface OpenBundle {
  file: string;
  stamp: string;
  id: string;
  kind: 'feed' | 'outbox';
  lines: string[];
}

export function createFileAdapter(opts: FileAdapterOptions): SyncAdapter {
  if (opts.deskKey.length < 16) throw new SyncError('SYNC_BUNDLE_KEY_MISSING', {}, { transient: false });
  const now = opts.now ?? Date.now;
  let open: OpenBundle | null = null;
  // file + size + mtime -> bundle id, so that bundles already imported are not verified again.
  const knownIds = new Map<string, string>();

  function listInbox(): string[] {
    if (!existsSync(opts.inboxDir)) throw new SyncError('SYNC_BUNDLE_DIR_UNAVAILABLE', { dir: opts.inboxDir });
    return readdirSync(opts.inboxDir).filter((f) => f.endsWith(BUNDLE_EXTENSION)).sort();
  }

  function load(file: string): OpenBundle {
    const path = join(opts.inboxDir, file);
    const st = statSync(path);
    const stamp = `${st.size}:${st.mtimeMs}`;
    if (open && open.file === file && open.stamp === stamp) return open;
    const v = verifyBundle(file, readFileSync(path), opts.deskKey);
    const feed = v.entries.get('feed.ndjson');
    open = { file, stamp, id: v.signature.slice(0, 32), kind: v.manifest.kind, lines: v.manifest.kind === 'feed' && feed ? ndjsonLines(feed) : [] };
    knownIds.set(`${file}:${stamp}`, open.id);
    return open;
  }

  /**
   * The page's records, checked. Parsed in slices with a turn of the event loop between them: a
   * page is read while the previous one is being written (sync/pull.ts), and the database needs
   * the JS thread to start each of that write's statements.
   */
  async function parseLines(b: OpenBundle, from: number, to: number): Promise<Pick<PullPage, 'notifications' | 'elements'>> {
    const page: Pick<PullPage, 'notifications' | 'elements'> = { notifications: [], elements: [] };
    for (let i = from; i < to; i++) {
      if (i > from && (i - from) % PARSE_SLICE === 0) await new Promise<void>((resolve) => setImmediate(resolve));
      let value: unknown;
      try {
        value = JSON.parse(b.lines[i]!);
      } catch {
        throw new SyncError('SYNC_BUNDLE_MALFORMED', { file: b.file, detail: `line ${i + 1}` }, { transient: false });
      }
      const r = feedRecordSchema.safeParse(value);
      if (!r.success) throw new SyncError('SYNC_BUNDLE_MALFORMED', { file: b.file, detail: `line ${i + 1}: ${r.error.issues[0]?.path.join('.')}` }, { transient: false });
      page.notifications.push({ notification: r.data.notification });
      for (const element of r.data.timeline) page.elements.push({ iun: r.data.notification.iun, element });
    }
    return page;
  }

  /** The bundle to read next: the one in progress, else the first not imported yet. */
  function next(c: FileCursor, files: string[]): OpenBundle | null {
    if (c.file !== undefined && files.includes(c.file)) {
      const b = load(c.file);
      if (b.id === c.id) return b;
    }
    c.line = 0;
    for (const f of files) {
      const st = statSync(join(opts.inboxDir, f));
      const id = knownIds.get(`${f}:${st.size}:${st.mtimeMs}`);
      if (id !== undefined && c.done.includes(id)) continue;
      const b = load(f);
      if (!c.done.includes(b.id)) return b;
    }
    return null;
  }

  async function pull(cursorText: string | undefined, options: PullOptions): Promise<PullPage> {
    const c = readCursor(cursorText);
    const files = listInbox();
    const b = next(c, files);
    if (!b) return { notifications: [], elements: [], cursor: JSON.stringify({ done: c.done, line: 0 }), hasMore: false };
    const from = c.file === b.file && c.id === b.id ? c.line : 0;
    const to = Math.min(b.lines.length, from + Math.max(1, options.limit));
    const page = await parseLines(b, from, to);
    const finished = to >= b.lines.length;
    const cursor: FileCursor = finished ? { done: [...c.done, b.id].slice(-KEEP_DONE), line: 0 } : { done: c.done, file: b.file, id: b.id, line: to };
    return { ...page, cursor: JSON.stringify(cursor), hasMore: !finished || files.some((f) => f > b.file), progress: { done: to, total: b.lines.length } };
  }

  async function pushMany(items: readonly OutboxItem[]): Promise<PushResult[]> {
    if (!existsSync(opts.outboxDir)) throw new SyncError('SYNC_BUNDLE_DIR_UNAVAILABLE', { dir: opts.outboxDir });
    const createdAt = new Date(now()).toISOString();
    const lines = items.map((i) => JSON.stringify({ kind: i.kind, idempotencyKey: i.idempotencyKey, payload: i.payload, createdAt: i.createdAt } satisfies OutboxRecord));
    const bundle = buildBundle('outbox', [{ name: 'outbox.ndjson', lines }], { deskId: opts.deskId, createdAt, key: opts.deskKey });
    const name = `outbox-${opts.deskId}-${createdAt.replace(/[-:.]/g, '')}-${items[0]?.id ?? 0}-${items[items.length - 1]?.id ?? 0}${BUNDLE_EXTENSION}`;
    const path = join(opts.outboxDir, name);
    try {
      writeFileSync(`${path}.tmp`, bundle, { mode: 0o600 });
      const fd = openSync(`${path}.tmp`, 'r');
      fsyncSync(fd);
      closeSync(fd);
      renameSync(`${path}.tmp`, path);
    } catch {
      throw new SyncError('SYNC_BUNDLE_DIR_UNAVAILABLE', { dir: opts.outboxDir });
    }
    opts.logger?.info('sync: outbox bundle written', { file: name, items: items.length });
    return items.map(() => ({ status: 'applied', remoteRef: name }));
  }

  async function health(): Promise<AdapterHealth> {
    const checkedAt = new Date(now()).toISOString();
    for (const [dir, mode] of [[opts.inboxDir, constants.R_OK], [opts.outboxDir, constants.W_OK]] as const) {
      try {
        accessSync(dir, mode);
      } catch {
        return { ok: false, checkedAt, code: 'SYNC_BUNDLE_DIR_UNAVAILABLE', params: { dir } };
      }
    }
    return { ok: true, checkedAt };
  }

  return {
    name: 'file',
    stream: `file:${opts.deskId}`,
    // Every kind: the central office reading the bundle forwards each item to whoever carries it.
    capabilities: () => ({ pull: true, push: OUTBOX_KINDS, fetch: false, offline: true }),
    health,
    pull,
    push: async (item) => (await pushMany([item]))[0]!,
    pushMany,
  };
}
