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

/** Columns of a legal_facts insert keyed by the notification's nid. */
const KEYED_COLUMNS = ['nid', 'id', 'type', 'element_id', 'recipient_index', 'at', 'file_ref'];
/** Notifications (or stale facts) per query of syncMany. */
const KEYS_PER_QUERY = 500;

const factKey = (nid: number, id: string) => `${nid}\u0000${id}`;

export class LegalFactsRepo {
  constructor(private readonly db: Db) {}

  /**
   * Makes the stored legal facts of `iun` equal to `facts`: adds the new ones, drops those a
   * re-derivation no longer produces, keeps the file links of the others.
   */
  async sync(iun: string, facts: readonly LegalFact[]): Promise<void> {
    const row = await this.db('notifications').where('iun', iun).first<{ nid: number | string } | undefined>('nid');
    if (row) await this.syncMany([{ nid: Number(row.nid), facts }]);
  }

  /** sync for many notifications, given by key (nid): a few statements for all of them. */
  async syncMany(items: readonly { nid: number; facts: readonly LegalFact[] }[]): Promise<void> {
    if (items.length === 0) return;
    const stored = new Set<string>();
    const nids = items.map((i) => i.nid);
    for (let start = 0; start < nids.length; start += KEYS_PER_QUERY) {
      const rows = await this.db('legal_facts').whereIn('nid', nids.slice(start, start + KEYS_PER_QUERY)).select<{ nid: number | string; id: string }[]>('nid', 'id');
      for (const r of rows) stored.add(factKey(Number(r.nid), r.id));
    }
    const wanted = new Set<string>();
    const rows: unknown[][] = [];
    for (const { nid, facts } of items) {
      for (const f of facts) {
        const key = factKey(nid, f.id);
        wanted.add(key);
        if (!stored.has(key)) rows.push([nid, f.id, f.type, f.elementId, f.recipientIndex ?? null, f.at, null]);
      }
    }
    const stale = [...stored].filter((k) => !wanted.has(k)).map((k) => {
      const at = k.indexOf('\u0000');
      return [Number(k.slice(0, at)), k.slice(at + 1)];
    });
    for (let start = 0; start < stale.length; start += KEYS_PER_QUERY) {
      await this.db('legal_facts').whereIn(['nid', 'id'], stale.slice(start, start + KEYS_PER_QUERY)).delete();
    }
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
