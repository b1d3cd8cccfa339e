// Legal facts of a notification (DOMAIN.md 6), kept in step with the derived state by the
// timeline write path; `fileRef` links the PDF once it is in the file store.
import type { LegalFact } from '../../core/index.js';
import { compact } from '../mappers/json.js';
import { insertRows, nidOf, type Db } from './sql.js';

export interface StoredLegalFact extends LegalFact {
  fileRef?: string;
}

interface LegalFactRow {
  iun: string;
  id: string;
  type: string;
  element_id: string;
  recipient_index: number | null;
  at: string;
  file_ref: string | null;
}

const COLUMNS = ['iun', 'id', 'type', 'element_id', 'recipient_index', 'at', 'file_ref'] as const satisfies readonly (keyof LegalFactRow)[];

export class LegalFactsRepo {
  constructor(private readonly db: Db) {}

  /**
   * Makes the stored legal facts of `iun` equal to `facts`: adds the new ones, drops those a
   * re-derivation no longer produces, keeps the file links of the others.
   */
  async sync(iun: string, facts: readonly LegalFact[]): Promise<void> {
    const ids = facts.map((f) => f.id);
    const stale = this.db('legal_facts').where('nid', nidOf(this.db, iun));
    if (ids.length > 0) stale.whereNotIn('id', ids);
    await stale.delete();
    const rows = facts.map((f) => [iun, f.id, f.type, f.elementId, f.recipientIndex ?? null, f.at, null]);
    await insertRows(this.db, 'legal_facts', COLUMNS, rows, { ignoreConflicts: true, iunToNid: true });
  }

  async listByIun(iun: string, recipientIndex?: number): Promise<StoredLegalFact[]> {
    const q = this.db<LegalFactRow>('legal_facts').where('nid', nidOf(this.db, iun));
    if (recipientIndex !== undefined) q.andWhere('recipient_index', recipientIndex);
    const rows = await q.orderBy('id');
    // `at` strings carry different offsets: order by instant, not by text.
    rows.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    return rows.map((r) =>
      compact({ id: r.id, type: r.type as LegalFact['type'], elementId: r.element_id, recipientIndex: r.recipient_index ?? undefined, at: r.at, fileRef: r.file_ref ?? undefined }),
    );
  }

  /** Links the PDF of a legal fact (a key of the file store). */
  async setFileRef(iun: string, id: string, sha256: string): Promise<boolean> {
    return (await this.db('legal_facts').where('nid', nidOf(this.db, iun)).andWhere('id', id).update({ file_ref: sha256 })) === 1;
  }
}
