// A write whose answer was lost is sent again under the same requestId while its draft is unchanged
// (the host then answers the first answer: electron/api/answer-once.ts); a changed draft, or the next
// request after an answer, gets a new id (api/request-id.ts).
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { FindItemResult, PostalItemView } from '../../electron/api/contract/index.js';

let answer: unknown;
/** The calls made, and whether the next one loses its answer (the host not reachable). */
const sent: { op: string; input: Record<string, unknown> }[] = [];
let loseNext = false;
/** How many calls in a row lose their answer (the host applied them, the screen heard nothing). */
let loseCount = 0;
/** The calls (by their place in `sent`) that lose their answer. */
const loseAt = new Set<number>();
vi.mock('../api/client.js', () => ({
  ApiCallError: class ApiCallError extends Error {},
  hasRememberedSession: () => false,
  isTokenRefused: () => false,
  rememberSession: () => undefined,
  call: async (op: string, input: Record<string, unknown>) => {
    sent.push({ op, input });
    if (loseAt.has(sent.length - 1)) throw Object.assign(new Error('host not reachable'), { code: 'HOST_UNREACHABLE' });
    if (loseNext) {
      loseNext = false;
      throw new Error('HOST_UNREACHABLE');
    }
    if (loseCount > 0) {
      loseCount--;
      throw Object.assign(new Error('host not reachable'), { code: 'HOST_UNREACHABLE' });
    }
    return answer;
  },
}));

const { usePostalStore } = await import('./postal.js');
const { useDeskMandatesStore } = await import('./desk-mandates.js');
const { useAdminStore } = await import('./admin.js');
const { useDeskStore } = await import('./desk.js');
const { useSessionStore } = await import('./session.js');
const { usePostalImportStore } = await import('./postal-import.js');
const { sentOnce } = await import('../api/request-id.js');

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
/** The requestIds of the calls to `op`, in order. */
const idsOf = (op: string) => sent.filter((c) => c.op === op).map((c) => c.input.requestId as string);

beforeEach(() => {
  setActivePinia(createPinia());
  sent.length = 0;
  loseNext = false;
  loseCount = 0;
  loseAt.clear();
});

