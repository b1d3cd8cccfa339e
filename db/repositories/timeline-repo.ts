// Timeline elements (DOMAIN.md 5): append-only; a repeated (iun, elementId) is a no-op.
// The write path that also updates the derived state is TimelineWriter (timeline-writer.ts).
import type { TimelineElement } from '../../core/index.js';
import { rowToElement, timelineTuple, TIMELINE_COLUMNS, TIMELINE_JSON_COLUMNS, type TimelineRow } from '../mappers/timeline.js';
import { forChunks, insertRows, nidOf, type Db } from './sql.js';

/** Columns of an insert keyed by nid (insertKeyed). */
const KEYED_COLUMNS = ['nid', ...TIMELINE_COLUMNS.slice(1)];

/** The key insertKeyed reports an inserted element by. */
export function elementKey(nid: number, elementId: string): string {
  return `${nid}\u0000${elementId}`;
}

export class TimelineRepo {
  constructor(private readonly db: Db) {}

  /**
   * Inserts the elements of many notifications, given by key (nid), skipping those already stored;
   * returns the keys of the ones actually inserted (elementKey).
   */
  async insertKeyed(items: readonly { nid: number; elements: readonly TimelineElement[] }[]): Promise<Set<string>> {
    const rows: unknown[][] = [];
    for (const { nid, elements } of items) for (const e of elements) rows.push(timelineTuple(nid, e));
    const out = await insertRows<{ nid: number | string; element_id: string }>(this.db, 'timeline_elements', KEYED_COLUMNS, rows, {
      ignoreConflicts: true,
      returning: ['nid', 'element_id'],
      jsonColumns: TIMELINE_JSON_COLUMNS,
    });
    return new Set(out.map((r) => elementKey(Number(r.nid), r.element_id)));
  }

  /** The stored elements of many notifications by key (nid), one query per 500 (unordered). */
  async listByNids(nids: readonly number[]): Promise<Map<number, TimelineElement[]>> {
    const out = new Map<number, TimelineElement[]>(nids.map((nid) => [nid, []]));
    await forChunks(nids, async (chunk) => {
      const rows = await this.db<TimelineRow & { nid: number | string }>('timeline_elements').whereIn('nid', chunk).orderBy(['nid', 'element_id']);
      for (const r of rows) out.get(Number(r.nid))?.push(rowToElement(r));
    });
    return out;
  }

  /** The stored elements of a notification (unordered: the core orders them, DOMAIN.md 4.1). */
  async listByIun(iun: string): Promise<TimelineElement[]> {
    const rows = await this.db<TimelineRow>('timeline_elements').where('nid', nidOf(this.db, iun)).orderBy('element_id');
    return rows.map(rowToElement);
  }

  async has(iun: string, elementId: string): Promise<boolean> {
    return (await this.db('timeline_elements').where('nid', nidOf(this.db, iun)).andWhere('element_id', elementId).first('element_id')) !== undefined;
  }

  async countByIun(iun: string): Promise<number> {
    const rows = await this.db('timeline_elements').where('nid', nidOf(this.db, iun)).count<{ c: number | string }[]>({ c: '*' });
    return Number(rows[0]?.c ?? 0);
  }
}
