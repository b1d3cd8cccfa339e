// Identity document of the person at the desk (DOMAIN.md 10 step 1; fields of
// shared/specs/json-schema-identity-doc-info.json: docType, docNumber, docIssuer, issueDate, expireDate).
import type { IsoInstant } from '../model/types.js';
import type { LocalizedText } from '../labels/status-labels.js';
import type { DeskParams } from './result.js';
import { formatRomeDate, tryParseInstant } from '../time/index.js';
import { parseCalendarDate } from './days.js';

export const IDENTITY_DOCUMENT_TYPES = [
  'CARTA_IDENTITA',
  'CARTA_IDENTITA_ELETTRONICA',
  'PASSAPORTO',
  'PATENTE',
  'PERMESSO_SOGGIORNO',
] as const;
export type IdentityDocumentType = (typeof IDENTITY_DOCUMENT_TYPES)[number];

export const IDENTITY_DOCUMENT_LABELS: Record<IdentityDocumentType, LocalizedText> = {
  CARTA_IDENTITA: { it: "Carta d'identità", en: 'Identity card' },
  CARTA_IDENTITA_ELETTRONICA: { it: "Carta d'identità elettronica (CIE)", en: 'Electronic identity card (CIE)' },
  PASSAPORTO: { it: 'Passaporto', en: 'Passport' },
  PATENTE: { it: 'Patente di guida', en: 'Driving licence' },
  PERMESSO_SOGGIORNO: { it: 'Permesso di soggiorno', en: 'Residence permit' },
};

export interface IdentityDocumentInput {
  type: string;
  number: string;
  issuer: string;
  /** `YYYY-MM-DD` */
  issueDate?: string | null;
  /** `YYYY-MM-DD` */
  expiryDate: string;
  /** Today's date `YYYY-MM-DD`, or an instant (its Europe/Rome calendar day is used). */
  today: string | IsoInstant;
}

export type IdentityDocumentErrorCode =
  | 'IDENTITY_DOCUMENT_TYPE_INVALID'
  | 'IDENTITY_DOCUMENT_NUMBER_INVALID'
  | 'IDENTITY_DOCUMENT_NUMBER_SHAPE'
  | 'IDENTITY_DOCUMENT_ISSUER_MISSING'
  | 'IDENTITY_DOCUMENT_DATE_INVALID'
  | 'IDENTITY_DOCUMENT_ISSUED_IN_FUTURE'
  | 'IDENTITY_DOCUMENT_ISSUED_AFTER_EXPIRY'
  | 'IDENTITY_DOCUMENT_EXPIRED';

export interface IdentityDocumentProblem {
  field: 'type' | 'number' | 'issuer' | 'issueDate' | 'expiryDate';
  code: IdentityDocumentErrorCode;
  params: DeskParams;
}

export type IdentityDocumentResult = { ok: true; problems: [] } | { ok: false; problems: IdentityDocumentProblem[] };

// Number shapes of the Italian documents whose format is fixed; others only need 5-20 letters/digits.
// The example is what the clerk is told when a number does not fit (a passport's typed under the
// default "Carta d'identità elettronica" is the usual slip).
const NUMBER_SHAPES: Partial<Record<IdentityDocumentType, { shape: RegExp; example: string }>> = {
  CARTA_IDENTITA_ELETTRONICA: { shape: /^[A-Z]{2}\d{5}[A-Z]{2}$/, example: 'CA12345AB' },
  PASSAPORTO: { shape: /^[A-Z]{2}\d{7}$/, example: 'YA1234567' },
};

function isDocumentType(t: string): t is IdentityDocumentType {
  return (IDENTITY_DOCUMENT_TYPES as readonly string[]).includes(t);
}

function isValidNumber(type: IdentityDocumentType | null, raw: string): boolean {
  // The upload schema allows printable ASCII only.
  if (!/^[ -~]{1,1024}$/.test(raw)) return false;
  const compact = raw.replace(/\s+/g, '').toUpperCase();
  const fixed = type ? NUMBER_SHAPES[type] : undefined;
  return fixed ? fixed.shape.test(compact) : /^[A-Z0-9]{5,20}$/.test(compact);
}

function todayOf(today: string): string | null {
  if (parseCalendarDate(today)) return today;
  const ms = tryParseInstant(today);
  return Number.isNaN(ms) ? null : formatRomeDate(ms);
}

function checkDates(input: IdentityDocumentInput, problems: IdentityDocumentProblem[]): void {
  const today = todayOf(input.today);
  const expiryOk = parseCalendarDate(input.expiryDate) !== null;
  const issue = input.issueDate ?? null;
  const issueOk = issue === null || parseCalendarDate(issue) !== null;
  if (!expiryOk) problems.push({ field: 'expiryDate', code: 'IDENTITY_DOCUMENT_DATE_INVALID', params: {} });
  if (!issueOk) problems.push({ field: 'issueDate', code: 'IDENTITY_DOCUMENT_DATE_INVALID', params: {} });
  if (today === null) throw new Error('checkIdentityDocument: today is neither a date nor an instant');
  // ISO calendar dates compare correctly as strings.
  if (issue !== null && issueOk && issue > today) problems.push({ field: 'issueDate', code: 'IDENTITY_DOCUMENT_ISSUED_IN_FUTURE', params: {} });
  if (issue !== null && issueOk && expiryOk && issue > input.expiryDate) {
    problems.push({ field: 'issueDate', code: 'IDENTITY_DOCUMENT_ISSUED_AFTER_EXPIRY', params: {} });
  }
  // A document is valid through its expiry day.
  if (expiryOk && input.expiryDate < today) {
    problems.push({ field: 'expiryDate', code: 'IDENTITY_DOCUMENT_EXPIRED', params: { expiryDate: input.expiryDate } });
  }
}

/** Checks the identity document data typed by the clerk; every problem is reported with its field. */
export function checkIdentityDocument(input: IdentityDocumentInput): IdentityDocumentResult {
  const problems: IdentityDocumentProblem[] = [];
  const type = isDocumentType(input.type) ? input.type : null;
  if (type === null) problems.push({ field: 'type', code: 'IDENTITY_DOCUMENT_TYPE_INVALID', params: {} });
  if (!isValidNumber(type, input.number)) {
    const fixed = type ? NUMBER_SHAPES[type] : undefined;
    problems.push(fixed ? { field: 'number', code: 'IDENTITY_DOCUMENT_NUMBER_SHAPE', params: { example: fixed.example } } : { field: 'number', code: 'IDENTITY_DOCUMENT_NUMBER_INVALID', params: {} });
  }
  if (input.issuer.trim() === '') problems.push({ field: 'issuer', code: 'IDENTITY_DOCUMENT_ISSUER_MISSING', params: {} });
  checkDates(input, problems);
  return problems.length === 0 ? { ok: true, problems: [] } : { ok: false, problems };
}
