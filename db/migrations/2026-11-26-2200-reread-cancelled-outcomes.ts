// DOMAIN.md 12 lists when a recipient's outcome is NOT_SENT (a refused notification; a recipient who
// viewed without any send). Earlier versions also wrote NOT_SENT for an unreached recipient of a
// cancelled notification; the core now reads that case as IN_PROGRESS. Stored derived columns
// follow (the sender_daily row trigger moves the dashboard's outcome counters with them).
import type { Knex } from 'knex';

const SEND_CATEGORIES = ['SEND_DIGITAL_DOMICILE', 'SEND_ANALOG_DOMICILE', 'SEND_SIMPLE_REGISTERED_LETTER'];

// A cancelled notification cannot have been refused (REFUSED is terminal), so NOT_SENT without a
// view there came from the cancellation rule only.
export async function up(knex: Knex): Promise<void> {
  await knex('recipients')
    .where('outcome', 'NOT_SENT')
    .whereNull('viewed_at')
    .whereIn('iun', knex('notifications').select('iun').where('status', 'CANCELLED'))
    .update({ outcome: 'IN_PROGRESS' });
}

export async function down(knex: Knex): Promise<void> {
  await knex('recipients')
    .where('outcome', 'IN_PROGRESS')
    .whereNull('viewed_at')
    .whereIn('iun', knex('notifications').select('iun').where('status', 'CANCELLED'))
    .whereNotExists(
      knex('timeline_elements as t')
        .select(knex.raw('1'))
        .whereRaw('t.iun = recipients.iun AND t.recipient_index = recipients.rec_index')
        .whereIn('t.category', SEND_CATEGORIES),
    )
    .update({ outcome: 'NOT_SENT' });
}
