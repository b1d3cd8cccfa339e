// A minimal ZIP writer/reader (flat archives, no zip64), enough for the RADD identity-evidence zip
// (DOMAIN.md 10.1) and the offline bundles. The writer is deterministic (fixed timestamps, entries
// in the given order, stored uncompressed), so the same content always gives the same SHA-256:
// a retried upload carries the checksum of the first attempt.
import { crc32, inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

const DOS_DATE_1980_01_01 = (0 << 9) | (1 << 5) | 1;
const UTF8_NAMES = 0x0800;

export class ZipFormatError extends Error {}

function assertName(name: string): void {
  if (name === '' || name.includes('/') || name.includes('\\') || name === '.' || name === '..' || name.length > 255) {
    throw new ZipFormatError(`invalid entry name: ${JSON.stringify(name.slice(0, 60))}`);
  }
}

/** Builds a stored (uncompressed) zip of the entries, byte-identical for identical input. */
export function writeZip(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  const seen = new Set<string>();
  for (const e of entries) {
    assertName(e.name);
    if (seen.has(e.name)) throw new ZipFormatError(`duplicate entry: ${e.name}`);
    seen.add(e.name);
    const name = Buffer.from(e.name, 'utf8');
    const crc = crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(0, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(DOS_DATE_1980_01_01, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(UTF8_NAMES, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(DOS_DATE_1980_01_01, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(e.data.buffer, e.data.byteOffset, e.data.byteLength));
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

function findEnd(buf: Buffer): number {
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) return i;
  }
  throw new ZipFormatError('not a zip archive');
}

function readEntry(buf: Buffer, at: number): { entry: ZipEntry; next: number } {
  if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) throw new ZipFormatError('broken central directory');
  const flags = buf.readUInt16LE(at + 8);
  const method = buf.readUInt16LE(at + 10);
  const crc = buf.readUInt32LE(at + 16);
  const csize = buf.readUInt32LE(at + 20);
  const usize = buf.readUInt32LE(at + 24);
  const nameLen = buf.readUInt16LE(at + 28);
  const next = at + 46 + nameLen + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  const name = buf.toString('utf8', at + 46, at + 46 + nameLen);
  assertName(name);
  if (flags & 0x1) throw new ZipFormatError(`encrypted entry: ${name}`);
  const local = buf.readUInt32LE(at + 42);
  if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) throw new ZipFormatError(`broken local header: ${name}`);
  const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
  if (start + csize > buf.length) throw new ZipFormatError(`truncated entry: ${name}`);
  const raw = buf.subarray(start, start + csize);
  let data: Buffer;
  if (method === 0) data = raw;
  else if (method === 8) data = inflateRawSync(raw, { maxOutputLength: Math.max(usize, 1) });
  else throw new ZipFormatError(`unsupported compression ${method}: ${name}`);
  if (data.length !== usize || crc32(data) !== crc) throw new ZipFormatError(`CRC mismatch: ${name}`);
  return { entry: { name, data }, next };
}

/** Reads every entry of a flat zip, checking CRCs. Throws ZipFormatError on anything unexpected. */
export function readZip(buf: Buffer): ZipEntry[] {
  const end = findEnd(buf);
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  const out: ZipEntry[] = [];
  const names = new Set<string>();
  for (let i = 0; i < count; i++) {
    const { entry, next } = readEntry(buf, at);
    if (names.has(entry.name)) throw new ZipFormatError(`duplicate entry: ${entry.name}`);
    names.add(entry.name);
    out.push(entry);
    at = next;
  }
  return out;
}
