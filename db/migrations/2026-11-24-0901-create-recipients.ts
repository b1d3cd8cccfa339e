// Recipients of a notification (DOMAIN.md 1, 10) with the derived per-recipient state of
// DOMAIN.md 8.3 / 12. `pending` = visible to the recipient and not yet viewed (DOMAIN.md 10, 13),
// kept as a column so that "pending notifications of this tax code" is one index range.
import type { Knex } from 'knex';
import { createClusteredTable } from './helpers.js';

export async function up(knex: Knex): Promise<void> {
  await createClusteredTable(knex, 'recipients', (t) => {
    t.string('iun', 25).notNullable().references('iun').inTable('notifications').onDelete('CASCADE');
    t.integer('rec_index').notNullable();
    t.string('tax_id', 16).notNullable();
    t.string('recipient_type', 2).notNullable();
    t.string('denomination').notNullable();
    t.string('digital_domicile_type', 8);
    t.string('digital_domicile_address');
    t.text('physical_address');
    t.string('aar_ref', 64);
    // Derived (DOMAIN.md 8.3, 12).
    t.string('outcome', 24).notNullable();
    t.string('viewed_at', 40);
    t.string('refinement_date', 40);
    t.string('refined_by', 8);
    t.string('term_date', 40);
    t.boolean('pending').notNullable();
    t.primary(['iun', 'rec_index']);
    t.index(['tax_id', 'pending'], 'recipients_tax_id_pending_idx');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('recipients');
}
