// SQLite integrity check on start (PRAGMA quick_check: O(N), skips the index/content cross-check
// that integrity_check does, so it stays fast on a large file).
import type { Knex } from 'knex';
import { DomainError } from '../core/index.js';

export async function quickCheck(knex: Knex): Promise<void> {
  const rows = (await knex.raw('PRAGMA quick_check')) as { quick_check: string }[];
  const problems = rows.map((r) => r.quick_check).filter((v) => v !== 'ok');
  if (problems.length > 0) {
    throw new DomainError('DB_INTEGRITY_FAILED', { detail: problems.slice(0, 3).join('; ') });
  }
}
