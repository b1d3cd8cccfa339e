import { describe, expect, it } from 'vitest';
import { SyncError } from '../../sync/errors.js';
import { readZip, writeZip } from '../../sync/zip.js';
import { buildBundle, ndjsonLines, verifyBundle } from './bundle.js';

const key = Buffer.from('0123456789abcdef0123456789abcdef');
const meta = { deskId: 'desk-1', createdAt: '2026-03-10T09:00:00Z', key };
const lines = [JSON.stringify({ a: 1 }), JSON.stringify({ b: 2 })];

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof SyncError ? e.code : 'OTHER';
  }
  return undefined;
}

/** Rewrites one entry of a bundle (keeping a valid zip, so only the manifest can tell). */
function replaceEntry(bundle: Buffer, name: string, data: string): Buffer {
  return writeZip(readZip(bundle).map((e) => (e.name === name ? { name, data: Buffer.from(data) } : e)));
}

describe('offline bundle', () => {
  it('verifies and returns the entries of a bundle signed with the desk key', () => {
    const v = verifyBundle('b.raddbundle', buildBundle('feed', [{ name: 'feed.ndjson', lines }], meta), key);
    expect(v.manifest.entries[0]!.records).toBe(2);
    expect(ndjsonLines(v.entries.get('feed.ndjson')!)).toEqual(lines);
  });

  it('refuses an entry whose SHA-256 differs from the manifest', () => {
    const tampered = replaceEntry(buildBundle('feed', [{ name: 'feed.ndjson', lines }], meta), 'feed.ndjson', lines[0] + '\n');
    expect(codeOf(() => verifyBundle('b', tampered, key))).toBe('SYNC_BUNDLE_CHECKSUM_MISMATCH');
  });

  it('refuses a bundle signed with another key', () => {
    const other = buildBundle('feed', [{ name: 'feed.ndjson', lines }], { ...meta, key: Buffer.from('another key of 32 bytes........!') });
    expect(codeOf(() => verifyBundle('b', other, key))).toBe('SYNC_BUNDLE_SIGNATURE_INVALID');
  });

  it('refuses a manifest changed after signing', () => {
    const b = buildBundle('feed', [{ name: 'feed.ndjson', lines }], meta);
    const manifest = readZip(b).find((e) => e.name === 'manifest.json')!;
    const forged = replaceEntry(b, 'manifest.json', Buffer.from(manifest.data).toString().replace('desk-1', 'desk-2'));
    expect(codeOf(() => verifyBundle('b', forged, key))).toBe('SYNC_BUNDLE_SIGNATURE_INVALID');
  });

  it('refuses an entry that the manifest does not list', () => {
    const b = buildBundle('feed', [{ name: 'feed.ndjson', lines }], meta);
    const extra = writeZip([...readZip(b), { name: 'extra.ndjson', data: Buffer.from('{}') }]);
    expect(codeOf(() => verifyBundle('b', extra, key))).toBe('SYNC_BUNDLE_CHECKSUM_MISMATCH');
  });

  it('reports a file that is not a bundle as malformed', () => {
    expect(codeOf(() => verifyBundle('b', Buffer.from('garbage garbage garbage garbage'), key))).toBe('SYNC_BUNDLE_MALFORMED');
  });
});
