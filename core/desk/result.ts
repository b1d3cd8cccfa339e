// The desk rules return results, not exceptions (STYLE.md 3: expected outcomes are values).
import { DomainError, type ErrorCode } from '../errors/index.js';
import { raddResultCodeFor, type RaddResultCode } from './result-codes.js';

export type DeskParams = Record<string, string | number>;

export interface DeskFailure<C extends ErrorCode = ErrorCode> {
  ok: false;
  code: C;
  params: DeskParams;
  /** The RADD result code SEND would answer for this failure (DOMAIN.md 10.1). */
  raddCode: RaddResultCode;
}

export function deskFailure<C extends ErrorCode>(code: C, params: DeskParams = {}): DeskFailure<C> {
  return { ok: false, code, params, raddCode: raddResultCodeFor(code) };
}

/** The failure as a DomainError, for callers (API handlers) that throw. */
export function toDomainError(failure: DeskFailure): DomainError {
  return new DomainError(failure.code, failure.params);
}
