import { describe, expect, it } from 'vitest';
import { messageFor } from '../index.js';
import { isItalianAddress, parsePostcode } from './postcode.js';

describe('the postcode of a notification address', () => {
  it('takes an Italian CAP of exactly 5 digits, trimmed', () => {
    expect(parsePostcode('20121', undefined)).toEqual({ ok: true, value: '20121', warnings: [] });
    expect(parsePostcode(' 00187 ', '')).toEqual({ ok: true, value: '00187', warnings: [] });
  });

  it.each(['123', '1234', '123456', '2012A', '20 121', 'ABCDE', '20121-1'])('refuses "%s" for an address in Italy (SENDER_ZIP_INVALID)', (zip) => {
    expect(parsePostcode(zip, undefined)).toEqual({ ok: false, code: 'SENDER_ZIP_INVALID', params: { zip: zip.trim() } });
  });

  it('requires the CAP in Italy, not abroad', () => {
    expect(parsePostcode('', undefined)).toEqual({ ok: false, code: 'SENDER_ZIP_REQUIRED', params: {} });
    expect(parsePostcode('  ', '  ')).toMatchObject({ ok: false, code: 'SENDER_ZIP_REQUIRED' });
    expect(parsePostcode(undefined, 'Germania')).toEqual({ ok: true, value: undefined, warnings: [] });
  });

  it('keeps a foreign postcode in its own format', () => {
    expect(parsePostcode('123', 'Svizzera')).toMatchObject({ ok: true, value: '123' });
    expect(parsePostcode('SW1A 1AA', 'Regno Unito')).toMatchObject({ ok: true, value: 'SW1A 1AA' });
    expect(parsePostcode('80331', 'Germania')).toMatchObject({ ok: true, value: '80331' });
  });

  it('treats a foreign state that names Italy as Italy', () => {
    expect(isItalianAddress('Italia')).toBe(true);
    expect(isItalianAddress(' italy ')).toBe(true);
    expect(isItalianAddress('San Marino')).toBe(false);
    expect(parsePostcode('123', 'Italia')).toMatchObject({ ok: false, code: 'SENDER_ZIP_INVALID' });
  });

  it('says what an Italian CAP is, in Italian and in English', () => {
    expect(messageFor('SENDER_ZIP_INVALID', 'it', { zip: '123' })).toBe('Il CAP di un indirizzo in Italia ha 5 cifre (es. 00187): «123» non è valido');
    expect(messageFor('SENDER_ZIP_INVALID', 'en', { zip: '123' })).toBe('The postcode of an address in Italy has 5 digits (e.g. 00187): "123" is not valid');
  });
});
