// Legal facts of a notification (DOMAIN.md 6), kept in step with the derived state by the
// timeline write path; `fileRef` links the PDF once it is in the file store.
import type { LegalFact } from '../../core/index.js';
import { compact } from '../mappers/json.js';
import { LEGAL_FACT_COLUMNS, legalFactTuple } from '../mappers/legal-facts.js';
import { forChunks, insertRows, nidOf, type Db } from './sql.js';

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

/** Columns of a legal_facts insert keyed by the notification's nid. */
const KEYED_COLUMNS = ['nid', ...LEGAL_FACT_COLUMNS.slice(1)];

const factKey = (nid: number, id: string) => `${nid}\u0000${id}`;

export class LegalFactsRepo {
  constructor(private readonly db: Db) {}

  /**
   * Makes the stored legal facts of each notification (given by key, nid) equal to its `facts`: adds
   * the new ones, drops those a re-derivation no longer produces, keeps the file links of the others.
   * A few statements for all of them.
   */
  async syncMany(items: readonly { nid: number; facts: readonly LegalFact[] }[]): Promise<void> {
    if (items.length === 0) return;
    const stored = new Map<string, [number, string]>();
    await forChunks(items.map((i) => i.nid), async (nids) => {
      const rows = await this.db('legal_facts').whereIn('nid', nids).select<{ nid: number | string; id: string }[]>('nid', 'id');
      for (const r of rows) stored.set(factKey(Number(r.nid), r.id), [Number(r.nid), r.id]);
    });
    const wanted = new Set<string>();
    const rows: unknown[][] = [];
    for (const { nid, facts } of items) {
      for (const f of facts) {
        const key = factKey(nid, f.id);
        wanted.add(key);
        if (!stored.has(key)) rows.push(legalFactTuple(nid, f));
      }
    }
    const stale = [...stored].filter(([key]) => !wanted.has(key)).map(([, nidAndId]) => nidAndId);
    await forChunks(stale, async (pairs) => {
      await this.db('legal_facts').whereIn(['nid', 'id'], pairs).delete();
    });
    await insertRows(this.db, 'legal_facts', KEYED_COLUMNS, rows, { ignoreConflicts: true });
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
