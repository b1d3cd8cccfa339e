import { describe, expect, it } from 'vitest';
import { buildAarToken, isDomainError, makeTaxId } from '../../core/index.js';
import { classifyDeskInput } from './input.js';

const IUN = 'QDUX-GHKP-JNAM-202603-T-1';
const TOKEN = buildAarToken(IUN, 'PF-4fc75df3-0913-407e-bdaa-e50329708b7d', '0f4e7a52-6a1d-4c8e-9a77-3d2b1c0e9f11');
const CF = makeTaxId({ surname: 'Rossi', name: 'Mario', birthDate: '1985-12-10', female: false, cadastralCode: 'A562' });

function codeOf(text: string): string | undefined {
  try {
    classifyDeskInput(text);
    return undefined;
  } catch (e) {
    return isDomainError(e) ? e.code : 'NOT_A_DOMAIN_ERROR';
  }
}

describe('desk start field', () => {
  it('reads the full AAR URL a scanner types, with its trailing newline', () => {
    expect(classifyDeskInput(`https://cittadini.notifichedigitali.it/notifica?aar=${TOKEN}\n`)).toMatchObject({ kind: 'QR', token: TOKEN });
  });
  it('reads a bare token as a QR', () => {
    expect(classifyDeskInput(TOKEN)).toMatchObject({ kind: 'QR', token: TOKEN });
  });
  it('refuses a URL that is not an AAR link as not a SEND QR', () => {
    expect(codeOf('https://example.com/notifica')).toBe('AAR_QR_INVALID');
  });
  it('reads an IUN typed in lower case and without dashes', () => {
    expect(classifyDeskInput(IUN.replace(/-/g, '').toLowerCase())).toEqual({ kind: 'IUN', iun: IUN });
  });
  it('gives the core code for a wrong IUN check character', () => {
    expect(codeOf('QDUX-GHKP-JNAM-202603-A-1')).toBe('IUN_INVALID_CHECK_CHAR');
  });
  it('reads a codice fiscale as PF and 11 digits as PG', () => {
    expect(classifyDeskInput(` ${CF.toLowerCase()} `)).toEqual({ kind: 'TAX_ID', taxId: CF, recipientType: 'PF' });
    expect(classifyDeskInput('01199250158')).toEqual({ kind: 'TAX_ID', taxId: '01199250158', recipientType: 'PG' });
  });
  it('gives the core code for a codice fiscale with a wrong check letter', () => {
    const wrong = CF.slice(0, 15) + (CF[15] === 'A' ? 'B' : 'A');
    expect(codeOf(wrong)).toBe('TAX_ID_INVALID_CHECK_CHAR');
  });
  it('refuses text that is none of them', () => {
    expect(codeOf('ciao')).toBe('DESK_INPUT_UNRECOGNISED');
    expect(codeOf('')).toBe('DESK_INPUT_UNRECOGNISED');
  });
});
