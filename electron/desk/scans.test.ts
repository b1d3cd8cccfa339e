import { describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { isDomainError } from '../../core/index.js';
import { MAX_SCAN_BYTES } from '../api/contract/desk.js';
import { scanAsPdf, sniffScan } from './scans.js';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

function codeOf(bytes: Uint8Array): string | undefined {
  try {
    sniffScan(bytes);
    return undefined;
  } catch (e) {
    return isDomainError(e) ? e.code : 'OTHER';
  }
}

describe('desk scans', () => {
  it('tells JPEG, PNG and PDF apart by their bytes', () => {
    expect(sniffScan(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0]))).toBe('image/jpeg');
    expect(sniffScan(PNG)).toBe('image/png');
    expect(sniffScan(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
  });
  it('refuses other formats, empty files and files over 15 MB', () => {
    expect(codeOf(Buffer.from('GIF89a'))).toBe('SCAN_TYPE_NOT_ALLOWED');
    expect(codeOf(Buffer.alloc(0))).toBe('SCAN_EMPTY');
    const big = Buffer.alloc(MAX_SCAN_BYTES + 1);
    Buffer.from('%PDF-').copy(big);
    expect(codeOf(big)).toBe('SCAN_TOO_LARGE');
  });
  it('wraps an image in a one-page PDF, the same bytes every time (a repeated start keeps its checksum)', async () => {
    const a = await scanAsPdf(PNG);
    const b = await scanAsPdf(PNG);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect((await PDFDocument.load(a)).getPageCount()).toBe(1);
  });
  it('keeps a PDF as it is', async () => {
    const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
    expect(await scanAsPdf(pdf)).toBe(pdf);
  });
});
