import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors/index.js';
import { nameCode, surnameCode } from './codice-fiscale.js';
import {
  acceptTaxIdFromSend,
  computeTaxIdCheckChar,
  makeOmocodicVariant,
  makeTaxId,
  makeVatNumber,
  normalizeTaxIdInput,
  parseCodiceFiscale,
  parseRecipientTaxId,
  parseVatNumber,
} from './tax-id.js';

// DOMAIN.md 2.2 valid examples, with the person each one belongs to (birthplace by cadastral code).
const PEOPLE = [
  { cf: 'RSSMRA85T10A562S', surname: 'Rossi', name: 'Mario', birthDate: '1985-12-10', female: false, cadastralCode: 'A562' },
  { cf: 'BNCLRA90A41F205I', surname: 'Bianchi', name: 'Laura', birthDate: '1990-01-01', female: true, cadastralCode: 'F205' },
  { cf: 'VRDGPP80M01H501L', surname: 'Verdi', name: 'Giuseppe', birthDate: '1980-08-01', female: false, cadastralCode: 'H501' },
  { cf: 'MRNLCU72E12L219H', surname: 'Marino', name: 'Luca', birthDate: '1972-05-12', female: false, cadastralCode: 'L219' },
  { cf: 'FRRNNA65S55D612P', surname: 'Ferrari', name: 'Anna', birthDate: '1965-11-15', female: true, cadastralCode: 'D612' },
  { cf: 'SPSGNN48C12F839Y', surname: 'Esposito', name: 'Giovanni', birthDate: '1948-03-12', female: false, cadastralCode: 'F839' },
];
const OMOCODIC = ['RSSMRA85T10A56NH', 'RSSMRA85T10A5SNT'];
const VAT_VALID = ['15376371009', '00488410010', '01234567897'];

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return isDomainError(e) ? e.code : 'not a DomainError';
  }
  return undefined;
}

describe('parseCodiceFiscale', () => {
  it.each([...PEOPLE.map((p) => p.cf), ...OMOCODIC])('accepts the DOMAIN.md example %s', (cf) => {
    expect(parseCodiceFiscale(cf)).toMatchObject({ ok: true, value: cf, kind: 'CODICE_FISCALE', warnings: [] });
  });

  it('accepts lower case and surrounding spaces, returning the upper-case code', () => {
    expect(parseCodiceFiscale(' rssmra85t10a562s ')).toMatchObject({ ok: true, value: 'RSSMRA85T10A562S' });
  });

  it('decodes birth data, sex and birthplace', () => {
    const r = parseCodiceFiscale('BNCLRA90A41F205I');
    expect(r.ok && r.info).toEqual({
      birthYear2: 90, birthMonth: 1, birthDay: 1, female: true, cadastralCode: 'F205', bornAbroad: false, omocodic: false,
    });
  });

  it.each(OMOCODIC)('decodes the omocodic %s back to the data of RSSMRA85T10A562S', (cf) => {
    const r = parseCodiceFiscale(cf);
    expect(r.ok && r.info).toMatchObject({ birthYear2: 85, birthMonth: 12, birthDay: 10, cadastralCode: 'A562', omocodic: true });
  });

  it.each([
    ['RSSMRA85T10A562', 'TAX_ID_INVALID_LENGTH', '15 characters'],
    ['RSSMRA85T10A562SX', 'TAX_ID_INVALID_LENGTH', '17 characters'],
    ['1SSMRA85T10A562S', 'TAX_ID_INVALID_FORMAT', 'digit in the surname part'],
    ['RSSMRA8XT10A562S', 'TAX_ID_INVALID_FORMAT', 'X is not an omocodia letter'],
    ['RSSMRA85T10A56-S', 'TAX_ID_INVALID_FORMAT', 'dash in the cadastral code'],
    ['RSSMRA85T1OA562S', 'TAX_ID_INVALID_FORMAT', 'letter O for digit 0'],
    ['RSSMRA85F10A562S', 'TAX_ID_INVALID_MONTH', 'F is not a month letter'],
    ['RSSMRA85Z10A562S', 'TAX_ID_INVALID_MONTH', 'Z is not a month letter'],
    ['RSSMRA85T00A562S', 'TAX_ID_INVALID_DAY', 'day 00'],
    ['RSSMRA85T32A562S', 'TAX_ID_INVALID_DAY', 'day 32'],
    ['RSSMRA85T40A562S', 'TAX_ID_INVALID_DAY', 'day 40 (neither man nor woman)'],
    ['RSSMRA85T72A562S', 'TAX_ID_INVALID_DAY', 'day 72'],
    ['RSSMRA85TPNA562S', 'TAX_ID_INVALID_DAY', 'omocodic day PN = 32, decoded before the check'],
    ['RSSMRA85T10A562T', 'TAX_ID_INVALID_CHECK_CHAR', 'wrong check letter'],
    ['RSSMRA85T10A56NS', 'TAX_ID_INVALID_CHECK_CHAR', 'check letter of the decoded code instead of the written one'],
    ['RSSMRA85T11A562S', 'TAX_ID_INVALID_CHECK_CHAR', 'one digit changed'],
  ])('rejects %s with %s (%s)', (cf, code) => {
    expect(parseCodiceFiscale(cf)).toMatchObject({ ok: false, code });
  });
});

