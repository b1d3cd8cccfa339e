// The Deleghe screen lists a tax code's mandates as delegator or as delegate: the pair index
// (delegate, delegator) of the desk-operations migration serves the delegate side only.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('desk_mandates', (t) => {
    t.index(['delegator_tax_id'], 'desk_mandates_delegator_idx');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('desk_mandates', (t) => {
    t.dropIndex(['delegator_tax_id'], 'desk_mandates_delegator_idx');
  });
}
