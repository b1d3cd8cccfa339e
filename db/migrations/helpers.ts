// Shared bits of the migrations: the dialect test and SQLite's WITHOUT ROWID tables.
// Migrations are frozen once committed (STYLE.md 4): change this file only additively.
import type { Knex } from 'knex';

export function isSqlite(knex: Knex): boolean {
  return knex.client.config.client === 'sqlite3';
}

/**
 * Creates a table; on SQLite as WITHOUT ROWID, so that a composite primary key is the table's
 * own clustered order (a timeline is read as one range, and no second copy of the key is kept).
 * PostgreSQL gets the same columns and keys through the ordinary builder.
 */
export async function createClusteredTable(
  knex: Knex,
  name: string,
  build: (t: Knex.CreateTableBuilder) => void,
): Promise<void> {
  const builder = knex.schema.createTable(name, build);
  if (!isSqlite(knex)) {
    await builder;
    return;
  }
  const statements = builder.toSQL();
  for (const [i, s] of statements.entries()) {
    const sql = i === 0 ? `${s.sql} WITHOUT ROWID` : s.sql;
    await knex.raw(sql, s.bindings as readonly Knex.Value[]);
  }
}