describe('the request id of a write', () => {
  it('postal outcome: kept while the outcome is unchanged, renewed after an answer and after a change', async () => {
    const s = usePostalStore();
    const item = { code: 'A/0/0', state: 'OPEN', allowed: [] } as unknown as PostalItemView;
    answer = { items: [item], selected: 'A/0/0' } satisfies FindItemResult;
    await s.find('A/0/0');
    const outcome = { kind: 'DELIVERED_TO_RECIPIENT' as const, at: '2026-11-20' };
    loseNext = true;
    expect(await s.record(outcome)).toBe(false);
    answer = { item, steps: [], newLegalFacts: [] };
    expect(await s.record({ ...outcome })).toBe(true);
    loseNext = true;
    await s.record(outcome);
    loseNext = true;
    await s.record({ ...outcome, at: '2026-11-21' });
    const [lost, retried, next, changed] = idsOf('postal.recordOutcome');
    expect(lost).toMatch(UUID_V4);
    expect(retried).toBe(lost);
    expect(next).not.toBe(retried);
    expect(changed).not.toBe(next);
  });

  it('postal second attempt handed over: kept while the date is unchanged', async () => {
    const s = usePostalStore();
    const item = { code: 'A/0/1', state: 'PREPARED', allowed: [] } as unknown as PostalItemView;
    answer = { items: [item], selected: 'A/0/1' } satisfies FindItemResult;
    await s.find('A/0/1');
    loseNext = true;
    expect(await s.sendSecondAttempt('2026-11-20')).toBe(false);
    answer = { ...item, state: 'OPEN' };
    expect(await s.sendSecondAttempt('2026-11-20')).toBe(true);
    const [lost, retried] = idsOf('postal.sendSecondAttempt');
    expect(lost).toMatch(UUID_V4);
    expect(retried).toBe(lost);
  });

  it('new delegation: kept while the form is unchanged, renewed after a change and after it was registered', async () => {
    const s = useDeskMandatesStore();
    s.draft = { delegatorTaxId: 'SPSGNN48C12F839Y', delegateTaxId: 'FRRNNA65S55D612P', delegateDenomination: 'Anna Ferrari', delegateType: 'PF', validFrom: '2026-11-28', validTo: '' };
    loseNext = true;
    expect(await s.create()).toBe(false);
    loseNext = true;
    expect(await s.create()).toBe(false);
    s.draft = { ...s.draft, delegateDenomination: 'Anna Maria Ferrari' };
    answer = { mandateId: 'm-1', delegatorTaxId: 'SPSGNN48C12F839Y' };
    expect(await s.create()).toBe(true);
    s.draft = { delegatorTaxId: 'SPSGNN48C12F839Y', delegateTaxId: 'FRRNNA65S55D612P', delegateDenomination: 'Anna Maria Ferrari', delegateType: 'PF', validFrom: '2026-11-28', validTo: '' };
    await s.create();
    const [lost, retried, changed, afterAnswer] = idsOf('desk.createMandate');
    expect(lost).toMatch(UUID_V4);
    expect(retried).toBe(lost);
    expect(changed).not.toBe(lost);
    expect(afterAnswer).not.toBe(changed);
  });

  it('new operator: kept while the form is unchanged, renewed after a change', async () => {
    const s = useAdminStore();
    const form = { username: 'desk.two', displayName: 'Desk Two', roles: ['clerk' as const], password: 'desk-two-password' };
    loseNext = true;
    await expect(s.createOperator(form)).rejects.toThrow();
    answer = [];
    await s.createOperator({ ...form });
    loseNext = true;
    await expect(s.createOperator({ ...form, displayName: 'Desk 2' })).rejects.toThrow();
    const [lost, retried, changed] = idsOf('admin.createOperator');
    expect(lost).toMatch(UUID_V4);
    expect(retried).toBe(lost);
    expect(changed).not.toBe(retried);
  });

  it('first administrator: kept while the form is unchanged (the answer lost, the same form sent again), renewed after a change and after the answer', async () => {
    const s = useSessionStore();
    const form = { username: 'admin', displayName: 'Mario Rossi', password: 'una-password-sicura', passwordConfirm: 'una-password-sicura' };
    loseNext = true;
    await expect(s.setupFirstAdmin(form)).rejects.toThrow();
    answer = { operator: { id: 'op-1', username: 'admin', displayName: 'Mario Rossi', roles: ['admin'] } };
    expect(await s.setupFirstAdmin({ ...form })).toMatchObject({ id: 'op-1' });
    loseNext = true;
    await expect(s.setupFirstAdmin(form)).rejects.toThrow();
    await s.setupFirstAdmin({ ...form, displayName: 'Mario Bianchi' });
    const [lost, retried, afterAnswer, changed] = idsOf('auth.setupFirstAdmin');
    expect(lost).toMatch(UUID_V4);
    expect(retried).toBe(lost);
    expect(afterAnswer).not.toBe(retried);
    expect(changed).not.toBe(afterAnswer);
  });

  it('scan purge: one id a click, sent again under it while the answer is lost; the next click has a new id', async () => {
    const s = useAdminStore();
    answer = { operations: 2, files: 3, bytes: 100, retentionDays: 30, ranAt: '2026-11-28T10:00:00.000Z' };
    loseCount = 1;
    await s.purgeScans();
    expect(s.lastPurge).toMatchObject({ operations: 2 });
    await s.purgeScans();
    const [lost, repeated, nextClick] = idsOf('admin.purgeScans');
    expect(lost).toMatch(UUID_V4);
    expect(repeated).toBe(lost);
    expect(nextClick).toMatch(UUID_V4);
    expect(nextClick).not.toBe(lost);
  });

  it('postal scan upload: the first chunk named by a new id, each chunk whose answer is lost sent again exactly as it was', async () => {
    const s = usePostalStore();
    const file = new File([new Uint8Array(600 * 1024).fill(7)], 'ar.png');
    answer = { uploadId: 'u-1', receivedBytes: 512 * 1024, scan: { sha256: 'a'.repeat(64), size: 600 * 1024, mediaType: 'image/png', fileName: 'ar.png' } };
    loseCount = 1;
    await s.uploadScan(file);
    const calls = sent.filter((c) => c.op === 'postal.uploadScan').map((c) => c.input);
    expect(calls).toHaveLength(3);
    expect(calls[0]).toMatchObject({ requestId: expect.stringMatching(UUID_V4), offset: 0, last: false });
    expect(calls[0]).not.toHaveProperty('uploadId');
    expect(calls[1]).toEqual(calls[0]);
    expect(calls[2]).toMatchObject({ uploadId: 'u-1', offset: 512 * 1024, last: true });
    expect(calls[2]).not.toHaveProperty('requestId');
    await s.uploadScan(file);
    expect(sent.filter((c) => c.op === 'postal.uploadScan')[3]!.input.requestId).not.toBe(calls[0]!.requestId);
  });

  it('postal CSV import: the job named by a new id on its first chunk, each chunk whose answer is lost sent again exactly as it was', async () => {
    const s = usePostalImportStore();
    const file = new File([new Uint8Array(1100 * 1024).fill(59)], 'esiti.csv');
    answer = { jobId: 'j-1', fileName: 'esiti.csv', state: 'done', receivedBytes: 512 * 1024, total: 0, done: 0, accepted: 0, refused: 0, skipped: 0, separator: ';', report: [] };
    // The first chunk's answer is lost once, the middle one's twice: each is sent again as it was.
    for (const lost of [0, 2, 3]) loseAt.add(lost);
    await s.importFile(file);
    expect(s.error).toBeNull();
    const calls = sent.filter((c) => c.op === 'postal.importCsv').map((c) => c.input);
    expect(calls).toHaveLength(6);
    expect(calls[0]).toMatchObject({ requestId: expect.stringMatching(UUID_V4), fileName: 'esiti.csv', offset: 0, last: false });
    expect(calls[0]).not.toHaveProperty('jobId');
    expect(calls[1]).toEqual(calls[0]);
    expect(calls[2]).toMatchObject({ jobId: 'j-1', offset: 512 * 1024, last: false });
    expect(calls[2]).not.toHaveProperty('requestId');
    expect(calls[3]).toEqual(calls[2]);
    expect(calls[4]).toEqual(calls[2]);
    expect(calls[5]).toMatchObject({ jobId: 'j-1', offset: 1024 * 1024, last: true });
    s.reset();
    await s.importFile(file);
    expect(sent.filter((c) => c.op === 'postal.importCsv')[6]!.input.requestId).not.toBe(calls[0]!.requestId);
  }, 15_000);

  it('receipt printed: one id a print, kept for the repeats of that print while the answer is lost, a new one for the next print', async () => {
    const desk = useDeskStore();
    answer = { operationId: 'op-1', state: 'COMPLETED', receiptPrintedAt: '2026-11-28T10:00:00.000+01:00', receiptPrints: 1, documents: [] };
    loseCount = 1;
    await desk.markReceiptPrinted('op-1');
    await desk.markReceiptPrinted('op-1');
    const [lost, repeated, nextPrint] = idsOf('desk.receiptPrinted');
    expect(lost).toMatch(UUID_V4);
    expect(repeated).toBe(lost);
    expect(nextPrint).toMatch(UUID_V4);
    expect(nextPrint).not.toBe(lost);
  });

  it('a print click (sentOnce): sent again under its id only while the answer is lost, then given up; the next click has a new id', async () => {
    const send = (requestId: string) => (async () => {
      sent.push({ op: 'documents.print', input: { requestId } });
      if (loseCount > 0) {
        loseCount--;
        throw Object.assign(new Error('lost'), { code: 'HOST_UNREACHABLE' });
      }
      return 'printed';
    })();
    loseCount = 2;
    expect(await sentOnce(send, [0, 0])).toBe('printed');
    loseCount = 3;
    await expect(sentOnce(send, [0, 0])).rejects.toThrow('lost');
    const refused = sentOnce(() => Promise.reject(Object.assign(new Error('cancelled'), { code: 'PRINT_CANCELLED' })), [0, 0]);
    await expect(refused).rejects.toThrow('cancelled');
    const ids = idsOf('documents.print');
    expect(ids).toHaveLength(6);
    expect(new Set(ids.slice(0, 3)).size).toBe(1);
    expect(new Set(ids.slice(3)).size).toBe(1);
    expect(ids[3]).not.toBe(ids[0]);
  });
});
