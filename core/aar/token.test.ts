import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors/index.js';
import { base64UrlEncode, buildAarToken, utf8Bytes } from './token.js';

// Independent reference decoder (RFC 4648 section 5), so the property test does not check the
// encoder against itself.
function decodeBase64Url(text: string): number[] {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of text) {
    value = (value << 6) | alphabet.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((value >> bits) & 0xff);
    }
  }
  return out;
}

describe('base64url without padding (RFC 4648 section 5)', () => {
  it.each([
    ['', ''],
    ['f', 'Zg'],
    ['fo', 'Zm8'],
    ['foo', 'Zm9v'],
    ['foob', 'Zm9vYg'],
    ['fooba', 'Zm9vYmE'],
    ['foobar', 'Zm9vYmFy'],
  ])('encodes the RFC test vector %j as %j', (input, expected) => {
    expect(base64UrlEncode(utf8Bytes(input))).toBe(expected);
  });

  it('uses - and _ instead of + and / (0xFB 0xFF -> "-_8")', () => {
    expect(base64UrlEncode([0xfb, 0xff])).toBe('-_8');
  });

  it('round-trips any byte sequence through an independent decoder, never padding', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const text = base64UrlEncode(bytes);
        expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(decodeBase64Url(text)).toEqual([...bytes]);
      }),
    );
  });
});

describe('UTF-8 encoding by hand', () => {
  it.each([
    ['è', [0xc3, 0xa8]],
    ['€', [0xe2, 0x82, 0xac]],
    ['😀', [0xf0, 0x9f, 0x98, 0x80]],
    ['\ud800', [0xef, 0xbf, 0xbd]],
  ])('encodes %j', (input, expected) => {
    expect(utf8Bytes(input)).toEqual(expected);
  });

  it('agrees with TextEncoder for any string', () => {
    const encoder = new TextEncoder();
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => {
      expect(utf8Bytes(s)).toEqual([...encoder.encode(s)]);
    }));
  });
});

describe('buildAarToken (DOMAIN.md 9)', () => {
  const iun = 'PEXA-MDKN-WRTQ-202601-M-1';
  const internalId = 'PF-4fc75df3-0913-407e-bdaa-e50329708b7d';
  const uuid = '0f4e7a52-6a1d-4c8e-9a77-3d2b1c0e9f11';

  it('is the base64url of "<IUN>_<recipientInternalId>_<uuid>" without padding', () => {
    const token = buildAarToken(iun, internalId, uuid);
    expect(token).not.toContain('=');
    const decoded = String.fromCharCode(...decodeBase64Url(token));
    expect(decoded).toBe(`${iun}_${internalId}_${uuid}`);
  });

  it('gives different tokens for different UUIDs of the same recipient', () => {
    expect(buildAarToken(iun, internalId, uuid)).not.toBe(
      buildAarToken(iun, internalId, '0f4e7a52-6a1d-4c8e-9a77-3d2b1c0e9f12'),
    );
  });

  it.each([
    ['', internalId, uuid, 'iun'],
    [iun, '', uuid, 'recipientInternalId'],
    [iun, 'PF_x', uuid, 'recipientInternalId'],
    [iun, internalId, 'not-a-uuid', 'uuid'],
  ])('refuses a missing or ambiguous part (%j, %j, %j)', (i, r, u, field) => {
    try {
      buildAarToken(i, r, u);
      expect.unreachable('should have thrown');
    } catch (e) {
      expect(isDomainError(e) && e.code).toBe('AAR_TOKEN_INPUT_INVALID');
      expect(isDomainError(e) && e.params.field).toBe(field);
    }
  });
});
