// Identification at the counter (DOMAIN.md 10 step 1, 10.1 "Identity evidence"): the documents
// typed by the clerk (the core's checkIdentityDocument: an expired one is refused) and the scans
// the operation needs: the ID of the recipient (for a delegate: the copy the delegate brings),
// the delegate's ID (for a company delegate: its representative's) and the signed delegation
// form, a PG recipient's register extract and self-declaration. Operators that keep the scans
// themselves upload none (a desk setting).
import { checkDelegateIdentity, checkIdentityDocument, DomainError, type ErrorCode, type IsoInstant } from '../../core/index.js';
import type { FileStore } from '../../db/files.js';
import { identityDocumentSchema, type Identification } from '../api/contract/desk.js';

export interface IdentityProblem {
  field: string;
  code: ErrorCode;
  params: Record<string, string | number>;
}

type ScanField = keyof Identification['scans'];

function documentProblems(prefix: string, doc: Identification['recipientDocument'], today: IsoInstant): IdentityProblem[] {
  const r = checkIdentityDocument({ type: doc.type, number: doc.number, issuer: doc.issuer, issueDate: doc.issueDate, expiryDate: doc.expiryDate, today });
  return r.problems.map((p) => ({ field: `${prefix}.${p.field}`, code: p.code, params: p.params }));
}

/** The scans the operation needs, each with the code that names its absence. */
export function requiredScans(id: { collector: unknown; recipientType: unknown }): Array<[ScanField, ErrorCode]> {
  const out: Array<[ScanField, ErrorCode]> = [['recipientId', 'IDENTITY_SCAN_MISSING']];
  if (id.collector === 'DELEGATE') out.push(['delegateId', 'IDENTITY_SCAN_MISSING'], ['delegationForm', 'DELEGATION_FORM_MISSING']);
  if (id.recipientType === 'PG') out.push(['companyRegister', 'COMPANY_DOCUMENTS_MISSING'], ['selfDeclaration', 'COMPANY_DOCUMENTS_MISSING']);
  return out;
}

const SCAN_KEY = /^[0-9a-f]{64}$/;

/**
 * The scans missing, or not in the store. `scans` as sent: a key that is no scan key at all is
 * left to the schema's own error.
 */
async function scanProblems(id: { collector: unknown; recipientType: unknown }, scans: Partial<Record<ScanField, unknown>>, files: FileStore): Promise<IdentityProblem[]> {
  const problems: IdentityProblem[] = [];
  for (const [field, code] of requiredScans(id)) {
    const key = scans[field];
    if (key === undefined || key === null || key === '') problems.push({ field: `scans.${field}`, code, params: {} });
    else if (typeof key === 'string' && SCAN_KEY.test(key) && !(await files.has(key))) problems.push({ field: `scans.${field}`, code: 'SCAN_NOT_FOUND', params: {} });
  }
  return problems;
}

/** Every problem of an identification, by form field (empty when the person may proceed). */
export async function identityProblems(id: Identification, today: IsoInstant, files: FileStore, keepScansExternally: boolean): Promise<IdentityProblem[]> {
  const problems = documentProblems('recipientDocument', id.recipientDocument, today);
  if (id.collector === 'DELEGATE' && id.delegate) {
    const delegate = checkDelegateIdentity({ recipientTaxId: id.recipientTaxId, delegateTaxId: id.delegate.taxId, delegateType: id.delegate.delegateType });
    if (!delegate.ok) problems.push({ field: 'delegate.taxId', code: delegate.code, params: delegate.params });
    problems.push(...documentProblems('delegate.document', id.delegate.document, today));
  }
  if (keepScansExternally) return problems;
  problems.push(...(await scanProblems(id, id.scans, files)));
  return problems;
}

const fieldsOf = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {});

/**
 * The problems of an identification that the schema refused (a field empty, a tax code wrong…),
 * besides the schema's own: the scans missing, and the core's checks of each document whose
 * fields are all there (an expired one). The clerk learns them together with the empty fields,
 * not on the next "Cerca notifiche".
 */
export async function unparsedIdentityProblems(sent: unknown, today: IsoInstant, files: FileStore, keepScansExternally: boolean): Promise<IdentityProblem[]> {
  const v = fieldsOf(sent);
  const problems: IdentityProblem[] = [];
  const documents: Array<[string, unknown]> = [['recipientDocument', v.recipientDocument]];
  if (v.collector === 'DELEGATE') documents.push(['delegate.document', fieldsOf(v.delegate).document]);
  for (const [prefix, doc] of documents) {
    const parsed = identityDocumentSchema.safeParse(doc);
    if (parsed.success) problems.push(...documentProblems(prefix, parsed.data, today));
  }
  if (keepScansExternally) return problems;
  problems.push(...(await scanProblems({ collector: v.collector, recipientType: v.recipientType }, fieldsOf(v.scans), files)));
  return problems;
}

/** Throws the first problem (inquiry and start refuse an incomplete identification). */
export async function assertIdentification(id: Identification, today: IsoInstant, files: FileStore, keepScansExternally: boolean): Promise<void> {
  const [first] = await identityProblems(id, today, files, keepScansExternally);
  if (first) throw new DomainError(first.code, { ...first.params, field: first.field });
}
