// Offline bundles (a desk without network: USB stick). A bundle is a flat zip with
//   manifest.json  {format, version, kind, deskId, createdAt, entries: [{name, sha256, bytes, records}]}
//   manifest.sig   hex HMAC-SHA256(desk key, bytes of manifest.json)
//   <entries>      feed.ndjson (one {notification, timeline} per line) or outbox.ndjson (one item per line)
// Import verifies the signature, then every entry's SHA-256 against the manifest, before anything
// is read: a wrong checksum refuses the whole bundle and nothing local changes.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { SyncError } from '../../sync/errors.js';
import { readZip, writeZip, ZipFormatError, type ZipEntry } from '../../sync/zip.js';

export const BUNDLE_FORMAT = 'radd-desk-bundle';
export const BUNDLE_EXTENSION = '.raddbundle';

export interface ManifestEntry {
  name: string;
  sha256: string;
  bytes: number;
  records: number;
}

export interface BundleManifest {
  format: typeof BUNDLE_FORMAT;
  version: 1;
  kind: 'feed' | 'outbox';
  deskId: string;
  createdAt: string;
  entries: ManifestEntry[];
}

export interface VerifiedBundle {
  manifest: BundleManifest;
  /** Hex HMAC of the manifest: identifies the bundle (used in the import cursor). */
  signature: string;
  entries: Map<string, Buffer>;
}

const sha256Hex = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const hmacHex = (key: Uint8Array, b: Uint8Array) => createHmac('sha256', key).update(b).digest('hex');

/** Builds a signed bundle from ndjson entries (`lines` are already serialised JSON records). */
export function buildBundle(kind: BundleManifest['kind'], parts: { name: string; lines: readonly string[] }[], meta: { deskId: string; createdAt: string; key: Uint8Array }): Buffer {
  const files: ZipEntry[] = parts.map((p) => ({ name: p.name, data: Buffer.from(p.lines.length ? p.lines.join('\n') + '\n' : '', 'utf8') }));
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT, version: 1, kind, deskId: meta.deskId, createdAt: meta.createdAt,
    entries: files.map((f, i) => ({ name: f.name, sha256: sha256Hex(f.data), bytes: f.data.length, records: parts[i]!.lines.length })),
  };
  const manifestBytes = Buffer.from(JSON.stringify(manifest), 'utf8');
  return writeZip([
    { name: 'manifest.json', data: manifestBytes },
    { name: 'manifest.sig', data: Buffer.from(hmacHex(meta.key, manifestBytes), 'utf8') },
    ...files,
  ]);
}

function malformed(file: string, detail: string): SyncError {
  return new SyncError('SYNC_BUNDLE_MALFORMED', { file, detail: detail.slice(0, 120) }, { transient: false });
}

function parseManifest(file: string, bytes: Buffer): BundleManifest {
  let m: BundleManifest;
  try {
    m = JSON.parse(bytes.toString('utf8')) as BundleManifest;
  } catch {
    throw malformed(file, 'manifest.json');
  }
  const okEntry = (e: ManifestEntry) => typeof e?.name === 'string' && /^[0-9a-f]{64}$/.test(String(e.sha256)) && Number.isInteger(e.bytes) && Number.isInteger(e.records);
  if (m?.format !== BUNDLE_FORMAT || m.version !== 1 || (m.kind !== 'feed' && m.kind !== 'outbox') || !Array.isArray(m.entries) || !m.entries.every(okEntry)) {
    throw malformed(file, 'manifest.json');
  }
  return m;
}

/** Opens and verifies a bundle (signature, then checksums); throws SyncError with the file name. */
export function verifyBundle(file: string, data: Buffer, key: Uint8Array): VerifiedBundle {
  let zip: ZipEntry[];
  try {
    zip = readZip(data);
  } catch (e) {
    if (e instanceof ZipFormatError && e.message.startsWith('CRC mismatch')) {
      throw new SyncError('SYNC_BUNDLE_CHECKSUM_MISMATCH', { file, entry: e.message.slice(14) }, { transient: false });
    }
    throw malformed(file, e instanceof Error ? e.message : 'zip');
  }
  const byName = new Map(zip.map((e) => [e.name, Buffer.from(e.data)]));
  const manifestBytes = byName.get('manifest.json');
  const sig = byName.get('manifest.sig')?.toString('utf8') ?? '';
  if (!manifestBytes) throw malformed(file, 'manifest.json missing');
  const expected = hmacHex(key, manifestBytes);
  if (sig.length !== expected.length || !timingSafeEqual(Buffer.from(sig), Buffer.from(expected))) {
    throw new SyncError('SYNC_BUNDLE_SIGNATURE_INVALID', { file }, { transient: false });
  }
  const manifest = parseManifest(file, manifestBytes);
  const entries = new Map<string, Buffer>();
  for (const e of manifest.entries) {
    const bytes = byName.get(e.name);
    if (!bytes || bytes.length !== e.bytes || sha256Hex(bytes) !== e.sha256) {
      throw new SyncError('SYNC_BUNDLE_CHECKSUM_MISMATCH', { file, entry: e.name }, { transient: false });
    }
    entries.set(e.name, bytes);
  }
  const extra = [...byName.keys()].find((n) => n !== 'manifest.json' && n !== 'manifest.sig' && !entries.has(n));
  if (extra !== undefined) throw new SyncError('SYNC_BUNDLE_CHECKSUM_MISMATCH', { file, entry: extra }, { transient: false });
  return { manifest, signature: expected, entries };
}

/** The lines of an ndjson entry (empty lines dropped). */
export function ndjsonLines(data: Buffer): string[] {
  return data.toString('utf8').split('\n').filter((l) => l.length > 0);
}
