// Files that travel in chunks (scans, CSV imports) are kept per host between calls, by a random id
// (or the one the screen named the upload by), for a limited time. Nothing here touches the store: an
// abandoned upload leaves no trace. A chunk sent again after its answer was lost gets its first answer
// (ChunksOnce), for both kinds of upload.
import { createHash, randomUUID } from 'node:crypto';
import { DomainError, type ErrorCode } from '../../core/index.js';
import { answeredAgain } from '../api/answer-once.js';

interface Entry<T> {
  value: T;
  touchedMs: number;
}

export interface RegistryOptions {
  ttlMs: number;
  maxEntries: number;
  notFound: ErrorCode;
}

export class UploadRegistry<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(private readonly opts: RegistryOptions, private readonly nowMs: () => number = Date.now) {}

  /**
   * Stores the value made for a new id (a random one, or the one the caller chose: a screen naming its
   * upload); the least recently used entries go when the registry is full.
   */
  create(make: (id: string) => T, id: string = randomUUID()): string {
    this.sweep();
    while (this.entries.size >= this.opts.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    this.entries.set(id, { value: make(id), touchedMs: this.nowMs() });
    return id;
  }

  /**
   * The id of the upload a first chunk (no upload id) belongs to: the one the screen named it by
   * (requestId) when that upload is known, its first chunk sent again; otherwise a new one, under
   * that name if any.
   */
  open(requestId: string | undefined, make: (id: string) => T): string {
    if (requestId !== undefined && this.has(requestId)) return requestId;
    return this.create(make, requestId);
  }

  /** Whether the id is known (and not expired). */
  has(id: string): boolean {
    this.sweep();
    return this.entries.has(id);
  }

  /** The value of an id (its time to live starts again); throws the registry's not-found code. */
  get(id: string): T {
    this.sweep();
    const entry = this.entries.get(id);
    if (!entry) throw new DomainError(this.opts.notFound);
    entry.touchedMs = this.nowMs();
    // Re-inserted so that Map order stays "least recently used first".
    this.entries.delete(id);
    this.entries.set(id, entry);
    return entry.value;
  }

  delete(id: string): void {
    this.entries.delete(id);
  }

  private sweep(): void {
    const limit = this.nowMs() - this.opts.ttlMs;
    for (const [id, e] of this.entries) if (e.touchedMs < limit) this.entries.delete(id);
  }
}

/** Base64 to bytes; the contract's regex already refused anything else. */
export function decodeChunk(base64: string): Buffer {
  return Buffer.from(base64, 'base64');
}

/** What a chunk says besides its bytes. */
export interface SentChunk {
  offset: number;
  last: boolean;
  fileName: string;
}

/**
 * The chunks of one upload, each answered once. A chunk sent again after its answer was lost (the same
 * offset, bytes, 'last' and file name) gets the first answer (a copy marked answeredAgain: nothing is
 * taken, stored or audited twice), also while that answer is still being worked out. Another chunk at
 * an offset already received is POSTAL_UPLOAD_CHUNK_CONFLICT; a gap, or a chunk after the last, is
 * POSTAL_UPLOAD_OUT_OF_ORDER. A refused chunk ends an upload still receiving (`end`); after the last
 * chunk the upload stays as it is (its chunks still answered again, a CSV import going on).
 */
export class ChunksOnce<A extends object> {
  private readonly received = new Map<number, { same: string; answer: Promise<A> }>();
  /** The offset of the next chunk: the bytes taken so far. */
  private next = 0;
  /** The last chunk came: nothing more is taken. */
  private ended = false;

  /** `fileName`: the upload's, named by a conflict. */
  constructor(private readonly fileName: string) {}

  /**
   * The answer to one chunk: its first answer when it was received already, or `take`'s (which takes
   * the bytes and answers: its work up to its first await is done before another chunk is looked at).
   */
  receive(chunk: SentChunk, bytes: Buffer, end: () => void, take: () => A | Promise<A>): Promise<A> {
    const same = `${createHash('sha256').update(bytes).digest('hex')}:${chunk.last ? 'last' : 'more'}:${chunk.fileName}`;
    const seen = this.received.get(chunk.offset);
    if (seen) {
      if (seen.same !== same) return this.refused(end, new DomainError('POSTAL_UPLOAD_CHUNK_CONFLICT', { fileName: this.fileName }));
      // A copy: the first caller's own answer is not marked as given again.
      return seen.answer.then((first) => answeredAgain({ ...first }));
    }
    if (this.ended || chunk.offset !== this.next) return this.refused(end, new DomainError('POSTAL_UPLOAD_OUT_OF_ORDER'));
    this.next += bytes.byteLength;
    if (chunk.last) this.ended = true;
    let answer: Promise<A>;
    try {
      answer = Promise.resolve(take());
    } catch (e) {
      answer = Promise.reject(e);
    }
    this.received.set(chunk.offset, { same, answer });
    return answer;
  }

  private refused(end: () => void, e: DomainError): Promise<never> {
    if (!this.ended) end();
    return Promise.reject(e);
  }
}
