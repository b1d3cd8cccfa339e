// Documents on disk: content-addressed, written atomically, verified on every read.
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { base64ToHex, FileStore, hexToBase64, sha256Hex } from '../../db/files.js';
import { rejectionCode, tempStoreDir } from '../support/store-temp.js';

const tmp = tempStoreDir('radd-files-');
afterAll(() => tmp.remove());

describe('file store', () => {
  const pdf = Buffer.from('%PDF-1.7\n% atto notificato\n1 0 obj <<>> endobj\n%%EOF\n');

  it('stores bytes under their SHA-256 and reads the same bytes back', async () => {
    const files = new FileStore(join(tmp.dir, 'a'));
    const { sha256, size } = await files.put(pdf);
    expect(sha256).toBe(sha256Hex(pdf));
    expect(size).toBe(pdf.byteLength);
    expect(files.pathOf(sha256)).toBe(join(tmp.dir, 'a', 'files', sha256.slice(0, 2), sha256));
    expect(Buffer.compare(await files.read(sha256), pdf)).toBe(0);
  });

  it('storing the same bytes twice keeps one file and leaves no temp files', async () => {
    const files = new FileStore(join(tmp.dir, 'b'));
    const first = await files.put(pdf);
    const second = await files.put(pdf);
    expect(second).toEqual(first);
    expect(readdirSync(join(files.root, first.sha256.slice(0, 2)))).toEqual([first.sha256]);
    expect(readdirSync(join(files.root, 'tmp'))).toEqual([]);
  });

  it('a missing file is reported as DOCUMENT_MISSING', async () => {
    const files = new FileStore(join(tmp.dir, 'c'));
    expect(await rejectionCode(files.read(sha256Hex(pdf)))).toBe('DOCUMENT_MISSING');
    expect(await files.has(sha256Hex(pdf))).toBe(false);
  });

  it('a damaged file is reported as DOCUMENT_CHECKSUM_MISMATCH, never served', async () => {
    const files = new FileStore(join(tmp.dir, 'd'));
    const { sha256 } = await files.put(pdf);
    writeFileSync(files.pathOf(sha256), Buffer.concat([pdf, Buffer.from('tampered')]));
    expect(await rejectionCode(files.read(sha256))).toBe('DOCUMENT_CHECKSUM_MISMATCH');
    expect(await files.isIntact(sha256)).toBe(false);
  });

  it('storing the bytes again repairs a damaged file', async () => {
    const files = new FileStore(join(tmp.dir, 'e'));
    const { sha256 } = await files.put(pdf);
    writeFileSync(files.pathOf(sha256), 'garbage');
    await files.put(pdf);
    expect(Buffer.compare(await files.read(sha256), pdf)).toBe(0);
  });

  it('cleanTemp removes leftovers of an interrupted write', async () => {
    const files = new FileStore(join(tmp.dir, 'f'));
    await files.put(pdf);
    writeFileSync(join(files.root, 'tmp', 'half-written'), 'x');
    await files.cleanTemp();
    expect(existsSync(join(files.root, 'tmp'))).toBe(false);
    rmSync(files.root, { recursive: true, force: true });
  });

  it('converts between SEND base64 digests and local hex keys', () => {
    const hex = sha256Hex(pdf);
    expect(base64ToHex(hexToBase64(hex))).toBe(hex);
    expect(hexToBase64(hex)).toBe(Buffer.from(hex, 'hex').toString('base64'));
  });

  it('refuses a key that is not a hex SHA-256 (no path traversal)', () => {
    const files = new FileStore(join(tmp.dir, 'g'));
    expect(() => files.pathOf('../../etc/passwd')).toThrow(RangeError);
  });
});
