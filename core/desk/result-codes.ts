// RADD result codes of inquiry/start, as data (DOMAIN.md 10.1 "Result codes"; radd-alt-external.yaml
// StartTransactionResponseStatus / ActInquiryResponseStatus). Each code has its own clerk message in
// the desk catalogue; the desk's own typed errors map onto them for the `radd` adapter.
import type { ErrorCode } from '../errors/index.js';

export const RADD_RESULT_CODES = [0, 2, 3, 4, 5, 10, 80, 99] as const;
export type RaddResultCode = (typeof RADD_RESULT_CODES)[number];

export interface RaddResultInfo {
  code: RaddResultCode;
  /** SEND's own short name of the outcome. */
  name: 'OK' | 'NOT_READY' | 'ALREADY_PRINTED' | 'DOCUMENTS_UNAVAILABLE' | 'TRANSACTION_ALREADY_EXISTS' | 'INVALID_INPUT' | 'NOTIFICATION_CANCELLED' | 'KO';
  /** Catalogue entry holding the clerk message. */
  message: ErrorCode;
  /** Code 2 carries `retryAfter` (ms): start again later with the same operationId. */
  hasRetryAfter: boolean;
}

export const RADD_RESULTS: Readonly<Record<RaddResultCode, RaddResultInfo>> = {
  0: { code: 0, name: 'OK', message: 'RADD_RESULT_OK', hasRetryAfter: false },
  2: { code: 2, name: 'NOT_READY', message: 'RADD_DOCUMENTS_NOT_READY', hasRetryAfter: true },
  3: { code: 3, name: 'ALREADY_PRINTED', message: 'PRINT_LIMIT_REACHED', hasRetryAfter: false },
  4: { code: 4, name: 'DOCUMENTS_UNAVAILABLE', message: 'DOCUMENTS_NO_LONGER_AVAILABLE', hasRetryAfter: false },
  5: { code: 5, name: 'TRANSACTION_ALREADY_EXISTS', message: 'RADD_TRANSACTION_ALREADY_EXISTS', hasRetryAfter: false },
  10: { code: 10, name: 'INVALID_INPUT', message: 'RADD_INVALID_INPUT', hasRetryAfter: false },
  80: { code: 80, name: 'NOTIFICATION_CANCELLED', message: 'NOTIFICATION_CANCELLED', hasRetryAfter: false },
  99: { code: 99, name: 'KO', message: 'RADD_GENERIC_FAILURE', hasRetryAfter: false },
};

export function isRaddResultCode(n: number): n is RaddResultCode {
  return (RADD_RESULT_CODES as readonly number[]).includes(n);
}

/** Info of a numeric code received from SEND; an unknown number is treated as 99 (generic failure). */
export function raddResultInfo(code: number): RaddResultInfo {
  return isRaddResultCode(code) ? RADD_RESULTS[code] : RADD_RESULTS[99];
}

/**
 * The RADD result code that stands for one of the desk's typed errors. Not-found, refused,
 * not-a-recipient, delegation and identity problems, and a QR or IUN that cannot be read, are all
 * "input not valid" (10) for SEND: the IUN or QR given does not lead to a notification this person
 * may collect. An AOR inquiry with nothing pending is not an input problem: the AOR inquiry answers
 * only 0 or 99 (radd-alt-external.yaml AORInquiryResponse.status: ResponseStatus, enum [0, 99]).
 */
const ERROR_TO_RESULT: Partial<Record<ErrorCode, RaddResultCode>> = {
  RADD_RESULT_OK: 0,
  RADD_DOCUMENTS_NOT_READY: 2,
  PRINT_LIMIT_REACHED: 3,
  DOCUMENTS_NO_LONGER_AVAILABLE: 4,
  RADD_TRANSACTION_ALREADY_EXISTS: 5,
  RADD_INVALID_INPUT: 10,
  NOTIFICATION_NOT_FOUND: 10,
  NOTIFICATION_REFUSED: 10,
  TAX_ID_NOT_RECIPIENT: 10,
  IUN_NOT_OF_TAX_ID: 10,
  DELEGATION_MISSING: 10,
  AAR_QR_INVALID: 10,
  AAR_QR_UNKNOWN: 10,
  IUN_INVALID_FORMAT: 10,
  IUN_INVALID_CHARACTER: 10,
  IUN_INVALID_MONTH: 10,
  IUN_INVALID_CHECK_CHAR: 10,
  AOR_NOTHING_PENDING: 99,
  IDENTITY_DOCUMENT_TYPE_INVALID: 10,
  IDENTITY_DOCUMENT_NUMBER_INVALID: 10,
  IDENTITY_DOCUMENT_NUMBER_SHAPE: 10,
  IDENTITY_DOCUMENT_ISSUER_MISSING: 10,
  IDENTITY_DOCUMENT_DATE_INVALID: 10,
  IDENTITY_DOCUMENT_ISSUED_IN_FUTURE: 10,
  IDENTITY_DOCUMENT_ISSUED_AFTER_EXPIRY: 10,
  IDENTITY_DOCUMENT_EXPIRED: 10,
  NOTIFICATION_CANCELLED: 80,
};

export function raddResultCodeFor(error: ErrorCode): RaddResultCode {
  return ERROR_TO_RESULT[error] ?? 99;
}

/**
 * Codes of the complete/abort answer (radd-alt-external.yaml TransactionResponseStatus): 0 OK, also
 * for an identical repeat; 1 transaction does not exist; 2 already completed or aborted; 99 KO.
 * SEND's code answers 99 for all refusals (DOMAIN.md 10.1); the desk reads both.
 */
export const RADD_TRANSACTION_RESPONSE_CODES = [0, 1, 2, 99] as const;
export type RaddTransactionResponseCode = (typeof RADD_TRANSACTION_RESPONSE_CODES)[number];

/** The complete/abort response code standing for a transaction outcome (null = accepted). */
export function transactionResponseCodeFor(error: ErrorCode | null): RaddTransactionResponseCode {
  if (error === null) return 0;
  if (error === 'RADD_TRANSACTION_NOT_FOUND') return 1;
  if (error === 'RADD_TRANSACTION_ALREADY_COMPLETED' || error === 'RADD_TRANSACTION_ALREADY_ABORTED') return 2;
  return 99;
}
