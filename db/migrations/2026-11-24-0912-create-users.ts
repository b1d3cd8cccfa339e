// Local users of the app and their roles (clerk, postal, sender, admin: STYLE.md 2).
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('users', (t) => {
    t.string('id', 64).primary();
    t.string('username', 64).notNullable().unique({ indexName: 'users_username_uq' });
    t.string('display_name').notNullable();
    t.text('roles').notNullable();
    t.string('sender_tax_id', 16);
    t.string('password_hash');
    t.boolean('active').notNullable();
    t.string('created_at', 40).notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('users');
}
