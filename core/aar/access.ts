// AAR QR content and scanner input (DOMAIN.md 9). The QR holds `<accessBase>notifica?aar=<token>`;
// a desk scanner may deliver that URL or the bare token. Anything else is AAR_QR_INVALID.
import { DomainError } from '../errors/index.js';
import type { RecipientType } from '../model/types.js';

/**
 * Access sites per recipient type: citizens (PF) and businesses (PG). Production hosts are
 * **unconfirmed** in DOMAIN.md 9; these are the public SEND sites. Override them in settings.
 */
export const DEFAULT_AAR_ACCESS_BASE: Readonly<Record<RecipientType, string>> = {
  PF: 'https://cittadini.notifichedigitali.it/',
  PG: 'https://imprese.notifichedigitali.it/',
};

/** SEND's public landing site; the AAR links its `perfezionamento` page (DOMAIN.md 9). */
export const DEFAULT_SEND_LANDING_URL = 'https://notifichedigitali.it/';

/**
 * Tokens are opaque: only their alphabet and length are checked, never their content. A real
 * token encodes at least an IUN (25) and a UUID (36), so it is well over 32 characters; the lower
 * bound keeps an IUN (25), a tax code (16/11) or a notice code (18) typed or scanned into the same
 * field (e.g. from the AAR's IUN barcode) from being taken for a token.
 */
const TOKEN = /^[A-Za-z0-9_-]{32,1024}$/;
const URL_SHAPE = /^https?:\/\/[^/?#\s]+(?:\/[^?#\s]*)?\/notifica\/?\?([^#\s]*)(?:#\S*)?$/i;

function withSlash(base: string): string {
  return base.endsWith('/') ? base : `${base}/`;
}

/** The access site of a recipient type, from settings or the defaults. */
export function aarAccessBase(recipientType: RecipientType, overrides: Partial<Record<RecipientType, string>> = {}): string {
  return withSlash(overrides[recipientType] ?? DEFAULT_AAR_ACCESS_BASE[recipientType]);
}

/** The QR content: `<accessBase>notifica?aar=<token>`. */
export function aarQrUrl(accessBase: string, token: string): string {
  if (!TOKEN.test(token)) throw new DomainError('AAR_TOKEN_INPUT_INVALID', { field: 'token' });
  return `${withSlash(accessBase)}notifica?aar=${token}`;
}

/** `<landing>/perfezionamento`: the page explaining when a notification takes effect. */
export function perfezionamentoUrl(landingUrl: string = DEFAULT_SEND_LANDING_URL): string {
  return `${withSlash(landingUrl)}perfezionamento`;
}

export interface ScannedAar {
  token: string;
  /** What the scanner delivered: the QR's URL or the bare token. */
  form: 'URL' | 'TOKEN';
}

function tokenFromQuery(query: string): string | undefined {
  for (const pair of query.split('&')) {
    const eq = pair.indexOf('=');
    if (eq > 0 && pair.slice(0, eq) === 'aar') return pair.slice(eq + 1);
  }
  return undefined;
}

/**
 * Reads what a desk scanner (or a clerk) typed: the full AAR URL, or the bare token. Surrounding
 * whitespace and a scanner's trailing newline are ignored. The token is returned as is, for the
 * sync adapter or the local token table to resolve.
 */
export function parseScannedAar(input: string): ScannedAar {
  const text = input.trim();
  const url = URL_SHAPE.exec(text);
  if (url) {
    const token = tokenFromQuery(url[1] ?? '');
    if (token !== undefined && TOKEN.test(token)) return { token, form: 'URL' };
    throw new DomainError('AAR_QR_INVALID');
  }
  if (TOKEN.test(text)) return { token: text, form: 'TOKEN' };
  throw new DomainError('AAR_QR_INVALID');
}
