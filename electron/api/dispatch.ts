// The one function both transports call (STYLE.md 2): find the entry, check the role, parse the
// input, run the handler, and turn whatever happened into the wire envelope.
import type { Locale } from '../../core/index.js';
import { contract, type OpName, type Role } from './contract/index.js';
import type { Envelope } from './contract/envelope.js';
import { apiError, toApiError, validationError } from './errors.js';
import { handlers } from './handlers/index.js';
import type { HostContext } from './host-context.js';

/** Who is calling: the session's roles (none = anonymous) and the language of the messages. */
export interface Caller {
  roles: readonly Role[];
  locale: Locale;
  operatorId?: string;
}

export function isOpName(name: string): name is OpName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export async function dispatch(ctx: HostContext, caller: Caller, opName: string, rawInput: unknown): Promise<Envelope> {
  const locale = caller.locale;
  if (!isOpName(opName)) return { ok: false, error: apiError('UNKNOWN_OPERATION', locale, { op: String(opName).slice(0, 80) }) };
  const def = contract[opName];
  if (caller.roles.length === 0) return { ok: false, error: apiError('UNAUTHORIZED', locale) };
  if (!caller.roles.some((r) => def.roles.includes(r))) return { ok: false, error: apiError('FORBIDDEN', locale) };
  const parsed = def.input.safeParse(rawInput ?? {});
  if (!parsed.success) return { ok: false, error: validationError(parsed.error, locale) };
  try {
    const handler = handlers[opName] as (input: unknown, ctx: HostContext, caller: Caller) => Promise<unknown>;
    const data = await handler(parsed.data, ctx, caller);
    return { ok: true, data };
  } catch (e) {
    return { ok: false, error: toApiError(e, locale, ctx.logger, opName) };
  }
}
