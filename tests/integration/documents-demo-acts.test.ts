// The demo's acts at first start (DOMAIN.md 10 step 4, 13): an empty store gets the demo dataset
// with every notified document stored as a real PDF whose SHA-256 is the digest the notification
// declares, so that the counter can hand the acts over (before, only the digest existed and every
// ACT stopped at ACT_DOCUMENT_MISSING).
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IsoInstant } from '../../core/index.js';
import { demoScenarios } from '../../db/seed/demo-scenarios.js';
import type { Identification } from '../../electron/api/contract/desk.js';
import { loadConfig } from '../../electron/config.js';
import { actInquiry } from '../../electron/desk/inquiry.js';
import { createHost, type Host } from '../../electron/host.js';
import { createLogger } from '../../electron/logger.js';
import { rejectionCode } from '../support/store-temp.js';
import { missingTools, pdfText, squash } from './documents-support.js';

let dir: string;
let host: Host;
const skip = await missingTools();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'radd-demo-acts-'));
  host = await createHost(loadConfig(['--data-dir', dir, '--no-open'], {}), { transport: 'http', logger: createLogger(() => undefined) });
});

afterAll(async () => {
  await host?.close();
  rmSync(dir, { recursive: true, force: true });
});

const keyOf = (digest: string) => Buffer.from(digest, 'base64').toString('hex');

/** The recipient in person at the counter (what actInquiry reads of an identification). */
const inPerson = (taxId: string) => ({ recipientTaxId: taxId, recipientType: 'PF', collector: 'RECIPIENT', scans: {} }) as unknown as Identification;

describe('demo dataset at first start', () => {
  it('stores every act of every demo notification, its SHA-256 being the declared digest', async () => {
    const store = host.ctx.store;
    expect(demoScenarios.length).toBeGreaterThan(0);
    for (const s of demoScenarios) {
      const record = await store.notifications.getByIun(s.notification.iun);
      expect(record, s.name).toBeDefined();
      const docs = record!.notification.documents;
      expect(docs).toHaveLength(s.notification.documents.length);
      for (const doc of docs) {
        // Read as it lies on disk and hashed here, not by the file store that wrote it.
        const bytes = readFileSync(store.files.pathOf(keyOf(doc.digests.sha256)));
        expect(createHash('sha256').update(bytes).digest('base64'), `${s.name}: ${doc.title}`).toBe(doc.digests.sha256);
        expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      }
    }
  });

  it.skipIf(skip)('makes each act a readable PDF naming sender, subject, IUN and title, marked as a demo document', async () => {
    for (const s of demoScenarios) {
      const n = (await host.ctx.store.notifications.getByIun(s.notification.iun))!.notification;
      const text = squash(await pdfText(host.ctx.store.files.pathOf(keyOf(n.documents[0]!.digests.sha256))));
      for (const part of [n.senderDenomination, n.subject, n.iun, n.documents[0]!.title, 'DOCUMENTO DIMOSTRATIVO', 'valore legale']) expect(text, `${s.name}: ${part}`).toContain(part);
    }
  });

  it('lets the counter serve a demo notification by IUN while its acts are available, and says when a file is gone', async () => {
    const store = host.ctx.store;
    const s = demoScenarios.find((x) => x.name === 'pec-first-attempt')!;
    const n = s.notification;
    // A week after its refinement (17/03/2026): the act is still available (120 days, DOMAIN.md 13).
    const now = '2026-03-24T10:00:00.000Z' as IsoInstant;
    const r = await actInquiry(store, inPerson(n.recipients[0]!.taxId), { iun: n.iun }, now, 3);
    const acts = r.plan.filter((p) => p.kind === 'ACT' && p.available);
    expect(acts).toHaveLength(n.documents.length);
    // Control: the same inquiry once the file is removed from this computer.
    const stored = (await store.notifications.getByIun(n.iun))!.notification.documents[0]!;
    unlinkSync(store.files.pathOf(keyOf(stored.digests.sha256)));
    expect(await rejectionCode(actInquiry(store, inPerson(n.recipients[0]!.taxId), { iun: n.iun }, now, 3))).toBe('ACT_DOCUMENT_MISSING');
  });
});