describe('computeTaxIdCheckChar', () => {
  it.each(PEOPLE.map((p) => p.cf))('gives the last letter of %s', (cf) => {
    expect(computeTaxIdCheckChar(cf.slice(0, 15))).toBe(cf[15]);
  });
});

describe('makeOmocodicVariant', () => {
  it('substitutes digits from the rightmost position, as in the DOMAIN.md examples', () => {
    expect(makeOmocodicVariant('RSSMRA85T10A562S', 1)).toBe('RSSMRA85T10A56NH');
    expect(makeOmocodicVariant('RSSMRA85T10A562S', 2)).toBe('RSSMRA85T10A5SNT');
  });
  it.each([3, 4, 5, 6, 7])('makes a valid code at level %i that decodes to the same person', (level) => {
    const r = parseCodiceFiscale(makeOmocodicVariant('FRRNNA65S55D612P', level));
    expect(r.ok && r.info).toMatchObject({ birthYear2: 65, birthMonth: 11, birthDay: 15, female: true, cadastralCode: 'D612' });
  });
});

describe('makeTaxId', () => {
  it.each(PEOPLE)('builds $cf from its holder', ({ cf, ...person }) => {
    expect(makeTaxId(person)).toBe(cf);
  });
  it.each([
    ['Gianfranco', 'GFR', 'four or more consonants: 1st, 3rd, 4th'],
    ['Luca', 'LCU', 'consonants then vowels'],
    ['Al', 'LAX', 'X padding'],
    ['Nicolò', 'NCL', 'accents dropped'],
  ])('name %s -> %s (%s)', (name, code) => {
    expect(nameCode(name)).toBe(code);
  });
  it.each([
    ['Fo', 'FOX'],
    ["D'Amico", 'DMC'],
    ['De Luca', 'DLC'],
    ['Rossi', 'RSS'],
  ])('surname %s -> %s', (surname, code) => {
    expect(surnameCode(surname)).toBe(code);
  });
  it.each([
    [{ birthDate: '1985-13-10' }, 'TAX_ID_INVALID_MONTH'],
    [{ birthDate: '10/12/1985' }, 'TAX_ID_INVALID_FORMAT'],
    [{ birthDate: '1985-12-32' }, 'TAX_ID_INVALID_DAY'],
    [{ cadastralCode: 'A56' }, 'TAX_ID_INVALID_FORMAT'],
  ])('refuses %j with %s', (change, code) => {
    expect(codeOf(() => makeTaxId({ ...PEOPLE[0]!, ...change }))).toBe(code);
  });
});

describe('parseVatNumber', () => {
  it.each(VAT_VALID)('accepts the DOMAIN.md example %s', (vat) => {
    expect(parseVatNumber(vat)).toMatchObject({ ok: true, value: vat, kind: 'PARTITA_IVA' });
  });
  it.each([
    ['15376371008', 'VAT_INVALID_CHECK_DIGIT'],
    ['01234567890', 'VAT_INVALID_CHECK_DIGIT'],
    ['1537637100', 'VAT_INVALID_FORMAT'],
    ['153763710091', 'VAT_INVALID_FORMAT'],
    ['1537637100A', 'VAT_INVALID_FORMAT'],
    ['00000000000', 'VAT_INVALID'],
  ])('rejects %s with %s', (vat, code) => {
    expect(parseVatNumber(vat)).toMatchObject({ ok: false, code });
  });
  it('makeVatNumber appends the check digit', () => {
    expect(makeVatNumber('1537637100')).toBe('15376371009');
    expect(makeVatNumber('0048841001')).toBe('00488410010');
    expect(codeOf(() => makeVatNumber('0000000000'))).toBe('VAT_INVALID');
    expect(codeOf(() => makeVatNumber('123'))).toBe('VAT_INVALID_FORMAT');
  });
});

