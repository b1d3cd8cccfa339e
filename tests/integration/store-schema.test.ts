// Schema canary (STYLE.md 4, as Ghost does it): all migrations on an empty file must give exactly
// the recorded schema. A change here means a migration was edited or added: a committed
// migration is never edited (fix forward), and a new one updates SCHEMA_HASH in the same commit.
import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { migrations } from '../../db/migrations/index.js';
import { appliedMigrations, rollbackAll } from '../../db/schema-version.js';
import { tempStoreDir } from '../support/store-temp.js';

const SCHEMA_HASH = '5179286579266aeb78d1973a5b011e6c30d3965ee1a1cdc78d17cae63dc7e3a6';

const tmp = tempStoreDir('radd-schema-');
afterAll(() => tmp.remove());

describe('store schema', () => {
  it('all migrations on an empty database give the recorded schema (hash of sqlite_master)', async () => {
    const s = await tmp.open('canary');
    const rows = (await s.knex.raw(
      "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name",
    )) as { type: string; name: string; tbl_name: string; sql: string | null }[];
    await s.close();
    const hash = createHash('sha256').update(JSON.stringify(rows)).digest('hex');
    expect(hash).toBe(SCHEMA_HASH);
  });

  it('applies every listed migration, in list order, once', async () => {
    const s = await tmp.open('order');
    expect(await appliedMigrations(s.knex)).toEqual(migrations.map((m) => m.name));
    await s.close();
  });

  it('migration names are sortable timestamps with a verb phrase, listed in order', () => {
    for (const m of migrations) expect(m.name).toMatch(/^\d{4}-\d{2}-\d{2}-\d{4}-[a-z]+(-[a-z0-9]+)+$/);
    expect(migrations.map((m) => m.name)).toEqual([...migrations.map((m) => m.name)].sort());
  });

  it('rolling back every migration removes every table they created', async () => {
    const s = await tmp.open('down');
    await rollbackAll(s.knex);
    const rows = (await s.knex.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")) as { name: string }[];
    expect(rows.map((r) => r.name)).toEqual(['knex_migrations', 'knex_migrations_lock']);
    await s.close();
  });
});
