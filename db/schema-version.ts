// Migrations on open: refuse a database written by a newer app (a migration we do not know),
// then apply only what is missing. Knex's own check would first take its lock (a write) and
// would report a "corrupt migration directory"; ours writes nothing and says what to do.
import type { Knex } from 'knex';
import { DomainError } from '../core/index.js';
import { migrations, migrationSource } from './migrations/index.js';

const MIGRATIONS_TABLE = 'knex_migrations';

/** Names of applied migrations, in the order they were applied. */
export async function appliedMigrations(knex: Knex): Promise<string[]> {
  if (!(await knex.schema.hasTable(MIGRATIONS_TABLE))) return [];
  const rows = await knex(MIGRATIONS_TABLE).select('name').orderBy('id');
  return rows.map((r: { name: string }) => r.name);
}

/** Throws DB_NEWER_VERSION when the database has migrations this build does not know. */
export async function assertKnownMigrations(knex: Knex): Promise<string[]> {
  const applied = await appliedMigrations(knex);
  const known = new Set(migrations.map((m) => m.name));
  const unknown = applied.filter((name) => !known.has(name));
  if (unknown.length > 0) throw new DomainError('DB_NEWER_VERSION', { migrations: unknown.join(', ') });
  return applied;
}

/** Applies the missing migrations (each in its own transaction); returns their names. */
export async function migrateToLatest(knex: Knex): Promise<string[]> {
  const applied = new Set(await assertKnownMigrations(knex));
  const pending = migrations.filter((m) => !applied.has(m.name)).map((m) => m.name);
  if (pending.length === 0) return [];
  await knex.migrate.latest({ migrationSource, tableName: MIGRATIONS_TABLE });
  return pending;
}

/** Rolls every migration back (tests of the `down` functions). */
export async function rollbackAll(knex: Knex): Promise<void> {
  await knex.migrate.rollback({ migrationSource, tableName: MIGRATIONS_TABLE }, true);
}
