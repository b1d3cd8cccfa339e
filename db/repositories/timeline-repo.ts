// Timeline elements (DOMAIN.md 5): append-only; a repeated (iun, elementId) is a no-op.
// The write path that also updates the derived state is TimelineWriter (timeline-writer.ts).
import type { TimelineElement } from '../../core/index.js';
import { rowToElement, timelineTuple, TIMELINE_COLUMNS, TIMELINE_JSON_COLUMNS, type TimelineRow } from '../mappers/timeline.js';
import { insertRows, nidOf, type Db } from './sql.js';

export class TimelineRepo {
  constructor(private readonly db: Db) {}

  /** Inserts elements, skipping ids already stored; returns the ids actually inserted. */
  async insert(iun: string, elements: readonly TimelineElement[]): Promise<Set<string>> {
    const out = await insertRows<{ element_id: string }>(this.db, 'timeline_elements', TIMELINE_COLUMNS, elements.map((e) => timelineTuple(iun, e)), {
      ignoreConflicts: true,
      returning: ['element_id'],
      iunToNid: true,
      jsonColumns: TIMELINE_JSON_COLUMNS,
    });
    return new Set(out.map((r) => r.element_id));
  }

  /** Bulk load of many notifications' elements (no RETURNING, duplicates skipped). */
  async insertMany(items: readonly { iun: string; elements: readonly TimelineElement[] }[]): Promise<void> {
    const tuples: unknown[][] = [];
    for (const { iun, elements } of items) for (const e of elements) tuples.push(timelineTuple(iun, e));
    await insertRows(this.db, 'timeline_elements', TIMELINE_COLUMNS, tuples, { ignoreConflicts: true, iunToNid: true, jsonColumns: TIMELINE_JSON_COLUMNS });
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
