import { describe, expect, it } from 'vitest';
import { checkIdentityDocument, type IdentityDocumentInput } from './identity-document.js';

const VALID: IdentityDocumentInput = {
  type: 'CARTA_IDENTITA_ELETTRONICA',
  number: 'CA12345AB',
  issuer: 'Comune di Napoli',
  issueDate: '2021-05-10',
  expiryDate: '2031-05-10',
  today: '2026-04-01',
};

describe('identity document check (DOMAIN.md 10 step 1)', () => {
  it('accepts a valid CIE', () => {
    expect(checkIdentityDocument(VALID)).toEqual({ ok: true, problems: [] });
  });

  it('accepts a document expiring today', () => {
    expect(checkIdentityDocument({ ...VALID, expiryDate: '2026-04-01' }).ok).toBe(true);
  });

  it('takes today from an instant as the Rome calendar day', () => {
    // 2026-03-31T23:30Z is already 1 April in Rome.
    expect(checkIdentityDocument({ ...VALID, expiryDate: '2026-03-31', today: '2026-03-31T23:30:00Z' }).problems.map((p) => p.code)).toEqual([
      'IDENTITY_DOCUMENT_EXPIRED',
    ]);
  });

  const problems: Array<[string, Partial<IdentityDocumentInput>, string, string]> = [
    ['an expired document', { expiryDate: '2026-03-31' }, 'expiryDate', 'IDENTITY_DOCUMENT_EXPIRED'],
    ['an unknown document type', { type: 'TESSERA_BIBLIOTECA' }, 'type', 'IDENTITY_DOCUMENT_TYPE_INVALID'],
    ['a CIE number of the wrong shape', { number: '12345' }, 'number', 'IDENTITY_DOCUMENT_NUMBER_SHAPE'],
    ['a passport number of the wrong shape', { type: 'PASSAPORTO', number: 'CA12345AB' }, 'number', 'IDENTITY_DOCUMENT_NUMBER_SHAPE'],
    ['a too short number of another document', { type: 'PATENTE', number: 'U1' }, 'number', 'IDENTITY_DOCUMENT_NUMBER_INVALID'],
    ['a number with non-ASCII characters', { type: 'PATENTE', number: 'U1A23B45€C' }, 'number', 'IDENTITY_DOCUMENT_NUMBER_INVALID'],
    ['a missing issuer', { issuer: '  ' }, 'issuer', 'IDENTITY_DOCUMENT_ISSUER_MISSING'],
    ['an expiry that is not a date', { expiryDate: '2031-02-30' }, 'expiryDate', 'IDENTITY_DOCUMENT_DATE_INVALID'],
    ['an issue date that is not a date', { issueDate: '10/05/2021' }, 'issueDate', 'IDENTITY_DOCUMENT_DATE_INVALID'],
    ['an issue date in the future', { issueDate: '2026-04-02' }, 'issueDate', 'IDENTITY_DOCUMENT_ISSUED_IN_FUTURE'],
    ['an issue date after the expiry', { issueDate: '2026-01-01', expiryDate: '2025-12-31' }, 'issueDate', 'IDENTITY_DOCUMENT_ISSUED_AFTER_EXPIRY'],
  ];
  it.each(problems)('reports %s', (_name, overrides, field, code) => {
    const r = checkIdentityDocument({ ...VALID, ...overrides });
    expect(r.ok).toBe(false);
    expect(r.problems).toContainEqual(expect.objectContaining({ field, code }));
  });

  it('says how the number of a CIE or passport is written (a passport number typed as a CIE)', () => {
    const r = checkIdentityDocument({ ...VALID, number: 'YA1234567' });
    expect(r.problems).toEqual([{ field: 'number', code: 'IDENTITY_DOCUMENT_NUMBER_SHAPE', params: { example: 'CA12345AB' } }]);
    expect(checkIdentityDocument({ ...VALID, type: 'PASSAPORTO', number: 'CA12345AB' }).problems[0]?.params).toEqual({ example: 'YA1234567' });
  });

  it('accepts passports, licences and permits with spaces in the number', () => {
    expect(checkIdentityDocument({ ...VALID, type: 'PASSAPORTO', number: 'YA 1234567' }).ok).toBe(true);
    expect(checkIdentityDocument({ ...VALID, type: 'PATENTE', number: 'U1A23B456C' }).ok).toBe(true);
    expect(checkIdentityDocument({ ...VALID, type: 'CARTA_IDENTITA', number: 'AU 1234567', issueDate: null }).ok).toBe(true);
  });
});
