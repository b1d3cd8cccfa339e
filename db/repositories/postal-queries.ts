// Queries of the postal screens (DOMAIN.md 7.3): the recipients whose paper item was ever put in
// giacenza. Which of them are still held is decided by the core on each one's timeline.
import type { Db } from './sql.js';

/** The codes that put an item in giacenza (RECRN011, RECAG011A, RECRS011: DOMAIN.md 7.3, 7.4). */
export const GIACENZA_START_CODES: readonly string[] = ['RECRN011', 'RECAG011A', 'RECRS011'];

export interface GiacenzaCandidate {
  iun: string;
  recipientIndex: number;
}

export class PostalQueries {
  constructor(private readonly db: Db) {}

  /**
   * Recipients with a "held at the post office" progress element, newest notifications first.
   * details is JSON text on both dialects; JSON.stringify writes `"deliveryDetailCode":"X"`.
   */
  async giacenzaCandidates(limit = 2000): Promise<GiacenzaCandidate[]> {
    const rows = await this.db('timeline_elements as t')
      .join('notifications as n', 'n.nid', 't.nid')
      .whereIn('t.category', ['SEND_ANALOG_PROGRESS', 'SIMPLE_REGISTERED_LETTER_PROGRESS'])
      .andWhere((q) => {
        for (const code of GIACENZA_START_CODES) q.orWhere('t.details', 'like', `%"deliveryDetailCode":"${code}"%`);
      })
      .whereNot('n.status', 'CANCELLED')
      .distinct('n.iun', 't.recipient_index', 'n.sent_ms')
      .orderBy([{ column: 'n.sent_ms', order: 'desc' }, { column: 'n.iun' }, { column: 't.recipient_index' }])
      .limit(limit);
    return rows.map((r: { iun: string; recipient_index: number }) => ({ iun: r.iun, recipientIndex: Number(r.recipient_index) }));
  }
}
