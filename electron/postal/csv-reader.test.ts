import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../core/index.js';
import { CsvStreamReader } from './csv-reader.js';

const LIMITS = { maxBytes: 1 << 20, maxRecords: 1000 };

function read(parts: (string | Uint8Array)[], limits = LIMITS): CsvStreamReader {
  const r = new CsvStreamReader(limits);
  for (const p of parts) r.push(typeof p === 'string' ? new TextEncoder().encode(p) : p);
  r.end();
  return r;
}

function codeOf(fn: () => unknown): string {
  try {
    fn();
    return 'ok';
  } catch (e) {
    return isDomainError(e) ? `${e.code}:${JSON.stringify(e.params)}` : String(e);
  }
}

describe('CSV stream reader', () => {
  it('splits `;` records with CRLF and keeps the physical line of each record', () => {
    const r = read(['item;outcome;date\r\nA;B;C\r\n\r\nD;E;F']);
    expect(r.separator).toBe(';');
    expect(r.header).toEqual(['item', 'outcome', 'date']);
    expect(r.records).toEqual([{ line: 2, fields: ['A', 'B', 'C'] }, { line: 4, fields: ['D', 'E', 'F'] }]);
  });

  it('chooses `,` when the header uses it, and reads quoted fields with separators, quotes and newlines', () => {
    const r = read(['item,outcome,date\n"a,b","say ""hi""","x\ny"\nlast,1,2\n']);
    expect(r.separator).toBe(',');
    expect(r.records).toEqual([{ line: 2, fields: ['a,b', 'say "hi"', 'x\ny'] }, { line: 4, fields: ['last', '1', '2'] }]);
  });

  it('gives the same records whatever the chunk boundaries (a multi-byte letter split in two)', () => {
    const text = 'item;outcome;name\nX;Y;Niccolò Àlvarez\n"q;""";Z;é\n';
    const bytes = new TextEncoder().encode(text);
    const whole = read([bytes]).records;
    for (let cut = 1; cut < bytes.length; cut += 3) {
      expect(read([bytes.subarray(0, cut), bytes.subarray(cut)]).records, `cut at ${cut}`).toEqual(whole);
    }
    expect(whole[0]!.fields[2]).toBe('Niccolò Àlvarez');
  });

  it('drops a UTF-8 byte order mark', () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf]);
    const r = read([bom, 'item;outcome\nA;B\n']);
    expect(r.header).toEqual(['item', 'outcome']);
  });

  it('refuses Latin-1 text with the line of the first byte that is not UTF-8', () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode('item;outcome\nA;B\nC;'), 0xe8, 0x0a]);
    expect(codeOf(() => read([latin1]))).toBe('POSTAL_CSV_ENCODING_INVALID:{"line":3}');
  });

  it('refuses a UTF-16 file', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, 0x69, 0x00, 0x74, 0x00]);
    expect(codeOf(() => read([utf16]))).toMatch(/^POSTAL_CSV_ENCODING_INVALID/);
  });

  it('refuses more records or bytes than the limits', () => {
    expect(codeOf(() => read(['h\n1\n2\n3\n'], { maxBytes: 1000, maxRecords: 2 }))).toMatch(/^POSTAL_CSV_TOO_LARGE/);
    expect(codeOf(() => read(['h\n', 'x'.repeat(50)], { maxBytes: 20, maxRecords: 10 }))).toMatch(/^POSTAL_CSV_TOO_LARGE/);
  });

  it('reads a header without a newline and no records', () => {
    const r = read(['item;outcome;date']);
    expect(r.header).toEqual(['item', 'outcome', 'date']);
    expect(r.records).toEqual([]);
  });
});
