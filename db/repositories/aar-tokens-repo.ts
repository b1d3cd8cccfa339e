// Demo/offline AAR QR tokens -> (IUN, recipient) (DOMAIN.md 9). Tokens are opaque: stored, never decoded.
import { insertRows, type Db } from './sql.js';

export class AarTokensRepo {
  constructor(private readonly db: Db) {}

  /** Remembers a token; a token already stored is left as it is. */
  async put(token: string, iun: string, recipientIndex: number): Promise<void> {
    await insertRows(this.db, 'aar_tokens', ['token', 'iun', 'recipient_index'], [[token, iun, recipientIndex]], { ignoreConflicts: true });
  }

  async resolve(token: string): Promise<{ iun: string; recipientIndex: number } | undefined> {
    const row = await this.db('aar_tokens').where('token', token).first<{ iun: string; recipient_index: number } | undefined>();
    return row ? { iun: row.iun, recipientIndex: row.recipient_index } : undefined;
  }

  async listByIun(iun: string): Promise<{ token: string; recipientIndex: number }[]> {
    const rows = await this.db('aar_tokens').where('iun', iun).orderBy(['recipient_index', 'token']);
    return rows.map((r: { token: string; recipient_index: number }) => ({ token: r.token, recipientIndex: r.recipient_index }));
  }
}
