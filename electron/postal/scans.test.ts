// The postal scan check (by the bytes, never the name), and the chunks: a chunk sent again after its
// answer was lost (the same upload, offset and bytes) gets the first answer and nothing is taken or
// stored twice; another chunk at an offset already received, or a gap, ends the upload with a clear code.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { isAnsweredAgain } from '../api/answer-once.js';
import { ScanUploads, sniffPostalScan, type ScanSink } from './scans.js';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, ...Buffer.from('JFIF'), 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9]);

async function pdf(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage([200, 200]);
  return doc.save();
}

describe('postal scan check', () => {
  it('recognises a complete PNG, JPEG and PDF by their bytes', async () => {
    expect(await sniffPostalScan(PNG)).toBe('image/png');
    expect(await sniffPostalScan(JPEG)).toBe('image/jpeg');
    expect(await sniffPostalScan(await pdf(1))).toBe('application/pdf');
  });

  it('refuses truncated images, a PDF that does not open, and text', async () => {
    expect(await sniffPostalScan(PNG.subarray(0, PNG.length - 12))).toBeUndefined();
    expect(await sniffPostalScan(JPEG.subarray(0, JPEG.length - 2))).toBeUndefined();
    expect(await sniffPostalScan(Buffer.from('%PDF-1.7\nthis is not a pdf'))).toBeUndefined();
    expect(await sniffPostalScan(Buffer.from('hello'))).toBeUndefined();
  });
});

const b64 = (b: Buffer) => b.toString('base64');

/** A file store that counts what it was asked to store. */
function countingSink(): ScanSink & { puts: number } {
  const sink = {
    puts: 0,
    async put(bytes: Uint8Array) {
      sink.puts++;
      return { sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.byteLength };
    },
  };
  return sink;
}

describe('scan chunks sent again', () => {
  it('answers a repeated middle and last chunk as the first time, storing the file once; only the repeat is marked answered again', async () => {
    const uploads = new ScanUploads();
    const sink = countingSink();
    const first = await uploads.receive({ fileName: 'ar.png', offset: 0, chunk: b64(PNG.subarray(0, 30)), last: false }, sink);
    const middle = { uploadId: first.uploadId, fileName: 'ar.png', offset: 30, chunk: b64(PNG.subarray(30, 50)), last: false };
    const second = await uploads.receive(middle, sink);
    expect(await uploads.receive(middle, sink)).toEqual(second);
    const last = { uploadId: first.uploadId, fileName: 'ar.png', offset: 50, chunk: b64(PNG.subarray(50)), last: true };
    const done = await uploads.receive(last, sink);
    expect(isAnsweredAgain(done)).toBe(false);
    const again = await uploads.receive(last, sink);
    expect(again).toEqual(done);
    expect(isAnsweredAgain(again)).toBe(true);
    expect(isAnsweredAgain(done)).toBe(false);
    expect(sink.puts).toBe(1);
    expect(done).toMatchObject({ receivedBytes: PNG.length, scan: { size: PNG.length, mediaType: 'image/png' } });
  });

  it('gives a repeat of the last chunk sent while the first is still being checked the same answer, storing once', async () => {
    const uploads = new ScanUploads();
    const sink = countingSink();
    const chunk = { requestId: '2c3d4e5f-6a7b-4c8d-9e9f-0a1b2c3d4e5f', fileName: 'ar.png', offset: 0, chunk: b64(PNG), last: true };
    const [a, b] = await Promise.all([uploads.receive(chunk, sink), uploads.receive(chunk, sink)]);
    expect(b).toEqual(a);
    expect(a.uploadId).toBe(chunk.requestId);
    expect([isAnsweredAgain(a), isAnsweredAgain(b)]).toEqual([false, true]);
    expect(sink.puts).toBe(1);
  });

  it('starts a new upload for an unnamed first chunk sent again (nothing stored until its last chunk)', async () => {
    const uploads = new ScanUploads();
    const chunk = { fileName: 'ar.png', offset: 0, chunk: b64(PNG.subarray(0, 30)), last: false };
    const a = await uploads.receive(chunk, countingSink());
    const b = await uploads.receive(chunk, countingSink());
    expect(b.uploadId).not.toBe(a.uploadId);
  });

  it('refuses other bytes, another file name or another "last" at an offset already received, and a gap; each ends the upload', async () => {
    const uploads = new ScanUploads();
    const sink = countingSink();
    const start = async () => (await uploads.receive({ fileName: 'ar.png', offset: 0, chunk: b64(PNG.subarray(0, 30)), last: false }, sink)).uploadId;
    const tries = [
      { offset: 0, chunk: b64(PNG.subarray(1, 31)), last: false, fileName: 'ar.png', code: 'POSTAL_UPLOAD_CHUNK_CONFLICT' },
      { offset: 0, chunk: b64(PNG.subarray(0, 30)), last: false, fileName: 'other.png', code: 'POSTAL_UPLOAD_CHUNK_CONFLICT' },
      { offset: 0, chunk: b64(PNG.subarray(0, 30)), last: true, fileName: 'ar.png', code: 'POSTAL_UPLOAD_CHUNK_CONFLICT' },
      { offset: 31, chunk: b64(PNG.subarray(31)), last: true, fileName: 'ar.png', code: 'POSTAL_UPLOAD_OUT_OF_ORDER' },
    ];
    for (const { code, ...chunk } of tries) {
      const uploadId = await start();
      await expect(uploads.receive({ uploadId, ...chunk }, sink)).rejects.toMatchObject({ code });
      await expect(uploads.receive({ uploadId, fileName: 'ar.png', offset: 30, chunk: b64(PNG.subarray(30)), last: true }, sink))
        .rejects.toMatchObject({ code: 'POSTAL_UPLOAD_NOT_FOUND' });
    }
    expect(sink.puts).toBe(0);
  });

  it('takes nothing after the last chunk, and forgets an upload whose file was refused', async () => {
    const uploads = new ScanUploads();
    const sink = countingSink();
    const done = await uploads.receive({ fileName: 'ar.png', offset: 0, chunk: b64(PNG), last: true }, sink);
    await expect(uploads.receive({ uploadId: done.uploadId, fileName: 'ar.png', offset: PNG.length, chunk: 'AAAA', last: true }, sink))
      .rejects.toMatchObject({ code: 'POSTAL_UPLOAD_OUT_OF_ORDER' });
    const fake = { requestId: '3d4e5f6a-7b8c-4d9e-8f0a-1b2c3d4e5f6a', fileName: 'ar.png', offset: 0, chunk: b64(Buffer.from('not an image')), last: true };
    await expect(uploads.receive(fake, sink)).rejects.toMatchObject({ code: 'POSTAL_SCAN_UNREADABLE' });
    // Sent again, the refused file is checked again (and refused again): nothing was kept.
    await expect(uploads.receive(fake, sink)).rejects.toMatchObject({ code: 'POSTAL_SCAN_UNREADABLE' });
    expect(sink.puts).toBe(1);
  });
});
