// Maps anything thrown by a handler to the wire error, and error codes to HTTP statuses.
// Nothing but `{code, message, details}` ever crosses the boundary: no stack, no SQL.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { isDomainError, isErrorCode, messageFor, type ErrorCode, type Locale } from '../../core/index.js';
import type { ApiError, FieldError } from './contract/envelope.js';

export function apiError(code: ErrorCode, locale: Locale, params: Record<string, string | number> = {}, details?: ApiError['details']): ApiError {
  return details ? { code, message: messageFor(code, locale, params), details } : { code, message: messageFor(code, locale, params) };
}

/** A zod failure becomes VALIDATION_FAILED with one entry per field; a core code in the issue gives its message. */
export function validationError(error: z.ZodError, locale: Locale): ApiError {
  const fields: FieldError[] = error.issues.map((issue) => {
    const params = (issue as { params?: Record<string, string | number> }).params ?? {};
    const code = typeof params.code === 'string' && isErrorCode(params.code) ? params.code : undefined;
    return {
      path: issue.path.map(String).join('.'),
      code: code ?? `ZOD_${issue.code.toUpperCase()}`,
      message: code ? messageFor(code, locale, params) : issue.message,
    };
  });
  // With one failing field, its own message is the clearest thing to show the clerk.
  const only = fields.length === 1 && fields[0]!.code.startsWith('ZOD_') === false ? fields[0]! : undefined;
  return {
    code: 'VALIDATION_FAILED',
    message: only ? only.message : messageFor('VALIDATION_FAILED', locale),
    details: { fields },
  };
}

export interface ErrorLogger {
  error(msg: string, fields: Record<string, unknown>): void;
}

/** Domain errors keep their code; anything else is INTERNAL with a correlation id logged on the host. */
export function toApiError(e: unknown, locale: Locale, logger: ErrorLogger, op: string): ApiError {
  if (isDomainError(e)) return apiError(e.code, locale, e.params);
  const correlationId = randomUUID().slice(0, 8);
  logger.error('operation failed', { op, correlationId, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e), stack: e instanceof Error ? e.stack : undefined });
  return apiError('INTERNAL', locale, { correlationId }, { correlationId });
}

const CONFLICT_MARKERS = ['ALREADY', 'CONFLICT', 'DUPLICATE'];

/** HTTP status of an error code (STYLE.md 2): the IPC transport ignores it. */
export function httpStatusOf(code: string): number {
  if (code === 'VALIDATION_FAILED' || code === 'MALFORMED_REQUEST') return 400;
  if (code === 'UNAUTHORIZED') return 401;
  if (code === 'FORBIDDEN') return 403;
  if (code === 'UNKNOWN_OPERATION' || code.endsWith('NOT_FOUND')) return 404;
  if (code === 'REQUEST_TIMEOUT') return 408;
  if (code === 'PAYLOAD_TOO_LARGE') return 413;
  if (code === 'INTERNAL') return 500;
  if (CONFLICT_MARKERS.some((m) => code.includes(m))) return 409;
  return 422; // a domain rule refused the request
}
