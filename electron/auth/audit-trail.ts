// What one audit entry says (issue #11): who (operator id), with which roles, at which desk,
// which operation, on which ids, when, and the outcome (ok, or refused with its code). Only ids
// ever go in: a value that looks like a codice fiscale is masked, like in the host log.
import type { AuditEntry, ChainedAuditEntry } from '../../db/repositories/audit-repo.js';
import type { AuditEntryView, AuditOutcome } from '../api/contract/admin.js';
import { redact } from '../logger.js';

export interface AuditFacts {
  at: Date;
  /** The signed-in operator; absent before any operator exists ('local'). */
  operatorId?: string;
  roles: readonly string[];
  deskId?: string;
  operation: string;
  targets: readonly unknown[];
  outcome: AuditOutcome;
  code?: string;
}

const MAX_TARGETS = 20;
const MAX_TARGET_LENGTH = 100;

/** Strings and numbers only, bounded, with anything shaped like a tax code masked. */
export function safeTargets(targets: readonly unknown[]): string[] {
  return targets
    .filter((t): t is string | number => typeof t === 'string' || typeof t === 'number')
    .slice(0, MAX_TARGETS)
    .map((t) => redact(String(t)).slice(0, MAX_TARGET_LENGTH));
}

export function toAuditEntry(f: AuditFacts): AuditEntry {
  const targets = safeTargets(f.targets);
  const details: Record<string, unknown> = { roles: [...f.roles], desk: f.deskId ?? null, targets, outcome: f.outcome };
  if (f.code) details.code = f.code;
  const entry: AuditEntry = { at: f.at.toISOString(), actor: f.operatorId ?? 'local', action: f.operation, details };
  if (targets[0] !== undefined) entry.subject = targets[0];
  return entry;
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** The screen's view of a stored entry (entries written by other code show their own details). */
export function toAuditEntryView(e: ChainedAuditEntry): AuditEntryView {
  const d = e.details ?? {};
  const outcome = d.outcome === 'ok' || d.outcome === 'refused' ? d.outcome : null;
  return {
    id: e.id,
    seq: e.seq,
    at: e.at,
    operatorId: e.actor,
    roles: strings(d.roles),
    deskId: typeof d.desk === 'string' ? d.desk : null,
    operation: e.action,
    targets: d.targets === undefined && e.subject ? [e.subject] : strings(d.targets),
    outcome,
    code: typeof d.code === 'string' ? d.code : null,
  };
}

/** For operations audited by their handler (`auditedBy: 'handler'`): one entry, in its own write. */
export async function appendOwnAudit(
  ctx: { store: { audit: { append(e: AuditEntry): Promise<unknown> } }; clock: { now(): Date } },
  caller: { roles: readonly string[]; operatorId?: string; deskId?: string },
  operation: string,
  targets: readonly unknown[],
): Promise<void> {
  const f: AuditFacts = { at: ctx.clock.now(), roles: caller.roles, operation, targets, outcome: 'ok' };
  if (caller.operatorId) f.operatorId = caller.operatorId;
  if (caller.deskId !== undefined) f.deskId = caller.deskId;
  await ctx.store.audit.append(toAuditEntry(f));
}
