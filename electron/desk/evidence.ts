// The identity evidence of an operation (DOMAIN.md 10.1; radd-alt-external.yaml appendix "FILE
// ZIP"): the scans as stored, the document details for the RADD upload, and the zip itself, built
// with the radd adapter's own deterministic writer so that the checksum recorded at the desk is the
// one the upload will carry (SHA-256 of the zip, base64).
import { IDENTITY_DOCUMENT_LABELS, type IdentityDocumentType, type IsoInstant, type RecipientType } from '../../core/index.js';
import type { FileStore } from '../../db/files.js';
import type { DeskScanRef, DeskScanRole } from '../../db/repositories/desk-queries.js';
import { buildEvidenceZip } from '../adapters/radd/evidence.js';
import type { RaddEvidence } from '../adapters/radd/payloads.js';
import type { Identification } from '../api/contract/desk.js';
import { scanAsPdf, sniffScan } from './scans.js';

export interface OperationEvidence {
  scans: DeskScanRef[];
  /** Absent when the operator organisation keeps the scans itself. */
  evidence: RaddEvidence | undefined;
  zip: { sha256: string; checksum: string } | undefined;
}

const ROLES: Record<keyof Identification['scans'], DeskScanRole> = {
  recipientId: 'RECIPIENT_ID',
  delegateId: 'DELEGATE_ID',
  delegationForm: 'DELEGATION_FORM',
  companyRegister: 'COMPANY_REGISTER',
  selfDeclaration: 'SELF_DECLARATION',
};
/** The zip wants these as PDF: delega.pdf, visura.pdf, autodichiarazione.pdf. */
const AS_PDF: Partial<Record<DeskScanRole, 'delega' | 'visura' | 'autodichiarazione'>> = {
  DELEGATION_FORM: 'delega',
  COMPANY_REGISTER: 'visura',
  SELF_DECLARATION: 'autodichiarazione',
};

function docInfo(doc: Identification['recipientDocument']) {
  return {
    docType: IDENTITY_DOCUMENT_LABELS[doc.type as IdentityDocumentType].it,
    docNumber: doc.number,
    docIssuer: doc.issuer,
    issueDate: doc.issueDate,
    expireDate: doc.expiryDate,
  };
}

async function scanRefs(files: FileStore, id: Identification): Promise<{ scans: DeskScanRef[]; pdfs: RaddEvidence['files'] }> {
  const scans: DeskScanRef[] = [];
  const pdfs: NonNullable<RaddEvidence['files']> = {};
  for (const [field, role] of Object.entries(ROLES) as Array<[keyof Identification['scans'], DeskScanRole]>) {
    const key = id.scans[field];
    if (!key) continue;
    const bytes = await files.read(key);
    const ref: DeskScanRef = { role, sha256: key, contentType: sniffScan(bytes), bytes: bytes.byteLength };
    const zipName = AS_PDF[role];
    if (zipName) {
      const pdf = ref.contentType === 'application/pdf' ? key : (await files.put(await scanAsPdf(bytes))).sha256;
      if (pdf !== key) ref.pdfSha256 = pdf;
      pdfs[zipName] = pdf;
    }
    scans.push(ref);
  }
  return { scans, pdfs };
}

/** Scans, evidence and zip of one operation; deterministic for the same identification and operationId. */
export async function buildOperationEvidence(
  files: FileStore,
  op: { operationId: string; operationType: 'ACT' | 'AOR'; recipientType: RecipientType; operationDate: IsoInstant },
  id: Identification,
  keepScansExternally: boolean,
): Promise<OperationEvidence> {
  const { scans, pdfs } = await scanRefs(files, id);
  if (keepScansExternally) return { scans, evidence: undefined, zip: undefined };
  const evidence: RaddEvidence = {
    recipient: docInfo(id.recipientDocument),
    ...(id.delegate ? { delegate: docInfo(id.delegate.document) } : {}),
    files: pdfs,
  };
  const payload = {
    operationType: op.operationType, operationId: op.operationId, recipientTaxId: id.recipientTaxId, recipientType: op.recipientType,
    operationDate: op.operationDate, evidence, ...(id.delegate ? { delegateTaxId: id.delegate.taxId } : {}),
  };
  const built = await buildEvidenceZip(payload, async (ref) => files.read(ref));
  const stored = await files.put(built.zip);
  return { scans, evidence, zip: { sha256: stored.sha256, checksum: built.checksum } };
}
