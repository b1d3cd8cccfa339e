import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readZip, writeZip, ZipFormatError } from './zip.js';

const entries = [
  { name: 'metadati_destinatario.json', data: Buffer.from('{"a":1}') },
  { name: 'delega.pdf', data: Buffer.from('%PDF-1.7 fake') },
];

describe('zip', () => {
  it('reads back what it wrote', () => {
    const out = readZip(writeZip(entries));
    expect(out.map((e) => [e.name, Buffer.from(e.data).toString()])).toEqual(entries.map((e) => [e.name, e.data.toString()]));
  });

  it('writes the same bytes for the same entries (stable checksum across retries)', () => {
    const h = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    expect(h(writeZip(entries))).toBe(h(writeZip(entries.map((e) => ({ ...e, data: Buffer.from(e.data) })))));
  });

  it('detects a changed byte through the CRC', () => {
    const zip = writeZip(entries);
    const at = zip.indexOf('%PDF');
    zip[at + 2] = zip[at + 2]! ^ 0xff;
    expect(() => readZip(zip)).toThrow(/CRC mismatch/);
  });

  it('refuses entry names with a path', () => {
    expect(() => writeZip([{ name: '../x', data: Buffer.from('') }])).toThrow(ZipFormatError);
    expect(() => writeZip([{ name: 'a/b', data: Buffer.from('') }])).toThrow(ZipFormatError);
  });

  it('refuses something that is not a zip', () => {
    expect(() => readZip(Buffer.from('hello, this is not a zip archive at all'))).toThrow(ZipFormatError);
  });

});
