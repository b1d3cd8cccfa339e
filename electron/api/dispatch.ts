// The one function both transports call (STYLE.md 2): find the entry, check the role, parse the
// input, run the handler, and turn whatever happened into the wire envelope.
// Operations that change state run inside one store transaction together with their audit entry
// (issue #11); a refusal (domain error, or a signed-in caller without the role) is audited in a
// transaction of its own, since the change itself rolled back.
import { isDomainError, type Locale } from '../../core/index.js';
import type { Store } from '../../db/store.js';
import { toAuditEntry, type AuditFacts } from '../auth/audit-trail.js';
import { isAnsweredAgain } from './answer-once.js';
import { ANONYMOUS, contract, type OpDef, type OpName, type Role } from './contract/index.js';
import type { ApiError, Envelope } from './contract/envelope.js';
import { apiError, toApiError, validationError } from './errors.js';
import { handlers } from './handlers/index.js';
import type { HostContext } from './host-context.js';

/** Who is calling: the session's roles (none = anonymous) and the language of the messages. */
export interface Caller {
  roles: readonly Role[];
  locale: Locale;
  operatorId?: string;
  /** The session behind the call (sign-out ends it) and the desk it was opened at. */
  sessionId?: string;
  deskId?: string;
}

type Handler = (input: unknown, ctx: HostContext, caller: Caller) => Promise<unknown>;

/**
 * A refusal that names the form field at fault (`params.field`: a day in the future, an expired
 * document) is also that field's error, as VALIDATION_FAILED's are: the screen marks the field.
 */
function withField(e: unknown, error: ApiError): ApiError {
  const path = isDomainError(e) ? e.params.field : undefined;
  if (typeof path !== 'string' || error.details?.fields) return error;
  const { details, ...coded } = error;
  return { ...error, details: { ...details, fields: [{ ...coded, path }] } };
}

export function isOpName(name: string): name is OpName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** Anonymous callers reach only operations listing ANONYMOUS; others need one listed role. */
export function accessRefusal(def: Pick<OpDef, 'roles'>, caller: Pick<Caller, 'roles'>): 'UNAUTHORIZED' | 'FORBIDDEN' | undefined {
  if (caller.roles.length === 0) return def.roles.includes(ANONYMOUS) ? undefined : 'UNAUTHORIZED';
  return caller.roles.some((r) => def.roles.includes(r)) ? undefined : 'FORBIDDEN';
}

function facts(ctx: HostContext, caller: Caller, def: OpDef, opName: string, targets: readonly unknown[], outcome: AuditFacts['outcome'], code?: string): AuditFacts {
  // The roles that let the call in; for a caller refused for lack of role, the roles they had.
  const granting = caller.roles.filter((r) => def.roles.includes(r));
  const roles = granting.length > 0 ? granting : caller.roles;
  const f: AuditFacts = { at: ctx.clock.now(), roles, operation: opName, targets, outcome };
  if (caller.operatorId) f.operatorId = caller.operatorId;
  if (caller.deskId !== undefined) f.deskId = caller.deskId;
  if (code) f.code = code;
  return f;
}

function targetsOf(def: OpDef, input: unknown, output: unknown): readonly unknown[] {
  try {
    return def.auditTargets?.(input, output) ?? [];
  } catch {
    return [];
  }
}

async function runAudited(ctx: HostContext, caller: Caller, def: OpDef, opName: string, input: unknown, handler: Handler): Promise<unknown> {
  return ctx.store.transaction(async (tx) => {
    // The handler sees the transaction's repositories as its store: its writes and the entry commit together.
    const store = { ...ctx.store, ...tx } as Store;
    const data = await handler(input, { ...ctx, store }, caller);
    // A repeat answered with the first answer did nothing: its entry was written the first time.
    if (isAnsweredAgain(data)) return data;
    await tx.audit.append(toAuditEntry(facts(ctx, caller, def, opName, targetsOf(def, input, data), 'ok')));
    return data;
  });
}

async function auditRefusal(ctx: HostContext, caller: Caller, def: OpDef, opName: string, input: unknown, code: string): Promise<void> {
  try {
    await ctx.store.audit.append(toAuditEntry(facts(ctx, caller, def, opName, targetsOf(def, input, undefined), 'refused', code)));
  } catch (e) {
    ctx.logger.error('audit entry of a refusal not written', { op: opName, code, error: e instanceof Error ? e.message : String(e) });
  }
}

export async function dispatch(ctx: HostContext, caller: Caller, opName: string, rawInput: unknown): Promise<Envelope> {
  const locale = caller.locale;
  if (!isOpName(opName)) return { ok: false, error: apiError('UNKNOWN_OPERATION', locale, { op: String(opName).slice(0, 80) }) };
  const def = contract[opName] as OpDef;
  const audited = def.mutates && def.auditedBy !== 'handler';
  const refusal = accessRefusal(def, caller);
  if (refusal) {
    if (refusal === 'FORBIDDEN' && audited) await auditRefusal(ctx, caller, def, opName, undefined, refusal);
    return { ok: false, error: apiError(refusal, locale) };
  }
  const parsed = def.input.safeParse(rawInput ?? {});
  if (!parsed.success) return { ok: false, error: validationError(parsed.error, locale, rawInput ?? {}) };
  const handler = handlers[opName] as Handler;
  try {
    const data = audited ? await runAudited(ctx, caller, def, opName, parsed.data, handler) : await handler(parsed.data, ctx, caller);
    return { ok: true, data };
  } catch (e) {
    if (audited && isDomainError(e)) await auditRefusal(ctx, caller, def, opName, parsed.data, e.code);
    return { ok: false, error: withField(e, toApiError(e, locale, ctx.logger, opName)) };
  }
}
