// The result shape shared by the identifier parsers: a person's input is expected to be wrong
// sometimes, so a rejection is a value, not an exception (STYLE.md 3). Warnings never reject.
import type { ErrorCode } from '../errors/index.js';
import type { DomainWarning } from '../model/types.js';

export type ParseFailure = { ok: false; code: ErrorCode; params: Record<string, string | number> };

export type ParseResult<T, Extra = unknown> =
  | ({ ok: true; value: T; warnings: DomainWarning[] } & Extra)
  | ParseFailure;

export function fail(code: ErrorCode, params: Record<string, string | number> = {}): ParseFailure {
  return { ok: false, code, params };
}
