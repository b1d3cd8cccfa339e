import { describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { sniffPostalScan } from './scans.js';

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
