import { messageFor, type ErrorCode, type Locale } from './codes.js';

/** A rule of the domain was not met. `code` is stable; the text comes from the catalogues. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly params: Record<string, string | number>;

  constructor(code: ErrorCode, params: Record<string, string | number> = {}) {
    super(code);
    this.name = 'DomainError';
    this.code = code;
    this.params = params;
  }
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}

/**
 * What a person reads about a failure outside the UI (a start-up dialog, a command's stderr): the
 * catalogue's message for a DomainError, the error's own message otherwise (a configuration error
 * names the variable to fix). Never the bare code alone.
 */
export function describeError(e: unknown, locale: Locale): string {
  if (e instanceof DomainError) return messageFor(e.code, locale, e.params);
  if (e instanceof Error && e.message) return e.message;
  return String(e);
}
