// The CSV import's chunks, as the scans' (uploads.ts ChunksOnce): a chunk sent again after its answer
// was lost (the same job, offset, bytes, 'last' and file name) gets its first answer and is not read
// twice; another chunk at an offset already received, or a gap, is refused with a clear code.
import { describe, expect, it } from 'vitest';
import { isAnsweredAgain } from '../api/answer-once.js';
import { CsvImports } from './csv-import.js';

const FILE = Buffer.from('item;outcome;date\nA;DELIVERED_TO_RECIPIENT;01/11/2026 10:00\nB;DELIVERED_TO_RECIPIENT;01/11/2026 11:00\n');
const b64 = (b: Buffer) => b.toString('base64');
const chunkAt = <E extends { jobId?: string; requestId?: string }>(offset: number, end: number, extra?: E) =>
  ({ fileName: 'esiti.csv', offset, chunk: b64(FILE.subarray(offset, end)), last: end >= FILE.length, ...extra }) as { fileName: string; offset: number; chunk: string; last: boolean } & E;

describe('CSV chunks sent again', () => {
  it('answers a repeated middle and last chunk as the first time, reading each line once; only the repeat is marked answered again', async () => {
    const imports = new CsvImports();
    const first = await imports.receive(chunkAt(0, 20));
    const middle = chunkAt(20, 60, { jobId: first.jobId });
    const second = await imports.receive(middle);
    expect(await imports.receive(middle)).toEqual(second);
    expect(second).toMatchObject({ state: 'receiving', receivedBytes: 60 });
    const last = chunkAt(60, FILE.length, { jobId: first.jobId });
    const ready = await imports.receive(last);
    expect(ready).toMatchObject({ state: 'ready', receivedBytes: FILE.length, total: 2 });
    const again = await imports.receive(last);
    expect(again).toEqual(ready);
    expect([isAnsweredAgain(ready), isAnsweredAgain(again)]).toEqual([false, true]);
    expect(imports.status(first.jobId)).toMatchObject({ total: 2, receivedBytes: FILE.length });
  });

  it('continues the job the screen named on its first chunk when that chunk is sent again (the one-chunk file too)', async () => {
    const imports = new CsvImports();
    const named = chunkAt(0, 20, { requestId: '4e5f6a7b-8c9d-4e0f-9a1b-2c3d4e5f6a7b' });
    const first = await imports.receive(named);
    expect(first.jobId).toBe(named.requestId);
    expect(await imports.receive(named)).toEqual(first);
    const whole = chunkAt(0, FILE.length, { requestId: '5f6a7b8c-9d0e-4f1a-8b2c-3d4e5f6a7b8c' });
    const [a, b] = await Promise.all([imports.receive(whole), imports.receive(whole)]);
    expect(b).toEqual(a);
    expect(a).toMatchObject({ jobId: whole.requestId, state: 'ready', total: 2 });
    // Unnamed, the same first chunk starts another job.
    const unnamed = chunkAt(0, 20);
    expect((await imports.receive(unnamed)).jobId).not.toBe((await imports.receive(unnamed)).jobId);
  });

  it('answers the last chunk sent again once the import has begun with its first answer, and the job goes on', async () => {
    const imports = new CsvImports();
    const last = chunkAt(0, FILE.length);
    const ready = await imports.receive(last);
    const step = await imports.step(ready.jobId, { from: 0, maxLines: 1 }, async (records) =>
      records.map((r) => ({ line: r.line, item: 'A', outcome: 'x', status: 'accepted' as const, codes: [], error: null })));
    expect(step).toMatchObject({ done: 1, state: 'running' });
    expect(await imports.receive({ ...last, jobId: ready.jobId })).toEqual(ready);
    expect(imports.status(ready.jobId)).toMatchObject({ done: 1, accepted: 1 });
  });

  it('refuses other bytes, another file name or another "last" at an offset already received, and a gap: each drops a job still receiving', async () => {
    const imports = new CsvImports();
    const start = async () => (await imports.receive(chunkAt(0, 20))).jobId;
    const tries = [
      { ...chunkAt(1, 21), offset: 0, code: 'POSTAL_UPLOAD_CHUNK_CONFLICT' },
      { ...chunkAt(0, 20), fileName: 'other.csv', code: 'POSTAL_UPLOAD_CHUNK_CONFLICT' },
      { ...chunkAt(0, 20), last: true, code: 'POSTAL_UPLOAD_CHUNK_CONFLICT' },
      { ...chunkAt(21, FILE.length), code: 'POSTAL_UPLOAD_OUT_OF_ORDER' },
    ];
    for (const { code, ...chunk } of tries) {
      const jobId = await start();
      await expect(imports.receive({ jobId, ...chunk })).rejects.toMatchObject({ code });
      await expect(imports.receive(chunkAt(20, FILE.length, { jobId }))).rejects.toMatchObject({ code: 'POSTAL_IMPORT_NOT_FOUND' });
    }
  });

  it('refuses a chunk after the last, or other bytes at a received offset, once the file is complete, keeping the job', async () => {
    const imports = new CsvImports();
    const ready = await imports.receive(chunkAt(0, FILE.length));
    await expect(imports.receive({ jobId: ready.jobId, fileName: 'esiti.csv', offset: FILE.length, chunk: 'AAAA', last: true }))
      .rejects.toMatchObject({ code: 'POSTAL_UPLOAD_OUT_OF_ORDER' });
    await expect(imports.receive({ ...chunkAt(0, FILE.length), chunk: b64(Buffer.from('item;outcome;date\n')), jobId: ready.jobId }))
      .rejects.toMatchObject({ code: 'POSTAL_UPLOAD_CHUNK_CONFLICT', params: { fileName: 'esiti.csv' } });
    expect(imports.status(ready.jobId)).toMatchObject({ state: 'ready', total: 2 });
  });

  it('checks a refused file again when its named first chunk is sent again (nothing was kept)', async () => {
    const imports = new CsvImports();
    const empty = { requestId: '6a7b8c9d-0e1f-4a2b-9c3d-4e5f6a7b8c9d', fileName: 'esiti.csv', offset: 0, chunk: b64(Buffer.from('item;outcome;date\n')), last: true };
    await expect(imports.receive(empty)).rejects.toMatchObject({ code: 'POSTAL_CSV_EMPTY' });
    await expect(imports.receive(empty)).rejects.toMatchObject({ code: 'POSTAL_CSV_EMPTY' });
  });
});
