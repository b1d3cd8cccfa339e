// The sender list's protocol filter ignores letter case: offices write their protocol numbers in
// capitals ("PG/2026/0047571") and staff type them as it comes ("pg/2026/…"), which found nothing.
// The protocol index becomes an index on upper(pa_protocol_number), the expression the filter
// compares (db/repositories/sender-queries.ts), so a prefix stays one index range on both dialects.
// SQLite's upper() folds ASCII letters only, PostgreSQL's every letter: the filter applies the same
// database function to what was typed, so each dialect agrees with its own index.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX IF EXISTS notifications_protocol_idx');
  await knex.raw('CREATE INDEX notifications_protocol_idx ON notifications (upper(pa_protocol_number))');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX IF EXISTS notifications_protocol_idx');
  await knex.raw('CREATE INDEX notifications_protocol_idx ON notifications (pa_protocol_number)');
}
