import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { LOCAL_DOCUMENT_VERSION_TOKEN } from '../../sync/outbox-payloads.js';
import type { UploadTarget } from './client.js';
import { preloadDocuments, type PreloadContext } from './preload.js';
import type { NewNotificationRequest, PreloadRequest, PreloadResponse } from './schemas.js';

type Doc = NewNotificationRequest['documents'][number];

const bytesOf = (i: number) => Buffer.from(`%PDF-1.4 atto ${i}`);
const hex = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const b64 = (b: Buffer) => createHash('sha256').update(b).digest('base64');
const localDoc = (i: number): Doc => ({ digests: { sha256: b64(bytesOf(i)) }, contentType: 'application/pdf', ref: { key: hex(bytesOf(i)), versionToken: LOCAL_DOCUMENT_VERSION_TOKEN }, title: `Atto ${i}`, docIdx: String(i) });

/** A fake SEND: answers preloads (optionally reversed, or damaged) and records the uploads. */
function fakeSend(opts: { reverse?: boolean; damage?: (a: PreloadResponse) => PreloadResponse } = {}) {
  const preloads: PreloadRequest[][] = [];
  const uploads: { target: UploadTarget; sha256: string; actual: string }[] = [];
  const client: PreloadContext['client'] = {
    async preload(items) {
      preloads.push([...items]);
      const answers = items.map((it) => (opts.damage ?? ((a) => a))({ preloadIdx: it.preloadIdx, key: `KEY-${it.preloadIdx}`, secret: `S-${it.preloadIdx}`, httpMethod: 'PUT', url: `http://storage/${it.preloadIdx}` }));
      return opts.reverse ? answers.reverse() : answers;
    },
    async upload(target, doc) {
      uploads.push({ target, sha256: doc.sha256, actual: createHash('sha256').update(doc.bytes).digest('base64') });
      return `ver-${target.url.split('/').pop()}`;
    },
  };
  return { client, preloads, uploads };
}

const store = new Map<string, Uint8Array>(Array.from({ length: 20 }, (_, i) => [hex(bytesOf(i)), bytesOf(i)]));
const readBlob = async (ref: string) => store.get(ref);

describe('send-b2b attachment preload', () => {
  it('preloads local documents at most 15 per call and names each by the key and version of its own upload', async () => {
    const send = fakeSend({ reverse: true });
    const docs = Array.from({ length: 20 }, (_, i) => localDoc(i));
    const out = await preloadDocuments({ client: send.client, readBlob, token: 'tok' }, docs);
    expect(send.preloads.map((p) => p.length)).toEqual([15, 5]);
    expect(send.preloads[0]![3]).toEqual({ preloadIdx: '3', contentType: 'application/pdf', sha256: b64(bytesOf(3)) });
    // Answers came back in reverse order: correlation is by preloadIdx.
    out.forEach((d, i) => expect(d.ref, `doc ${i}`).toEqual({ key: `KEY-${i}`, versionToken: `ver-${i}` }));
    expect(out.map((d) => d.digests.sha256)).toEqual(docs.map((d) => d.digests.sha256));
    for (const u of send.uploads) expect(u.actual).toBe(u.sha256);
    expect(send.uploads.map((u) => u.target.secret)).toEqual(docs.map((_, i) => `S-${i}`));
  });

  it('keeps documents that already name SEND\'s copy, and calls nothing when all do', async () => {
    const send = fakeSend();
    const remote: Doc = { ...localDoc(1), ref: { key: 'PN_NOTIFICATION_ATTACHMENTS-1.pdf', versionToken: 'v1' } };
    expect(await preloadDocuments({ client: send.client, readBlob, token: 'tok' }, [remote])).toEqual([remote]);
    const mixed = await preloadDocuments({ client: send.client, readBlob, token: 'tok' }, [remote, localDoc(2)]);
    expect(mixed.map((d) => d.ref.key)).toEqual(['PN_NOTIFICATION_ATTACHMENTS-1.pdf', 'KEY-1']);
    expect(send.preloads).toHaveLength(1);
  });

  it('refuses, without uploading, an act that is not on this computer or no longer matches its digest', async () => {
    const missing = fakeSend();
    await expect(preloadDocuments({ client: missing.client, readBlob: async () => undefined, token: 'tok' }, [localDoc(0)])).rejects.toMatchObject({ code: 'SYNC_BLOB_MISSING', transient: false, params: { name: 'Atto 0', operationId: 'tok' } });
    const damaged = fakeSend();
    await expect(preloadDocuments({ client: damaged.client, readBlob: async () => Buffer.from('altro'), token: 'tok' }, [localDoc(0)])).rejects.toMatchObject({ code: 'SYNC_REQUEST_INVALID', transient: false });
    expect([...missing.uploads, ...damaged.uploads]).toEqual([]);
  });

  it('refuses a preload answer without an upload URL as off-spec (retried, not uploaded)', async () => {
    const send = fakeSend({ damage: ({ url: _url, ...rest }) => rest });
    await expect(preloadDocuments({ client: send.client, readBlob, token: 'tok' }, [localDoc(0)])).rejects.toMatchObject({ code: 'SYNC_SCHEMA_VIOLATION', transient: true, params: { path: '0.url' } });
    expect(send.uploads).toEqual([]);
  });
});
