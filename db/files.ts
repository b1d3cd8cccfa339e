// Documents on disk (acts, AARs, legal facts, identity scans), content-addressed by SHA-256:
// <dataDir>/files/<2 hex>/<64 hex>. A write goes to a temp file that is fsynced and renamed (a
// crash leaves the old state or the whole new file, never half a file); every read re-hashes
// and refuses to serve a missing or damaged file (DOCUMENT_MISSING / DOCUMENT_CHECKSUM_MISMATCH).
// Storing bytes that are already there refreshes the file's modification time: the scan-retention
// purge (electron/desk/scan-retention.ts) never deletes a file stored again within the retention
// period, since a newer operation (or a form about to start one) may be using it.
import { createHash, randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdir, open, readFile, rename, rm, stat, unlink, utimes } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { DomainError } from '../core/index.js';

const HEX_SHA256 = /^[0-9a-f]{64}$/;

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** SEND's digests are base64; local keys are hex. */
export function base64ToHex(b64: string): string {
  return Buffer.from(b64, 'base64').toString('hex');
}

export function hexToBase64(hex: string): string {
  return Buffer.from(hex, 'hex').toString('base64');
}

function assertKey(sha256: string): void {
  if (!HEX_SHA256.test(sha256)) throw new RangeError(`not a hex SHA-256 key: ${sha256}`);
}

async function fsyncPath(path: string, flags: string): Promise<void> {
  const handle = await open(path, flags);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Sets the modification time to now; false when the file is gone (removed meanwhile: write it again). */
async function touch(path: string): Promise<boolean> {
  const now = new Date();
  try {
    await utimes(path, now, now);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw e;
  }
}

export class FileStore {
  readonly root: string;

  constructor(dataDir: string) {
    this.root = join(dataDir, 'files');
  }

  pathOf(sha256: string): string {
    assertKey(sha256);
    return join(this.root, sha256.slice(0, 2), sha256);
  }

  /** Stores bytes and returns their key; storing the same bytes twice is a no-op. */
  async put(bytes: Uint8Array): Promise<{ sha256: string; size: number }> {
    const sha256 = sha256Hex(bytes);
    const target = this.pathOf(sha256);
    if ((await this.isIntact(sha256)) && (await touch(target))) return { sha256, size: bytes.byteLength };
    const tmpDir = join(this.root, 'tmp');
    await mkdir(tmpDir, { recursive: true });
    await mkdir(dirname(target), { recursive: true });
    const tmp = join(tmpDir, `${sha256}.${randomUUID()}`);
    try {
      const handle = await open(tmp, 'wx');
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(tmp, target);
    } catch (e) {
      await rm(tmp, { force: true });
      throw e;
    }
    // The rename is durable only once the directory entry is on disk.
    await fsyncPath(dirname(target), 'r');
    return { sha256, size: bytes.byteLength };
  }

  /** The bytes of a stored file, verified against their key. */
  async read(sha256: string): Promise<Buffer> {
    const path = this.pathOf(sha256);
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new DomainError('DOCUMENT_MISSING', { sha256 });
      throw e;
    }
    if (sha256Hex(bytes) !== sha256) throw new DomainError('DOCUMENT_CHECKSUM_MISMATCH', { expected: sha256 });
    return bytes;
  }

  /** Whether the file is present (not verified: use read or isIntact for that). */
  async has(sha256: string): Promise<boolean> {
    try {
      await access(this.pathOf(sha256), constants.F_OK);
      return true;
    } catch {
      return false;
    }
  }

  /** Present and matching its key. */
  async isIntact(sha256: string): Promise<boolean> {
    try {
      await this.read(sha256);
      return true;
    } catch (e) {
      if (e instanceof DomainError) return false;
      throw e;
    }
  }

  /** When the file was last stored (written, or stored again); undefined when absent. */
  async modifiedMs(sha256: string): Promise<number | undefined> {
    try {
      return (await stat(this.pathOf(sha256))).mtimeMs;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
  }

  /**
   * Deletes a stored file (data retention). Idempotent: a file already gone is not an error, and
   * reports `removed: false`. The caller must have dropped every reference to the key first.
   */
  async remove(sha256: string): Promise<{ removed: boolean; bytes: number }> {
    const path = this.pathOf(sha256);
    let bytes: number;
    try {
      bytes = (await stat(path)).size;
      await unlink(path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { removed: false, bytes: 0 };
      throw e;
    }
    // Like the rename in put: the removal is durable once the directory entry is on disk.
    await fsyncPath(dirname(path), 'r');
    return { removed: true, bytes };
  }

  /** Removes leftovers of writes interrupted by a crash (temp files are never referenced). */
  async cleanTemp(): Promise<void> {
    await rm(join(this.root, 'tmp'), { recursive: true, force: true });
  }
}
