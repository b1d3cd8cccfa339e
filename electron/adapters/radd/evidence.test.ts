import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SyncError } from '../../sync/errors.js';
import { readZip } from '../../sync/zip.js';
import { buildEvidenceZip } from './evidence.js';
import type { RaddStartPayload } from './payloads.js';

const doc = { docType: 'CIE', docNumber: 'CA12345AB', docIssuer: 'Comune di Rho', issueDate: '2023-11-20', expireDate: '2033-11-20' };
const base: RaddStartPayload = { operationType: 'ACT', operationId: 'op-1', recipientTaxId: 'RSSMRA85T10A562S', recipientType: 'PF', iun: 'KWKU-JHXN-HJXM-202304-U-1', operationDate: '2026-03-10T09:00:00Z' };
const blobs: Record<string, Uint8Array> = { d: Buffer.from('%PDF delega'), v: Buffer.from('%PDF visura'), a: Buffer.from('%PDF auto') };
const read = async (ref: string) => blobs[ref];

describe('RADD identity evidence zip (DOMAIN.md 10.1)', () => {
  it('holds only metadati_destinatario.json for a PF recipient in person', async () => {
    const z = await buildEvidenceZip({ ...base, evidence: { recipient: doc } }, read);
    const entries = readZip(z.zip);
    expect(entries.map((e) => e.name)).toEqual(['metadati_destinatario.json']);
    expect(JSON.parse(Buffer.from(entries[0]!.data).toString())).toEqual({ operationId: 'op-1', ...doc });
  });

  it('adds the delegate metadata and delega.pdf for a delegate, visura and autodichiarazione for a PG', async () => {
    const p = { ...base, recipientType: 'PG' as const, recipientTaxId: '15376371009', delegateTaxId: 'BNCLRA90A41F205I', evidence: { recipient: doc, delegate: doc, files: { delega: 'd', visura: 'v', autodichiarazione: 'a' } } };
    const names = readZip((await buildEvidenceZip(p, read)).zip).map((e) => e.name);
    expect(names).toEqual(['metadati_destinatario.json', 'metadati_delegato.json', 'delega.pdf', 'visura.pdf', 'autodichiarazione.pdf']);
  });

  it('gives the base64 SHA-256 of the zip as checksum', async () => {
    const z = await buildEvidenceZip({ ...base, evidence: { recipient: doc } }, read);
    expect(z.checksum).toBe(createHash('sha256').update(z.zip).digest('base64'));
  });

  it('refuses a delegate operation without the delegation scan', async () => {
    const p = { ...base, delegateTaxId: 'BNCLRA90A41F205I', evidence: { recipient: doc, delegate: doc } };
    await expect(buildEvidenceZip(p, read)).rejects.toMatchObject({ code: 'SYNC_RADD_EVIDENCE_INVALID' });
  });

  it('refuses a scan that is not on this computer', async () => {
    const p = { ...base, delegateTaxId: 'BNCLRA90A41F205I', evidence: { recipient: doc, delegate: doc, files: { delega: 'missing' } } };
    await expect(buildEvidenceZip(p, read)).rejects.toBeInstanceOf(SyncError);
    await expect(buildEvidenceZip(p, read)).rejects.toMatchObject({ code: 'SYNC_BLOB_MISSING' });
  });

  it('writes accented letters without accent, as the schema allows printable ASCII only', async () => {
    const z = await buildEvidenceZip({ ...base, evidence: { recipient: { ...doc, docIssuer: 'Comune di Cantù' } } }, read);
    expect(JSON.parse(Buffer.from(readZip(z.zip)[0]!.data).toString()).docIssuer).toBe('Comune di Cantu');
  });

  it('refuses document details the schema cannot hold', async () => {
    await expect(buildEvidenceZip({ ...base, evidence: { recipient: { ...doc, docIssuer: 'Prefettura € 2' } } }, read)).rejects.toMatchObject({ code: 'SYNC_RADD_EVIDENCE_INVALID' });
  });
});
