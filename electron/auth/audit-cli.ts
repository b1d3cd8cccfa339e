// `npm run audit:verify [-- --data-dir DIR | --db FILE]`: checks the audit log's hash chain of a
// store (opened read-only) and prints the first broken link. Exit code 0 = intact, 1 = broken,
// 2 = the store could not be read. Same options as the app (electron/config.ts).
import { existsSync } from 'node:fs';
import { openStore } from '../../db/store.js';
import type { AuditVerification } from '../../db/repositories/audit-repo.js';
import { loadConfig } from '../config.js';
import { failureReport } from '../startup-failure.js';

const REASONS: Record<string, string> = {
  NOT_CHAINED: 'the entry carries no chain data (written or altered outside the app)',
  ENTRY_MISSING: 'one or more entries before this one were removed',
  SEQUENCE_REPEATED: 'an entry was inserted or duplicated',
  LINK_BROKEN: 'the previous entry was altered (its hash no longer matches)',
  HASH_MISMATCH: 'this entry was altered after it was written',
  HEAD_MISMATCH: 'entries at the end of the log were removed or the head was altered',
};

/** The report printed by the command (one line when intact, three when broken). */
export function formatVerification(v: AuditVerification, where: string): string {
  if (v.ok) return `audit log of ${where}: ${v.checked} entries, hash chain intact`;
  const b = v.firstBroken!;
  return [
    `audit log of ${where}: hash chain BROKEN`,
    `first broken link: entry id ${b.id}${b.seq !== undefined ? ` (seq ${b.seq})` : ''}: ${b.reason} - ${REASONS[b.reason] ?? ''}`,
    `entries verified before it: ${v.checked}`,
  ].join('\n');
}

async function main(): Promise<number> {
  const config = loadConfig(process.argv.slice(2), process.env);
  if (config.db.client === 'sqlite3' && !existsSync(config.db.filename)) {
    process.stderr.write(`no database at ${config.db.filename}\n`);
    return 2;
  }
  const store = await openStore(
    config.db.client === 'pg'
      ? { client: 'pg', connection: config.db.connection, dataDir: config.dataDir, readOnly: true }
      : { client: 'sqlite3', filename: config.db.filename, dataDir: config.dataDir, readOnly: true },
  );
  try {
    const v = await store.audit.verify();
    process.stdout.write(`${formatVerification(v, config.db.client === 'pg' ? 'PostgreSQL' : config.db.filename)}\n`);
    return v.ok ? 0 : 1;
  } finally {
    await store.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`audit:verify failed:\n${failureReport(e)}\n`);
    process.exit(2);
  },
);
