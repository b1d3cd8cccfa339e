// The identity-evidence zip of a RADD operation (DOMAIN.md 10.1; radd-alt-external.yaml appendix
// "FILE ZIP"): metadati_destinatario.json, metadati_delegato.json + delega.pdf for a delegate,
// visura.pdf + autodichiarazione.pdf for a PG recipient. Checksum: SHA-256 of the zip, base64.
import { createHash } from 'node:crypto';
import { SyncError } from '../../sync/errors.js';
import type { BlobReader } from '../../sync/types.js';
import { writeZip, type ZipEntry } from '../../sync/zip.js';
import type { RaddEvidence, RaddStartPayload } from './payloads.js';
import { identityDocInfoSchema, type IdentityDocInfo } from './schemas.js';

/** Reads a stored scan by its local reference; undefined when it is not on this computer. */
export type { BlobReader } from '../../sync/types.js';

export interface EvidenceZip {
  zip: Buffer;
  /** base64(SHA-256(zip)), the `checksum` of documentUpload, start and x-amz-checksum-sha256. */
  checksum: string;
}

export function sha256Base64(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('base64');
}

/**
 * The identity-doc JSON schema allows printable ASCII only (`^[ -~]{1,1024}$`): accented letters of
 * Italian names ("Comune di Cantù") are written without their accent; anything else is refused.
 */
export function toPrintableAscii(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[‘’]/g, "'").trim();
}

function metadata(operationId: string, doc: NonNullable<RaddEvidence['delegate']>, field: string): IdentityDocInfo {
  const info = { operationId, ...doc, docType: toPrintableAscii(doc.docType), docNumber: toPrintableAscii(doc.docNumber), docIssuer: toPrintableAscii(doc.docIssuer) };
  const r = identityDocInfoSchema.safeParse(info);
  if (!r.success) throw new SyncError('SYNC_RADD_EVIDENCE_INVALID', { operationId, path: `${field}.${r.error.issues[0]?.path.join('.') ?? ''}` }, { transient: false });
  return r.data;
}

async function scan(read: BlobReader, operationId: string, name: string, ref: string | undefined): Promise<ZipEntry> {
  if (ref === undefined) throw new SyncError('SYNC_RADD_EVIDENCE_INVALID', { operationId, path: `files.${name}` }, { transient: false });
  const data = await read(ref);
  if (!data) throw new SyncError('SYNC_BLOB_MISSING', { operationId, name }, { transient: false });
  return { name: `${name}.pdf`, data };
}

const json = (v: unknown): Uint8Array => Buffer.from(JSON.stringify(v), 'utf8');

/** Builds the zip for a start payload that carries evidence; deterministic for the same input. */
export async function buildEvidenceZip(p: RaddStartPayload & { evidence: RaddEvidence }, read: BlobReader): Promise<EvidenceZip> {
  const entries: ZipEntry[] = [{ name: 'metadati_destinatario.json', data: json(metadata(p.operationId, p.evidence.recipient, 'recipient')) }];
  if (p.delegateTaxId !== undefined) {
    if (!p.evidence.delegate) throw new SyncError('SYNC_RADD_EVIDENCE_INVALID', { operationId: p.operationId, path: 'delegate' }, { transient: false });
    entries.push({ name: 'metadati_delegato.json', data: json(metadata(p.operationId, p.evidence.delegate, 'delegate')) });
    entries.push(await scan(read, p.operationId, 'delega', p.evidence.files?.delega));
  }
  if (p.recipientType === 'PG') {
    entries.push(await scan(read, p.operationId, 'visura', p.evidence.files?.visura));
    entries.push(await scan(read, p.operationId, 'autodichiarazione', p.evidence.files?.autodichiarazione));
  }
  const zip = writeZip(entries);
  return { zip, checksum: sha256Base64(zip) };
}