describe('parseRecipientTaxId', () => {
  it.each([
    ['RSSMRA85T10A562S', 'PF', 'CODICE_FISCALE'],
    ['RSSMRA85T10A562S', 'PG', 'CODICE_FISCALE'], // sole trader
    ['RSSMRA85T10A562S', undefined, 'CODICE_FISCALE'],
    ['15376371009', 'PG', 'PARTITA_IVA'],
    ['15376371009', undefined, 'PARTITA_IVA'],
  ] as const)('accepts %s for recipient type %s as %s', (input, type, kind) => {
    expect(parseRecipientTaxId(input, type)).toMatchObject({ ok: true, value: input, kind });
  });
  it.each([
    ['15376371009', 'PF', 'TAX_ID_INVALID_LENGTH'],
    ['ABC', 'PG', 'TAX_ID_INVALID_LENGTH'],
    ['123', undefined, 'VAT_INVALID_FORMAT'],
    ['15376371008', 'PG', 'VAT_INVALID_CHECK_DIGIT'],
    ['RSSMRA85T10A562T', 'PG', 'TAX_ID_INVALID_CHECK_CHAR'],
    ['00000000000', undefined, 'VAT_INVALID'],
  ] as const)('rejects %s for recipient type %s with %s', (input, type, code) => {
    expect(parseRecipientTaxId(input, type)).toMatchObject({ ok: false, code });
  });
});

describe('acceptTaxIdFromSend', () => {
  it.each(['RSSMRA85T10A562S', '15376371009', 'RSSMRA85T10A56NH'])('accepts %s without warnings', (id) => {
    expect(acceptTaxIdFromSend(id)).toMatchObject({ ok: true, value: id, warnings: [] });
  });
  it.each(['RSSMRA85T10A562T', '15376371008', 'RSSMRA85Z10A562S'])('accepts %s with a check warning', (id) => {
    const r = acceptTaxIdFromSend(id);
    expect(r.ok && r.warnings.map((w) => w.code)).toEqual(['TAX_ID_CHECK_CHAR_UNVERIFIED']);
  });
  it.each(['rssmra85t10a562s', '1537637100', 'RSSMRA85T10A562', 'RSSMRA8XT10A562S'])('rejects %s', (id) => {
    expect(acceptTaxIdFromSend(id)).toMatchObject({ ok: false, code: 'TAX_ID_INVALID_FORMAT' });
  });
});

describe('normalizeTaxIdInput: spaces inside a typed tax id mean nothing (every screen agrees)', () => {
  it('drops inner and outer spaces and tabs, upper-casing', () => {
    expect(normalizeTaxIdInput(' lne rrt 99r27\tb354t ')).toBe('LNERRT99R27B354T');
  });
  it('accepts a codice fiscale typed in groups with every parser that reads a person\'s input', () => {
    const typed = 'rss mra 85t10 a562s';
    expect(parseCodiceFiscale(typed)).toMatchObject({ ok: true, value: 'RSSMRA85T10A562S' });
    expect(parseRecipientTaxId(typed)).toMatchObject({ ok: true, value: 'RSSMRA85T10A562S' });
    expect(parseRecipientTaxId(typed, 'PF')).toMatchObject({ ok: true, value: 'RSSMRA85T10A562S' });
    expect(parseRecipientTaxId(typed, 'PG')).toMatchObject({ ok: true, value: 'RSSMRA85T10A562S' });
  });
  it('accepts a partita IVA typed in groups', () => {
    expect(parseVatNumber('153 7637 1009')).toMatchObject({ ok: true, value: '15376371009' });
    expect(parseRecipientTaxId(' 15376 371009', 'PG')).toMatchObject({ ok: true, value: '15376371009' });
  });
  it('still counts the length without the spaces', () => {
    expect(parseCodiceFiscale('rss mra 85t10 a562')).toMatchObject({ ok: false, code: 'TAX_ID_INVALID_LENGTH', params: { length: 15 } });
  });
  it('does not relax what SEND sends: a space there is still a format error', () => {
    expect(acceptTaxIdFromSend('RSSMRA85T10 A562S')).toMatchObject({ ok: false, code: 'TAX_ID_INVALID_FORMAT' });
  });
});
