// The audit log as CSV (issue #11): one row per entry, oldest first, with its place in the chain,
// so that an exported file can be checked against the live log later.
import type { AuditFilter, AuditRepo } from '../../db/repositories/audit-repo.js';
import type { AuditExport } from '../api/contract/admin.js';
import { toAuditEntryView } from './audit-trail.js';

export const AUDIT_EXPORT_MAX = 100_000;
const PAGE = 1000;

const COLUMNS = ['id', 'seq', 'at', 'operator', 'roles', 'desk', 'operation', 'targets', 'outcome', 'code', 'hash'] as const;

/**
 * One CSV field: quoted when needed; a value a spreadsheet would run as a formula (= + - @ tab CR)
 * gets a leading apostrophe (OWASP "CSV injection").
 */
export function csvField(value: string | number | null): string {
  let s = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export async function auditCsv(repo: Pick<AuditRepo, 'listAfter'>, filter: AuditFilter, now: Date): Promise<AuditExport> {
  const lines = [COLUMNS.join(',')];
  let after = 0;
  let rows = 0;
  for (;;) {
    const page = await repo.listAfter(filter, after, PAGE);
    for (const e of page) {
      const v = toAuditEntryView(e);
      lines.push([v.id, v.seq, v.at, v.operatorId, v.roles.join(' '), v.deskId, v.operation, v.targets.join(' '), v.outcome, v.code, e.hash].map(csvField).join(','));
    }
    rows += page.length;
    if (page.length < PAGE) break;
    after = page.at(-1)!.id;
  }
  const stamp = now.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  return { filename: `radd-desk-audit-${stamp}.csv`, mimeType: 'text/csv', content: lines.join('\r\n') + '\r\n', rows };
}
