// The desk's AOR inquiry reads a tax code's pending notices found unreachable (DOMAIN.md 10 step 2):
// with the outcome in the index it seeks those rows only, instead of reading every pending notice of
// the tax code (hundreds for a company or a frequent recipient) and dropping most of them. The
// index still serves "all pending of a tax code" by its prefix, so it replaces the old one.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('recipients', (t) => {
    t.dropIndex(['tax_id', 'pending'], 'recipients_tax_id_pending_idx');
    t.index(['tax_id', 'pending', 'outcome'], 'recipients_tax_id_pending_outcome_idx');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('recipients', (t) => {
    t.dropIndex(['tax_id', 'pending', 'outcome'], 'recipients_tax_id_pending_outcome_idx');
    t.index(['tax_id', 'pending'], 'recipients_tax_id_pending_idx');
  });
}
