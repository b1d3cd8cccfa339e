// Upkeep of the sender dashboard's daily counters (sender-stats-sql.ts): recompute them from the
// rows, and measure how far the kept counters are from that recomputation (zero when the triggers
// did their job: the integration tests and a health report use it).
import { rebuildSql } from './sender-stats-sql.js';
import { isPg, rawRows, type Db } from './sql.js';

export interface StatsDrift {
  day: number;
  senderTaxId: string;
  metric: string;
  key: string;
  kept: number;
  actual: number;
}

export class SenderStatsRepo {
  constructor(private readonly db: Db) {}

  /** Recomputes the daily counters from the rows (repair; the triggers keep them up to date). */
  async rebuildStats(): Promise<void> {
    await this.db('sender_daily').delete();
    await this.db.raw(rebuildSql(isPg(this.db) ? 'pg' : 'sqlite'));
  }

  /**
   * Differences between the counters and a recomputation from the rows (empty when they agree):
   * the check that the triggers stay correct, for tests and a health report.
   */
  async statsDrift(): Promise<StatsDrift[]> {
    const pg = isPg(this.db);
    await this.db.raw(pg
      ? 'CREATE TEMPORARY TABLE IF NOT EXISTS sender_daily_check (LIKE sender_daily INCLUDING ALL)'
      : 'CREATE TEMPORARY TABLE IF NOT EXISTS sender_daily_check (day INTEGER, sender_tax_id TEXT, metric TEXT, k TEXT, n INTEGER, sum_ms INTEGER, PRIMARY KEY (day, sender_tax_id, metric, k))');
    await this.db.raw('DELETE FROM sender_daily_check');
    await this.db.raw(rebuildSql(pg ? 'pg' : 'sqlite', 'sender_daily_check'));
    const rows = await rawRows<{ day: number; s: string; m: string; k: string; kept: number | string | null; actual: number | string | null }>(this.db, `
      SELECT a.day, a.sender_tax_id AS s, a.metric AS m, a.k, a.n AS kept, b.n AS actual FROM sender_daily a
        LEFT JOIN sender_daily_check b ON b.day = a.day AND b.sender_tax_id = a.sender_tax_id AND b.metric = a.metric AND b.k = a.k
        WHERE a.n <> COALESCE(b.n, 0) OR a.sum_ms <> COALESCE(b.sum_ms, 0)
      UNION ALL
      SELECT b.day, b.sender_tax_id, b.metric, b.k, NULL, b.n FROM sender_daily_check b
        WHERE NOT EXISTS (SELECT 1 FROM sender_daily a WHERE a.day = b.day AND a.sender_tax_id = b.sender_tax_id AND a.metric = b.metric AND a.k = b.k)`);
    await this.db.raw('DELETE FROM sender_daily_check');
    return rows.map((r) => ({ day: Number(r.day), senderTaxId: r.s, metric: r.m, key: r.k, kept: Number(r.kept ?? 0), actual: Number(r.actual ?? 0) }));
  }
}
