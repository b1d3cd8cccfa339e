// CSV import: a step that fails (host not reachable for a moment) interrupts the import; resuming
// goes on with the same job, never uploads the file again, and takes the host's report first, so
// that a step whose answer was lost is neither recorded twice nor missing from the report.
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Answer = (input: Record<string, unknown>) => unknown;
const calls: string[] = [];
const answers: Answer[] = [];
const ui = vi.hoisted(() => ({ locale: 'it' as 'it' | 'en' }));

vi.mock('../api/client.js', () => {
  class ApiCallError extends Error {
    code: string;
    details = undefined;
    constructor(e: { code: string; message: string }) { super(e.message); this.code = e.code; }
  }
  return {
    ApiCallError,
    apiLocale: () => ui.locale,
    call: async (op: string, input: Record<string, unknown>) => {
      calls.push(op);
      const next = answers.shift();
      if (!next) throw new Error(`unexpected call ${op}`);
      return next(input);
    },
  };
});

const { usePostalImportStore } = await import('./postal-import.js');
const { ApiCallError } = await import('../api/client.js');

const JOB = '00000000-0000-4000-8000-000000000001';
const line = (n: number) => ({ line: n + 2, item: `I${n}`, outcome: 'DELIVERED_TO_RECIPIENT', status: 'accepted', codes: ['RECRN001A', 'RECRN001C'], error: null });
const lines = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => line(from + i));
const view = (done: number, report: ReturnType<typeof lines>, state = done >= 60 ? 'done' : 'running') =>
  ({ jobId: JOB, fileName: 'esiti.csv', state, receivedBytes: 100, total: 60, done, accepted: done, refused: 0, skipped: 0, separator: ';', report });
const unreachable = () => { throw new ApiCallError({ code: 'HOST_UNREACHABLE', message: 'Applicazione non raggiungibile' }); };

describe('CSV import interrupted and resumed', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    calls.length = 0;
    answers.length = 0;
  });

  it('stops as interrupted (not "finished") when a step fails, and resumes the same job from the host\'s report', async () => {
    const s = usePostalImportStore();
    answers.push(() => view(0, [], 'ready'), () => view(25, lines(0, 25)), unreachable);
    await s.importFile(new File(['item;outcome;date\n'], 'esiti.csv'));
    expect(s.phase).toBe('interrupted');
    expect(s.error?.code).toBe('HOST_UNREACHABLE');
    expect(s.job?.done).toBe(25);
    expect(s.report).toHaveLength(25);

    // The failed step had in fact recorded lines 25-49 before its answer was lost.
    answers.push(() => view(50, lines(0, 50)), () => view(60, lines(50, 60)));
    await s.resume();
    expect(calls).toEqual(['postal.importCsv', 'postal.importCsvStep', 'postal.importCsvStep', 'postal.importCsvStatus', 'postal.importCsvStep']);
    expect(s.phase).toBe('done');
    expect(s.error).toBeNull();
    expect(s.report.map((l) => l.line)).toEqual(lines(0, 60).map((l) => l.line));
  });

  it('names each step by where it starts (the lines done so far), also after resuming', async () => {
    const s = usePostalImportStore();
    const from: unknown[] = [];
    const step = (done: number) => (input: Record<string, unknown>) => { from.push(input.from); return view(done, lines(Math.max(0, done - 25), done)); };
    answers.push(() => view(0, [], 'ready'), step(25), unreachable);
    await s.importFile(new File(['x'], 'esiti.csv'));
    answers.push(() => view(25, lines(0, 25)), step(50), (input) => { from.push(input.from); return view(60, lines(50, 60)); });
    await s.resume();
    expect(s.phase).toBe('done');
    expect(from).toEqual([0, 25, 50]);
  });

  it('asks for the file again when the host no longer knows the job, keeping the lines already reported', async () => {
    const s = usePostalImportStore();
    answers.push(() => view(0, [], 'ready'), () => view(25, lines(0, 25)), unreachable);
    await s.importFile(new File(['x'], 'esiti.csv'));
    answers.push(() => { throw new ApiCallError({ code: 'POSTAL_IMPORT_NOT_FOUND', message: 'Importazione non trovata' }); });
    await s.resume();
    expect(s.phase).toBe('idle');
    expect(s.error?.code).toBe('POSTAL_IMPORT_NOT_FOUND');
    expect(s.report).toHaveLength(25);
  });

  it('refuses a file over 20 MB at once, naming it and the limit, without sending a byte', async () => {
    const s = usePostalImportStore();
    const big = new File([new Uint8Array(20 * 1024 * 1024 + 1)], 'esiti-anno.csv');
    await s.importFile(big, 'it');
    expect(calls).toEqual([]);
    expect(s.phase).toBe('idle');
    expect(s.error).toEqual({ code: 'FILE_TOO_LARGE', message: 'File troppo grande: «esiti-anno.csv» (20,1 MB). Il massimo è 20 MB' });
  });

  it('words the refusal of a file too large in the language of now, after a switch too', async () => {
    const s = usePostalImportStore();
    ui.locale = 'it';
    await s.importFile(new File([new Uint8Array(20 * 1024 * 1024 + 1)], 'esiti-anno.csv'), 'it');
    expect(s.error?.message).toBe('File troppo grande: «esiti-anno.csv» (20,1 MB). Il massimo è 20 MB');
    ui.locale = 'en';
    expect(s.error?.message).toBe('File too large: "esiti-anno.csv" (20.1 MB). The maximum is 20 MB');
    ui.locale = 'it';
  });

  it('names no made-up file in the refusal of a nameless file, in either language', async () => {
    const s = usePostalImportStore();
    ui.locale = 'en';
    await s.importFile(new File([new Uint8Array(20 * 1024 * 1024 + 1)], ''), 'en');
    expect(calls).toEqual([]);
    expect(s.error?.code).toBe('UPLOAD_TOO_LARGE');
    expect(s.error?.message).toBe('File too large: the maximum is 20 MB');
    ui.locale = 'it';
    expect(s.error?.message).toBe('File troppo grande: il massimo è 20 MB');
  });
});
