// Maps anything thrown by a handler to the wire error, and error codes to HTTP statuses.
// Nothing but `{code, message, params, details}` ever crosses the boundary: no stack, no SQL,
// and only the params the message itself shows.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { codedMessage, isDomainError, isErrorCode, messageFor, soleTellingField, type ErrorCode, type Locale } from '../../core/index.js';
import type { ApiError, FieldError } from './contract/envelope.js';

/** The wire error of a code: its message in the caller's language, with the params that message shows (codedMessage). */
export function apiError(code: ErrorCode, locale: Locale, params: Record<string, string | number> = {}, details?: ApiError['details']): ApiError {
  const error: ApiError = codedMessage(code, locale, params);
  return details ? { ...error, details } : error;
}

type Issue = z.core.$ZodIssue;
type Params = Record<string, string | number>;
interface Mapped {
  code: ErrorCode;
  params: Params;
}

const mapped = (code: ErrorCode, params: Params = {}): Mapped => ({ code, params });

/** The value the caller sent at an issue's path (paths name the input's positions, before transforms). */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/** Nothing typed: absent, null, or only spaces. */
function isBlank(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

function sizeIssue(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): Mapped {
  const small = issue.code === 'too_small';
  const bound = Number(small ? issue.minimum : issue.maximum);
  if (issue.origin === 'string') {
    if (issue.exact) return mapped('INPUT_TEXT_LENGTH', { length: bound });
    if (small) return bound <= 1 ? mapped('INPUT_REQUIRED') : mapped('INPUT_TEXT_TOO_SHORT', { min: bound });
    return mapped('INPUT_TEXT_TOO_LONG', { max: bound });
  }
  if (issue.origin === 'array' || issue.origin === 'set') {
    if (small) return bound <= 1 ? mapped('INPUT_LIST_EMPTY') : mapped('INPUT_LIST_TOO_SHORT', { min: bound });
    return mapped('INPUT_LIST_TOO_LONG', { max: bound });
  }
  if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') {
    if (small) return issue.inclusive === false ? mapped('INPUT_NUMBER_NOT_ABOVE', { min: bound }) : mapped('INPUT_NUMBER_TOO_SMALL', { min: bound });
    return issue.inclusive === false ? mapped('INPUT_NUMBER_NOT_BELOW', { max: bound }) : mapped('INPUT_NUMBER_TOO_BIG', { max: bound });
  }
  return mapped('INPUT_VALUE_INVALID');
}

/** A `YYYY-MM-DD` pattern is a day the form sent; its fix is the day as the clerk types it. */
const DAY_PATTERN = /\\d\{4\}-\\d\{2\}-\\d\{2\}/;

function formatIssue(issue: z.core.$ZodIssueInvalidStringFormat): Mapped {
  if (issue.format === 'date' || (issue.format === 'regex' && DAY_PATTERN.test(String(issue.pattern ?? '')))) return mapped('INPUT_DATE_INVALID');
  if (issue.format === 'datetime') return mapped('INPUT_DATE_TIME_INVALID');
  if (issue.format === 'email') return mapped('INPUT_EMAIL_INVALID');
  return mapped('INPUT_FORMAT_INVALID');
}

function typeIssue(issue: z.core.$ZodIssueInvalidType, value: unknown): Mapped {
  if (isBlank(value)) return mapped('INPUT_REQUIRED');
  if (issue.expected === 'int') return mapped(typeof value === 'number' ? 'INPUT_NUMBER_NOT_INTEGER' : 'INPUT_NUMBER_INVALID');
  if (issue.expected === 'number' || issue.expected === 'bigint') return mapped('INPUT_NUMBER_INVALID');
  return mapped('INPUT_VALUE_INVALID');
}

/** Every kind of zod issue has its catalogue code, so no library text reaches the clerk. */
function zodIssue(issue: Issue, value: unknown): Mapped {
  switch (issue.code) {
    case 'too_small':
    case 'too_big':
      return sizeIssue(issue);
    case 'invalid_format':
      return formatIssue(issue as z.core.$ZodIssueInvalidStringFormat);
    case 'invalid_type':
      return typeIssue(issue, value);
    case 'invalid_value':
      return mapped('INPUT_CHOICE_INVALID');
    case 'invalid_union':
      // A discriminated union whose `kind` matches no option: a choice, like an enum.
      return mapped((issue as { discriminator?: string }).discriminator ? 'INPUT_CHOICE_INVALID' : 'INPUT_VALUE_INVALID');
    case 'not_multiple_of':
      return mapped('INPUT_NUMBER_NOT_MULTIPLE', { divisor: Number(issue.divisor) });
    case 'unrecognized_keys':
      return mapped('INPUT_FIELDS_UNEXPECTED', { keys: issue.keys.join(', ').slice(0, 200) });
    default:
      return mapped('INPUT_VALUE_INVALID');
  }
}

/**
 * The code of one issue: the core's code when the schema's check carried one, the catalogue's
 * INPUT_* code of the zod check otherwise. An empty field is "required" whatever check tripped
 * over it ("wrong length, 0 characters" says nothing to the clerk), unless the domain's own code
 * already says what is required.
 */
function issueCode(issue: Issue, input: unknown): Mapped {
  const value = valueAt(input, issue.path);
  const params = (issue as { params?: Params }).params ?? {};
  const core = typeof params.code === 'string' && isErrorCode(params.code) ? params.code : undefined;
  if (core?.endsWith('_REQUIRED')) return mapped(core, params);
  if (isBlank(value) && issue.code !== 'unrecognized_keys') return mapped('INPUT_REQUIRED');
  return core ? mapped(core, params) : zodIssue(issue, value);
}

/**
 * A zod failure becomes VALIDATION_FAILED with one entry per field and problem, in the caller's
 * language. `input` is what the caller sent: it tells an empty field from a wrong one.
 */
export function validationError(error: z.ZodError, locale: Locale, input?: unknown): ApiError {
  const fields: FieldError[] = [];
  const seen = new Set<string>();
  for (const issue of error.issues) {
    const { code, params } = issueCode(issue, input);
    const path = issue.path.map(String).join('.');
    if (seen.has(`${path}\u0000${code}`)) continue;
    seen.add(`${path}\u0000${code}`);
    fields.push({ path, ...codedMessage(code, locale, params) });
  }
  // With one failing field, its own message is the clearest thing to show the clerk; a generic
  // "required" without the field's name is not, so the summary asks to look at the fields.
  const only = soleTellingField(fields);
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
  if (code === 'PAYLOAD_TOO_LARGE' || code === 'UPLOAD_TOO_LARGE') return 413;
  if (code === 'INTERNAL') return 500;
  if (CONFLICT_MARKERS.some((m) => code.includes(m))) return 409;
  return 422; // a domain rule refused the request
}
