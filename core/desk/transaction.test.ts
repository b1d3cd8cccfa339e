import { describe, expect, it } from 'vitest';
import {
  aarQrToken,
  isOpenTransaction,
  transitionTransaction,
  type DeskTransaction,
  type TransactionEvent,
  type TransactionStartData,
  type TransactionState,
} from './transaction.js';

const OP = '5d2d53ad-6306-40fe-8126-51ccdd917cef';
const START: TransactionStartData = {
  operationType: 'ACT',
  recipientTaxId: 'RSSMRA85T10A562S',
  recipientType: 'PF',
  delegateTaxId: null,
  iun: 'QDUX-GHKP-JNAM-202603-T-1',
  qrCode: null,
  fileKey: 'PN_RADD_ALT_ATTACHMENT-1.zip',
  checksum: 'Kg2Uwyt7rYE4II1giJwh2MtaNtq6Obup2eDE0kAps+c=',
  operationDate: '2026-03-20T10:00:00+01:00',
};
const AT = '2026-03-20T10:05:00+01:00';

function txIn(state: TransactionState): DeskTransaction {
  return {
    operationId: OP,
    state,
    start: START,
    iuns: state === 'DRAFT' ? [] : [START.iun as string],
    startedAt: START.operationDate,
    completedAt: state === 'COMPLETED' ? '2026-03-20T10:03:00+01:00' : null,
    abortedAt: state === 'ABORTED' ? '2026-03-20T10:03:00+01:00' : null,
    abortReason: state === 'ABORTED' ? 'abort' : null,
    errorReason: state === 'ERROR' ? 'RETRY_AFTER' : null,
    updatedAt: '2026-03-20T10:03:00+01:00',
  };
}

const start = (data: TransactionStartData = START): TransactionEvent => ({ type: 'START', operationId: OP, data, at: AT });
const ready: TransactionEvent = { type: 'DOCUMENTS_READY', operationId: OP, iuns: [START.iun as string], at: AT };
const complete: TransactionEvent = { type: 'COMPLETE', operationId: OP, at: AT };
const abort: TransactionEvent = { type: 'ABORT', operationId: OP, reason: 'cittadino andato via', at: AT };
const fail: TransactionEvent = { type: 'FAIL', operationId: OP, reason: 'RETRY_AFTER', at: AT };

