// A temp directory with SQLite stores in it, for the SQLite-only integration tests.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../../db/store.js';

export interface TempStoreDir {
  dir: string;
  /** Config of a store named `name` in the temp dir. */
  config(name: string, readOnly?: boolean): { client: 'sqlite3'; filename: string; dataDir: string; readOnly?: boolean };
  open(name: string, readOnly?: boolean): Promise<Store>;
  remove(): void;
}

export function tempStoreDir(prefix = 'radd-store-'): TempStoreDir {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const config = (name: string, readOnly = false) => ({
    client: 'sqlite3' as const,
    filename: join(dir, name, 'radd.sqlite'),
    dataDir: join(dir, name),
    ...(readOnly ? { readOnly } : {}),
  });
  return {
    dir,
    config,
    open: (name, readOnly) => openStore(config(name, readOnly)),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export function fileSha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** The DomainError code a promise rejects with (undefined when it resolves or throws something else). */
export async function rejectionCode(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
    return undefined;
  } catch (e) {
    return (e as { code?: string }).code;
  }
}
