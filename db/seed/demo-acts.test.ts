import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Notification } from '../../core/index.js';
import { demoActFiles, renderDemoAct, storeDemoActs, withDemoDigests } from './demo-acts.js';
import { demoScenarios } from './demo-scenarios.js';

const base = demoScenarios[0]!.notification;
const two: Notification = {
  ...base,
  subject: 'Ordinanza n. 12/2026 — ingiunzione (città) ✓',
  documents: [
    { title: 'Ordinanza', contentType: 'application/pdf', digests: { sha256: 'AAAA' }, ref: 'ab'.repeat(32) },
    { title: 'Allegato', contentType: 'application/pdf', digests: { sha256: 'BBBB' } },
  ],
};
const b64 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('base64');

describe('demo acts', () => {
  it('renders the same bytes for the same notification and document (same digest after a restart)', async () => {
    const [a, b] = [await renderDemoAct(two, 0), await renderDemoAct(structuredClone(two), 0)];
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('renders a different PDF per document and per notification', async () => {
    const keys = new Set([b64(await renderDemoAct(two, 0)), b64(await renderDemoAct(two, 1)), b64(await renderDemoAct({ ...two, iun: demoScenarios[1]!.notification.iun }, 0))]);
    expect(keys.size).toBe(3);
  });

  it('accepts any Unicode in the texts (what the standard font cannot show is replaced)', async () => {
    const bytes = await renderDemoAct({ ...two, senderDenomination: 'Comune di 東京 \u0007' }, 0);
    expect(Buffer.from(bytes).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('names each document by the SHA-256 of its file and changes nothing else', async () => {
    const files = await demoActFiles(two);
    const n = withDemoDigests(two, files);
    expect(n.documents.map((d) => d.digests.sha256)).toEqual(files.map((f) => b64(f.bytes)));
    expect(n.documents.map((d) => d.ref)).toEqual([undefined, undefined]);
    expect(n.documents.map((d) => [d.title, d.contentType])).toEqual(two.documents.map((d) => [d.title, d.contentType]));
    expect({ ...n, documents: [] }).toEqual({ ...two, documents: [] });
  });

  it('stores every file before answering with the notification that names them', async () => {
    const put: string[] = [];
    const n = await storeDemoActs({ put: async (bytes) => { put.push(b64(bytes)); } }, two);
    expect(put).toEqual(n.documents.map((d) => d.digests.sha256));
  });
});
