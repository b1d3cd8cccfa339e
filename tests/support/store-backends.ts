// The two store backends the repository suite runs on (describe.each): a fresh SQLite file per
// store, and a fresh database per store on a throwaway PostgreSQL server (cloned from a migrated
// template, so each test starts empty without re-running migrations).
import { afterAll, beforeAll, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store, type StoreConfig } from '../../db/store.js';
import { findPgBin, startPgServer, type PgServer } from './pg-server.js';

export interface StoreBackend {
  name: 'sqlite' | 'pg';
  /** Why the backend cannot run here (the suite is then skipped with this reason printed). */
  skipReason?: string;
  setup(): Promise<void>;
  teardown(): Promise<void>;
  /** A new, empty, migrated store. */
  newStore(): Promise<Store>;
  /**
   * PostgreSQL only: another store (its own connection pool) on the database of the last
   * newStore, as a second desk of an office sharing one store.
   */
  anotherDesk?(): Promise<Store>;
}

export function sqliteBackend(): StoreBackend {
  let dir = '';
  let n = 0;
  return {
    name: 'sqlite',
    async setup() {
      dir = mkdtempSync(join(tmpdir(), 'radd-store-'));
    },
    async teardown() {
      rmSync(dir, { recursive: true, force: true });
    },
    async newStore() {
      n += 1;
      const dataDir = join(dir, `s${n}`);
      return openStore({ client: 'sqlite3', filename: join(dataDir, 'radd.sqlite'), dataDir });
    },
  };
}

export function pgBackend(): StoreBackend {
  const found = findPgBin();
  let server: PgServer | undefined;
  let dir = '';
  let n = 0;
  let last: StoreConfig | undefined;
  const backend: StoreBackend = {
    name: 'pg',
    async setup() {
      if (!('bin' in found)) return;
      dir = mkdtempSync(join(tmpdir(), 'radd-pgdata-'));
      server = await startPgServer(found.bin);
      await server.createDatabase('radd_template');
      const template = await openStore({ client: 'pg', connection: server.url('radd_template'), dataDir: join(dir, 'template') });
      await template.close();
    },
    async teardown() {
      server?.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
    async newStore() {
      if (!server) throw new Error('PostgreSQL server not started');
      n += 1;
      const name = `radd_${n}`;
      await server.createDatabase(name, 'radd_template');
      const config: StoreConfig = { client: 'pg', connection: server.url(name), dataDir: join(dir, name) };
      last = config;
      return openStore(config);
    },
    async anotherDesk() {
      if (!last) throw new Error('anotherDesk: no store opened yet');
      return openStore(last);
    },
  };
  if (!('bin' in found)) backend.skipReason = `PostgreSQL binaries absent: ${found.reason}`;
  return backend;
}

/** Both backends; prints the reason when one must be skipped. */
export function storeBackends(): StoreBackend[] {
  const all = [sqliteBackend(), pgBackend()];
  for (const b of all) if (b.skipReason) console.warn(`[store tests] skipping ${b.name}: ${b.skipReason}`);
  return all;
}

/**
 * Inside `describe.each(storeBackends())`: sets the backend up around the suite and returns the
 * test function to use (`it.skip` when the backend cannot run on this machine).
 */
export function useBackend(backend: StoreBackend) {
  beforeAll(async () => {
    if (!backend.skipReason) await backend.setup();
  });
  afterAll(async () => {
    if (!backend.skipReason) await backend.teardown();
  });
  return backend.skipReason ? it.skip : it;
}