describe('transaction state machine (DOMAIN.md 10.1)', () => {
  const moves: Array<[string, TransactionState | undefined, TransactionEvent, TransactionState]> = [
    ['start creates a DRAFT', undefined, start(), 'DRAFT'],
    ['documents resolved move DRAFT to STARTED', 'DRAFT', ready, 'STARTED'],
    ['complete closes a STARTED transaction', 'STARTED', complete, 'COMPLETED'],
    ['abort closes a STARTED transaction', 'STARTED', abort, 'ABORTED'],
    ['abort closes a DRAFT transaction', 'DRAFT', abort, 'ABORTED'],
    ['a failure moves DRAFT to ERROR', 'DRAFT', fail, 'ERROR'],
    ['a failure moves STARTED to ERROR', 'STARTED', fail, 'ERROR'],
    ['a start with identical data after an error retries from DRAFT', 'ERROR', start(), 'DRAFT'],
  ];
  it.each(moves)('%s', (_name, from, event, to) => {
    const r = transitionTransaction(from === undefined ? undefined : txIn(from), event);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.tx.state).toBe(to);
    expect(r.repeated).toBe(false);
  });

  const refusals: Array<[string, TransactionState | undefined, TransactionEvent, string, number]> = [
    ['complete of an unknown operation', undefined, complete, 'RADD_TRANSACTION_NOT_FOUND', 99],
    ['abort of an unknown operation', undefined, abort, 'RADD_TRANSACTION_NOT_FOUND', 99],
    ['documents for an unknown operation', undefined, ready, 'RADD_TRANSACTION_NOT_FOUND', 99],
    ['complete of an aborted operation', 'ABORTED', complete, 'RADD_TRANSACTION_ALREADY_ABORTED', 99],
    ['complete of an operation in error', 'ERROR', complete, 'RADD_TRANSACTION_IN_ERROR', 99],
    ['abort of a completed operation', 'COMPLETED', abort, 'RADD_TRANSACTION_ALREADY_COMPLETED', 99],
    ['abort of an operation in error', 'ERROR', abort, 'RADD_TRANSACTION_IN_ERROR', 99],
    ['complete before the documents were handed out', 'DRAFT', complete, 'RADD_TRANSACTION_NOT_STARTED', 99],
    ['a start with the same operationId after completion', 'COMPLETED', start(), 'RADD_TRANSACTION_ALREADY_EXISTS', 5],
    ['a start with the same operationId after abort', 'ABORTED', start(), 'RADD_TRANSACTION_ALREADY_EXISTS', 5],
    ['a failure of a completed operation', 'COMPLETED', fail, 'RADD_TRANSACTION_ALREADY_COMPLETED', 99],
    ['a failure of an operation already in error', 'ERROR', fail, 'RADD_TRANSACTION_IN_ERROR', 99],
  ];
  it.each(refusals)('refuses %s', (_name, from, event, code, raddCode) => {
    const r = transitionTransaction(from === undefined ? undefined : txIn(from), event);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe(code);
    expect(r.raddCode).toBe(raddCode);
  });

  it('reads the state on a repeated complete: same transaction, repeated, no change', () => {
    const done = txIn('COMPLETED');
    const r = transitionTransaction(done, complete);
    expect(r).toEqual({ ok: true, tx: done, repeated: true });
  });

  it('reads the state on a repeated abort', () => {
    const aborted = txIn('ABORTED');
    expect(transitionTransaction(aborted, abort)).toEqual({ ok: true, tx: aborted, repeated: true });
  });

  it.each(['DRAFT', 'STARTED'] as const)('returns the existing %s transaction for a start repeated with identical data', (state) => {
    const existing = txIn(state);
    expect(transitionTransaction(existing, start())).toEqual({ ok: true, tx: existing, repeated: true });
  });

  it('treats the same start instant written with another offset as identical data', () => {
    const r = transitionTransaction(txIn('STARTED'), start({ ...START, operationDate: '2026-03-20T09:00:00Z' }));
    expect(r.ok && r.repeated).toBe(true);
  });

  it('treats the same AAR QR read as its URL or as the bare token as identical data, and another QR as different', () => {
    const token = 'UkdESC1BS01QLVFWWE4tMjAyMzA4LUctMV9QRi1lZjJkZWI0NS0zYzBl';
    const byQr = { ...START, iun: null, qrCode: token };
    const stored = { ...txIn('STARTED'), start: byQr };
    const again = transitionTransaction(stored, start({ ...byQr, qrCode: `https://cittadini.notifichedigitali.it/notifica?aar=${token}\n` }));
    expect(again.ok && again.repeated).toBe(true);
    const other = transitionTransaction(stored, start({ ...byQr, qrCode: `${token}X` }));
    expect(!other.ok && other.code).toBe('RADD_TRANSACTION_ALREADY_EXISTS');
    expect(aarQrToken(`https://imprese.notifichedigitali.it/notifica?aar=${token}`)).toBe(token);
  });

  const changed: Array<[keyof TransactionStartData, unknown]> = [
    ['operationType', 'AOR'],
    ['recipientTaxId', 'BNCLRA90A41F205I'],
    ['recipientType', 'PG'],
    ['delegateTaxId', 'VRDGPP80M01H501L'],
    ['iun', 'RKNA-PDXE-WQJL-202510-Y-1'],
    ['qrCode', 'https://cittadini.notifichedigitali.it/notifica?aar=abc'],
    ['fileKey', 'PN_RADD_ALT_ATTACHMENT-2.zip'],
    ['checksum', 'other'],
    ['operationDate', '2026-03-20T10:00:01+01:00'],
  ];
  it.each(changed)('refuses the same operationId with a different %s (code 5)', (field, value) => {
    const r = transitionTransaction(txIn('STARTED'), start({ ...START, [field]: value } as TransactionStartData));
    expect(r.ok).toBe(false);
    if (!r.ok) expect([r.code, r.raddCode]).toEqual(['RADD_TRANSACTION_ALREADY_EXISTS', 5]);
  });

  it('keeps the abort reason and times', () => {
    const r = transitionTransaction(txIn('STARTED'), abort);
    expect(r.ok && [r.tx.abortReason, r.tx.abortedAt]).toEqual(['cittadino andato via', AT]);
  });

  it('stores the error reason on failure and clears it on retry', () => {
    const failed = transitionTransaction(txIn('STARTED'), fail);
    expect(failed.ok && failed.tx.errorReason).toBe('RETRY_AFTER');
    const retried = transitionTransaction(txIn('ERROR'), start());
    expect(retried.ok && retried.tx.errorReason).toBeNull();
  });

  it('records the resolved IUNs when the documents are ready', () => {
    const r = transitionTransaction(txIn('DRAFT'), { ...ready, iuns: ['A', 'B'] } as TransactionEvent);
    expect(r.ok && r.tx.iuns).toEqual(['A', 'B']);
  });

  it.each([
    ['DRAFT', true],
    ['STARTED', true],
    ['COMPLETED', false],
    ['ABORTED', false],
    ['ERROR', false],
  ] as const)('a %s transaction is open: %s', (state, open) => {
    expect(isOpenTransaction({ state })).toBe(open);
  });
});
