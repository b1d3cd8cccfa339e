import { describe, expect, it } from 'vitest';
import { catalog } from '../errors/index.js';
import { RADD_RESULT_CODES, RADD_RESULTS, raddResultCodeFor, raddResultInfo, transactionResponseCodeFor } from './result-codes.js';

describe('RADD result codes (DOMAIN.md 10.1)', () => {
  it('covers exactly the codes 0, 2, 3, 4, 5, 10, 80, 99', () => {
    expect([...RADD_RESULT_CODES]).toEqual([0, 2, 3, 4, 5, 10, 80, 99]);
    expect(Object.keys(RADD_RESULTS).map(Number).sort((a, b) => a - b)).toEqual([0, 2, 3, 4, 5, 10, 80, 99]);
  });

  it('gives every code its own message in the catalogue', () => {
    const messages = RADD_RESULT_CODES.map((c) => RADD_RESULTS[c].message);
    expect(new Set(messages).size).toBe(messages.length);
    for (const m of messages) expect(catalog[m]).toBeDefined();
  });

  it('marks only "not ready" (2) as carrying retryAfter', () => {
    expect(RADD_RESULT_CODES.filter((c) => RADD_RESULTS[c].hasRetryAfter)).toEqual([2]);
  });

  it('treats an unknown number from SEND as a generic failure', () => {
    expect(raddResultInfo(42).code).toBe(99);
    expect(raddResultInfo(80).name).toBe('NOTIFICATION_CANCELLED');
  });

  it.each([
    ['PRINT_LIMIT_REACHED', 3],
    ['DOCUMENTS_NO_LONGER_AVAILABLE', 4],
    ['RADD_TRANSACTION_ALREADY_EXISTS', 5],
    ['TAX_ID_NOT_RECIPIENT', 10],
    ['IUN_NOT_OF_TAX_ID', 10],
    ['NOTIFICATION_NOT_FOUND', 10],
    ['IDENTITY_DOCUMENT_EXPIRED', 10],
    // "bad QR" (DOMAIN.md 10.1): a QR that is not SEND's, a token SEND never issued, an unreadable IUN.
    ['AAR_QR_INVALID', 10],
    ['AAR_QR_UNKNOWN', 10],
    ['IUN_INVALID_FORMAT', 10],
    ['IUN_INVALID_CHECK_CHAR', 10],
    ['NOTIFICATION_CANCELLED', 80],
    // The AOR inquiry answers only 0 or 99 (radd-alt-external.yaml AORInquiryResponse): never 10.
    ['AOR_NOTHING_PENDING', 99],
    ['RADD_TRANSACTION_NOT_FOUND', 99],
  ] as const)('maps %s to result %i', (code, result) => {
    expect(raddResultCodeFor(code)).toBe(result);
  });
});

describe('RADD complete/abort response codes (radd-alt TransactionResponseStatus)', () => {
  it.each([
    [null, 0],
    ['RADD_TRANSACTION_NOT_FOUND', 1],
    ['RADD_TRANSACTION_ALREADY_COMPLETED', 2],
    ['RADD_TRANSACTION_ALREADY_ABORTED', 2],
    ['RADD_TRANSACTION_IN_ERROR', 99],
  ] as const)('answers %s with %i', (code, expected) => {
    expect(transactionResponseCodeFor(code)).toBe(expected);
  });
});
