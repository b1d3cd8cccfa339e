// Demo/offline resolution of AAR QR tokens to (IUN, recipient) (DOMAIN.md 9): tokens are opaque,
// never decoded; online, the sync adapter resolves them instead.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('aar_tokens', (t) => {
    t.string('token', 200).primary();
    t.string('iun', 25).notNullable();
    t.integer('recipient_index').notNullable();
    t.foreign(['iun', 'recipient_index']).references(['iun', 'rec_index']).inTable('recipients').onDelete('CASCADE');
    t.index(['iun'], 'aar_tokens_iun_idx');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('aar_tokens');
}
