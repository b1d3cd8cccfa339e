// AAR quick-access token (DOMAIN.md 9): base64url without padding of the UTF-8 string
// `<IUN>_<recipientInternalId>_<uuid>`. Written by hand because core has no Buffer/btoa.
// The desk builds tokens only for the AARs it prints in demo/offline mode; it never decodes one
// to resolve it (resolution goes through the sync adapter or the local token table).
import { DomainError } from '../errors/index.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** UTF-8 bytes of a string (lone surrogates become U+FFFD, as TextEncoder does). */
export function utf8Bytes(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (next - 0xdc00);
        i++;
      } else cp = 0xfffd;
    } else if (cp >= 0xdc00 && cp <= 0xdfff) cp = 0xfffd;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return out;
}

/** RFC 4648 section 5 (base64url) without `=` padding. */
export function base64UrlEncode(bytes: ArrayLike<number>): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]!;
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]!;
  }
  return out;
}

/**
 * The AAR token of one recipient. `recipientInternalId` is SEND's pseudonymised id (not the tax
 * code); `uuid` is a random UUID the caller draws (core has no randomness).
 */
export function buildAarToken(iun: string, recipientInternalId: string, uuid: string): string {
  if (iun.trim() === '' || iun.includes('_')) throw new DomainError('AAR_TOKEN_INPUT_INVALID', { field: 'iun' });
  if (recipientInternalId.trim() === '' || recipientInternalId.includes('_')) {
    throw new DomainError('AAR_TOKEN_INPUT_INVALID', { field: 'recipientInternalId' });
  }
  if (!UUID.test(uuid)) throw new DomainError('AAR_TOKEN_INPUT_INVALID', { field: 'uuid' });
  return base64UrlEncode(utf8Bytes(`${iun}_${recipientInternalId}_${uuid}`));
}
