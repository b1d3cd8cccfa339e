// Files that travel in chunks (scans, CSV imports) are kept per host between calls, by a random id,
// for a limited time. Nothing here touches the store: an abandoned upload leaves no trace.
import { randomUUID } from 'node:crypto';
import { DomainError, type ErrorCode } from '../../core/index.js';

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
