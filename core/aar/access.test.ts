import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors/index.js';
import {
  DEFAULT_AAR_ACCESS_BASE,
  aarAccessBase,
  aarQrUrl,
  parseScannedAar,
  perfezionamentoUrl,
} from './access.js';

const TOKEN = 'UEVYQS1NREtOLVdSVFEtMjAyNjAxLU0tMV9QRi00ZmM3NWRmMy0wOTEzXzBmNGU3YTUy';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return isDomainError(e) ? e.code : 'NOT_A_DOMAIN_ERROR';
  }
  return undefined;
}

describe('AAR access links (DOMAIN.md 9)', () => {
  it('puts the token after <accessBase>notifica?aar=', () => {
    expect(aarQrUrl('https://cittadini.notifichedigitali.it/', TOKEN)).toBe(
      `https://cittadini.notifichedigitali.it/notifica?aar=${TOKEN}`,
    );
  });

  it('adds the missing slash of a configured access base', () => {
    expect(aarQrUrl('https://test.example', TOKEN)).toBe(`https://test.example/notifica?aar=${TOKEN}`);
  });

  it('uses the citizens site for PF and the businesses site for PG, unless overridden', () => {
    expect(aarAccessBase('PF')).toBe(DEFAULT_AAR_ACCESS_BASE.PF);
    expect(aarAccessBase('PG')).toBe(DEFAULT_AAR_ACCESS_BASE.PG);
    expect(DEFAULT_AAR_ACCESS_BASE.PF).not.toBe(DEFAULT_AAR_ACCESS_BASE.PG);
    expect(aarAccessBase('PG', { PG: 'https://imprese.test' })).toBe('https://imprese.test/');
  });

  it('links the perfezionamento page of the landing site', () => {
    expect(perfezionamentoUrl('https://landing.test')).toBe('https://landing.test/perfezionamento');
  });

  it('refuses to put a non-token in a QR link', () => {
    expect(codeOf(() => aarQrUrl('https://x.test/', 'a b'))).toBe('AAR_TOKEN_INPUT_INVALID');
  });
});

describe('parseScannedAar: what a desk scanner may deliver (DOMAIN.md 9)', () => {
  it('accepts the full QR URL and returns its token', () => {
    expect(parseScannedAar(`https://cittadini.notifichedigitali.it/notifica?aar=${TOKEN}`)).toEqual({ token: TOKEN, form: 'URL' });
  });

  it('accepts the businesses site URL and other query parameters around aar', () => {
    expect(parseScannedAar(`https://imprese.notifichedigitali.it/notifica?lang=it&aar=${TOKEN}&x=1`).token).toBe(TOKEN);
  });

  it('accepts the bare token, ignoring the scanner\'s trailing newline and spaces', () => {
    expect(parseScannedAar(`  ${TOKEN}\r\n`)).toEqual({ token: TOKEN, form: 'TOKEN' });
  });

  it.each([
    ['empty input', ''],
    ['an IUN (e.g. the AAR barcode)', 'PEXA-MDKN-WRTQ-202601-M-1'],
    ['a tax code', 'RSSMRA85T10A562S'],
    ['a URL without aar', 'https://cittadini.notifichedigitali.it/notifica?iun=PEXA'],
    ['a URL with an empty token', 'https://cittadini.notifichedigitali.it/notifica?aar='],
    ['another page of the site', `https://cittadini.notifichedigitali.it/dettaglio?aar=${TOKEN}`],
    ['a token with padding', `${TOKEN}==`],
    ['a token with a space inside', `${TOKEN.slice(0, 20)} ${TOKEN.slice(20)}`],
    ['a non-web URL', `ftp://x.test/notifica?aar=${TOKEN}`],
  ])('rejects %s with AAR_QR_INVALID', (_label, input) => {
    expect(codeOf(() => parseScannedAar(input))).toBe('AAR_QR_INVALID');
  });
});
